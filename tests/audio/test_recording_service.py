"""Recording use cases: consent gate, row states, markers, memos, recovery at start-up, transcode + verify."""

from __future__ import annotations

import os
import time
import warnings
from pathlib import Path

import pytest
from sqlalchemy import select

from capnum_desktop.audio import transcode
from capnum_desktop.audio.errors import TranscodeError
from capnum_desktop.audio.ffmpeg import configure_pydub
from capnum_desktop.audio.synth import speechlike_pcm
from capnum_desktop.audio.writer import WavWriter
from capnum_desktop.domain.status import AUDIO_MARKER_EVENT, RecordingKind, RecordingState
from capnum_desktop.services.answers import add_note
from capnum_desktop.services.errors import ConsentRequiredError, ServiceError
from capnum_desktop.services.interviews import finish_interview
from capnum_desktop.services.recording_processing import pending_recordings, process_recording
from capnum_desktop.services.recording_queries import list_recordings, recording_markers
from capnum_desktop.services.recording_recovery import recover_unfinished_recordings
from capnum_desktop.services.recordings import (
    RecordingStopped,
    add_marker,
    pause_recording,
    recording_blocker,
    resume_recording,
    start_recording,
    stop_recording,
)
from capnum_desktop.services.settings import KEEP_UNCOMPRESSED_AUDIO, set_setting
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Event
from tests.audio.recording_helpers import record, recording_row

RATE = 16000
SECOND = RATE * 2


def test_no_audio_consent_no_recording_and_nothing_written(demo_store: DataStore, make_interview) -> None:  # type: ignore[no-untyped-def]
    interview_id = make_interview(audio=False)
    assert "did not consent to audio recording" in (recording_blocker(demo_store, interview_id) or "")
    with pytest.raises(ConsentRequiredError, match="did not consent to audio recording"):
        start_recording(demo_store, interview_id)
    assert list_recordings(demo_store, interview_id) == []
    assert not (demo_store.audio_dir / interview_id).exists()


def test_recording_goes_recording_finished_ready_at_its_path(demo_store: DataStore, interview_id: str) -> None:
    assert recording_blocker(demo_store, interview_id) is None
    active = start_recording(demo_store, interview_id, background=False)
    row = recording_row(demo_store, active.recording_id)
    assert row.state == RecordingState.RECORDING.value
    assert row.path == f"audio/{interview_id}/{active.recording_id}.wav"
    assert "already running" in (recording_blocker(demo_store, interview_id) or "")
    active.write(speechlike_pcm(2.0, rate=RATE, seed=1))
    pause_recording(demo_store, active)
    active.write(bytes(SECOND))  # ignored while paused
    resume_recording(demo_store, active)
    active.write(speechlike_pcm(1.5, rate=RATE, seed=2))
    assert active.offset_ms == 3500
    stopped = stop_recording(demo_store, active)
    assert stopped.duration_ms == 3500
    assert recording_row(demo_store, active.recording_id).state == RecordingState.FINISHED.value
    assert pending_recordings(demo_store) == [active.recording_id]

    result = process_recording(demo_store, active.recording_id)
    row = recording_row(demo_store, active.recording_id)
    assert (row.state, row.codec, row.path) == ("ready", "opus", f"audio/{interview_id}/{active.recording_id}.opus")
    assert row.sha256 == result.sha256 and len(row.sha256) == 64
    assert abs(row.duration_ms - 3500) <= 100 and row.size_bytes == (demo_store.data_dir / row.path).stat().st_size
    assert not (demo_store.data_dir / f"audio/{interview_id}/{active.recording_id}.wav").exists()
    # an independent decoder (pydub, codec given: there is no ffprobe) agrees on the duration
    segment = configure_pydub().from_file(str(demo_store.data_dir / row.path), codec="libopus")
    assert abs(len(segment) - 3500) <= 100
    assert pending_recordings(demo_store) == []
    with demo_store.session() as session:
        kinds = [e.kind for e in session.scalars(select(Event).where(Event.interview_id == interview_id))]
    assert kinds[-5:] == ["recording_started", "recording_paused", "recording_resumed", "recording_stopped",
                          "recording_processed"]  # fmt: skip


def test_wav_is_deleted_only_after_the_opus_file_verified(
    demo_store: DataStore, interview_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    recording_id = record(demo_store, interview_id, 2.0)
    wav = demo_store.data_dir / recording_row(demo_store, recording_id).path
    real_decode = transcode.decoded_duration_ms
    monkeypatch.setattr(transcode, "decoded_duration_ms", lambda path: real_decode(path) - 800)  # a truncated encode
    with pytest.raises(ServiceError, match="the original was kept"):
        process_recording(demo_store, recording_id)
    assert wav.exists() and recording_row(demo_store, recording_id).state == "finished"
    assert sorted(p.name for p in wav.parent.iterdir()) == [wav.name]  # no opus, no temp file
    monkeypatch.setattr(transcode, "decoded_duration_ms", real_decode)
    assert process_recording(demo_store, recording_id).codec == "opus"
    assert not wav.exists()


def test_verify_duration_tolerance_is_half_a_second(tmp_path: Path) -> None:
    path = tmp_path / "r.wav"
    writer = WavWriter(path, sample_rate=RATE, background=False)
    writer.write(bytes(3 * SECOND))
    writer.close()
    assert transcode.verify_duration(path, 3400).gap_ms == 400
    with pytest.raises(TranscodeError, match=r"decodes to 3\.00 s"):
        transcode.verify_duration(path, 3600)


def test_cancelled_transcode_leaves_the_wav_and_no_partial_file(demo_store: DataStore, interview_id: str) -> None:
    recording_id = record(demo_store, interview_id, 20.0)
    wav = demo_store.data_dir / recording_row(demo_store, recording_id).path

    class Cancelled(Exception):
        pass

    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) > 1:
            raise Cancelled()

    with pytest.raises(Cancelled):
        process_recording(demo_store, recording_id, progress)
    assert sorted(p.name for p in wav.parent.iterdir()) == [wav.name]
    assert recording_row(demo_store, recording_id).state == "finished"


def test_keep_uncompressed_setting_keeps_the_wav(demo_store: DataStore, interview_id: str) -> None:
    set_setting(demo_store, KEEP_UNCOMPRESSED_AUDIO, True)
    recording_id = record(demo_store, interview_id, 1.0)
    result = process_recording(demo_store, recording_id)
    row = recording_row(demo_store, recording_id)
    assert (row.codec, row.state, row.duration_ms) == ("pcm_s16le", "ready", 1000)
    assert row.path.endswith(".wav") and (demo_store.data_dir / row.path).exists()
    assert result.sha256 == row.sha256


def test_markers_of_notes_questions_and_prompts(demo_store: DataStore, interview_id: str) -> None:
    active = start_recording(demo_store, interview_id, background=False)
    active.write(bytes(4 * SECOND))
    add_marker(demo_store, interview_id, active.recording_id, 1000, question_id="q1")
    add_marker(demo_store, interview_id, active.recording_id, 2500, question_id="q1", prompt=0)
    rid = active.recording_id
    note = add_note(demo_store, interview_id, "« Je me débrouille »", audio_offset_ms=3200, recording_id=rid)
    stop_recording(demo_store, active)
    markers = recording_markers(demo_store, interview_id, active.recording_id)
    assert [(m.offset_ms, m.kind) for m in markers] == [(1000, "question"), (2500, "prompt"), (3200, "note")]
    assert markers[2].note_id == note
    with demo_store.session() as session:
        event = session.scalars(select(Event).where(Event.kind == AUDIO_MARKER_EVENT)).first()
        assert event is not None
        assert event.payload == {"question_id": "q1", "recording_id": active.recording_id, "offset_ms": 1000}


def test_voice_memo_on_a_finished_interview_needs_no_live_consent(demo_store: DataStore, make_interview) -> None:  # type: ignore[no-untyped-def]
    interview_id = make_interview(audio=False)
    with pytest.raises(ConsentRequiredError):  # during the interview the participant could be heard
        start_recording(demo_store, interview_id, kind=RecordingKind.MEMO, question_id="q1")
    finish_interview(demo_store, interview_id)
    assert "can no longer be recorded" in (recording_blocker(demo_store, interview_id) or "")
    memo = start_recording(demo_store, interview_id, kind=RecordingKind.MEMO, question_id="q1", background=False)
    memo.write(bytes(SECOND))
    stop_recording(demo_store, memo)
    process_recording(demo_store, memo.recording_id)
    row = recording_row(demo_store, memo.recording_id)
    assert (row.kind, row.question_id, row.state) == ("memo", "q1", "ready")


def test_recovery_repairs_and_attaches_an_interrupted_recording(demo_store: DataStore, interview_id: str) -> None:
    active = start_recording(demo_store, interview_id, background=False)
    active.write(bytes(2 * SECOND))  # flushed: header says 2 s
    with active.path.open("ab") as handle:  # more data reached the disk, the header update did not
        handle.write(bytes(SECOND // 2 + 1))
    os.close(active.writer._fd)  # the process "dies": nothing else happens to the file

    recovered = recover_unfinished_recordings(demo_store)
    assert len(recovered) == 1 and recovered[0].repaired and not recovered[0].lost
    assert recovered[0].duration_ms == 2500 and recovered[0].interview_id == interview_id
    assert "recovered" in recovered[0].message
    row = recording_row(demo_store, active.recording_id)
    assert (row.state, row.duration_ms) == ("finished", 2500)
    assert process_recording(demo_store, active.recording_id).codec == "opus"
    assert recover_unfinished_recordings(demo_store) == []  # nothing left to do


def test_recovery_drops_a_row_whose_file_never_got_data(demo_store: DataStore, interview_id: str) -> None:
    active = start_recording(demo_store, interview_id, background=False)
    os.close(active.writer._fd)
    recovered = recover_unfinished_recordings(demo_store)
    assert [r.lost for r in recovered] == [True]
    assert list_recordings(demo_store, interview_id) == []
    assert not active.path.exists()


def test_recovery_removes_a_wav_left_after_a_verified_transcode(demo_store: DataStore, interview_id: str) -> None:
    recording_id = record(demo_store, interview_id, 1.0)
    wav = demo_store.data_dir / recording_row(demo_store, recording_id).path
    spare = wav.read_bytes()
    process_recording(demo_store, recording_id)
    wav.write_bytes(spare)  # crash after the commit, before the delete
    (wav.parent / ".x.opus.123.tmp").write_bytes(b"partial")  # a compression cut by the crash
    left = wav.parent / ".z.opus.789.import.tmp"
    left.write_bytes(b"partial")
    os.utime(left, (time.time() - 3600, time.time() - 3600))  # an import that died an hour ago
    importing = wav.parent / ".y.opus.456.import.tmp"  # a CLI bundle import writing beside the GUI right now
    importing.write_bytes(b"in progress")
    recover_unfinished_recordings(demo_store)
    assert sorted(p.name for p in wav.parent.iterdir()) == sorted([importing.name, wav.with_suffix(".opus").name])


def test_disk_too_full_to_start_is_refused_clearly(demo_store: DataStore, interview_id: str) -> None:
    from capnum_desktop.audio.writer import DiskThresholds

    with pytest.raises(ServiceError, match="MB free on the disk"):
        start_recording(demo_store, interview_id, thresholds=DiskThresholds(10**15, 10**15))
    assert list_recordings(demo_store, interview_id) == []


def test_writer_failure_is_a_service_error_and_stop_keeps_the_file(demo_store: DataStore, interview_id: str) -> None:
    from capnum_desktop.audio.writer import MB

    free = {"b": 10**12}
    active = start_recording(demo_store, interview_id, background=False, free_space=lambda _p: free["b"])
    active.write(bytes(SECOND))
    free["b"] = 10 * MB
    with pytest.raises(RecordingStopped, match="MB left"):
        active.write(bytes(SECOND))
    stopped = stop_recording(demo_store, active)
    assert stopped.duration_ms == 2000 and "MB left" in (stopped.reason or "")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert process_recording(demo_store, active.recording_id).codec == "opus"
