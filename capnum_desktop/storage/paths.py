"""Where the data lives: --data-dir, --portable, CAPNUM_DATA_DIR, a portable copy's marker, the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from capnum_desktop.storage.portable import forced_portable_data_dir, portable_data_dir

ENV_DATA_DIR = "CAPNUM_DATA_DIR"
DB_FILE_NAME = "capnum.sqlite3"
AUDIO_DIR_NAME = "audio"
BACKUP_DIR_NAME = "backups"
LOG_DIR_NAME = "logs"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None, *, portable: bool = False) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    if portable:  # the app shell's --portable flag: as explicit as --data-dir
        return forced_portable_data_dir()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    beside_executable = portable_data_dir()  # capnum-portable.txt or CapNumData/ next to the packaged program
    if beside_executable is not None:
        return beside_executable
    from platformdirs import user_data_dir

    return Path(user_data_dir("CapNum", appauthor=False))
