"""The one background-job helper: run a service call off the GUI thread, with progress, cancel and errors.

Workers never touch widgets: they call the function they were given, which talks to services with ids, and the
results come back to the GUI thread through queued Qt signals.

    handle = jobs.start(lambda ctx: export_csv(store, path, progress=ctx.progress),
                        on_done=self._exported, on_error=self._show_error, on_progress=bar.set)
    handle.cancel()   # the function sees ctx.cancelled / ctx.progress() raising JobCancelled
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from capnum_desktop.grids.errors import GridValidationError
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.storage.errors import StorageError

log = logging.getLogger(__name__)

# Errors whose message is meant for the user (shown as is); anything else is a bug, logged with its traceback.
USER_ERRORS: tuple[type[BaseException], ...] = (ServiceError, StorageError, GridValidationError, OSError)


class JobCancelled(Exception):
    """Raised inside a job when the user cancelled it; the job's partial output must be cleaned up by it."""


class JobContext:
    """Handed to the job function: report progress, check for cancellation."""

    def __init__(self, signals: _JobSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        """Report progress; raises JobCancelled once the user cancelled (so loops stop at the next step)."""
        if self._cancel.is_set():
            raise JobCancelled()
        self._signals.progress.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()


class _JobSignals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str, bool)  # message, expected (a user error) or not
    cancelled = Signal()
    finished = Signal()  # always last, whatever the outcome


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[JobContext], Any], signals: _JobSignals, context: JobContext) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals
        self._context = context

    def run(self) -> None:
        try:
            result = self._fn(self._context)
        except JobCancelled:
            self._signals.cancelled.emit()
        except USER_ERRORS as exc:
            self._signals.failed.emit(str(exc), True)
        except Exception as exc:
            log.error("Background job failed:\n%s", traceback.format_exc())
            self._signals.failed.emit(f"{type(exc).__name__}: {exc}", False)
        else:
            self._signals.done.emit(result)
        finally:
            self._signals.finished.emit()


class JobHandle:
    def __init__(self, context: JobContext, signals: _JobSignals) -> None:
        self._context = context
        self.signals = signals
        self.running = True
        signals.finished.connect(self._finished)

    def cancel(self) -> None:
        self._context.cancel()

    def _finished(self) -> None:
        self.running = False


class JobRunner(QObject):
    """Owns the thread pool and keeps running jobs alive until they finish."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._active: set[JobHandle] = set()

    def start(
        self,
        fn: Callable[[JobContext], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str, bool], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> JobHandle:
        signals = _JobSignals()  # created here, so it lives in the GUI thread: slots run there
        context = JobContext(signals)
        handle = JobHandle(context, signals)
        if on_done:
            signals.done.connect(on_done)
        if on_error:
            signals.failed.connect(on_error)
        if on_progress:
            signals.progress.connect(on_progress)
        if on_cancelled:
            signals.cancelled.connect(on_cancelled)
        self._active.add(handle)
        signals.finished.connect(lambda: self._active.discard(handle))
        self._pool.start(_Runnable(fn, signals, context))
        return handle

    @property
    def active(self) -> int:
        return len(self._active)

    def wait_all(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (used at shutdown and by tests); queued signals still need the loop."""
        return self._pool.waitForDone(msecs)
