"""Demo recordings (`capnum demo seed --audio-seconds S`): real audio through the real writer and transcode.

Speech comes from espeak-ng when installed, else from a speech-like synthetic voice (audio.synth). The PCM goes
through the crash-safe WavWriter, `stop_recording` and `process_recording` exactly like a live recording, so
bundles, exports and benchmarks carry files made the way real ones are. Notes and question changes get offsets
spread over the recording in the order they happened.
"""

from __future__ import annotations

import random

from sqlalchemy import select

from capnum_desktop.audio.synth import assemble, phrase_bank
from capnum_desktop.audio.writer import WavWriter
from capnum_desktop.domain.messages import _
from capnum_desktop.domain.status import AnswerStatus, RecordingKind, RecordingState
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.grid_versions import grid_of
from capnum_desktop.services.interviews import add_event, get_interview
from capnum_desktop.services.recording_processing import process_recording
from capnum_desktop.services.recordings import (
    CHANNELS,
    MARKER_EVENT,
    SAMPLE_RATE,
    WAV_CODEC,
    ActiveRecording,
    recording_path,
    stop_recording,
)
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Answer, Note, Recording
from capnum_desktop.storage.types import new_uuid

MAX_DEMO_SECONDS = 3 * 3600
CHUNK_SECONDS = 1


def demo_phrase_bank(seed: int) -> list[bytes]:
    return phrase_bank(rate=SAMPLE_RATE, seed=seed)


def add_demo_recording(store: DataStore, interview_id: str, seconds: float, *, bank: list[bytes], seed: int) -> str:
    if not 0 < seconds <= MAX_DEMO_SECONDS:
        raise ServiceError(_("--audio-seconds must be between 0 and {max}.").format(max=MAX_DEMO_SECONDS))
    recording_id = new_uuid()
    rel = recording_path(interview_id, recording_id)
    with store.session_factory.begin() as session:
        interview = get_interview(session, interview_id)
        started = interview.started_at
        session.add(
            Recording(
                id=recording_id,
                interview_id=interview_id,
                kind=RecordingKind.INTERVIEW.value,
                path=rel,
                codec=WAV_CODEC,
                state=RecordingState.RECORDING.value,
                sample_rate=SAMPLE_RATE,
                channels=CHANNELS,
                started_at=started,
                origin_device=store.device_id,
            )
        )
        add_event(
            session, store.device_id, interview_id, "recording_started", {"recording_id": recording_id}, at=started
        )
    pcm = assemble(bank, seconds, rate=SAMPLE_RATE, seed=seed)
    # Not live audio: one fsync per minute of sound instead of per second keeps seeding fast.
    writer = WavWriter(
        store.data_dir / rel, sample_rate=SAMPLE_RATE, channels=CHANNELS, background=False, flush_interval=60
    )
    active = ActiveRecording(recording_id, interview_id, RecordingKind.INTERVIEW, store.data_dir / rel, writer)
    step = SAMPLE_RATE * 2 * CHUNK_SECONDS
    try:
        for start in range(0, len(pcm), step):
            active.write(pcm[start : start + step])
    finally:
        stop_recording(store, active)
    if writer.failure is not None:
        raise ServiceError(_("Demo recording stopped: {error}").format(error=writer.failure))
    process_recording(store, recording_id)
    _place_markers(store, interview_id, recording_id, int(seconds * 1000), random.Random(seed))
    return recording_id


def _place_markers(
    store: DataStore, interview_id: str, recording_id: str, duration_ms: int, rng: random.Random
) -> None:
    """Question changes spread over the recording in grid order; each note a little after its question."""
    with store.session_factory.begin() as session:
        interview = get_interview(session, interview_id)
        grid = grid_of(session, interview.grid_version_id)
        answered = {
            a.question_id
            for a in session.scalars(select(Answer).where(Answer.interview_id == interview_id))
            if a.status != AnswerStatus.NOT_ASKED.value
        }
        order = [q.id for q in grid.all_questions() if q.id in answered]
        span = duration_ms / max(1, len(order))
        starts = {qid: int(k * span) for k, qid in enumerate(order)}
        for qid, offset in starts.items():
            payload = {"question_id": qid, "recording_id": recording_id, "offset_ms": offset}
            add_event(session, store.device_id, interview_id, MARKER_EVENT, payload, at=interview.started_at)
        for note in session.scalars(select(Note).where(Note.interview_id == interview_id).order_by(Note.noted_at)):
            base = starts.get(note.question_id or "", int(rng.uniform(0, duration_ms)))
            note.audio_offset_ms = min(duration_ms - 1, base + int(rng.uniform(0.3, 0.9) * span))
            note.recording_id = recording_id
        # rows created by the seed itself in this run: no touch() needed (revision 1, never synced yet)
