"""Opens the data folder's DataStore once the window is up (start-up from a snapshot).

The window is first shown from `storage.startup_snapshot`, read with plain sqlite3; SQLAlchemy and the services
(about half a second of imports) are then loaded by a background job so the window stays responsive, and the
database is opened on the GUI thread, where the store is used from then on. A user who acts before that is
served by `store_now()`, which waits for the imports and opens the store at once.
"""

from __future__ import annotations

import importlib
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from capnum_desktop.storage.errors import StorageError
from capnum_desktop.ui.jobs import JobContext, JobRunner

if TYPE_CHECKING:
    from capnum_desktop.storage.datastore import DataStore

log = logging.getLogger(__name__)

IMPORT_WAIT_S = 30
# What opening the store and the first screens need; imported off the GUI thread.
WARM_MODULES = (
    "sqlalchemy.orm",
    "capnum_desktop.storage.datastore",
    "capnum_desktop.services.queries",
    "capnum_desktop.services.studies",
    "capnum_desktop.services.settings",
    "capnum_desktop.ui.audio.startup_recovery",
)


class StoreUnavailable(StorageError):
    """The database could not be opened after the window was shown; the user was told and the app is closing."""


class StoreLoader(QObject):
    ready = Signal(object, bool)  # the DataStore, opened; True when recordings were recovered (counts changed)
    failed = Signal()  # a message was shown; the application exits with code 2

    def __init__(self, data_dir: Path, jobs: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._jobs = jobs
        self._imported = threading.Event()
        self._store: DataStore | None = None
        self._failed = False
        self._started = False

    def start(self) -> None:
        self._started = True
        self._jobs.start(self._import_modules, on_done=lambda _result: self._open(), on_error=self._import_failed)

    def _import_modules(self, _ctx: JobContext) -> None:
        try:
            for name in WARM_MODULES:
                importlib.import_module(name)
        finally:
            self._imported.set()

    def _import_failed(self, message: str, _expected: bool) -> None:
        # Not fatal by itself: the same imports run again on the GUI thread and report properly if they fail.
        log.warning("Background imports failed: %s", message)
        self._open()

    def store_now(self) -> DataStore:
        """The opened store; waits for the background imports if the user was quicker than them."""
        if self._store is None:
            # Let the background job finish its imports rather than race it; should it never run (a thread pool
            # busy elsewhere), the imports simply happen here.
            if self._started and not self._imported.wait(IMPORT_WAIT_S):
                log.warning("Background imports not done after %s s; opening the store here", IMPORT_WAIT_S)
            self._open()
        if self._store is None:
            raise StoreUnavailable(QCoreApplication.translate("Startup", "The data folder could not be opened."))
        return self._store

    def _open(self) -> None:
        if self._store is not None or self._failed:
            return
        from capnum_desktop.ui import startup

        store = startup.open_store(self.data_dir, recover=False)  # shows the message itself when it cannot
        if store is None:
            self._failed = True
            self.failed.emit()  # the application exits with code 2 (app.py); nothing was changed
            return
        self._store = store
        from capnum_desktop.ui.audio.startup_recovery import recover_at_startup

        self.ready.emit(store, bool(recover_at_startup(store)))

    @property
    def store(self) -> DataStore | None:
        return self._store

    @property
    def has_failed(self) -> bool:
        return self._failed
