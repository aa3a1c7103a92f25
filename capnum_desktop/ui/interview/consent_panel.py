"""The information notice (with Print) and the consent boxes, each given separately; a guardian under 15."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.domain.status import ConsentMode
from capnum_desktop.services.interviews import ConsentInput


class ConsentPanel(QWidget):
    changed = Signal()

    def __init__(self, notice: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        notice_row = QHBoxLayout()
        notice_label = QLabel(self.tr("Information notice (read it with the person)"), self)
        notice_label.setStyleSheet("font-weight: 600;")
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setToolTip(self.tr("Print the notice to hand it over"))
        self.print_button.clicked.connect(self.print_notice)
        notice_row.addWidget(notice_label, 1)
        notice_row.addWidget(self.print_button)
        layout.addLayout(notice_row)
        self.notice = QTextBrowser(self)
        self.notice.setPlainText(notice or self.tr("This study has no information notice."))
        self.notice.setAccessibleName(self.tr("Information notice"))
        layout.addWidget(self.notice, 1)

        box = QGroupBox(self.tr("Consent (each one is asked separately)"), self)
        box_layout = QVBoxLayout(box)
        self.participation = QCheckBox(self.tr("Agrees to &take part in the interview (required)"), box)
        self.audio = QCheckBox(self.tr("Agrees to the &audio recording"), box)
        self.quotation = QCheckBox(self.tr("Agrees to be &quoted without their name"), box)
        self.recontact = QCheckBox(self.tr("Agrees to be &contacted again"), box)
        for check in (self.participation, self.audio, self.quotation, self.recontact):
            check.toggled.connect(self.changed)
            box_layout.addWidget(check)
        mode_row = QHBoxLayout()
        mode_row.addWidget(QLabel(self.tr("Consent given:"), box))
        self.oral = QRadioButton(self.tr("&orally"), box)
        self.written = QRadioButton(self.tr("in &writing"), box)
        self.oral.setChecked(True)
        mode_row.addWidget(self.oral)
        mode_row.addWidget(self.written)
        mode_row.addStretch(1)
        box_layout.addLayout(mode_row)
        self.guardian_box = QWidget(box)
        guardian_row = QHBoxLayout(self.guardian_box)
        guardian_row.setContentsMargins(0, 0, 0, 0)
        self.guardian_name = QLineEdit(self.guardian_box)
        self.guardian_name.setPlaceholderText(self.tr("Parent's or guardian's name"))
        self.guardian_consent = QCheckBox(self.tr("The parent or &guardian agrees"), self.guardian_box)
        self.guardian_name.textChanged.connect(self.changed)
        self.guardian_consent.toggled.connect(self.changed)
        guardian_row.addWidget(self.guardian_name, 1)
        guardian_row.addWidget(self.guardian_consent)
        box_layout.addWidget(self.guardian_box)
        self.guardian_box.setVisible(False)
        layout.addWidget(box)

    def set_under_15(self, under_15: bool) -> None:
        self.guardian_box.setVisible(under_15)

    @property
    def under_15(self) -> bool:
        return not self.guardian_box.isHidden()

    def consent(self) -> ConsentInput:
        under_15 = self.under_15
        return ConsentInput(
            participation=self.participation.isChecked(),
            audio_recording=self.audio.isChecked(),
            quotation=self.quotation.isChecked(),
            recontact=self.recontact.isChecked(),
            mode=ConsentMode.WRITTEN if self.written.isChecked() else ConsentMode.ORAL,
            guardian_name=(self.guardian_name.text().strip() or None) if under_15 else None,
            guardian_consent=self.guardian_consent.isChecked() if under_15 else None,
        )

    def problem(self) -> str | None:
        """Why the interview cannot start yet, or None."""
        if not self.participation.isChecked():
            return self.tr("The person has not agreed to take part: the interview cannot start.")
        if self.under_15 and not (self.guardian_consent.isChecked() and self.guardian_name.text().strip()):
            return self.tr("Under 15: the parent's or guardian's name and consent are required.")
        return None

    def print_notice(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded only when someone prints

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the information notice"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            document = QTextDocument()
            document.setPlainText(self.notice.toPlainText())
            document.print_(printer)
