"""Per-machine settings kept in the database (never travel in bundles)."""

from __future__ import annotations

from typing import Any

from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import LocalSetting
from capnum_desktop.storage.types import utcnow

# Known keys, so that GUI and CLI agree on names.
INTERVIEWER_NAME = "interviewer_name"
UI_LANGUAGE = "ui_language"  # "fr" | "en"
FONT_SIZE = "font_size"  # points
SYNC_FOLDER = "sync_folder"
KEEP_UNCOMPRESSED_AUDIO = "keep_uncompressed_audio"
AUDIO_INPUT_DEVICE = "audio_input_device"


def get_setting(store: DataStore, key: str, default: Any = None) -> Any:
    with store.session() as session:
        row = session.get(LocalSetting, key)
        return default if row is None or row.value is None else row.value


def set_setting(store: DataStore, key: str, value: Any) -> None:
    with store.session_factory.begin() as session:
        row = session.get(LocalSetting, key)
        if row is None:
            session.add(LocalSetting(key=key, value=value, updated_at=utcnow()))
        else:
            row.value = value
            row.updated_at = utcnow()
