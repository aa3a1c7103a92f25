"""Start-up checks, in order: log file, the data folder's lock, open (and migrate) the database, first run.

Each step that can fail for a reason the user can act on shows one clear message and returns None; the caller
exits with code 2 and nothing has been changed.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from capnum_desktop import __version__
from capnum_desktop.storage import setting_keys
from capnum_desktop.storage.errors import DatabaseCorruptError, DatabaseTooNewError, DataDirLockedError
from capnum_desktop.storage.lock import DataDirLock
from capnum_desktop.storage.paths import BACKUP_DIR_NAME, LOG_DIR_NAME
from capnum_desktop.ui.errors import set_log_path, show_error, unexpected_error_text

if TYPE_CHECKING:
    from capnum_desktop.storage.datastore import DataStore

# SQLAlchemy and the services are imported inside the functions that need them: when the window is shown from
# the start-up snapshot, they are loaded in the background after it (ui/store_loader.py).

LOG_FILE_NAME = "capnum-desktop.log"
log = logging.getLogger("capnum_desktop")


def setup_logging(data_dir: Path) -> Path:
    """Log to DATA/logs/capnum-desktop.log (rotated), the file named in every unexpected-error dialog."""
    log_dir = data_dir / LOG_DIR_NAME
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_capnum", False)]:
        root.removeHandler(old)
        old.close()
    handler._capnum = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    set_log_path(str(path))
    qInstallMessageHandler(_qt_message)
    log.info("CapNum Desktop %s starting on %s", __version__, data_dir)
    return path


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log file, not to the terminal of a user who never sees one."""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Unexpected errors (a bug, including in Qt slots): logged with the traceback, shown with the log path."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    from capnum_desktop.ui.store_loader import StoreUnavailable

    if isinstance(value, StoreUnavailable):  # already told to the user; the application is closing
        log.info("Action cancelled: %s", value)
        return
    log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    try:
        show_error(QApplication.activeWindow(), unexpected_error_text(f"{kind.__name__}: {value}"))
    except Exception:  # the dialog itself must never hide the original error
        sys.__excepthook__(kind, value, tb)


def install_excepthook() -> None:
    sys.excepthook = _excepthook


def acquire_lock(data_dir: Path) -> DataDirLock | None:
    """One window per data folder; a second one is told so and stops."""
    lock = DataDirLock(data_dir)
    try:
        lock.acquire()
    except DataDirLockedError as exc:
        log.warning("Refused: %s", exc)
        message = QCoreApplication.translate(
            "Startup",
            "CapNum is already open on this data folder:\n%1\n\n"
            "Switch to the window that is already open, or close it first.",
        ).replace("%1", str(data_dir))
        show_error(None, message, details=str(exc))
        return None
    return lock


def open_store(data_dir: Path, *, recover: bool = True) -> DataStore | None:
    """Open and, when due, migrate the database (after a backup). The caller holds the folder's lock.

    With `recover`, recordings cut by a crash are repaired at once (otherwise the caller does it).
    """
    from capnum_desktop.storage.datastore import open_data_store

    try:
        store = open_data_store(data_dir, lock_for_migration=False)
    except DatabaseTooNewError as exc:
        error: Exception = exc
        message = QCoreApplication.translate(
            "Startup",
            "This data folder was written by a newer version of CapNum. "
            "Install the newer version to open it. Nothing was changed.",
        )
    except DatabaseCorruptError as exc:
        error = exc
        message = QCoreApplication.translate(
            "Startup",
            "The database in this data folder cannot be read; it may be damaged. Nothing was changed. "
            "Automatic backups are kept in the “%1” folder beside it.",
        ).replace("%1", BACKUP_DIR_NAME)
    except OSError as exc:
        error = exc
        message = QCoreApplication.translate("Startup", "The data folder cannot be opened:\n%1\n\n%2").replace(
            "%1", str(data_dir)
        )
        message = message.replace("%2", exc.strerror or str(exc))
    else:
        if store.backup_path:
            log.info("Database migrated; backup at %s", store.backup_path)
        if recover:
            from capnum_desktop.ui.audio.startup_recovery import recover_at_startup  # recordings cut by a crash

            recover_at_startup(store)
        return store
    log.error("Cannot open %s: %s", data_dir, error)
    show_error(None, message, details=str(error))
    return None


def ensure_study(store: DataStore) -> bool:
    """First run: no study yet, so load the embedded "Capital numérique" one. Returns True when it did."""
    from capnum_desktop.services.errors import NotFoundError
    from capnum_desktop.services.studies import default_study_id, load_embedded_study

    try:
        default_study_id(store)
    except NotFoundError:
        load_embedded_study(store)
        log.info("First run: embedded study loaded")
        return True
    return False


def startup_settings(store: DataStore) -> dict[str, Any]:
    """The settings applied at start-up, read through the store (the snapshot carries them otherwise)."""
    from capnum_desktop.services.settings import get_setting

    return {key: get_setting(store, key) for key in (setting_keys.UI_LANGUAGE, setting_keys.FONT_SIZE)}


def saved_language(settings: Mapping[str, Any]) -> str | None:
    value = settings.get(setting_keys.UI_LANGUAGE)
    return value if value in ("fr", "en") else None


def apply_font_size(settings: Mapping[str, Any]) -> None:
    size = settings.get(setting_keys.FONT_SIZE)
    if isinstance(size, int | float) and 6 <= size <= 40:
        set_app_font_size(int(size))


def set_app_font_size(points: int) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = app.font()
        font.setPointSize(points)
        app.setFont(font)
