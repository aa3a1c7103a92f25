"""A whole interview through the real widgets, in the order a conversation takes, then checked in the database."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from capnum_desktop.domain.status import CoverageState
from capnum_desktop.services.queries import show_session
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.interview.editors import (
    DateEditor,
    LongTextEditor,
    MultiChoiceEditor,
    NumberEditor,
    ScaleEditor,
    SingleChoiceEditor,
    TextEditor,
    YesNoEditor,
)
from tests.ui_interview.conftest import key, tick, type_text


def button(editor, label: str):
    return next(b for _v, b in editor.items if b.text() == label)


def test_a_whole_interview_in_non_linear_order(qtbot, demo_store: DataStore, start_interview, open_page):
    interview_id = start_interview()
    page = open_page(interview_id)
    assert page.header.code.text() == "BAG-001"
    assert page.current_id == "parcours_premier_souvenir"  # a new interview opens on the first question
    # Audio consent given and the recorder attached: Ctrl+R records (the tooltip shows the shortcut).
    assert page.recording_allowed and page.actions_.record.isEnabled()
    assert "Ctrl+R" in page.actions_.record.toolTip()

    # Jump two themes ahead with the keyboard: equipment first.
    key(qtbot, page.views[page.current_id].editor.focus_target(), "Ctrl+PgDown")
    assert page.current_id == "equipement_appareils"
    multi = page.views["equipement_appareils"].editor
    assert isinstance(multi, MultiChoiceEditor)
    tick(qtbot, multi.buttons["smartphone"])
    tick(qtbot, multi.buttons["computer"])
    type_text(multi.other, "montre connectée")  # ticks "Other:" by itself
    assert multi.buttons["other"].isChecked()
    # The smartphone question appears only now (show_if "'smartphone' in equipement_appareils").
    assert not page.navigator._questions["equipement_smartphone_etat"].isHidden()
    key(qtbot, multi.focus_target(), "Ctrl+1")  # first follow-up prompt asked
    assert page.views["equipement_appareils"].prompt_boxes[0].isChecked()

    # The conversation drifts to trust: use the navigator, like a click.
    page.navigator.setCurrentItem(page.navigator._questions["confiance_generale"])
    scale = page.views["confiance_generale"].editor
    assert isinstance(scale, ScaleEditor)
    qtbot.mouseClick(button(scale, "4"), Qt.MouseButton.LeftButton)
    comment = page.views["confiance_generale"].comment
    type_text(comment, "Confiance « sauf pour la banque »")
    key(qtbot, comment, "Ctrl+Down")
    assert page.current_id == "confiance_arnaque"
    yes_no = page.views["confiance_arnaque"].editor
    assert isinstance(yes_no, YesNoEditor)
    recit = page.navigator._questions["confiance_arnaque_recit"]
    assert recit.isHidden()
    qtbot.mouseClick(button(yes_no, "Yes"), Qt.MouseButton.LeftButton)
    assert not recit.isHidden(), "a show_if question appears as soon as its condition holds"
    qtbot.mouseClick(button(yes_no, "No"), Qt.MouseButton.LeftButton)
    assert recit.isHidden(), "and disappears when it no longer does"
    qtbot.mouseClick(button(yes_no, "Yes"), Qt.MouseButton.LeftButton)
    key(qtbot, yes_no.focus_target(), "Alt+Right")
    assert page.current_id == "confiance_arnaque_recit"
    long_text = page.views["confiance_arnaque_recit"].editor
    assert isinstance(long_text, LongTextEditor)
    assert QApplication.focusWidget() is long_text.text  # navigation puts the cursor in the answer
    type_text(long_text.text, "Un SMS « colis en attente », j’ai cliqué ; 2 € demandés.")
    tick(qtbot, page.views["confiance_arnaque_recit"].prompt_boxes[2])

    # Notes while she talks: Ctrl+M, type, Enter; flag it as a quote.
    key(qtbot, long_text.text, "Ctrl+M")
    assert QApplication.focusWidget() is page.notes.field
    type_text(page.notes.field, "« On se sent bête après »")
    qtbot.keyClick(page.notes.field, Qt.Key.Key_Return)
    key(qtbot, page.notes.field, "Ctrl+Shift+Q")
    type_text(page.notes.field, "Revenir sur la plainte")
    qtbot.mouseClick(page.notes.flag_buttons["follow_up"], Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.notes.field, Qt.Key.Key_Return)
    assert page.notes.list.count() == 2

    # Back to an earlier theme: number, text, single choice, date; skip one, refuse another.
    page.navigator.setCurrentItem(page.navigator._questions["connexion_budget"])
    number = page.views["connexion_budget"].editor
    assert isinstance(number, NumberEditor)
    number.spin.lineEdit().selectAll()
    qtbot.keyClicks(number.spin, "35,5")
    page.navigator.setCurrentItem(page.navigator._questions["liens_pays"])
    text = page.views["liens_pays"].editor
    assert isinstance(text, TextEditor)
    type_text(text.line, "Algérie, Guyane")
    page.navigator.setCurrentItem(page.navigator._questions["travail_competences"])
    single = page.views["travail_competences"].editor
    assert isinstance(single, SingleChoiceEditor)
    tick(qtbot, single.buttons["held_back"])
    tick(qtbot, single.buttons["helped"])  # a second choice replaces the first
    assert not single.buttons["held_back"].isChecked()
    key(qtbot, single.focus_target(), "Ctrl+Shift+S")  # then: not asked after all
    assert page.answers["travail_competences"].status.value == "skipped"
    page.navigator.setCurrentItem(page.navigator._questions["demarches_derniere_date"])
    date = page.views["demarches_derniere_date"].editor
    assert isinstance(date, DateEditor)
    date.date.setDate(QDate(2026, 3, 14))
    key(qtbot, date.focus_target(), "Ctrl+Down")
    qtbot.mouseClick(page.views[page.current_id].refuse_button, Qt.MouseButton.LeftButton)
    refused_id = page.current_id

    themes = {c.section_id: c.state for c in page.coverage}
    assert themes["confiance"] is CoverageState.PARTIAL and themes["aspirations"] is CoverageState.NOT_STARTED

    # Finish: the check lists what is missing; one click goes back to it.
    key(qtbot, page.views[page.current_id].editor.focus_target(), "Ctrl+Shift+F")
    assert page.stack.currentWidget() is page.finish_view
    first_missing = page.finish_view.missing.topLevelItem(0).child(0)
    page.finish_view.missing.itemActivated.emit(first_missing, 0)
    assert page.stack.currentWidget() is page.splitter
    assert page.current_id == "parcours_premier_souvenir"
    key(qtbot, page.views[page.current_id].editor.focus_target(), "Ctrl+Shift+F")
    type_text(page.finish_view.memo, "Entretien au centre social, ambiance détendue.")
    closed = []
    page.closed.connect(closed.append)
    qtbot.mouseClick(page.finish_view.finish_button, Qt.MouseButton.LeftButton)
    assert closed == [interview_id]

    data = show_session(demo_store, interview_id)
    answers = {a["question_id"]: a for a in data["answers"]}
    assert data["status"] == "completed"
    assert data["memo"] == "Entretien au centre social, ambiance détendue."
    assert answers["equipement_appareils"]["value"] == ["smartphone", "computer", "other"]
    assert answers["equipement_appareils"]["other_text"] == "montre connectée"
    assert answers["equipement_appareils"]["prompts_used"] == [0]
    assert answers["confiance_generale"]["value"] == 4
    assert answers["confiance_generale"]["free_text"] == "Confiance « sauf pour la banque »"
    assert answers["confiance_arnaque"]["value"] is True
    assert answers["confiance_arnaque_recit"]["value"] == "Un SMS « colis en attente », j’ai cliqué ; 2 € demandés."
    assert answers["confiance_arnaque_recit"]["prompts_used"] == [2]
    assert answers["connexion_budget"]["value"] == 35.5
    assert answers["liens_pays"]["value"] == "Algérie, Guyane"
    assert answers["travail_competences"]["status"] == "skipped"
    assert answers["travail_competences"]["value"] == "helped"
    assert answers["demarches_derniere_date"]["value"] == "2026-03-14"
    assert answers[refused_id]["status"] == "refused"
    notes = {n["text"]: n for n in data["notes"]}
    assert notes["« On se sent bête après »"]["flags"] == ["quote"]
    assert notes["« On se sent bête après »"]["question_id"] == "confiance_arnaque_recit"
    assert notes["Revenir sur la plainte"]["flags"] == ["follow_up"]
    assert data["current_question_id"] == "parcours_premier_souvenir"
