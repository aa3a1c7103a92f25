"""Rebuild the translations: `python -m capnum_desktop.ui.i18n_build`.

Runs Qt's lupdate over every GUI source (`capnum_desktop/ui/**/*.py` and `app.py`) into
`resources/translations/capnum_fr.ts` (existing translations are kept), then lrelease into `capnum_fr.qm`.
Translate in the .ts (Qt Linguist, `pyside6-linguist`, or a text editor), then run this again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import PySide6

PACKAGE_DIR = Path(__file__).resolve().parents[1]
TRANSLATIONS_DIR = PACKAGE_DIR.parent / "resources" / "translations"
LANGUAGES = ("fr",)


def qt_tool(name: str) -> str:
    """lupdate/lrelease shipped inside the PySide6 wheel, else the `pyside6-*` wrapper on PATH."""
    beside = Path(PySide6.__file__).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install pyside6-essentials")
    return found


def sources() -> list[Path]:
    files = [*sorted((PACKAGE_DIR / "ui").rglob("*.py")), PACKAGE_DIR / "app.py"]
    return [f for f in files if "__pycache__" not in f.parts]


def ts_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"capnum_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"capnum_{lang}.qm"


def update_ts(lang: str) -> None:
    # No source locations: line numbers would change the .ts on every edit and make merges painful.
    files = [str(f.relative_to(PACKAGE_DIR.parent)) for f in sources()]
    subprocess.run(
        [
            qt_tool("lupdate"),
            "-locations",
            "none",
            "-no-obsolete",
            "-target-language",
            f"{lang}_FR",
            *files,
            "-ts",
            str(ts_path(lang).relative_to(PACKAGE_DIR.parent)),
        ],
        check=True,
        cwd=PACKAGE_DIR.parent,
    )


def release(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        update_ts(lang)
        release(ts_path(lang), qm_path(lang))
        print(f"{ts_path(lang)} -> {qm_path(lang)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
