"""Where the data lives: --data-dir, then CAPNUM_DATA_DIR, then the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "CAPNUM_DATA_DIR"
DB_FILE_NAME = "capnum.sqlite3"
AUDIO_DIR_NAME = "audio"
BACKUP_DIR_NAME = "backups"
LOG_DIR_NAME = "logs"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir("CapNum", appauthor=False))
