"""services/about.py: the About dialog's list of what is bundled, checked against the real files."""

from __future__ import annotations

import re
import subprocess
from importlib.metadata import version
from pathlib import Path

import imageio_ffmpeg
import pytest

from capnum_desktop import __version__
from capnum_desktop.bundled import resource_path
from capnum_desktop.services import about
from capnum_desktop.services.about import UNKNOWN, Component, bundled_components, ffmpeg_licence, font_version


@pytest.fixture(scope="module")
def components() -> dict[str, Component]:
    listed = bundled_components()
    names = [c.name for c in listed]
    assert len(names) == len(set(names)), names
    return {c.name: c for c in listed}


def test_every_component_has_a_version_and_licence(components: dict[str, Component]) -> None:
    for component in components.values():
        assert component.version not in ("", UNKNOWN), component
        assert component.licence not in ("", UNKNOWN), component
    assert components["CapNum Desktop"].version == __version__ == version("capnum-desktop")
    assert components["Qt"].licence.startswith("LGPL")
    assert components["SQLAlchemy"].version == version("sqlalchemy")
    assert re.fullmatch(r"\d+\.\d+", components["DejaVu fonts"].version)
    assert re.fullmatch(r"\d+\.\d+\.\d+", components["age (in pyrage)"].version)


@pytest.mark.parametrize(
    ("configuration", "licence"),
    [
        ("configuration: --enable-gpl --enable-version3 --enable-libx264", "GPL-3.0-or-later"),
        ("configuration: --enable-gpl --disable-debug", "GPL-2.0-or-later"),
        ("configuration: --enable-version3 --enable-shared", "LGPL-3.0-or-later"),
        ("configuration: --disable-programs --enable-shared", "LGPL-2.1-or-later"),
        ("configuration: --enable-gpl --enable-nonfree", "non-free (not redistributable)"),
        ("configuration: --enable-gplv3", "LGPL-2.1-or-later"),  # a look-alike flag is not --enable-gpl
    ],
)
def test_ffmpeg_licence_follows_configure_flags(configuration: str, licence: str) -> None:
    assert ffmpeg_licence(configuration) == licence


def test_transcoding_ffmpeg_licence_is_read_from_the_real_binary(components: dict[str, Component]) -> None:
    out = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-version"], capture_output=True, text=True, check=True
    ).stdout
    configuration = next(line for line in out.splitlines() if line.startswith("configuration:"))
    shown = components["FFmpeg (transcoding)"]
    assert shown.licence == ffmpeg_licence(configuration)
    assert shown.version in out.splitlines()[0]
    # imageio-ffmpeg 0.8's build is GPLv3: CapNum (GPL-3.0-or-later) may ship it, and the About says so.
    assert shown.licence == "GPL-3.0-or-later"


def _qt_libavcodec() -> Path | None:
    import PySide6

    found = sorted(Path(PySide6.__file__).parent.glob("Qt/lib/libavcodec.so.*"))
    return found[-1] if found else None


def test_qt_ffmpeg_claim_matches_the_library_qt_ships() -> None:
    lib = _qt_libavcodec()
    if lib is None:
        pytest.skip("Qt's libavcodec is looked up by its Linux file name; this is not a Linux PySide6 wheel")
    data = lib.read_bytes()
    licence = re.search(rb"libavcodec license: ([A-Za-z0-9 .]+)", data)
    assert licence is not None
    assert licence.group(1).decode().startswith("LGPL version 2.1 or later")
    assert about.QT_FFMPEG_LICENCE == "LGPL-2.1-or-later"
    prefix = re.search(rb"--prefix=\S*FFmpeg-n(\d+\.\d+(?:\.\d+)?)", data)
    assert prefix is not None and prefix.group(1).decode() == about.QT_FFMPEG_VERSION, "update QT_FFMPEG_VERSION"


def test_font_version_reads_the_name_table(tmp_path: Path) -> None:
    assert font_version(resource_path("fonts", "DejaVuSans.ttf")) == "2.37"
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"\x00\x01\x00\x00\x00\x05")
    assert font_version(broken) == UNKNOWN
    assert font_version(tmp_path / "missing.ttf") == UNKNOWN
