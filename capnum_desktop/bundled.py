"""Files shipped with the app (default study, fonts, icons, translations, schemas).

In an installed wheel they live in `capnum_desktop/resources/`; in a source checkout, in the top-level
`resources/` folder. Everything the app reads at run time goes through `resource_path`.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder build
    candidates = [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"]
    if frozen:
        candidates.insert(0, Path(frozen) / "capnum_desktop" / "resources")
    for candidate in candidates:
        if (candidate / "study").is_dir():
            return candidate
    raise FileNotFoundError(f"CapNum resources not found (looked in {', '.join(map(str, candidates))})")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
