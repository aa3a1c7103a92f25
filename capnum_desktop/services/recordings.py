"""Recording an interview (or a voice memo): consent gate, start/pause/resume/stop, markers.

A recording row is committed (state `recording`) before its file exists, so a crash always leaves a row that
`recording_recovery.recover_unfinished_recordings` finds at the next start. The audio clock is the audio itself:
offsets (notes, question changes, prompt ticks) are milliseconds of recorded sound, pauses excluded, so that
playback from an offset lands on the moment that was marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from capnum_desktop.audio.errors import RecordingError
from capnum_desktop.audio.writer import DiskThresholds, WavWriter, free_bytes
from capnum_desktop.domain.status import AUDIO_MARKER_EVENT, InterviewStatus, RecordingKind, RecordingState
from capnum_desktop.services.errors import ConsentRequiredError, NotFoundError, ServiceError
from capnum_desktop.services.interviews import add_event, get_interview
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Interview, Recording
from capnum_desktop.storage.types import new_uuid, utcnow

# 16 kHz mono int16: the whole speech band (wideband), what transcription tools (Whisper) resample to anyway,
# a third of the disk and fsync traffic of 48 kHz (115 MB/h of WAV). See docs/audio.md.
SAMPLE_RATE = 16000
CHANNELS = 1
WAV_CODEC = "pcm_s16le"
MARKER_EVENT = AUDIO_MARKER_EVENT

NO_AUDIO_CONSENT = "The participant did not consent to audio recording: recording is not possible for this interview."


class RecordingStopped(ServiceError):
    """The recording had to stop (disk full, write error, device lost); what was recorded is kept."""


@dataclass
class ActiveRecording:
    """A recording being written. Hand PCM to `write()`; read `offset_ms` for markers."""

    recording_id: str
    interview_id: str
    kind: RecordingKind
    path: Path
    writer: WavWriter
    paused: bool = False

    def write(self, pcm: bytes) -> None:
        if self.paused:
            return
        try:
            self.writer.write(pcm)
        except RecordingError as exc:
            raise RecordingStopped(str(exc)) from exc

    @property
    def offset_ms(self) -> int:
        return self.writer.duration_ms

    @property
    def failure(self) -> str | None:
        return str(self.writer.failure) if self.writer.failure else None

    @property
    def low_disk(self) -> bool:
        return self.writer.low_disk


@dataclass(frozen=True)
class StoppedRecording:
    recording_id: str
    duration_ms: int
    size_bytes: int
    reason: str | None


def recording_path(interview_id: str, recording_id: str, suffix: str = ".wav") -> str:
    """Relative to the data dir (what the row stores)."""
    return f"audio/{interview_id}/{recording_id}{suffix}"


def recording_blocker(store: DataStore, interview_id: str, kind: RecordingKind = RecordingKind.INTERVIEW) -> str | None:
    """Why recording is impossible for this interview right now, or None (the UI shows it on the button)."""
    with store.session() as session:
        interview = get_interview(session, interview_id)
        return _blocker(session, interview, kind)


def _blocker(session: Session, interview: Interview, kind: RecordingKind) -> str | None:
    in_progress = interview.status == InterviewStatus.IN_PROGRESS.value
    if kind is RecordingKind.INTERVIEW and not in_progress:
        return f"This interview is {interview.status}: it can no longer be recorded (a voice memo still can)."
    # A memo during the interview may catch the participant's voice too: same consent rule.
    if (kind is RecordingKind.INTERVIEW or in_progress) and not any(c.audio_recording for c in interview.consents):
        return NO_AUDIO_CONSENT
    active = session.scalar(
        select(Recording.id).where(
            Recording.interview_id == interview.id, Recording.state == RecordingState.RECORDING.value
        )
    )
    if active is not None:
        return "A recording of this interview is already running."
    return None


def start_recording(
    store: DataStore,
    interview_id: str,
    *,
    kind: RecordingKind = RecordingKind.INTERVIEW,
    question_id: str | None = None,
    note_id: str | None = None,
    sample_rate: int = SAMPLE_RATE,
    channels: int = CHANNELS,
    device: str | None = None,
    thresholds: DiskThresholds | None = None,
    **writer_options: Any,
) -> ActiveRecording:
    """Create the row, then the file; refused without audio consent or with too little disk space."""
    thresholds = thresholds or DiskThresholds()
    store.audio_dir.mkdir(parents=True, exist_ok=True)
    free = free_bytes(store.audio_dir)
    if free < thresholds.stop_bytes:
        raise ServiceError(
            f"Only {free // (1024 * 1024)} MB free on the disk: free some space before recording "
            f"(at least {thresholds.stop_bytes // (1024 * 1024)} MB)."
        )
    recording_id = new_uuid()
    rel = recording_path(interview_id, recording_id)
    with store.session_factory.begin() as session:
        interview = get_interview(session, interview_id)
        blocker = _blocker(session, interview, kind)
        if blocker is not None:
            raise ConsentRequiredError(blocker) if blocker == NO_AUDIO_CONSENT else ServiceError(blocker)
        session.add(
            Recording(
                id=recording_id,
                interview_id=interview_id,
                kind=kind.value,
                path=rel,
                codec=WAV_CODEC,
                state=RecordingState.RECORDING.value,
                sample_rate=sample_rate,
                channels=channels,
                started_at=utcnow(),
                question_id=question_id,
                note_id=note_id,
                origin_device=store.device_id,
            )
        )
        payload = {"recording_id": recording_id, "kind": kind.value, "device": device}
        add_event(session, store.device_id, interview_id, "recording_started", payload)
    try:
        writer = WavWriter(
            store.data_dir / rel, sample_rate=sample_rate, channels=channels, thresholds=thresholds, **writer_options
        )
    except OSError as exc:
        _forget(store, recording_id)
        raise ServiceError(f"Cannot create the recording file: {exc.strerror or exc}") from exc
    return ActiveRecording(recording_id, interview_id, kind, store.data_dir / rel, writer)


def _forget(store: DataStore, recording_id: str) -> None:
    with store.session_factory.begin() as session:
        row = session.get(Recording, recording_id)
        if row is not None:
            session.delete(row)


def pause_recording(store: DataStore, active: ActiveRecording) -> None:
    if not active.paused:
        active.paused = True
        _log(store, active, "recording_paused", {"offset_ms": active.offset_ms})


def resume_recording(store: DataStore, active: ActiveRecording) -> None:
    if active.paused:
        active.paused = False
        _log(store, active, "recording_resumed", {"offset_ms": active.offset_ms})


def stop_recording(store: DataStore, active: ActiveRecording, *, reason: str | None = None) -> StoppedRecording:
    """Close the file (always valid, even after a failure) and mark the row finished."""
    info = active.writer.close()
    reason = reason or active.failure
    size = active.path.stat().st_size if active.path.exists() else 0
    with store.session_factory.begin() as session:
        row = session.get(Recording, active.recording_id)
        if row is None:
            raise NotFoundError(f"No recording {active.recording_id}.")
        row.state = RecordingState.FINISHED.value
        row.duration_ms = info.duration_ms
        row.size_bytes = size
        row.touch(store.device_id)
        payload = {"recording_id": active.recording_id, "duration_ms": info.duration_ms, "reason": reason}
        add_event(session, store.device_id, active.interview_id, "recording_stopped", payload)
    return StoppedRecording(active.recording_id, info.duration_ms, size, reason)


def add_marker(
    store: DataStore,
    interview_id: str,
    recording_id: str,
    offset_ms: int,
    *,
    question_id: str | None = None,
    prompt: int | None = None,
    at: datetime | None = None,
) -> None:
    """A question change (or, with `prompt`, a follow-up prompt ticked) at `offset_ms` of the recording."""
    payload: dict[str, Any] = {"question_id": question_id, "recording_id": recording_id, "offset_ms": int(offset_ms)}
    if prompt is not None:
        payload["prompt"] = prompt
    with store.session_factory.begin() as session:
        get_interview(session, interview_id)
        add_event(session, store.device_id, interview_id, MARKER_EVENT, payload, at=at)


def _log(store: DataStore, active: ActiveRecording, kind: str, payload: dict[str, Any]) -> None:
    with store.session_factory.begin() as session:
        add_event(session, store.device_id, active.interview_id, kind, {"recording_id": active.recording_id, **payload})
