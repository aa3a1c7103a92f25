"""Progress for long commands: a single updating line on a terminal, nothing when piped."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class TerminalProgress:
    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self._label = label
        self._stream = stream or sys.stderr
        self._enabled = self._stream.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self._enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        percent = 100 * done // total if total else 100
        self._stream.write(f"\r{self._label}: {done}/{total} ({percent}%)")
        if done >= total:
            self._stream.write("\n")
        self._stream.flush()
