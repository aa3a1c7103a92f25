"""The kill soak's recording checks can fail: an unrepaired cut WAV, a row left `recording`, too much audio lost."""

from __future__ import annotations

import math
import struct

import pytest

from capnum_desktop.services.interviews import ConsentInput, start_interview
from capnum_desktop.services.participants import create_participant, ensure_interviewer
from capnum_desktop.services.recording_recovery import recover_unfinished_recordings
from capnum_desktop.services.recordings import start_recording
from capnum_desktop.services.studies import list_studies
from capnum_desktop.storage.datastore import DataStore
from tests.soak.soak_audio import AudioStats, check_recordings
from tests.soak.soak_log import ChildLog, TypedNote, parse

RATE = 16000
FIRST_WRITE = 100.0  # monotonic seconds, as the child logs them; the first write carried 100 ms of audio


def tone(seconds: float) -> bytes:
    frames = int(seconds * RATE)
    return struct.pack(f"<{frames}h", *(int(8000 * math.sin(i / 8)) for i in range(frames)))


def cut_recording(store: DataStore) -> tuple[str, ChildLog]:
    """3 s flushed, then 0.25 s on disk that the header does not know about: a process killed mid-flush."""
    study = list_studies(store)[0]
    participant = create_participant(store, site_id=study.sites[0].id, profile={"age_range": "25-39"})
    interviewer = ensure_interviewer(store, "Soak", study.id)
    interview = start_interview(
        store, participant_id=participant, interviewer_id=interviewer, consent=ConsentInput(True, True, True, True)
    )
    active = start_recording(store, interview, background=False)
    active.write(tone(3.0))
    active.writer.flush()
    with active.path.open("ab") as tail:
        tail.write(tone(0.25))
    log = ChildLog(clicks=[active.recording_id], starts={active.recording_id: (FIRST_WRITE, 100)})
    log.notes.append(TypedNote(FIRST_WRITE + 1, active.recording_id, 2500, "a note while recording"))
    return active.recording_id, log


def test_a_cut_recording_not_yet_recovered_fails_the_checks(demo_store: DataStore) -> None:
    _recording, log = cut_recording(demo_store)
    failures = check_recordings(demo_store.data_dir, log, FIRST_WRITE + 3.5, 1e12, AudioStats(), "round 1")
    assert any("still `recording` after restart" in f for f in failures), failures
    assert any("is `recording`" in f for f in failures), failures


def test_a_recovered_recording_passes_and_its_loss_is_counted(demo_store: DataStore) -> None:
    recording, log = cut_recording(demo_store)
    recover_unfinished_recordings(demo_store)
    stats = AudioStats()
    killed_at = FIRST_WRITE - 0.1 + 3.25 + 0.6  # 0.6 s after the last byte on disk
    assert check_recordings(demo_store.data_dir, log, killed_at, 1e12, stats, "round 1") == []
    assert stats.rounds_recording_at_kill == 1
    assert stats.recovered_ms[recording] == 3250
    assert stats.max_loss_s == pytest.approx(0.6, abs=0.01)
    assert stats.notes_with_offset_checked == 1


def test_more_than_the_allowed_loss_fails(demo_store: DataStore) -> None:
    _recording, log = cut_recording(demo_store)
    recover_unfinished_recordings(demo_store)
    killed_at = FIRST_WRITE - 0.1 + 3.25 + 1.5
    failures = check_recordings(demo_store.data_dir, log, killed_at, 1e12, AudioStats(), "round 1")
    assert len(failures) == 1 and "1.50 s lost" in failures[0], failures


def test_a_note_past_the_end_of_the_recovered_audio_fails(demo_store: DataStore) -> None:
    recording, log = cut_recording(demo_store)
    recover_unfinished_recordings(demo_store)
    log.notes.append(TypedNote(FIRST_WRITE + 3, recording, 3250 + 1500, "a note the audio cannot reach"))
    failures = check_recordings(demo_store.data_dir, log, FIRST_WRITE + 3.5, 1e12, AudioStats(), "round 1")
    assert len(failures) == 1 and "note at 4750 ms" in failures[0], failures


def test_the_child_log_is_parsed_whole_lines_and_unknown_lines_ignored() -> None:
    log = parse(
        [
            "CapNum was closed while recording. Recordings recovered: 1.\n",
            "OFFERED 5.0 1\n",
            "RESUMED 5.1 abc\n",
            "READY 5.2 1764115200.5\n",
            "REC_CLICK 5.3 rec-1\n",
            "REC_START 5.4 rec-1 120\n",
            'NOTE 6.0 rec-1 640 "note 1 « tutos »"\n',
            'NOTE 6.5 - - "note 2"\n',
            "REC_STOP 7.0 rec-1\n",
            'REC_BLOCKED 7.1 "No microphone found"\n',
        ]
    )
    assert (log.offered, log.resumed, log.ready_wall) == (1, "abc", 1764115200.5)
    assert log.capture_start("rec-1") == pytest.approx(5.28)
    assert [(n.recording_id, n.offset_ms, n.text) for n in log.notes] == [
        ("rec-1", 640, "note 1 « tutos »"),
        (None, None, "note 2"),
    ]
    assert log.stops == {"rec-1": 7.0}
    assert log.problems == ["REC_BLOCKED No microphone found"]
