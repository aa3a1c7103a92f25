"""Review playback with QMediaPlayer: position advances, oTranscribe keys, play from 2 s before a note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from capnum_desktop.audio.synth import speechlike_pcm
from capnum_desktop.services.answers import add_note
from capnum_desktop.services.recording_processing import process_recording
from capnum_desktop.services.recordings import add_marker, start_recording, stop_recording
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.audio.player import LEAD_IN_MS, AudioPlayerPanel


def _recorded(store: DataStore, interview_id: str, seconds: float) -> tuple[str, str]:
    active = start_recording(store, interview_id, background=False)
    active.write(speechlike_pcm(seconds, rate=16000, seed=9))
    rid = active.recording_id
    note = add_note(store, interview_id, "Elle montre son téléphone", audio_offset_ms=6000, recording_id=rid)
    add_marker(store, interview_id, active.recording_id, 1000, question_id="q1")
    stop_recording(store, active)
    process_recording(store, active.recording_id)
    return active.recording_id, note


def test_player_plays_seeks_to_notes_and_answers_otranscribe_keys(
    qtbot: QtBot, demo_store: DataStore, interview_id: str
) -> None:
    recording_id, note_id = _recorded(demo_store, interview_id, 10.0)
    panel = AudioPlayerPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.load(demo_store, interview_id)
    assert panel.recording is not None and panel.recording.id == recording_id
    assert [(m.offset_ms, m.kind) for m in panel.timeline.markers] == [(1000, "question"), (6000, "note")]
    assert len(panel.timeline.peaks) > 100 and max(panel.timeline.peaks) > 0.1  # the waveform is drawn
    qtbot.waitUntil(lambda: panel.player.mediaStatus() == QMediaPlayer.MediaStatus.LoadedMedia, timeout=10_000)

    qtbot.keyClick(panel, Qt.Key.Key_Escape)  # play
    qtbot.waitUntil(lambda: panel.player.position() > 300, timeout=10_000)
    assert panel.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
    qtbot.keyClick(panel, Qt.Key.Key_Escape)  # pause
    assert panel.player.playbackState() == QMediaPlayer.PlaybackState.PausedState

    assert panel.seek_to_note(note_id)
    qtbot.waitUntil(lambda: panel.player.position() >= 6000 - LEAD_IN_MS, timeout=5_000)
    assert panel.player.position() < 6000  # starts before the note's moment
    panel.player.pause()
    panel.seek(5000)
    qtbot.keyClick(panel, Qt.Key.Key_F1)
    assert panel.player.position() == 0  # back 5 s
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    assert panel.player.position() == 5000  # forward 5 s
    qtbot.keyClick(panel, Qt.Key.Key_F4)
    assert panel.player.playbackRate() > 1.0 and panel.speed_label.text() == "1.1×"
    qtbot.keyClick(panel, Qt.Key.Key_F3)
    qtbot.keyClick(panel, Qt.Key.Key_F3)
    assert panel.player.playbackRate() < 1.0
    panel.stop()
    qtbot.wait(150)  # PLATFORM.md: let the event loop run before the player can be collected


def test_player_without_recording_says_so(qtbot: QtBot, demo_store: DataStore, interview_id: str) -> None:
    panel = AudioPlayerPanel()
    qtbot.addWidget(panel)
    assert not panel.load(demo_store, interview_id)
    assert "No recording" in panel.status.text() and not panel.isEnabled()
    qtbot.wait(50)
