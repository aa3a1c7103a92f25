"""The page's contract with the shell and the recorder, autosave timing and failures, and resumption."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from capnum_desktop.services.interview_session import AUDIO_MARKER
from capnum_desktop.services.queries import show_session
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Event
from tests.ui_interview.conftest import key, type_text


def test_recorder_attached_gets_the_record_key_and_marks_notes_and_questions(
    qtbot, demo_store: DataStore, start_interview, open_page
):
    interview_id = start_interview(audio=True)
    page = open_page(interview_id)
    toggles: list[int] = []
    position = {"ms": 61_500}
    page.attach_recorder(QLabel("REC"), lambda: toggles.append(1), lambda: ("rec-1", position["ms"]))
    assert page.actions_.record.isEnabled()
    key(qtbot, page.views[page.current_id].editor.focus_target(), "Ctrl+R")
    assert toggles == [1]
    key(qtbot, page.views[page.current_id].editor.focus_target(), "F2")
    type_text(page.notes.field, "Rit en parlant du Minitel")
    qtbot.keyClick(page.notes.field, Qt.Key.Key_Return)
    position["ms"] = 75_000
    key(qtbot, page.notes.field, "Ctrl+Down")
    key(qtbot, page.views[page.current_id].editor.focus_target(), "Ctrl+2")
    note = show_session(demo_store, interview_id)["notes"][0]
    assert note["audio_offset_ms"] == 61_500
    assert page.notes.list.item(0).text().startswith(page.notes.list.item(0).text()[:5]) and "[01:01]" in (
        page.notes.list.item(0).text()
    )
    with demo_store.session() as session:
        markers = [e.payload for e in session.scalars(select(Event).where(Event.kind == AUDIO_MARKER))]
    assert {"recording_id": "rec-1", "offset_ms": 75_000, "question_id": "parcours_premier_telephone"} in markers
    assert {
        "recording_id": "rec-1",
        "offset_ms": 75_000,
        "question_id": "parcours_premier_telephone",
        "prompt": 1,
    } in markers


def test_no_audio_consent_keeps_recording_off_even_with_a_recorder(qtbot, start_interview, open_page):
    page = open_page(start_interview(audio=False))
    toggles: list[int] = []
    page.attach_recorder(QLabel("REC"), lambda: toggles.append(1), lambda: None)
    assert not page.recording_allowed
    assert not page.actions_.record.isEnabled()
    assert page.actions_.record.toolTip() == "No audio consent for this interview"
    key(qtbot, page.views[page.current_id].editor.focus_target(), "Ctrl+R")
    assert toggles == []


def test_typing_is_saved_within_a_second_and_shown_as_saved(qtbot, demo_store, start_interview, open_page):
    interview_id = start_interview()
    page = open_page(interview_id)
    editor = page.views[page.current_id].editor.text
    type_text(editor, "Chez ma tante, à Oran")
    assert page.header.saved_label.text() == "Saving…"
    qtbot.waitUntil(lambda: page.saver.pending == 0, timeout=1000)
    answers = show_session(demo_store, interview_id)["answers"]
    assert answers[0]["value"] == "Chez ma tante, à Oran" and answers[0]["status"] == "answered"
    assert page.header.saved_label.text().startswith("Saved ✓ ")


def test_a_refused_value_shows_a_message_in_the_page_and_keeps_the_text(
    qtbot, demo_store, start_interview, open_page, monkeypatch
):
    from capnum_desktop.services import answers as answer_service
    from capnum_desktop.services.errors import ServiceError

    interview_id = start_interview()
    page = open_page(interview_id)
    real = answer_service.save_answer

    def failing(*args, **kwargs):
        raise ServiceError("The disk refused the write.")

    monkeypatch.setattr(answer_service, "save_answer", failing)
    editor = page.views[page.current_id].editor.text
    type_text(editor, "Texte précieux")
    page.flush()
    assert page.message_bar.isVisible() and "refused the write" in page.message_bar.label.text()
    assert page.header.saved_label.text() == "Not saved!"
    assert editor.toPlainText() == "Texte précieux"  # kept on screen
    monkeypatch.setattr(answer_service, "save_answer", real)
    type_text(editor, ".")
    page.flush()
    assert show_session(demo_store, interview_id)["answers"][0]["value"] == "Texte précieux."


def test_a_failing_database_keeps_the_edit_pending_and_retries(
    qtbot, demo_store, start_interview, open_page, monkeypatch
):
    from capnum_desktop.services import answers as answer_service

    interview_id = start_interview()
    page = open_page(interview_id)
    real = answer_service.save_answer
    calls = []

    def locked(*args, **kwargs):
        calls.append(1)
        raise OSError("database is locked")

    monkeypatch.setattr(answer_service, "save_answer", locked)
    type_text(page.views[page.current_id].editor.text, "Ne pas perdre")
    assert not page.flush()
    assert page.saver.pending == 1 and "retrying" in page.message_bar.label.text()
    monkeypatch.setattr(answer_service, "save_answer", real)
    qtbot.waitUntil(lambda: page.saver.pending == 0, timeout=5000)  # the retry timer writes it
    assert show_session(demo_store, interview_id)["answers"][0]["value"] == "Ne pas perdre"


def test_leaving_flushes_and_resume_opens_where_we_were(qtbot, demo_store, start_interview, open_page):
    interview_id = start_interview()
    page = open_page(interview_id)
    key(qtbot, page.views[page.current_id].editor.focus_target(), "Ctrl+PgDown")
    key(qtbot, page.views[page.current_id].editor.focus_target(), "Ctrl+PgDown")
    key(qtbot, page.views[page.current_id].editor.focus_target(), "Alt+Right")
    question_id = page.current_id
    assert question_id == "connexion_forfait"
    type_text(page.views[question_id].editor.text, "Prépayé à 10 €")
    closed = []
    page.closed.connect(closed.append)
    page.actions_.back_to_dashboard.trigger()  # leaves at once: the debounced edit must not be lost
    assert closed == [interview_id]
    assert show_session(demo_store, interview_id)["status"] == "in_progress"
    again = open_page(interview_id)
    assert again.current_id == question_id
    assert again.views[question_id].editor.text.toPlainText() == "Prépayé à 10 €"


def test_menu_actions_show_their_shortcuts(qtbot, start_interview, open_page):
    page = open_page(start_interview())
    by_text = {a.text(): a for a in page.menu_actions() if not a.isSeparator()}
    expected = {
        "Next question": "Ctrl+Down",
        "Previous question": "Ctrl+Up",
        "Next theme": "Ctrl+PgDown",
        "Previous theme": "Ctrl+PgUp",
        "New note": "Ctrl+M",
        "Flag note as quote": "Ctrl+Shift+Q",
        "Start/stop recording": "Ctrl+R",
        "Finish interview…": "Ctrl+Shift+F",
    }
    for text, keys in expected.items():
        assert by_text[text].shortcut().toString() == keys
    assert "(Ctrl+Down)" in page.next_button.toolTip()


def test_abandon_needs_a_reason(qtbot, demo_store, start_interview, open_page):
    interview_id = start_interview()
    page = open_page(interview_id)
    page.actions_.finish.trigger()
    assert not page.finish_view.abandon_button.isEnabled()
    type_text(page.finish_view.reason, "La personne a dû partir chercher ses enfants")
    closed = []
    page.closed.connect(closed.append)
    qtbot.mouseClick(page.finish_view.abandon_button, Qt.MouseButton.LeftButton)
    data = show_session(demo_store, interview_id)
    assert closed == [interview_id]
    assert data["status"] == "abandoned" and data["abandon_reason"].startswith("La personne")
