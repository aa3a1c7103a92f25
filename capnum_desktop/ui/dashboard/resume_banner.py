"""A non-blocking banner offering to resume interviews left in progress (crash, dead battery, a pause)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ResumeBanner(QFrame):
    resume_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#resumeBanner { background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; }"
            "#resumeBanner QLabel { color: #3d3000; }"
        )
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.resume = QPushButton(self.tr("Resume"), self)
        self.resume.setToolTip(self.tr("Continue where the interview stopped"))
        self.dismiss = QPushButton(self.tr("Not now"), self)
        self.dismiss.setToolTip(self.tr("Hide this message; the interviews stay in the list"))
        self.resume.clicked.connect(self.resume_clicked)
        self.dismiss.clicked.connect(self._dismissed)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.resume)
        layout.addWidget(self.dismiss)
        self._dismissed_by_user = False
        self.hide()

    def offer(self, unfinished: int) -> None:
        """Show or update the banner; once dismissed it stays hidden for this session."""
        if unfinished <= 0 or self._dismissed_by_user:
            self.hide()
            return
        if unfinished == 1:
            text = self.tr("1 interview was not finished.")
        else:
            text = self.tr("%1 interviews were not finished.").replace("%1", str(unfinished))
        self.message.setText(text)
        self.show()

    def _dismissed(self) -> None:
        self._dismissed_by_user = True
        self.hide()
