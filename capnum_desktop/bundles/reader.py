"""Open a plain (decrypted) bundle zip and prove it whole: structure, manifest, every size and checksum."""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from capnum_desktop.bundles.limits import DEFAULT_LIMITS, BundleLimits
from capnum_desktop.bundles.manifest import (
    MANIFEST_NAME,
    RECORDS_PREFIX,
    BundleManifest,
    ManifestError,
    parse_manifest,
)
from capnum_desktop.bundles.records import ENTITY_MODELS, RecordError, read_jsonl
from capnum_desktop.bundles.safety import BundleError, check_zip_entries
from capnum_desktop.domain.messages import _

CHUNK = 1024 * 1024
BytesCallback = Callable[[int], None]
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError)


class BundleReader:
    """Use as a context manager. `open_checked` runs every structural check and parses the manifest."""

    def __init__(self, path: Path, limits: BundleLimits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.limits = limits
        self._zip: zipfile.ZipFile | None = None
        self.manifest: BundleManifest | None = None

    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    @property
    def zip(self) -> zipfile.ZipFile:
        assert self._zip is not None, "open_checked() first"
        return self._zip

    def open_checked(self) -> BundleManifest:
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
            raise BundleError(
                _("not a readable bundle: the zip is damaged or truncated ({error})").format(error=exc)
            ) from exc
        infos = {i.filename: i for i in check_zip_entries(self._zip, self.limits)}
        manifest_info = infos.pop(MANIFEST_NAME, None)
        if manifest_info is None:
            raise BundleError(_("manifest.json is missing: this is not a CapNum bundle"))
        if manifest_info.file_size > self.limits.max_manifest_size:
            raise BundleError(_("manifest.json is too large"))
        try:
            self.manifest = parse_manifest(self._read_small(MANIFEST_NAME))
        except ManifestError as exc:
            raise BundleError(str(exc)) from exc
        listed = self.manifest.member_map()
        for name in sorted(set(infos) - set(listed)):
            raise BundleError(_("member {name!r} is in the zip but not in the manifest").format(name=name))
        for name in sorted(set(listed) - set(infos)):
            raise BundleError(_("member {name!r} is listed in the manifest but missing from the zip").format(name=name))
        for name, entry in listed.items():
            if infos[name].file_size != entry.size:
                raise BundleError(
                    _("member {name!r} is {size} bytes but the manifest says {listed}").format(
                        name=name, size=infos[name].file_size, listed=entry.size
                    )
                )
            if name.startswith(RECORDS_PREFIX):
                entity = name[len(RECORDS_PREFIX) :].removesuffix(".jsonl")
                if not name.endswith(".jsonl") or entity not in ENTITY_MODELS:
                    raise BundleError(_("unknown records member {name!r}").format(name=name))
                if entry.size > self.limits.max_records_member_size:
                    raise BundleError(_("records member {name!r} is larger than the limit").format(name=name))
        return self.manifest

    def _read_small(self, name: str) -> bytes:
        try:
            with self.zip.open(name) as handle:
                return handle.read(self.limits.max_manifest_size + 1)
        except _READ_ERRORS as exc:
            raise BundleError(
                _("{name} cannot be read: the bundle is damaged ({error})").format(name=name, error=exc)
            ) from exc

    def verify_members(self, on_bytes: BytesCallback | None = None) -> None:
        """Re-read every member and compare size and sha256 with the manifest (the zip CRC is not enough)."""
        assert self.manifest is not None
        for entry in self.manifest.members:
            sha = hashlib.sha256()
            size = 0
            try:
                with self.zip.open(entry.path) as handle:
                    while chunk := handle.read(CHUNK):
                        sha.update(chunk)
                        size += len(chunk)
                        if on_bytes:
                            on_bytes(len(chunk))
            except _READ_ERRORS as exc:
                raise BundleError(_("member {name!r} is damaged ({error})").format(name=entry.path, error=exc)) from exc
            if size != entry.size:
                raise BundleError(
                    _("member {name!r} holds {size} bytes but the manifest says {listed}").format(
                        name=entry.path, size=size, listed=entry.size
                    )
                )
            if sha.hexdigest() != entry.sha256:
                raise BundleError(
                    _("member {name!r} does not match its sha256 in the manifest (altered bytes)").format(
                        name=entry.path
                    )
                )

    def open_member(self, name: str) -> IO[bytes]:
        return self.zip.open(name)

    def records(self, entity: str) -> Iterator[dict[str, Any]]:
        """Validated records of one table (empty when the bundle carries none)."""
        assert self.manifest is not None
        name = f"{RECORDS_PREFIX}{entity}.jsonl"
        if name not in self.manifest.member_map():
            return
        try:
            with self.zip.open(name) as handle:
                yield from read_jsonl(entity, handle, self.limits.max_line_bytes)
        except RecordError as exc:
            raise BundleError(str(exc)) from exc
        except _READ_ERRORS as exc:
            raise BundleError(_("member {name!r} is damaged ({error})").format(name=name, error=exc)) from exc
