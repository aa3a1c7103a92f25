"""Settings persist in the data folder and apply; the About box names versions, licences and the data folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication

from capnum_desktop.services import settings
from capnum_desktop.storage.datastore import DataStore, open_data_store
from capnum_desktop.ui.about_dialog import AboutDialog
from capnum_desktop.ui.settings_dialog import SettingsDialog


@pytest.fixture
def restore_font(qapp: QApplication) -> Iterator[int]:
    original = QApplication.font()
    yield original.pointSize()
    QApplication.setFont(original)


def test_settings_are_saved_and_font_size_applies_at_once(
    demo_store: DataStore, qtbot: object, restore_font: int
) -> None:
    dialog = SettingsDialog(demo_store)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert dialog.data_folder.isReadOnly() and dialog.data_folder.text() == str(demo_store.data_dir)
    dialog.interviewer.setText("Awa Diallo")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.font_size.setValue(restore_font + 4)
    dialog.keep_wav.setChecked(True)
    dialog.accept()
    assert QApplication.font().pointSize() == restore_font + 4
    reopened = open_data_store(demo_store.data_dir)  # what the next start will read
    try:
        assert settings.get_setting(reopened, settings.INTERVIEWER_NAME) == "Awa Diallo"
        assert settings.get_setting(reopened, settings.UI_LANGUAGE) == "en"
        assert settings.get_setting(reopened, settings.FONT_SIZE) == restore_font + 4
        assert settings.get_setting(reopened, settings.KEEP_UNCOMPRESSED_AUDIO) is True
    finally:
        reopened.close()
    again = SettingsDialog(demo_store)
    qtbot.addWidget(again)  # type: ignore[attr-defined]
    assert again.interviewer.text() == "Awa Diallo"
    assert again.font_size.value() == restore_font + 4
    assert again.keep_wav.isChecked()


def test_cancel_keeps_the_old_values_and_font(demo_store: DataStore, qtbot: object, restore_font: int) -> None:
    settings.set_setting(demo_store, settings.INTERVIEWER_NAME, "Julien Marchand")
    dialog = SettingsDialog(demo_store)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.interviewer.setText("Somebody else")
    dialog.font_size.setValue(restore_font + 6)
    assert QApplication.font().pointSize() == restore_font + 6  # live preview
    dialog.reject()
    assert QApplication.font().pointSize() == restore_font
    assert settings.get_setting(demo_store, settings.INTERVIEWER_NAME) == "Julien Marchand"


def test_language_note_says_it_applies_at_next_start(demo_store: DataStore, qtbot: object) -> None:
    dialog = SettingsDialog(demo_store)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    assert not dialog.language_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))  # the UI is English in tests
    assert dialog.language_note.isVisible()
    assert "next start" in dialog.language_note.text()


def test_undo_and_redo_work_in_the_name_field(demo_store: DataStore, qtbot: object) -> None:
    dialog = SettingsDialog(demo_store)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    field = dialog.interviewer
    qtbot.keyClicks(field, "Samia")  # type: ignore[attr-defined]
    field.undo()
    assert field.text() == ""
    field.redo()
    assert field.text() == "Samia"


def test_about_names_versions_licences_and_the_data_folder(demo_store: DataStore, qtbot: object) -> None:
    dialog = AboutDialog(demo_store.data_dir)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    text = dialog.text.toPlainText()
    for expected in (
        qVersion(),
        "PySide6",
        "LGPL-3.0-only",
        "FFmpeg",
        "GPL-3.0-or-later",
        "DejaVu",
        str(demo_store.data_dir),
    ):
        assert expected in text
