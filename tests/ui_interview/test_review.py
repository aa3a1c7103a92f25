"""Review of a finished interview: read-only until "Edit"; every later edit is an event with who, old and new."""

from __future__ import annotations

from PySide6.QtCore import Qt

from capnum_desktop.domain.status import NoteFlag
from capnum_desktop.services import answers as answer_service
from capnum_desktop.services.interview_session import edit_history
from capnum_desktop.services.interviews import finish_interview
from capnum_desktop.services.settings import INTERVIEWER_NAME, set_setting
from capnum_desktop.storage.datastore import DataStore
from tests.ui_interview.conftest import type_text


def test_review_shows_everything_and_records_edits(qtbot, demo_store: DataStore, start_interview, open_page):
    interview_id = start_interview(audio=False)
    answer_service.save_answer(demo_store, interview_id, "parcours_aisance", answer_service.AnswerInput(value=2))
    answer_service.save_answer(demo_store, interview_id, "liens_pays", answer_service.AnswerInput(value="Comores"))
    answer_service.add_note(
        demo_store, interview_id, "Parle vite", question_id="liens_pays", flags=[NoteFlag.IMPORTANT]
    )
    finish_interview(demo_store, interview_id, memo="Au café, bruyant.")
    set_setting(demo_store, INTERVIEWER_NAME, "Coordination Bobigny")

    page = open_page(interview_id, review=True)
    assert page.review_panel is not None
    summary = page.review_panel.summary.text()
    assert "BAG-001" in summary and "audio: no" in summary and "participation: yes" in summary
    assert page.review_panel.memo.toPlainText() == "Au café, bruyant."
    assert page.review_panel.memo.isReadOnly()
    assert page.notes.list.count() == 1 and "Parle vite" in page.notes.list.item(0).text()
    assert not page.actions_.finish.isEnabled() and not page.finish_button.isVisible()
    assert not page.actions_.record.isEnabled()
    assert page.actions_.record.toolTip() == "No audio consent for this interview"
    page.navigator.setCurrentItem(page.navigator._questions["parcours_aisance"])
    view = page.views["parcours_aisance"]
    assert not view.editor.isEnabled(), "read-only until Edit"
    assert page.review_panel.history.item(0).text() == "No edit since the interview ended."

    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert view.editor.isEnabled()
    qtbot.mouseClick(next(b for v, b in view.editor.items if v == 5), Qt.MouseButton.LeftButton)
    page.notes.list.itemDoubleClicked.emit(page.notes.list.item(0))
    type_text(page.notes.field, " et bas")
    qtbot.keyClick(page.notes.field, Qt.Key.Key_Return)
    page.review_panel.memo.selectAll()
    type_text(page.review_panel.memo, "Au café, très bruyant.")
    page.flush()

    events = {e.kind: e for e in edit_history(demo_store, interview_id)}
    answer_edit = events["edit_after_completion"]
    assert answer_edit.actor == "Coordination Bobigny"
    assert answer_edit.payload["question_id"] == "parcours_aisance"
    assert answer_edit.payload["old"]["value"] == 2 and answer_edit.payload["new"]["value"] == 5
    note_edit = events["edit_note_after_completion"]
    assert note_edit.payload["old"]["text"] == "Parle vite"
    assert note_edit.payload["new"]["text"] == "Parle vite et bas"
    assert events["edit_memo"].payload["new"] == "Au café, très bruyant."
    shown = [page.review_panel.history.item(i).text() for i in range(page.review_panel.history.count())]
    assert any("Coordination Bobigny" in line and "2 → 5" in line for line in shown), shown
