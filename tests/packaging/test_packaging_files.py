"""Packaging files that cannot be exercised by a build here stay valid: desktop entry, AppStream, scripts."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from capnum_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.capnum.CapNumDesktop"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"


def test_desktop_entry() -> None:
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
        assert done.returncode == 0 and "error" not in done.stdout, done.stdout
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"].split()[0] == "capnum-desktop" and section["Icon"] == APP_ID
    assert section["Type"] == "Application" and section["Terminal"] == "false"


def test_appstream_metainfo() -> None:
    if shutil.which("appstreamcli"):
        done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    newest = root.find("releases/release")
    assert newest is not None
    # pyproject.toml holds the version; the newest release entry must be kept in step with it.
    assert newest.get("version") == __version__, "add a <release> for the new version to the metainfo"


def test_icons_exist_for_every_platform() -> None:
    icons = PACKAGING / "icons"
    assert ET.parse(ROOT / "resources" / "icons" / "capnum.svg").getroot().tag.endswith("svg")  # the source
    sizes = re.search(r"for size in ([\d ]+); do", (PACKAGING / "build_linux.sh").read_text()).group(1).split()  # type: ignore[union-attr]
    for size in sizes:
        png = icons / "png" / f"capnum-{size}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
        width, height = int.from_bytes(png.read_bytes()[16:20], "big"), int.from_bytes(png.read_bytes()[20:24], "big")
        assert (width, height) == (int(size), int(size)), png
    assert (icons / "capnum.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # Windows icon header
    assert len(list((icons / "capnum.iconset").glob("icon_*.png"))) == 10  # iconutil's full set


@pytest.mark.parametrize(
    "script",
    ["build_linux.sh", "macos/build_macos.sh", "linux/install-desktop-entry.sh"],
)
def test_shell_scripts_parse(script: str) -> None:
    done = subprocess.run(["bash", "-n", str(PACKAGING / script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_spec_and_inno_setup_refer_to_existing_files() -> None:
    spec = (PACKAGING / "capnum.spec").read_text(encoding="utf-8")
    compile(spec, "capnum.spec", "exec")
    for name in re.findall(r'PACKAGING / "([\w./]+)"', spec):
        assert (PACKAGING / name).exists(), name
    iss = (PACKAGING / "windows" / "capnum.iss").read_text(encoding="utf-8")
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.M), "AppId must be a fixed GUID"
    assert "#error" in iss and "{#AppVersion}" in iss  # the version is passed in, never written here
    for relative in re.findall(r"^(?:SetupIconFile)=(.+)$", iss, re.M):
        assert (PACKAGING / "windows" / relative.replace("\\", "/")).is_file(), relative
