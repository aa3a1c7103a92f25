"""Streaming zip writer: every member hashed while written, audio stored as is, memory bounded by one chunk."""

from __future__ import annotations

import contextlib
import hashlib
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, BinaryIO

from capnum_desktop.bundles.manifest import MANIFEST_NAME, BundleManifest, MemberEntry
from capnum_desktop.bundles.safety import check_member_name

CHUNK = 1024 * 1024
BytesCallback = Callable[[int], None]


class _HashingSink:
    """Write-through wrapper that hashes and counts what goes into a zip member."""

    def __init__(self, target: IO[bytes]) -> None:
        self._target = target
        self.sha = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        self.size += len(data)
        self._target.write(data)
        return len(data)


class BundleWriter:
    """Write members one by one to an open binary file; `finish` adds the manifest listing them all."""

    def __init__(self, handle: BinaryIO, created_at: datetime) -> None:
        self._zip = zipfile.ZipFile(handle, "w", allowZip64=True)
        self._date_time = created_at.timetuple()[:6]
        self.members: list[MemberEntry] = []

    def _info(self, name: str, stored: bool) -> zipfile.ZipInfo:
        check_member_name(name)
        info = zipfile.ZipInfo(name, date_time=self._date_time)
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        info.external_attr = 0o100644 << 16  # a regular file, readable; never a link
        return info

    @contextlib.contextmanager
    def member(self, name: str, *, stored: bool = False) -> Iterator[_HashingSink]:
        """Stream a member of unknown size (records); zip64 so that size may exceed 4 GiB."""
        with self._zip.open(self._info(name, stored), "w", force_zip64=True) as raw:
            sink = _HashingSink(raw)
            yield sink
        self.members.append(MemberEntry(path=name, size=sink.size, sha256=sink.sha.hexdigest()))

    def add_bytes(self, name: str, data: bytes, *, stored: bool = False) -> MemberEntry:
        with self.member(name, stored=stored) as sink:
            sink.write(data)
        return self.members[-1]

    def add_file(self, name: str, source: Path, *, stored: bool = True, on_bytes: BytesCallback | None = None) -> str:
        """Copy a file in chunks (never whole in memory); returns the sha256 of what was written."""
        with source.open("rb") as src, self.member(name, stored=stored) as sink:
            while chunk := src.read(CHUNK):
                sink.write(chunk)
                if on_bytes:
                    on_bytes(len(chunk))
        return self.members[-1].sha256

    def finish(self, manifest: BundleManifest) -> None:
        info = self._info(MANIFEST_NAME, stored=False)
        self._zip.writestr(info, manifest.to_json())
        self._zip.close()

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self._zip.close()
