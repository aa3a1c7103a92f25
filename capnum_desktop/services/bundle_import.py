"""Verify and import bundles. Every check runs before any write; then one transaction, with audio files copied
to temp names, fsynced, renamed, and removed again if the transaction fails. Idempotent by id + revision."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from capnum_desktop.bundles.records import ENTITY_ORDER, table_of
from capnum_desktop.bundles.safety import BundleError
from capnum_desktop.domain.messages import _
from capnum_desktop.services.bundle_merge import SEEN_PREFIX, MergePlan, plan_merge
from capnum_desktop.services.bundle_open import BundleRefused, OpenedBundle, identity_path, known_grid_in, open_bundle
from capnum_desktop.services.erasure import apply_participant_erasure, purge_notes, scrub_deleted_text
from capnum_desktop.services.erasure_backups import erase_from_backups
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.files import fsync_dir
from capnum_desktop.storage.models import Conflict, ImportedBundle, Recording, SyncState
from capnum_desktop.storage.types import new_uuid, utcnow

Progress = Callable[[int, int], None]
CHUNK = 1024 * 1024


@dataclass
class BundleSummary:
    file: str
    kind: str = ""
    study: str = ""
    device: str = ""
    sequence: int = 0
    created_at: str = ""
    encrypted: bool = False
    interviews: int = 0
    audio_files: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    dropped: int = 0  # records of erased participants and deleted notes, not imported
    erased: int = 0  # participants erased here by the bundle's tombstones
    deleted_notes: int = 0  # notes deleted here because they were deleted on the other side
    renamed_codes: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    already_imported: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _summary(opened: OpenedBundle, plan: MergePlan) -> BundleSummary:
    m = opened.manifest
    return BundleSummary(
        file=opened.source.name,
        kind=m.kind,
        study=m.study_code,
        device=f"{m.device_name} ({m.device_id[:8]})",
        sequence=m.sequence,
        created_at=m.created_at.isoformat(timespec="seconds"),
        encrypted=opened.encrypted,
        interviews=len(opened.records["interview"]),
        audio_files=m.counts.get("audio_files", 0),
        new=plan.new,
        updated=plan.updated,
        unchanged=plan.unchanged,
        conflicts=len(plan.conflicts),
        dropped=plan.dropped,
        erased=len(plan.erase_participants),
        deleted_notes=len(plan.delete_notes),
        renamed_codes=dict(plan.renamed_codes),
    )


def _plan(store: DataStore, opened: OpenedBundle) -> MergePlan:
    with store.session() as session:
        try:
            plan = plan_merge(session, opened.records)
        except BundleError as exc:
            raise BundleRefused(_("{file}: {reason}").format(file=opened.source.name, reason=exc)) from exc
    _check_local_files(store, opened, plan)
    return plan


def _check_local_files(store: DataStore, opened: OpenedBundle, plan: MergePlan) -> None:
    """A recording row arriving without its file must find the very same file here already."""
    members = opened.manifest.member_map()
    for rec in plan.inserts.get("recording", []) + plan.updates.get("recording", []):
        if rec["path"] in members:
            continue
        local = store.data_dir / rec["path"]
        if not local.is_file() or (rec["size_bytes"] and local.stat().st_size != rec["size_bytes"]):
            raise BundleRefused(
                _("{file}: the audio file of recording {id} is missing").format(file=opened.source.name, id=rec["id"])
            )


def verify_bundle(
    store: DataStore, path: Path, identity: Path | None = None, progress: Progress | None = None
) -> BundleSummary:
    """Every check an import makes, and what it would do; writes nothing."""
    with open_bundle(
        path, identity_path(store, identity), progress=progress, known_grid=known_grid_in(store)
    ) as opened:
        return _summary(opened, _plan(store, opened))


def import_bundle(
    store: DataStore, path: Path, identity: Path | None = None, progress: Progress | None = None
) -> BundleSummary:
    with open_bundle(
        path, identity_path(store, identity), progress=progress, known_grid=known_grid_in(store)
    ) as opened:
        return import_opened(store, opened)


def import_opened(store: DataStore, opened: OpenedBundle) -> BundleSummary:
    plan = _plan(store, opened)
    summary = _summary(opened, plan)
    _apply(store, opened, plan, summary)
    return summary


def import_bundles(
    store: DataStore,
    paths: list[Path],
    identity: Path | None = None,
    progress: Progress | None = None,
    skip_known: bool = True,
) -> list[BundleSummary]:
    """Each file on its own: one bad bundle is reported and never blocks the others.

    A file already imported (same sha256) is only hashed and reported as such: the same bytes were merged before.
    """
    results: list[BundleSummary] = []
    for index, path in enumerate(paths):
        if progress:
            progress(index, len(paths))
        try:
            if skip_known and already_imported(store, path):
                results.append(BundleSummary(file=path.name, already_imported=True))
                continue
            results.append(import_bundle(store, path, identity))
        except ServiceError as exc:
            results.append(BundleSummary(file=path.name, error=str(exc)))
        except OSError as exc:
            results.append(BundleSummary(file=path.name, error=f"{path.name}: {exc.strerror or exc}"))
    if progress:
        progress(len(paths), len(paths))
    return results


def already_imported(store: DataStore, path: Path) -> bool:
    from capnum_desktop.services.bundle_open import file_sha256

    with store.session() as session:
        return session.get(ImportedBundle, file_sha256(path)) is not None


# --- the one transaction -----------------------------------------------------------------------------------
def _apply(store: DataStore, opened: OpenedBundle, plan: MergePlan, summary: BundleSummary) -> None:
    staged: list[tuple[Path, Path]] = []  # temp file -> final path
    placed: list[Path] = []
    old_files: list[Path] = []
    erased_dirs: list[Path] = []
    try:
        staged = _stage_audio(store, opened, plan)
        session = store.session()
        try:
            with session.begin():
                for participant_id in plan.erase_participants:
                    erased_dirs += apply_participant_erasure(session, participant_id, store.data_dir)
                purge_notes(session, plan.delete_notes)
                session.flush()
                old_files = _write_rows(session, plan, store.data_dir)
                _write_bookkeeping(session, opened, plan, summary)
                session.flush()
                for tmp, final in staged:
                    os.replace(tmp, final)
                    placed.append(final)
                    fsync_dir(final.parent)
        finally:
            session.close()
    except SQLAlchemyError as exc:
        _undo(staged, placed)
        raise ServiceError(
            _("{file}: the import was refused by the database ({error})").format(
                file=opened.source.name, error=getattr(exc, "orig", exc)
            )
        ) from exc
    except BaseException:
        _undo(staged, placed)
        raise
    for folder in erased_dirs:
        shutil.rmtree(folder, ignore_errors=True)
    for old in old_files:
        old.unlink(missing_ok=True)
    if plan.erase_participants or plan.delete_notes:
        scrub_deleted_text(store)
    for participant_id in plan.erase_participants:  # erased elsewhere: out of this folder's backups too
        erase_from_backups(store, participant_id)


def _undo(staged: list[tuple[Path, Path]], placed: list[Path]) -> None:
    for tmp, _final in staged:
        tmp.unlink(missing_ok=True)
    for final in placed:
        final.unlink(missing_ok=True)
    for folder in {final.parent for _tmp, final in staged}:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty: a folder we created for this import


def _stage_audio(store: DataStore, opened: OpenedBundle, plan: MergePlan) -> list[tuple[Path, Path]]:
    members = opened.manifest.member_map()
    staged: list[tuple[Path, Path]] = []
    try:
        for rec in plan.inserts.get("recording", []) + plan.updates.get("recording", []):
            entry = members.get(rec["path"])
            final = store.data_dir / rec["path"]
            if entry is None or (
                final.is_file() and final.stat().st_size == entry.size and _sha(final) == entry.sha256
            ):
                continue
            final.parent.mkdir(parents=True, exist_ok=True)
            tmp = final.with_name(f".{final.name}.{os.getpid()}.import.tmp")
            staged.append((tmp, final))
            with opened.reader.open_member(entry.path) as src, tmp.open("wb") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
                dst.flush()
                os.fsync(dst.fileno())
    except BaseException:
        _undo(staged, [])
        raise
    return staged


def _sha(path: Path) -> str:
    from capnum_desktop.services.bundle_open import file_sha256

    return file_sha256(path)


def _decode(entity: str, record: dict[str, Any]) -> dict[str, Any]:
    from capnum_desktop.bundles.records import decode_record

    return decode_record(entity, record)  # back to python values (aware datetimes) for the column types


def _write_rows(session: Session, plan: MergePlan, data_dir: Path) -> list[Path]:
    old_files: list[Path] = []
    for entity in ENTITY_ORDER:
        table = table_of(entity)
        rows = [_decode(entity, r) for r in plan.inserts.get(entity, [])]
        if rows:
            session.execute(insert(table), rows)
        for record in plan.updates.get(entity, []):
            values = _decode(entity, record)
            if entity == "recording":
                old = session.scalar(select(Recording.path).where(Recording.id == values["id"]))
                if old and old != values["path"]:
                    old_files.append(data_dir / old)
            session.execute(update(table).where(table.c.id == values["id"]).values(values))
    return old_files


def _write_bookkeeping(session: Session, opened: OpenedBundle, plan: MergePlan, summary: BundleSummary) -> None:
    now = utcnow()
    for draft in plan.conflicts:
        session.add(
            Conflict(
                id=new_uuid(),
                entity=draft.entity,
                entity_id=draft.entity_id,
                local=draft.local,
                incoming=draft.incoming,
                detected_at=now,
                source=opened.source.name,
            )
        )
    for record_id, revision in plan.seen.items():
        key = SEEN_PREFIX + record_id
        state = session.get(SyncState, key)
        if state is None:
            session.add(SyncState(key=key, sequence=revision, last_sync_at=now))
        elif revision > state.sequence:
            state.sequence = revision
            state.last_sync_at = now
    if session.get(ImportedBundle, opened.sha256) is None:
        session.add(
            ImportedBundle(
                sha256=opened.sha256, file_name=opened.source.name, imported_at=now, summary=summary.as_dict()
            )
        )
