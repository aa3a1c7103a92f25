"""Open a bundle file for verification or import: decrypt (age) into a temp folder, check the zip and the
manifest, re-hash every member, read and validate every record. Nothing in the data folder is touched."""

from __future__ import annotations

import contextlib
import hashlib
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from capnum_desktop.bundles.crypto import decrypt_file, is_age_file, load_identity
from capnum_desktop.bundles.limits import DEFAULT_LIMITS, BundleLimits
from capnum_desktop.bundles.manifest import AUDIO_PREFIX, GRIDS_PREFIX, MANIFEST_NAME, RECORDS_PREFIX, BundleManifest
from capnum_desktop.bundles.reader import BundleReader
from capnum_desktop.bundles.records import ENTITY_ORDER
from capnum_desktop.bundles.safety import BundleError
from capnum_desktop.domain.messages import _
from capnum_desktop.grids import GridValidationError, grid_content_hash, parse_grid_text
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.settings import get_setting
from capnum_desktop.storage.datastore import DataStore

Progress = Callable[[int, int], None]
KnownGrid = Callable[[str, str], bool]
IDENTITY_FILE_SETTING = "bundle_identity_file"  # the coordinator's age identity, remembered on this laptop
RECORDING_PATH = re.compile(r"^audio/[0-9a-fA-F-]{36}/[A-Za-z0-9][A-Za-z0-9._-]{0,150}$")
KIB = 1024


class BundleRefused(ServiceError):
    """A bundle that fails a check; the message names the file and the reason."""


@dataclass
class OpenedBundle:
    source: Path
    sha256: str
    encrypted: bool
    manifest: BundleManifest
    records: dict[str, list[dict[str, Any]]]
    reader: BundleReader


def file_sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            sha.update(chunk)
    return sha.hexdigest()


def known_grid_in(store: DataStore) -> KnownGrid:
    from sqlalchemy import select

    from capnum_desktop.storage.models import GridVersion

    def known(content_hash: str, source_yaml: str) -> bool:
        with store.session() as session:
            query = select(GridVersion.id).where(
                GridVersion.content_hash == content_hash, GridVersion.source_yaml == source_yaml
            )
            return session.scalar(query.limit(1)) is not None

    return known


def identity_path(store: DataStore | None, identity: Path | None) -> Path | None:
    if identity is not None:
        return identity
    remembered = get_setting(store, IDENTITY_FILE_SETTING) if store is not None else None
    return Path(remembered) if remembered else None


@contextlib.contextmanager
def open_bundle(
    path: Path,
    identity: Path | None,
    *,
    limits: BundleLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    known_grid: KnownGrid | None = None,
) -> Iterator[OpenedBundle]:
    """`known_grid(content_hash, source_yaml)` says a grid is already stored here (validated then): not re-parsed."""
    try:
        if not path.is_file():
            raise BundleError(_("no such file"))
        with tempfile.TemporaryDirectory(prefix="capnum-bundle-") as tmp:
            encrypted = is_age_file(path)
            plain = path
            if encrypted:
                if identity is None:
                    raise BundleError(_("the bundle is encrypted: give the coordinator's identity file (--identity)"))
                plain = Path(tmp) / "bundle.zip"
                decrypt_file(path, plain, load_identity(identity))
            with BundleReader(plain, limits) as reader:
                opened = _check(path, reader, encrypted, progress, known_grid or (lambda _h, _s: False))
                yield opened
    except BundleError as exc:
        raise BundleRefused(_("{file}: {reason}").format(file=path.name, reason=exc)) from exc


def _check(
    path: Path, reader: BundleReader, encrypted: bool, progress: Progress | None, known_grid: KnownGrid
) -> OpenedBundle:
    manifest = reader.open_checked()
    total = max(1, sum(m.size for m in manifest.members) // KIB)
    done = [0]

    def on_bytes(n: int) -> None:
        done[0] += n
        if progress:
            progress(min(done[0] // KIB, total), total)

    reader.verify_members(on_bytes)
    records = {entity: list(reader.records(entity)) for entity in ENTITY_ORDER}
    _check_counts(manifest, records)
    _check_grids(records, known_grid)
    _check_audio(manifest, records)
    return OpenedBundle(path, file_sha256(path), encrypted, manifest, records, reader)


def _check_counts(manifest: BundleManifest, records: dict[str, list[dict[str, Any]]]) -> None:
    for entity, rows in records.items():
        ids = [r["id"] for r in rows]
        if len(ids) != len(set(ids)):
            raise BundleError(_("records/{entity}.jsonl holds the same record twice").format(entity=entity))
        claimed = manifest.counts.get(entity, 0)
        if claimed != len(rows):
            raise BundleError(
                _("the manifest counts {claimed} {entity} records but the bundle holds {count}").format(
                    claimed=claimed, entity=entity, count=len(rows)
                )
            )
    unknown = set(manifest.counts) - set(records) - {"audio_files"}
    if unknown:
        raise BundleError(
            _("the manifest counts unknown record kinds: {kinds}").format(kinds=", ".join(sorted(unknown)))
        )
    for member in manifest.members:
        if not member.path.startswith((RECORDS_PREFIX, GRIDS_PREFIX, AUDIO_PREFIX)) and member.path != MANIFEST_NAME:
            raise BundleError(_("unexpected member {name!r}").format(name=member.path))


def _check_grids(records: dict[str, list[dict[str, Any]]], known_grid: KnownGrid) -> None:
    for row in records["grid_version"]:
        if known_grid(row["content_hash"], row["source_yaml"]):
            continue
        try:
            grid = parse_grid_text(row["source_yaml"], f"<bundle grid {row['grid_id']} v{row['version']}>")
        except GridValidationError as exc:
            raise BundleError(
                _("grid {grid} version {version} is not a valid grid:\n{errors}").format(
                    grid=row["grid_id"], version=row["version"], errors=exc
                )
            ) from exc
        if grid.id != row["grid_id"] or grid.version != row["version"]:
            raise BundleError(
                _("grid record {grid} v{version} does not match its YAML").format(
                    grid=row["grid_id"], version=row["version"]
                )
            )
        if grid_content_hash(grid) != row["content_hash"]:
            raise BundleError(
                _("grid {grid} version {version}: content hash does not match").format(
                    grid=row["grid_id"], version=row["version"]
                )
            )


def _check_audio(manifest: BundleManifest, records: dict[str, list[dict[str, Any]]]) -> None:
    members = manifest.member_map()
    audio_members = {p for p in members if p.startswith(AUDIO_PREFIX)}
    referenced: set[str] = set()
    for rec in records["recording"]:
        rel = rec["path"]
        if not RECORDING_PATH.match(rel):
            raise BundleError(_("recording {id} has an unsafe path {path!r}").format(id=rec["id"], path=rel))
        entry = members.get(rel)
        if entry is None:
            continue  # an incremental bundle may update a recording's row only; import checks the local file
        referenced.add(rel)
        if rec.get("sha256") and rec["sha256"] != entry.sha256:
            raise BundleError(_("audio file {path} does not match the sha256 of its recording record").format(path=rel))
        if rec.get("size_bytes") and rec["size_bytes"] != entry.size:
            raise BundleError(
                _("audio file {path} is {size} bytes but its recording says {listed}").format(
                    path=rel, size=entry.size, listed=rec["size_bytes"]
                )
            )
    stray = sorted(audio_members - referenced)
    if stray:
        raise BundleError(_("audio file {path!r} belongs to no recording in the bundle").format(path=stray[0]))
