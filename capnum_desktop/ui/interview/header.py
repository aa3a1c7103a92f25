"""The strip above the interview: participant code, timer, save indicator, recorder slot; and the message bar."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from capnum_desktop.storage.types import utcnow


def format_duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class HeaderBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interviewHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(8, 4, 8, 4)
        self.code = QLabel(self)
        self.code.setObjectName("participantCode")
        font = self.code.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setToolTip(self.tr("Participant code (pseudonym)"))
        self.details = QLabel(self)
        self.details.setStyleSheet("color: palette(dark);")
        self.timer_label = QLabel(self)
        self.timer_label.setToolTip(self.tr("Time since the interview started"))
        self.timer_label.setMinimumWidth(120)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedIndicator")
        self.saved_label.setMinimumWidth(150)
        self.recorder_slot = QHBoxLayout()
        # Code above details: the strip must fit 1366 px with the recorder, the timer and the page's buttons.
        identity = QVBoxLayout()
        identity.setSpacing(0)
        identity.addWidget(self.code)
        identity.addWidget(self.details)
        self.row.addLayout(identity)
        self.row.addStretch(1)
        self.row.addLayout(self.recorder_slot)
        self.row.addWidget(self.timer_label)
        self.row.addWidget(self.saved_label)
        self._started: datetime | None = None
        self._ended: datetime | None = None
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)

    def set_interview(self, code: str, details: str, started: datetime, ended: datetime | None) -> None:
        self.code.setText(code)
        self.details.setText(details)
        self._started, self._ended = started, ended
        self._tick()
        if ended is None:
            self._clock.start()

    def _tick(self) -> None:
        if self._started is None:
            return
        end = self._ended or utcnow()
        elapsed = (end - self._started).total_seconds()
        if elapsed >= 86_400:  # resumed another day: a running clock of days means nothing
            started = self._started.astimezone().strftime("%d/%m/%y")
            self.timer_label.setText(self.tr("Started %1").replace("%1", started))
        else:
            self.timer_label.setText(self.tr("Time %1").replace("%1", format_duration(elapsed)))
        self.timer_label.setMinimumWidth(max(120, self.timer_label.sizeHint().width()))  # never cut the clock

    def show_saving(self) -> None:
        self.saved_label.setText(self.tr("Saving…"))
        self.saved_label.setStyleSheet("color: #a35f00;")

    def show_saved(self, at: str) -> None:
        self.saved_label.setText(self.tr("Saved ✓ %1").replace("%1", at))
        self.saved_label.setStyleSheet("color: #1e7b34;")

    def show_not_saved(self) -> None:
        self.saved_label.setText(self.tr("Not saved!"))
        self.saved_label.setStyleSheet("color: #b00020; font-weight: 600;")


class MessageBar(QFrame):
    """A non-modal message inside the page: the interview goes on while it is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setStyleSheet("#messageBar { background: #fff4d6; border: 1px solid #e0b84c; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(close)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()
