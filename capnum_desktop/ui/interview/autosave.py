"""Autosave: every edit reaches the database within a second, and none is ever dropped silently.

Typing is debounced (400 ms after the last key, and at most 900 ms after the first unsaved one, so that someone
typing without pause is still saved every second). Clicks are saved at once. Each pending edit is a key
(e.g. "answer:<question id>") with an action that reads the widget's current state when it runs, so several
edits of one field make one write. A refused value (ServiceError) is reported and dropped, the text staying in
the widget; a failing database (disk full, locked) is reported and retried, keeping the edit pending.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from capnum_desktop.services.errors import ServiceError

log = logging.getLogger(__name__)


class Autosaver(QObject):
    saving = Signal()
    saved = Signal(str)  # local time "hh:mm:ss" of the last successful write
    failed = Signal(str)  # message for the page's message bar

    DEBOUNCE_MS = 400
    MAX_WAIT_MS = 900
    RETRY_MS = 3000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[str, Callable[[], object]] = {}
        self._debounce = self._timer(self.DEBOUNCE_MS)
        self._max_wait = self._timer(self.MAX_WAIT_MS)
        self._retry = self._timer(self.RETRY_MS)
        self.writes = 0
        self.last_error: str | None = None  # why the last write failed, for the "not saved" dialog

    def _timer(self, msecs: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(msecs)
        timer.timeout.connect(self.flush)
        return timer

    @property
    def pending(self) -> int:
        return len(self._pending)

    def schedule(self, key: str, action: Callable[[], object], *, immediate: bool = False) -> None:
        self._pending.pop(key, None)
        self._pending[key] = action
        if immediate:
            self.flush()
            return
        self.saving.emit()
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def flush(self) -> bool:
        """Write everything pending now; True when nothing is left pending."""
        self._debounce.stop()
        self._max_wait.stop()
        if not self._pending:
            return True
        self.saving.emit()
        error: str | None = None
        for key, action in list(self._pending.items()):
            try:
                action()
            except ServiceError as exc:
                self._pending.pop(key, None)  # the value is refused: retrying cannot help
                error = str(exc)
            except Exception as exc:  # the database or the disk: keep the edit and try again
                # Type and key only: the exception text may quote what was being written (an answer, a name).
                log.warning("Autosave of %s failed: %s", key, type(exc).__name__)
                error = self.tr("Not saved yet, retrying: %1").replace("%1", str(exc).splitlines()[0])
            else:
                self._pending.pop(key, None)
                self.writes += 1
        self.last_error = error
        if error is not None:
            self.failed.emit(error)
            if self._pending:
                self._retry.start()
            return not self._pending
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))
        return True
