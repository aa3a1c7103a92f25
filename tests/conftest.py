"""Shared fixtures: real data folders on disk, real migrations, the real embedded study."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt needs a platform before any QApplication exists; tests never need a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from capnum_desktop.storage.datastore import DataStore, open_data_store


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[DataStore]:
    opened = open_data_store(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def demo_store(store: DataStore) -> DataStore:
    from capnum_desktop.services.studies import load_embedded_study

    load_embedded_study(store)
    return store


@pytest.fixture
def capnum(data_dir: Path) -> object:
    """Run `capnum --data-dir DATA ...` in-process; returns (exit code, stdout, stderr)."""
    from capnum_desktop.cli.main import main

    def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run
