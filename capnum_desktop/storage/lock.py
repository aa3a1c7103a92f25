"""One GUI per data folder: an OS-level file lock, released by the OS even when the app is killed."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from capnum_desktop.domain.messages import _
from capnum_desktop.storage.errors import DataDirLockedError

LOCK_FILE_NAME = "capnum.lock"
LOCK_INFO_NAME = "capnum.lock.info"


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self._dir = data_dir
        self._lock = FileLock(str(data_dir / LOCK_FILE_NAME), timeout=0)

    def acquire(self) -> None:
        self._dir.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise DataDirLockedError(self._locked_message()) from None
        (self._dir / LOCK_INFO_NAME).write_text(f"{os.getpid()}@{socket.gethostname()}\n", encoding="utf-8")

    def release(self) -> None:
        if self._lock.is_locked:
            (self._dir / LOCK_INFO_NAME).unlink(missing_ok=True)
            self._lock.release()

    def _locked_message(self) -> str:
        try:
            holder = (self._dir / LOCK_INFO_NAME).read_text(encoding="utf-8").strip()
        except OSError:
            holder = ""
        if holder:
            return _(
                "CapNum is already open on this data folder ({folder}, process {holder}). "
                "Close the other window first, or choose another data folder."
            ).format(folder=self._dir, holder=holder)
        return _(
            "CapNum is already open on this data folder ({folder}). "
            "Close the other window first, or choose another data folder."
        ).format(folder=self._dir)

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object | TracebackType) -> None:
        self.release()
