"""Writing a REFI-QDA project archive: project.qde plus sources/, atomically; big sources beside it."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from capnum_desktop.exports.refi.project import ProjectPackage
from capnum_desktop.storage.files import atomic_writer

SOURCES_DIR = "sources"  # lower case: ATLAS.ti needs it so
Progress = Callable[[int, int], None]
# A fixed date for every member, so the same project gives the same archive bytes.
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


def external_folder(target: Path) -> Path:
    """Where sources too big for the archive go: a folder beside it, named after it."""
    return target.with_name(f"{target.stem}_sources")


def _member(name: str, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info


def write_qdpx(package: ProjectPackage, target: Path, progress: Progress | None = None) -> list[Path]:
    """Write the archive; returns the files written outside it (sources over the size limit)."""
    external = [f for f in package.files if f.external]
    outside: list[Path] = []
    total = len(package.files) + 1
    with atomic_writer(target) as handle, zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
        archive.writestr(_member("project.qde", True), package.xml)
        for n, source in enumerate(package.files, 2):
            if source.external:
                continue
            name = f"{SOURCES_DIR}/{source.name}"
            if source.data is not None:
                archive.writestr(_member(name, True), source.data)
            elif source.path is not None:  # audio is already compressed: store it
                with source.path.open("rb") as src, archive.open(_member(name, False), "w", force_zip64=True) as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
            if progress:
                progress(n, total)
    if external:
        folder = external_folder(target)
        folder.mkdir(parents=True, exist_ok=True)
        for source in external:
            assert source.path is not None
            destination = folder / source.name
            with atomic_writer(destination) as dst, source.path.open("rb") as src:
                shutil.copyfileobj(src, dst, 1024 * 1024)
            outside.append(destination)
    return outside
