"""Helpers shared by tests (import as `from tests.helpers import ...`)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from capnum_desktop.storage.datastore import DataStore


def run_capnum_process(data_dir: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The real console entry point in a child process (what users and scripts run)."""
    return subprocess.run(
        [sys.executable, "-m", "capnum_desktop.cli.main", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def seeded_folder(parent: Path, options: object) -> Path:
    """A data folder seeded once (seeding costs seconds) for session-scoped templates; tests work on copies."""
    from capnum_desktop.services.demo_seed import SeedOptions, seed_demo
    from capnum_desktop.services.studies import load_embedded_study
    from capnum_desktop.storage.datastore import open_data_store

    assert isinstance(options, SeedOptions)
    folder = parent / "data"
    store = open_data_store(folder)
    try:
        load_embedded_study(store)
        seed_demo(store, options)
        with store.engine.connect() as conn:  # one self-contained file to copy
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    return folder


@contextlib.contextmanager
def copied_store(template: Path, target: Path) -> Iterator[DataStore]:
    """An opened copy of a seeded template, closed afterwards."""
    from capnum_desktop.storage.datastore import open_data_store

    shutil.copytree(template, target)
    store = open_data_store(target)
    try:
        yield store
    finally:
        store.close()
