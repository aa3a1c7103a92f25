"""A data folder opened for use: database migrated, engine and sessions ready, this device known."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from capnum_desktop.storage.database import current_revision, make_engine, make_session_factory, migrate
from capnum_desktop.storage.lock import DataDirLock
from capnum_desktop.storage.models import Device
from capnum_desktop.storage.paths import AUDIO_DIR_NAME, DB_FILE_NAME, LOG_DIR_NAME
from capnum_desktop.storage.revisions import head_revision


@dataclass
class DataStore:
    data_dir: Path
    engine: Engine
    session_factory: sessionmaker[Session]
    device_id: str
    backup_path: str | None = None  # set when opening migrated an older database

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE_NAME

    @property
    def audio_dir(self) -> Path:
        return self.data_dir / AUDIO_DIR_NAME

    @property
    def log_dir(self) -> Path:
        return self.data_dir / LOG_DIR_NAME

    def session(self) -> Session:
        return self.session_factory()

    def close(self) -> None:
        self.engine.dispose()


def open_data_store(data_dir: Path, *, lock_for_migration: bool = True) -> DataStore:
    """Create the folder if needed, migrate the database (after a backup), and register this device.

    A migration needs the data folder to itself: unless the caller already holds the folder's lock (the GUI
    does), the lock is taken for the migration and refused while a GUI has the folder open.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = data_dir / DB_FILE_NAME
    if lock_for_migration and current_revision(db_path) != head_revision():
        with DataDirLock(data_dir):
            backup = migrate(db_path)
    else:
        backup = migrate(db_path)
    engine = make_engine(db_path)
    factory = make_session_factory(engine)
    device_id = _ensure_local_device(factory)
    return DataStore(data_dir, engine, factory, device_id, backup)


def _ensure_local_device(factory: sessionmaker[Session]) -> str:
    with factory.begin() as session:
        device = session.scalar(select(Device).where(Device.is_local.is_(True)))
        if device is None:
            device = Device(name=platform.node() or "laptop", is_local=True)
            session.add(device)
            session.flush()
            device.origin_device = device.id
        return device.id
