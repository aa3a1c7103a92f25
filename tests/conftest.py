"""Shared fixtures: real data folders on disk, real migrations, the real embedded study."""

from __future__ import annotations

import faulthandler
import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt needs a platform before any QApplication exists; tests never need a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from capnum_desktop.storage.datastore import DataStore, open_data_store

HANG_SECONDS = 600  # far above the slowest test (about a minute on CI)


@pytest.fixture(autouse=True)
def hang_watchdog() -> Iterator[None]:
    """A test stuck in a native deadlock fails the run within minutes, with every thread's stack, instead of holding
    CI until its limit. Seen once under heavy load: QMediaPlayer's thread and a signal connect waiting on each
    other and on the GIL. faulthandler's watchdog is a C thread: it runs even when the GIL is never released."""
    faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def cayenne(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's clock set to French Guiana (UTC-3), as on an interviewer's laptop in Saint-Laurent."""
    monkeypatch.setenv("TZ", "America/Cayenne")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


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


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 3 MB tmpfs mounted for the test, to fill a disk for real; needs root and mount(8), as in CI.

    Skipped, with the reason, where mounting is impossible (each such test has an ENOSPC-level sibling).
    """
    mount_point = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)], capture_output=True, text=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
