"""Export this laptop's data as a bundle (full, or incremental since the last sync), encrypted when a recipient
is known. Streams rows and audio: memory stays bounded whatever the audio size."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from capnum_desktop import __version__
from capnum_desktop.bundles.crypto import encrypt_stream, parse_recipient, read_recipient_text
from capnum_desktop.bundles.manifest import (
    FORMAT,
    GRIDS_PREFIX,
    RECORDS_PREFIX,
    BundleManifest,
    InterviewerRef,
    bundle_file_name,
)
from capnum_desktop.bundles.records import ENTITY_ORDER, encode_row, table_of, write_jsonl
from capnum_desktop.bundles.safety import BundleError
from capnum_desktop.bundles.writer import BundleWriter
from capnum_desktop.domain.messages import _
from capnum_desktop.domain.status import RecordingState
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.studies import default_study_id
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.files import atomic_writer, fsync_dir
from capnum_desktop.storage.models import Device, Interviewer, Recording, Study, SyncState
from capnum_desktop.storage.types import utcnow

Progress = Callable[[int, int], None]
EXPORT_STATE_KEY = "export"
# An edit stamped just before the previous bundle's snapshot may have committed just after it: overlap a little.
# Import is idempotent, so records sent twice cost nothing. The mark is the newest change sent (never later than
# the export), it moves only when something was sent, and a mark later than the clock (set back since) means a
# full bundle: see docs/bundles.md § Export.
SYNC_OVERLAP = timedelta(minutes=10)
KIB = 1024


@dataclass
class ExportResult:
    path: Path
    kind: str
    sequence: int
    counts: dict[str, int]
    encrypted: bool
    size_bytes: int
    skipped: list[str] = field(default_factory=list)  # recordings not sent yet (still recording, file missing)
    empty: bool = False  # an incremental bundle with nothing new
    clock_went_back: bool = False  # incremental asked, full written: the last sync is dated after this clock


@dataclass
class _Plan:
    study: Study
    device: Device
    since: datetime | None
    recordings: list[tuple[str, Path, int]]  # member path, file, size
    skipped_recordings: set[str]
    skipped: list[str]
    newest: datetime | None = None  # the latest updated_at of the records written


def clock_went_back_message() -> str:
    return _(
        "The last sync is dated later than this computer's clock (the clock was changed): this bundle holds "
        "everything, not only what changed."
    )


def resolve_recipient(store: DataStore, recipient: str | None, study_id: str) -> str | None:
    """KEY_OR_FILE given, else the study's coordinator recipient, else None (no encryption)."""
    text: str | None
    if recipient:
        text = read_recipient_text(recipient)
    else:
        with store.session() as session:
            study = session.get(Study, study_id)
            text = study.coordinator_recipient if study else None
    if text:
        parse_recipient(text)
    return text or None


def export_bundle(
    store: DataStore,
    output: Path,
    *,
    since_last_sync: bool = False,
    recipient: str | None = None,
    encrypt: bool = True,
    study_id: str | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write a bundle to `output` (a file, or a folder: the standard name is used inside it)."""
    study = study_id or default_study_id(store)
    try:
        key = resolve_recipient(store, recipient, study) if encrypt else None
        return _export(store, output, since_last_sync, key, study, progress)
    except BundleError as exc:
        raise ServiceError(str(exc)) from exc


def _export(
    store: DataStore, output: Path, incremental: bool, key: str | None, study_id: str, progress: Progress | None
) -> ExportResult:
    created_at = utcnow()
    with store.session() as session, session.begin():  # one read transaction: a consistent snapshot
        state = session.get(SyncState, EXPORT_STATE_KEY)
        sequence = (state.sequence if state else 0) + 1
        mark = state.last_sync_at if incremental and state else None
        # Records changed after the clock was set back are stamped before the mark: only a full bundle is sure.
        clock_went_back = mark is not None and mark - SYNC_OVERLAP > created_at
        since = mark - SYNC_OVERLAP if mark is not None and not clock_went_back else None
        plan = _plan(store, session, study_id, since)
        kind = "incremental" if since else "full"
        if output.is_dir():
            output = output / bundle_file_name(plan.study.code, plan.device.id, sequence, created_at, kind)
        total = sum(size for _, _, size in plan.recordings) // KIB + len(ENTITY_ORDER)
        done = [0]

        def step(units: int) -> None:
            done[0] += units
            if progress:
                progress(min(done[0], total), total)

        counts: dict[str, int] = {}
        manifest_extra: dict[str, Any] = {}

        def write_members(writer: BundleWriter) -> None:
            for entity in ENTITY_ORDER:
                rows = _rows(session, entity, since, plan)
                with writer.member(f"{RECORDS_PREFIX}{entity}.jsonl") as sink:
                    counts[entity] = write_jsonl(sink, rows)  # type: ignore[arg-type]
                step(1)
                if entity == "grid_version":
                    _grid_files(session, writer, since)
            pending = [0]

            def on_bytes(n: int) -> None:
                pending[0] += n
                if pending[0] >= 4 * 1024 * KIB:  # report (and let a cancel in) every 4 MiB
                    step(pending[0] // KIB)
                    pending[0] %= KIB

            for member, path, _size in plan.recordings:
                try:
                    writer.add_file(member, path, stored=True, on_bytes=on_bytes)
                except FileNotFoundError as exc:  # compressed meanwhile: its WAV replaced by the Opus file
                    raise ServiceError(
                        _(
                            "{path} changed while the bundle was being written (a recording being compressed); "
                            "nothing was written: export again in a moment."
                        ).format(path=member)
                    ) from exc
            step(pending[0] // KIB)
            counts["audio_files"] = len(plan.recordings)
            manifest_extra["interviewers"] = _interviewers(session, since)

        def manifest(writer: BundleWriter) -> BundleManifest:
            return BundleManifest(
                format=FORMAT,
                app_version=__version__,
                study_id=plan.study.id,
                study_code=plan.study.code,
                device_id=plan.device.id,
                device_name=plan.device.name,
                interviewers=manifest_extra["interviewers"],
                created_at=created_at,
                kind=kind,
                sequence=sequence,
                since=since,
                counts=counts,
                members=writer.members,
            )

        write_bundle_file(output, created_at, key, write_members, manifest)
    empty = bool(since) and not plan.recordings and all(v == 0 for k, v in counts.items() if k != "device")
    synced = None if empty or not incremental or plan.newest is None else min(plan.newest, created_at)
    _save_state(store, sequence, synced)
    size = output.stat().st_size
    return ExportResult(output, kind, sequence, counts, key is not None, size, plan.skipped, empty, clock_went_back)


def write_bundle_file(
    output: Path,
    created_at: datetime,
    key: str | None,
    write_members: Callable[[BundleWriter], None],
    manifest: Callable[[BundleWriter], BundleManifest],
) -> None:
    """Zip straight into the target (atomically), or into a temp file then age-encrypt it into the target."""
    if key is None:
        with atomic_writer(output) as handle:
            writer = BundleWriter(handle, created_at)
            try:
                write_members(writer)
                writer.finish(manifest(writer))
            except BaseException:
                writer.abort()
                raise
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".capnum-plain-", suffix=".tmp", dir=output.parent)
    try:
        with os.fdopen(fd, "w+b") as plain:
            writer = BundleWriter(plain, created_at)
            try:
                write_members(writer)
                writer.finish(manifest(writer))
            except BaseException:
                writer.abort()
                raise
            plain.flush()
            plain.seek(0)
            with atomic_writer(output) as handle:
                encrypt_stream(plain, handle, [parse_recipient(key)])
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        fsync_dir(output.parent)


def _plan(store: DataStore, session: Session, study_id: str, since: datetime | None) -> _Plan:
    study = session.get(Study, study_id)
    if study is None:
        raise ServiceError(_("No study {id} in this data folder.").format(id=study_id))
    device = session.scalar(select(Device).where(Device.is_local.is_(True)))
    if device is None:
        raise ServiceError(_("This data folder has no local device row; run `capnum db check`."))
    query = select(Recording)
    if since:
        query = query.where(Recording.updated_at >= since)
    recordings: list[tuple[str, Path, int]] = []
    skipped: list[str] = []
    skipped_ids: set[str] = set()
    seen_paths: set[str] = set()
    for rec in session.scalars(query.order_by(Recording.path)):
        path = store.data_dir / rec.path
        if rec.state == RecordingState.RECORDING.value:
            skipped_ids.add(rec.id)
            skipped.append(_("{path}: still recording, sent with the next bundle").format(path=rec.path))
        elif not path.is_file():
            skipped_ids.add(rec.id)
            skipped.append(_("{path}: file missing, recording not sent (run `capnum db check`)").format(path=rec.path))
        elif rec.path not in seen_paths:  # two rows may share one file (a memo cut from the interview)
            seen_paths.add(rec.path)
            recordings.append((rec.path, path, path.stat().st_size))
    return _Plan(study, device, since, recordings, skipped_ids, skipped)


def _rows(session: Session, entity: str, since: datetime | None, plan: _Plan) -> Any:
    table = table_of(entity)
    query = select(table)
    if since is not None:
        query = query.where(table.c.updated_at >= since)
    for row in session.execute(query.order_by(table.c.created_at, table.c.id).execution_options(yield_per=2000)):
        values = row._mapping
        if entity == "recording" and values["id"] in plan.skipped_recordings:
            continue
        if plan.newest is None or values["updated_at"] > plan.newest:
            plan.newest = values["updated_at"]
        yield encode_row(values, entity)


def _grid_files(session: Session, writer: BundleWriter, since: datetime | None) -> None:
    """The grid YAML files beside their records, for a person opening the zip (records stay authoritative)."""
    table = table_of("grid_version")
    query = select(table.c.grid_id, table.c.version, table.c.source_yaml)
    if since is not None:
        query = query.where(table.c.updated_at >= since)
    for grid_id, version, source in session.execute(query):
        writer.add_bytes(f"{GRIDS_PREFIX}{grid_id}-v{version}.yaml", source.encode("utf-8"))


def _interviewers(session: Session, since: datetime | None) -> list[InterviewerRef]:
    query = select(Interviewer.id, Interviewer.name)
    if since is not None:
        query = query.where(Interviewer.updated_at >= since)
    return [InterviewerRef(id=i, name=n) for i, n in session.execute(query.order_by(Interviewer.name))]


def _save_state(store: DataStore, sequence: int, synced_at: datetime | None) -> None:
    with store.session_factory.begin() as session:
        state = session.get(SyncState, EXPORT_STATE_KEY)
        if state is None:
            state = SyncState(key=EXPORT_STATE_KEY, sequence=0)
            session.add(state)
        state.sequence = max(state.sequence, sequence)
        if synced_at is not None:  # an export after the clock was set back may bring the mark back too
            state.last_sync_at = synced_at


def count_changes_since_last_sync(store: DataStore) -> int:
    """How many interviews changed since the last sync (for the GUI's "Sync now" label)."""
    from capnum_desktop.storage.models import Interview

    with store.session() as session:
        state = session.get(SyncState, EXPORT_STATE_KEY)
        query = select(func.count()).select_from(Interview)
        if state and state.last_sync_at:
            query = query.where(Interview.updated_at > state.last_sync_at)  # the mark is the newest change sent
        return session.scalar(query) or 0
