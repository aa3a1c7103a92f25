"""What CapNum carries, with versions and licences, for the About dialog (and `docs/installers.md`).

Qt-free on purpose (layer rule): Qt's own version comes from the PySide6 distribution metadata, which matches the
Qt it ships. Versions are read at run time (importlib.metadata, the ffmpeg binary, the font files), so the list
stays true after an upgrade; licences are fixed facts, checked against the real files by tests/packaging.
`bundled_components()` runs the ffmpeg binary once (about 0.1 s; cached): call it off the GUI thread or accept it.
"""

from __future__ import annotations

import json
import platform
import sqlite3
import struct
import subprocess
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, distribution, version
from pathlib import Path

from capnum_desktop import __version__
from capnum_desktop.bundled import resource_path

UNKNOWN = "unknown"
# Qt's multimedia backend ships its own FFmpeg libraries (libavcodec...), built without --enable-gpl.
QT_FFMPEG_VERSION = "7.1.5"
QT_FFMPEG_LICENCE = "LGPL-2.1-or-later"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str  # an SPDX expression where one exists
    url: str


# (distribution name, shown name, licence, url): the Python libraries the app itself imports.
_PYTHON_LIBRARIES = (
    ("sqlalchemy", "SQLAlchemy", "MIT", "https://www.sqlalchemy.org"),
    ("alembic", "Alembic", "MIT", "https://alembic.sqlalchemy.org"),
    ("pydantic", "pydantic", "MIT", "https://docs.pydantic.dev"),
    ("pyyaml", "PyYAML", "MIT", "https://pyyaml.org"),
    ("platformdirs", "platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
    ("filelock", "filelock", "MIT", "https://github.com/tox-dev/filelock"),
    ("pydub", "pydub", "MIT", "https://github.com/jiaaro/pydub"),
    ("imageio-ffmpeg", "imageio-ffmpeg", "BSD-2-Clause", "https://github.com/imageio/imageio-ffmpeg"),
    ("reportlab", "ReportLab", "BSD-3-Clause", "https://www.reportlab.com/opensource/"),
    ("openpyxl", "openpyxl", "MIT", "https://openpyxl.readthedocs.io"),
    ("pyrage", "pyrage", "MIT", "https://github.com/woodruffw/pyrage"),
    # ... and what those pull in
    ("pydantic-core", "pydantic-core", "MIT", "https://github.com/pydantic/pydantic-core"),
    ("mako", "Mako", "MIT", "https://www.makotemplates.org"),
    ("markupsafe", "MarkupSafe", "BSD-3-Clause", "https://palletsprojects.com/p/markupsafe/"),
    ("pillow", "Pillow", "MIT-CMU", "https://python-pillow.github.io"),
    ("charset-normalizer", "charset-normalizer", "MIT", "https://github.com/jawah/charset_normalizer"),
    ("et-xmlfile", "et-xmlfile", "MIT", "https://foss.heptapod.net/openpyxl/et_xmlfile"),
    ("typing-extensions", "typing_extensions", "PSF-2.0", "https://github.com/python/typing_extensions"),
    ("annotated-types", "annotated-types", "MIT", "https://github.com/annotated-types/annotated-types"),
    ("typing-inspection", "typing-inspection", "MIT", "https://github.com/pydantic/typing-inspection"),
)


def _dist_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return UNKNOWN


def _project_url() -> str:
    """The home page from pyproject.toml's [project.urls] (empty until the project declares one)."""
    try:
        meta = distribution("capnum-desktop").metadata
    except PackageNotFoundError:
        return ""
    urls = [entry.split(",", 1)[-1].strip() for entry in meta.get_all("Project-URL") or []]
    return str(meta["Home-page"] or "") or (urls[0] if urls else "")


def ffmpeg_licence(configuration: str) -> str:
    """The licence an FFmpeg build falls under, from its `configuration:` line (FFmpeg's LICENSE.md rules)."""
    flags = set(configuration.split())
    if "--enable-nonfree" in flags:
        return "non-free (not redistributable)"
    v3 = "--enable-version3" in flags
    if "--enable-gpl" in flags:
        return "GPL-3.0-or-later" if v3 else "GPL-2.0-or-later"
    return "LGPL-3.0-or-later" if v3 else "LGPL-2.1-or-later"


@cache
def ffmpeg_component() -> Component:
    """The ffmpeg program that transcodes recordings (imageio-ffmpeg's static build), from `ffmpeg -version`."""
    url = "https://ffmpeg.org"
    try:
        import imageio_ffmpeg

        exe = imageio_ffmpeg.get_ffmpeg_exe()
        out = subprocess.run([exe, "-hide_banner", "-version"], capture_output=True, text=True, timeout=30).stdout
    except (ImportError, OSError, RuntimeError, subprocess.SubprocessError):
        return Component("FFmpeg (transcoding)", UNKNOWN, UNKNOWN, url)
    lines = out.splitlines()
    first = lines[0].split() if lines else []
    found = first[2] if len(first) > 2 and first[:2] == ["ffmpeg", "version"] else UNKNOWN
    configuration = next((line for line in lines if line.startswith("configuration:")), "")
    return Component("FFmpeg (transcoding)", found, ffmpeg_licence(configuration), url)


def _age_version() -> str:
    """The Rust `age` crate inside pyrage, from the SBOM its wheel carries."""
    try:
        text = distribution("pyrage").read_text("sboms/pyrage.cyclonedx.json")
        components = json.loads(text or "{}").get("components", [])
    except (PackageNotFoundError, ValueError, OSError):
        return UNKNOWN
    return next((str(c.get("version")) for c in components if c.get("name") == "age"), UNKNOWN)


def font_version(path: Path) -> str:
    """Version string (name ID 5, e.g. "Version 2.37") of a TrueType font, read with the stdlib."""
    try:
        data = path.read_bytes()
        (num_tables,) = struct.unpack_from(">H", data, 4)
        for i in range(num_tables):
            tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            if tag != b"name":
                continue
            _, count, strings = struct.unpack_from(">HHH", data, offset)
            for j in range(count):
                pid, _, _, name_id, length, at = struct.unpack_from(">HHHHHH", data, offset + 6 + 12 * j)
                if name_id == 5:
                    raw = data[offset + strings + at : offset + strings + at + length]
                    text = raw.decode("utf-16-be" if pid in (0, 3) else "latin-1")
                    return text.removeprefix("Version ").split(";")[0].strip()
    except (OSError, struct.error, UnicodeDecodeError):
        pass
    return UNKNOWN


def _fonts() -> list[Component]:
    try:
        fonts = sorted(resource_path("fonts").glob("DejaVu*.ttf"))
    except FileNotFoundError:
        return []
    if not fonts:
        return []
    licence = "Bitstream-Vera AND LicenseRef-DejaVu-public-domain"
    return [Component("DejaVu fonts", font_version(fonts[0]), licence, "https://dejavu-fonts.github.io")]


def bundled_components() -> list[Component]:
    """CapNum itself first, then the runtime, Qt, the media pieces, the libraries and the fonts."""
    qt = _dist_version("pyside6-essentials")
    components = [
        Component("CapNum Desktop", __version__, "GPL-3.0-or-later", _project_url()),
        Component("Python", platform.python_version(), "PSF-2.0", "https://www.python.org"),
        Component("Qt", qt, "LGPL-3.0-only", "https://www.qt.io/licensing/open-source-lgpl-obligations"),
        Component("Qt for Python (PySide6)", qt, "LGPL-3.0-only", "https://doc.qt.io/qtforpython-6/"),
        Component("FFmpeg libraries (Qt Multimedia)", QT_FFMPEG_VERSION, QT_FFMPEG_LICENCE, "https://ffmpeg.org"),
        ffmpeg_component(),
        Component("SQLite", sqlite3.sqlite_version, "blessing", "https://sqlite.org/copyright.html"),
    ]
    components += [Component(shown, _dist_version(dist), lic, url) for dist, shown, lic, url in _PYTHON_LIBRARIES]
    components.append(Component("age (in pyrage)", _age_version(), "MIT OR Apache-2.0", "https://age-encryption.org"))
    return components + _fonts()
