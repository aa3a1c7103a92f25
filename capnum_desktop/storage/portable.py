"""Portable mode: the packaged app run from a USB key keeps its data beside itself, in `CapNumData/`.

Portable mode is on when the folder holding the executable also holds a marker file `capnum-portable.txt` or a
`CapNumData/` folder (so a key prepared once stays portable), or when the app shell passes `--portable`.
On macOS the "folder holding the executable" is the one holding `CapNum.app`: writing inside a signed .app
would break its signature. Only a frozen (PyInstaller) app has such a folder; a source checkout has none.
"""

from __future__ import annotations

import sys
from pathlib import Path

from capnum_desktop.domain.messages import _
from capnum_desktop.storage.errors import StorageError

PORTABLE_MARKER = "capnum-portable.txt"
PORTABLE_DATA_DIR_NAME = "CapNumData"


class PortableModeError(StorageError):
    pass


def bundle_dir(executable: str | Path | None = None, *, frozen: bool | None = None) -> Path | None:
    """The folder a portable copy lives in: beside the executable, or beside the .app on macOS.

    None when not running from a packaged app (arguments exist for tests).
    """
    is_frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if not is_frozen:
        return None
    folder = Path(executable if executable is not None else sys.executable).resolve().parent
    # CapNum.app/Contents/MacOS/capnum-desktop -> the folder holding CapNum.app
    if folder.name == "MacOS" and folder.parent.name == "Contents" and folder.parent.parent.suffix == ".app":
        return folder.parent.parent.parent
    return folder


def is_portable(folder: Path) -> bool:
    return (folder / PORTABLE_MARKER).is_file() or (folder / PORTABLE_DATA_DIR_NAME).is_dir()


def forced_portable_data_dir(executable: str | Path | None = None, *, frozen: bool | None = None) -> Path:
    """`<bundle dir>/CapNumData` for the `--portable` flag, marker or not.

    Outside a packaged app raises PortableModeError: there is no program folder to keep the data beside, and
    silently using the user folder would put interviews where nobody expects them.
    """
    folder = bundle_dir(executable, frozen=frozen)
    if folder is None:
        raise PortableModeError(
            _(
                "Portable mode needs the packaged CapNum (a folder with the capnum-desktop program); "
                "from a source checkout use --data-dir instead."
            )
        )
    return folder / PORTABLE_DATA_DIR_NAME


def portable_data_dir(executable: str | Path | None = None, *, frozen: bool | None = None) -> Path | None:
    """`<bundle dir>/CapNumData` when the packaged app's folder says "portable" (marker or folder), else None."""
    folder = bundle_dir(executable, frozen=frozen)
    if folder is not None and is_portable(folder):
        return folder / PORTABLE_DATA_DIR_NAME
    return None
