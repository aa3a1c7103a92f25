"""Per-machine settings kept in the database (never travel in bundles)."""

from __future__ import annotations

from typing import Any

from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import LocalSetting
from capnum_desktop.storage.setting_keys import AUDIO_INPUT_DEVICE as AUDIO_INPUT_DEVICE
from capnum_desktop.storage.setting_keys import FONT_SIZE as FONT_SIZE
from capnum_desktop.storage.setting_keys import INTERVIEWER_NAME as INTERVIEWER_NAME
from capnum_desktop.storage.setting_keys import KEEP_UNCOMPRESSED_AUDIO as KEEP_UNCOMPRESSED_AUDIO
from capnum_desktop.storage.setting_keys import SYNC_FOLDER as SYNC_FOLDER
from capnum_desktop.storage.setting_keys import UI_LANGUAGE as UI_LANGUAGE
from capnum_desktop.storage.types import utcnow


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
