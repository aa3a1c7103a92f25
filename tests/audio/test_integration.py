"""Audio in the real InterviewPage (its constructor calls attach_audio): the recorder while interviewing, the
player (and note clicks) in review, voice memos on a question."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from capnum_desktop.audio.synth import speechlike_pcm
from capnum_desktop.domain.status import RecordingKind
from capnum_desktop.services.answers import add_note
from capnum_desktop.services.interviews import finish_interview
from capnum_desktop.services.recording_processing import process_recording
from capnum_desktop.services.recording_queries import list_recordings
from capnum_desktop.services.recordings import start_recording, stop_recording
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.jobs import JobRunner
from tests.audio.virtual_mic import VirtualMic

page_module = pytest.importorskip("capnum_desktop.ui.interview.page", reason="the interview page is not built yet")


def test_recorder_is_attached_to_a_live_interview(qtbot: QtBot, demo_store: DataStore, interview_id: str) -> None:
    jobs = JobRunner()
    page = page_module.InterviewPage(demo_store, jobs, interview_id)
    qtbot.addWidget(page)
    panel = page.recorder_panel
    assert panel.parent() is not None
    assert page.current_offset() is None  # not recording yet: notes carry no offset
    panel.active = start_recording(demo_store, interview_id, background=False)  # as if Record was pressed
    panel.active.write(bytes(32000 * 2))
    recording_id, offset = page.current_offset()
    assert (recording_id, offset) == (panel.active.recording_id, 2000)
    panel.shutdown()
    assert panel.active is None


def test_review_shows_the_player_and_a_note_click_plays_from_before_it(
    qtbot: QtBot, demo_store: DataStore, interview_id: str
) -> None:
    active = start_recording(demo_store, interview_id, background=False)
    active.write(speechlike_pcm(8.0, rate=16000, seed=2))
    rid = active.recording_id
    add_note(demo_store, interview_id, "Montre l’appli de la CAF", audio_offset_ms=5000, recording_id=rid)
    stop_recording(demo_store, active)
    process_recording(demo_store, active.recording_id)
    finish_interview(demo_store, interview_id)
    page = page_module.InterviewPage(demo_store, None, interview_id, review=True)
    qtbot.addWidget(page)
    player = page.audio_player
    assert player.has_audio and player.parent() is page
    item = page.notes.list.item(0)
    rect = page.notes.list.visualItemRect(item)
    qtbot.mouseClick(page.notes.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: player.player.position() >= 3000, timeout=5000)
    assert player.player.position() < 5000
    player.stop()
    qtbot.wait(150)


@pytest.mark.slow
def test_a_voice_memo_on_the_current_question_is_recorded_and_listed(
    qtbot: QtBot, demo_store: DataStore, interview_id: str, virtual_mic: VirtualMic
) -> None:
    jobs = JobRunner()
    page = page_module.InterviewPage(demo_store, jobs, interview_id)
    qtbot.addWidget(page)
    page.go_to("equipement_appareils")
    memo_action = next(a for a in page.menu_actions() if a.shortcut().toString() == "Ctrl+Shift+M")
    memo_action.trigger()
    dialog = page.memo_dialog
    assert not dialog.isModal()  # the interview page behind stays usable
    assert dialog.memos.count() == 0
    dialog.recorder.start()
    assert dialog.recorder.recording, dialog.recorder.status.text()
    qtbot.wait(1500)
    with qtbot.waitSignal(dialog.recorder.processed, timeout=60_000):
        dialog.recorder.stop()
    [memo] = list_recordings(demo_store, interview_id, RecordingKind.MEMO)
    assert (memo.question_id, memo.state, memo.codec) == ("equipement_appareils", "ready", "opus")
    assert memo.duration_ms > 1000
    assert dialog.memos.count() == 1
    dialog.close()
    qtbot.wait(100)
