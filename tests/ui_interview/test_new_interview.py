"""The new-interview dialog through its real widgets: consent rules, guardian under 15, what gets stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog

from capnum_desktop.services.queries import show_session
from capnum_desktop.services.settings import INTERVIEWER_NAME, get_setting, set_setting
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Contact
from capnum_desktop.ui.interview.new_interview import NewInterviewDialog
from tests.ui_interview.conftest import tick, type_text


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_refusing_participation_keeps_start_disabled_and_under_15_needs_a_guardian(qtbot, demo_store: DataStore):
    dialog = NewInterviewDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.interviewer, "Léa Martin")
    assert not dialog.start_button.isEnabled()
    assert "cannot start" in dialog.reason.text()
    tick(qtbot, dialog.consent.audio)  # audio alone is not participation
    assert not dialog.start_button.isEnabled()
    qtbot.keyClick(dialog.start_button, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.interview_id == ""

    choose(dialog.profile.age_combo(), "under_15")
    assert dialog.consent.guardian_box.isVisible()
    tick(qtbot, dialog.consent.participation)
    assert not dialog.start_button.isEnabled(), "under 15 without a guardian must not start"
    assert "guardian" in dialog.reason.text()
    type_text(dialog.consent.guardian_name, "Fatou Ndiaye")
    assert not dialog.start_button.isEnabled()
    tick(qtbot, dialog.consent.guardian_consent)
    assert dialog.start_button.isEnabled()
    tick(qtbot, dialog.consent.written)
    expected_code = dialog.new_participant.text().rsplit(" ", 1)[-1]

    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    data = show_session(demo_store, dialog.interview_id)
    assert data["participant"] == expected_code == "BAG-001"
    assert data["interviewer"] == "Léa Martin"
    assert data["profile"]["age_range"] == "under_15"
    [consent] = data["consent"]
    assert consent["participation"] and consent["audio_recording"] and not consent["quotation"]
    assert consent["mode"] == "written"
    assert consent["guardian_name"] == "Fatou Ndiaye" and consent["guardian_consent"] is True
    assert get_setting(demo_store, INTERVIEWER_NAME) == "Léa Martin"  # remembered for next time


def test_defaults_profile_contact_and_second_interview_of_an_existing_participant(qtbot, demo_store: DataStore):
    set_setting(demo_store, INTERVIEWER_NAME, "Awa Diallo")
    dialog = NewInterviewDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.interviewer.text() == "Awa Diallo"
    choose(dialog.site, "7a2c9e15-4d3b-4f86-a1c7-0e9b5d2f8c02")  # Bobigny
    assert dialog.new_participant.text().endswith("BOB-001")
    assert not dialog.existing_participant.isEnabled()  # nobody met there yet
    choose(dialog.profile.fields["occupation"].combo, "other")
    type_text(dialog.profile.fields["occupation"].other, "Aidante familiale")
    choose(dialog.profile.fields["children_at_home"].combo, True)
    dialog.profile.fields["years_in_neighbourhood"].setValue(12)
    qtbot.mouseClick(dialog.contact_toggle, Qt.MouseButton.LeftButton)
    assert dialog.contact_box.isVisible()
    type_text(dialog.full_name, "Nadia Belkacem")
    type_text(dialog.phone, "06 12 34 56 78")
    tick(qtbot, dialog.consent.participation)
    tick(qtbot, dialog.consent.recontact)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    first = dialog.interview_id
    data = show_session(demo_store, first, include_contact=True)
    assert data["participant"] == "BOB-001" and data["site"] == "BOB"
    assert data["profile"] == {
        "occupation": "other",
        "occupation_other": "Aidante familiale",
        "children_at_home": True,
        "years_in_neighbourhood": 12,
    }
    assert data["contact"]["full_name"] == "Nadia Belkacem" and data["contact"]["email"] is None
    assert data["consent"][0]["recontact"] and not data["consent"][0]["audio_recording"]

    second = NewInterviewDialog(demo_store)
    qtbot.addWidget(second)
    second.show()
    assert second.site.currentData() == "7a2c9e15-4d3b-4f86-a1c7-0e9b5d2f8c02"  # the last site, remembered
    assert second.new_participant.text().endswith("BOB-002")
    tick(qtbot, second.existing_participant)
    assert second.existing.currentText() == "BOB-001"
    assert second.profile.fields["children_at_home"].value() is True  # the known profile is shown
    assert not second.contact_toggle.isEnabled()
    tick(qtbot, second.consent.participation)
    qtbot.mouseClick(second.start_button, Qt.MouseButton.LeftButton)
    again = show_session(demo_store, second.interview_id)
    assert again["participant"] == "BOB-001" and second.interview_id != first
    with demo_store.session() as session:
        assert session.query(Contact).count() == 1
