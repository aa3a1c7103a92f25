"""Checks, inside the frozen GUI, the run-time pieces a build can silently drop (used by tests/packaging).

Each finding is recorded, never asserted here, so that one missing piece does not hide the others.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any


def _try(findings: dict[str, Any], key: str, fn: Callable[[], Any]) -> None:
    try:
        findings[key] = fn()
    except Exception as exc:  # a finding, not a crash: the test reports which piece is missing
        findings[key] = f"ERROR {type(exc).__name__}: {exc}"


def run_probe(target: str) -> int:
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    findings: dict[str, Any] = {"platform": app.platformName()}

    def qt_translation() -> str:
        translator = QTranslator()
        if not translator.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            return "not found"
        return translator.translate("QPlatformTheme", "Cancel") or ""

    def multimedia() -> dict[str, Any]:
        from PySide6.QtMultimedia import QMediaFormat

        fmt = QMediaFormat()
        encode = fmt.supportedFileFormats(QMediaFormat.ConversionMode.Encode)
        decode = fmt.supportedFileFormats(QMediaFormat.ConversionMode.Decode)
        return {"encode": sorted(f.name for f in encode), "decode": sorted(f.name for f in decode)}

    def ffmpeg() -> str:
        import imageio_ffmpeg

        exe = imageio_ffmpeg.get_ffmpeg_exe()
        first = subprocess.run([exe, "-hide_banner", "-version"], capture_output=True, text=True, timeout=30)
        return f"{exe}\n{first.stdout.splitlines()[0]}"

    def ours() -> dict[str, str]:
        import capnum_desktop
        from capnum_desktop.bundled import resources_dir
        from capnum_desktop.storage.database import MIGRATIONS_DIR

        return {
            "version": capnum_desktop.__version__,
            "resources": str(resources_dir()),
            "migrations": str(MIGRATIONS_DIR),
        }

    def service_message_fr() -> str:
        from capnum_desktop.domain.messages import set_message_language
        from capnum_desktop.storage.database import disk_full_message

        set_message_language("fr")  # the gettext catalogue of the Qt-free layers, read from the bundle
        try:
            return disk_full_message()
        finally:
            set_message_language("en")

    _try(findings, "qtbase_fr_cancel", qt_translation)
    _try(findings, "service_message_fr", service_message_fr)
    _try(findings, "plugins_path", lambda: QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    _try(findings, "multimedia", multimedia)
    _try(findings, "ffmpeg", ffmpeg)
    _try(findings, "capnum", ours)
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(findings, handle, indent=1)
    return 0
