"""Settings of this laptop: interviewer name, language, font size, audio, and where the data lives.

Font size applies at once, app-wide. Language applies at the next start: every window is built in one language,
and an interview in progress is never rebuilt under the interviewer's hands.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.services import settings
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.i18n import current_language
from capnum_desktop.ui.startup import set_app_font_size

MIN_FONT, MAX_FONT = 8, 24


class SettingsDialog(QDialog):
    def __init__(self, store: DataStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Settings"))
        self.interviewer = QLineEdit(self)
        self.interviewer.setPlaceholderText(self.tr("First name and last name"))
        self.interviewer.setToolTip(self.tr("Proposed as the interviewer of every new interview on this laptop"))
        self.language = QComboBox(self)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language_note = QLabel(self.tr("The new language is used from the next start of CapNum."), self)
        self.language_note.setWordWrap(True)
        self.language_note.hide()
        self.font_size = QSpinBox(self)
        self.font_size.setRange(MIN_FONT, MAX_FONT)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setToolTip(self.tr("Text size in every window; applied at once"))
        self.keep_wav = QCheckBox(self.tr("Keep the uncompressed recording after compression"), self)
        self.keep_wav.setToolTip(
            self.tr("Uses about 30 times more disk space; the compressed copy is always made and checked")
        )
        self.data_folder = QLineEdit(str(store.data_dir), self)
        self.data_folder.setReadOnly(True)
        self.data_folder.setToolTip(self.tr("Change it with --data-dir or the CAPNUM_DATA_DIR variable"))
        open_folder = QPushButton(self.tr("&Open"), self)
        open_folder.setToolTip(self.tr("Show the data folder in the file manager"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(store.data_dir))))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_folder, 1)
        folder_row.addWidget(open_folder)
        form = QFormLayout()
        form.addRow(self.tr("&Interviewer name:"), self.interviewer)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("&Font size:"), self.font_size)
        form.addRow(self.tr("Audio:"), self.keep_wav)
        form.addRow(self.tr("Data folder:"), folder_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._load()
        self.language.currentIndexChanged.connect(self._language_changed)
        self.font_size.valueChanged.connect(set_app_font_size)  # preview; reverted on Cancel

    def _load(self) -> None:
        self.interviewer.setText(settings.get_setting(self.store, settings.INTERVIEWER_NAME, "") or "")
        lang = settings.get_setting(self.store, settings.UI_LANGUAGE) or current_language()
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        self._initial_font = QApplication.font().pointSize()
        saved = settings.get_setting(self.store, settings.FONT_SIZE)
        self.font_size.setValue(int(saved) if isinstance(saved, int | float) else self._initial_font)
        self.keep_wav.setChecked(bool(settings.get_setting(self.store, settings.KEEP_UNCOMPRESSED_AUDIO, False)))

    def _language_changed(self) -> None:
        self.language_note.setVisible(self.language.currentData() != current_language())

    def accept(self) -> None:
        settings.set_setting(self.store, settings.INTERVIEWER_NAME, self.interviewer.text().strip() or None)
        settings.set_setting(self.store, settings.UI_LANGUAGE, self.language.currentData())
        settings.set_setting(self.store, settings.FONT_SIZE, self.font_size.value())
        settings.set_setting(self.store, settings.KEEP_UNCOMPRESSED_AUDIO, self.keep_wav.isChecked())
        set_app_font_size(self.font_size.value())
        super().accept()

    def reject(self) -> None:
        set_app_font_size(self._initial_font)
        super().reject()
