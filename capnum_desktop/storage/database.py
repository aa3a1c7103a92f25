"""Open the SQLite file: durable pragmas, migrate after a backup, refuse a database newer than the code."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from capnum_desktop.domain.messages import _
from capnum_desktop.storage.errors import (
    DatabaseBusyError,
    DatabaseCorruptError,
    DatabaseTooNewError,
    DiskFullError,
    StorageError,
)
from capnum_desktop.storage.paths import BACKUP_DIR_NAME
from capnum_desktop.storage.revisions import MIGRATIONS_DIR, known_revisions

BUSY_TIMEOUT_MS = 10_000


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # Deleted content is overwritten, so an erased participant's words do not linger in free pages.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def make_engine(db_path: Path) -> Engine:
    # A pool of connections: a checkout is exclusive, so GUI workers and the GUI thread never share one at once,
    # and an edit does not pay for a new connection and its pragmas.
    # hide_parameters: an error's text (logged, shown) must never carry the answer or contact it was writing.
    engine = create_engine(
        f"sqlite:///{db_path}", pool_size=4, max_overflow=8, pool_pre_ping=False, hide_parameters=True
    )
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "handle_error", _translate_disk_full)
    return engine


def disk_full_message() -> str:
    """Translated when raised: the language may change after import."""
    return _(
        "The disk is full: the last change could not be saved (everything saved before is safe). "
        "Free some space (for example by copying recordings to a USB key), then continue."
    )


LOW_SPACE_BYTES = 1_000_000


def disk_is_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _translate_disk_full(context: Any) -> None:
    """SQLITE_FULL (or an I/O error on a full disk), and a database kept locked, become messages a person can act on.

    The transaction was rolled back whole, so nothing is half-written.
    """
    original = context.original_exception
    if not isinstance(original, sqlite3.OperationalError):
        return
    message = str(original)
    db_file = context.engine.url.database if context.engine is not None else None
    io_on_full_disk = "disk I/O error" in message and db_file and disk_is_full(Path(db_file).parent)
    if "disk is full" in message or io_on_full_disk:
        raise DiskFullError(disk_full_message()) from original
    if "database is locked" in message:
        raise DatabaseBusyError(
            _(
                "The database is busy with another task (an import or a long export): the change could not be "
                "saved yet. Everything saved before is safe; try again in a moment."
            )
        ) from original


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def current_revision(db_path: Path) -> str | None:
    if not db_path.exists():
        return None
    conn = sqlite3.connect(db_path)
    try:
        has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as exc:  # cannot read or write (full disk, permissions), not a bad file
        if disk_is_full(db_path.parent):
            raise DiskFullError(disk_full_message()) from exc
        raise StorageError(_("Cannot open the database {path}: {error}").format(path=db_path, error=exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(
            _("{path} is not a readable CapNum database: {error}").format(path=db_path, error=exc)
        ) from exc
    finally:
        conn.close()
    return row[0] if row else None


def backup_database(db_path: Path, label: str) -> Path:
    """Copy the live database with SQLite's online backup (consistent even with a WAL beside it)."""
    backup_dir = db_path.parent / BACKUP_DIR_NAME
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{db_path.stem}-{label}-{stamp}.sqlite3"
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def migrate(db_path: Path, target: str | None = None) -> str | None:
    """Bring the database to the code's schema (or `target`). Returns the backup path when one was made."""
    current = current_revision(db_path)
    revisions = known_revisions()
    if current is not None and current not in revisions:
        raise DatabaseTooNewError(
            _(
                "This database ({path}) was written by a newer CapNum (schema {schema}; this version knows up to "
                "{known}). Install the newer CapNum to open it; nothing was changed."
            ).format(path=db_path, schema=current, known=revisions[-1])
        )
    target = target or revisions[-1]
    if current == target:
        return None
    backup = str(backup_database(db_path, f"before-{target}")) if current is not None else None
    _alembic_upgrade(db_path, target)
    return backup


def _alembic_upgrade(db_path: Path, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = make_engine(db_path)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
    finally:
        engine.dispose()
