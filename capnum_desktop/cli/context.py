"""What a command handler receives: its parsed arguments and a lazily opened data store."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from capnum_desktop.storage.datastore import DataStore, open_data_store
from capnum_desktop.storage.paths import resolve_data_dir


class CliContext:
    def __init__(self, data_dir_arg: str | None) -> None:
        self._data_dir_arg = data_dir_arg
        self._store: DataStore | None = None

    @property
    def data_dir(self) -> Path:
        return resolve_data_dir(self._data_dir_arg)

    @property
    def store(self) -> DataStore:
        if self._store is None:
            self._store = open_data_store(self.data_dir)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


Handler = Callable[[argparse.Namespace, CliContext], int]


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
