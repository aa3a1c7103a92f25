"""Start-up recovery: recordings the app was writing when it died are repaired and attached again.

Run once at start-up, while this process holds the data folder lock (no recording can be live then). Each
row still in state `recording` gets its WAV header repaired from the file length and becomes `finished` (ready
for the post-processing job). Leftovers of interrupted post-processing (temp files, a WAV already replaced by a
verified Opus file) are removed.
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass

from sqlalchemy import select

from capnum_desktop.audio.wavfile import HEADER_SIZE, WavFormatError, repair_wav
from capnum_desktop.domain.status import RecordingState
from capnum_desktop.services.db_check import sha256_file
from capnum_desktop.services.interviews import add_event
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Recording

TEMP_FILE_GRACE_S = 600  # an import's temporary file older than this was left by a process that died

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecoveredRecording:
    recording_id: str
    interview_id: str
    duration_ms: int
    repaired: bool  # the header had to be fixed (the app had died mid-recording)
    lost: bool  # nothing usable had been written: the row was removed

    @property
    def message(self) -> str:
        if self.lost:
            return "A recording had just started when the application stopped: nothing had been recorded yet."
        minutes, seconds = divmod(self.duration_ms // 1000, 60)
        return f"An interrupted recording was recovered ({minutes} min {seconds:02d} s) and attached to its interview."


def recover_unfinished_recordings(store: DataStore) -> list[RecoveredRecording]:
    """Repair and attach every recording left in state `recording`; tidy interrupted post-processing."""
    recovered: list[RecoveredRecording] = []
    with store.session_factory.begin() as session:
        rows = list(session.scalars(select(Recording).where(Recording.state == RecordingState.RECORDING.value)))
        for row in rows:
            path = store.data_dir / row.path
            payload = {"recording_id": row.id}
            if not path.exists() or path.stat().st_size < HEADER_SIZE:
                path.unlink(missing_ok=True)
                add_event(session, store.device_id, row.interview_id, "recording_lost", payload)
                recovered.append(RecoveredRecording(row.id, row.interview_id, 0, False, True))
                session.delete(row)
                continue
            try:
                result = repair_wav(path)
            except WavFormatError as exc:
                # Never delete audio we cannot read: leave the row for a person to look at (db check lists it).
                log.error("recording %s not repairable: %s", row.path, exc)
                continue
            if result.info.frames == 0:
                path.unlink()
                add_event(session, store.device_id, row.interview_id, "recording_lost", payload)
                recovered.append(RecoveredRecording(row.id, row.interview_id, 0, result.repaired, True))
                session.delete(row)
                continue
            row.state = RecordingState.FINISHED.value
            row.duration_ms = result.info.duration_ms
            row.size_bytes = path.stat().st_size
            row.touch(store.device_id)
            add_event(
                session,
                store.device_id,
                row.interview_id,
                "recording_recovered",
                {**payload, "duration_ms": row.duration_ms, "header_repaired": result.repaired},
            )
            recovered.append(RecoveredRecording(row.id, row.interview_id, row.duration_ms, result.repaired, False))
    _tidy_post_processing(store)
    return recovered


def _tidy_post_processing(store: DataStore) -> None:
    if not store.audio_dir.exists():
        return
    stale_before = time.time() - TEMP_FILE_GRACE_S
    for tmp in store.audio_dir.rglob(".*.tmp"):
        # A recent import file may belong to a `capnum bundle import` running beside the GUI (the CLI may): left
        # alone. Compression runs only in the app holding the folder's lock, so its leftovers are all stale.
        with contextlib.suppress(FileNotFoundError):
            if not tmp.name.endswith(".import.tmp") or tmp.stat().st_mtime < stale_before:
                tmp.unlink(missing_ok=True)
    with store.session() as session:
        ready = session.scalars(
            select(Recording).where(Recording.state == RecordingState.READY.value, Recording.path.like("%.opus"))
        )
        for row in ready:
            final = store.data_dir / row.path
            spare = final.with_suffix(".wav")
            if spare.exists() and final.exists() and row.sha256 and sha256_file(final) == row.sha256:
                spare.unlink()
