"""One GUI per data folder: a second one is refused; a killed holder does not leave the folder locked."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from capnum_desktop.storage.errors import DataDirLockedError
from capnum_desktop.storage.lock import DataDirLock

HOLD = """
import sys, time
from pathlib import Path
from capnum_desktop.storage.lock import DataDirLock
lock = DataDirLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def test_second_lock_on_the_same_folder_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    first = DataDirLock(tmp_path)
    first.acquire()
    try:
        with pytest.raises(DataDirLockedError) as excinfo:
            DataDirLock(tmp_path).acquire()
        assert "already open" in str(excinfo.value)
        assert str(tmp_path) in str(excinfo.value)
    finally:
        first.release()
    with DataDirLock(tmp_path):  # released: a new holder gets it
        pass


def test_lock_held_by_another_process_then_freed_when_it_is_killed(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        with pytest.raises(DataDirLockedError) as excinfo:
            DataDirLock(tmp_path).acquire()
        assert f"process {child.pid}@" in str(excinfo.value)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    deadline = time.monotonic() + 5
    while True:
        try:
            with DataDirLock(tmp_path):
                break
        except DataDirLockedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
