"""What the table area shows when there is nothing to list: no interview yet, or none matching the filters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """First run: invite to start the first interview."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("No interviews yet"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Start your first interview: choose the site and the participant, record their consent, "
                "then follow the grid in whatever order the conversation takes. Everything is saved as you type."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setMaximumWidth(560)
        self.start = QPushButton(self.tr("Start the first interview"), self)
        self.start.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text, self.start):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
            if isinstance(widget, QLabel):
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)


class NoMatch(QWidget):
    """Interviews exist, but none matches the filters or the search."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(self.tr("No interview matches these filters."), self)
        self.clear = QPushButton(self.tr("Show all interviews"), self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.clear, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
