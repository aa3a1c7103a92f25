"""After the interview: WAV -> Opus, verified by decoding, then the WAV is deleted (or kept, per setting).

Order of operations, so that no crash loses audio: encode to a temp name, fsync, rename to `<id>.opus`; decode
it and compare durations (±0.5 s); hash it; commit the row (path, codec, duration, size, sha256, state ready);
only then delete the WAV. A crash between the commit and the delete leaves a spare WAV that recovery removes
once the Opus file's sha256 matches the row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from capnum_desktop.audio.errors import TranscodeError
from capnum_desktop.audio.transcode import OPUS_CODEC, encode_opus, verify_duration
from capnum_desktop.audio.wavfile import WavFormatError, repair_wav
from capnum_desktop.domain.messages import _
from capnum_desktop.domain.status import RecordingState
from capnum_desktop.services.db_check import sha256_file
from capnum_desktop.services.errors import NotFoundError, ServiceError
from capnum_desktop.services.interviews import add_event
from capnum_desktop.services.recordings import WAV_CODEC, recording_path
from capnum_desktop.services.settings import KEEP_UNCOMPRESSED_AUDIO, get_setting
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.files import fsync_dir
from capnum_desktop.storage.models import Recording

Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProcessedRecording:
    recording_id: str
    codec: str
    duration_ms: int
    size_bytes: int
    sha256: str
    source_bytes: int  # size of the WAV it came from


def pending_recordings(store: DataStore) -> list[str]:
    """Recordings finished but not yet transcoded/verified (oldest first): what the post-processing job takes."""
    with store.session() as session:
        rows = session.scalars(
            select(Recording.id).where(Recording.state == RecordingState.FINISHED.value).order_by(Recording.started_at)
        )
        return list(rows)


def process_recording(store: DataStore, recording_id: str, progress: Progress | None = None) -> ProcessedRecording:
    """Transcode (or keep) a finished recording and mark it ready. Cancel by raising from `progress`."""
    with store.session() as session:
        row = session.get(Recording, recording_id)
        if row is None:
            raise NotFoundError(_("No recording {id}.").format(id=recording_id))
        state, rel, interview_id = row.state, row.path, row.interview_id
        if state == RecordingState.READY.value:
            return ProcessedRecording(recording_id, row.codec, row.duration_ms, row.size_bytes, row.sha256 or "", 0)
    if state == RecordingState.RECORDING.value:
        raise ServiceError(_("This recording is still being recorded (or needs recovery): stop it first."))
    wav = store.data_dir / rel
    if not wav.exists():
        raise ServiceError(_("The recording file is missing: {path}").format(path=rel))
    try:
        info = repair_wav(wav).info  # a no-op on a sound file; makes sure the sizes we compare are true
    except WavFormatError as exc:
        raise ServiceError(
            _("{path} is not a readable recording ({error}); it was left untouched.").format(path=rel, error=exc)
        ) from exc
    source_bytes = wav.stat().st_size
    keep = bool(get_setting(store, KEEP_UNCOMPRESSED_AUDIO, False))
    # An empty recording (Record then Stop at once) has nothing to encode: it is kept as its header-only WAV and
    # marked ready, like a kept WAV, so that it never waits in the queue again.
    if keep or info.frames == 0:
        final, codec, duration_ms = wav, WAV_CODEC, info.duration_ms
    else:
        final, codec = store.data_dir / recording_path(interview_id, recording_id, ".opus"), OPUS_CODEC
        scaled = _scaled(progress, info.duration_ms)
        try:
            encode_opus(wav, final, total_ms=info.duration_ms, progress=scaled)
            duration_ms = verify_duration(final, info.duration_ms).duration_ms
        except TranscodeError as exc:
            final.unlink(missing_ok=True)
            raise ServiceError(
                _("Transcoding {path} failed, the original was kept: {error}").format(path=rel, error=exc)
            ) from exc
        except BaseException:
            final.unlink(missing_ok=True)  # cancelled: the WAV stays, the row stays `finished`
            raise
    digest = sha256_file(final)
    size = final.stat().st_size
    with store.session_factory.begin() as session:
        row = session.get(Recording, recording_id)
        if row is None:
            raise NotFoundError(_("No recording {id}.").format(id=recording_id))
        row.path = str(final.relative_to(store.data_dir).as_posix())
        row.codec = codec
        row.duration_ms = duration_ms
        row.size_bytes = size
        row.sha256 = digest
        row.state = RecordingState.READY.value
        row.touch(store.device_id)
        payload: dict[str, object] = {
            "recording_id": recording_id,
            "codec": codec,
            "duration_ms": duration_ms,
            "size_bytes": size,
        }
        if info.frames == 0:
            payload["empty"] = True
        add_event(session, store.device_id, interview_id, "recording_processed", payload)
    if final != wav:
        wav.unlink()
        fsync_dir(wav.parent)
    return ProcessedRecording(recording_id, codec, duration_ms, size, digest, source_bytes)


def _scaled(progress: Progress | None, total_ms: int) -> Progress | None:
    """Encoding is ~90 % of the work (the decode check the rest); report on a 0..1000 scale."""
    if progress is None:
        return None
    progress(0, 1000)

    def report(done: int, _total: int) -> None:
        progress(900 * done // max(1, total_ms), 1000)

    return report


@dataclass
class PendingRun:
    processed: list[ProcessedRecording] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # recording id -> why it stays `finished`


def process_pending(store: DataStore, progress: Progress | None = None) -> PendingRun:
    """Every finished recording, one after the other (CLI and start-up use).

    One recording that fails (file missing or unreadable, ffmpeg refusing it) is logged and left `finished`; the
    others are still processed, so a single bad file never holds back the compression of later interviews.
    Whatever `progress` raises (a cancellation) stops the run.
    """
    ids = pending_recordings(store)
    run = PendingRun()
    for k, rid in enumerate(ids):
        stopped: list[BaseException] = []

        def step(d: int, t: int, k: int = k, stopped: list[BaseException] = stopped) -> None:
            if progress:
                try:
                    progress(k * 1000 + d * 1000 // max(1, t), len(ids) * 1000)
                except BaseException as exc:
                    stopped.append(exc)
                    raise

        try:
            run.processed.append(process_recording(store, rid, step))
        except Exception as exc:
            if stopped:
                raise
            log.error("recording %s not processed (%s): %s", rid, type(exc).__name__, exc)
            run.failed[rid] = str(exc)
    if run.failed:
        log.warning("%d of %d recordings could not be processed; they stay as WAV", len(run.failed), len(ids))
    return run
