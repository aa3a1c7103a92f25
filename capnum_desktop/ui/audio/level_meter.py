"""A horizontal input-level bar (dBFS scale, -60..0), green/amber/red, with a slowly falling peak hold."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from capnum_desktop.audio.pcm import to_dbfs

FLOOR_DB = -60.0


def level_fraction(level: float) -> float:
    """0..1 along the bar for a peak level 0..1."""
    return max(0.0, min(1.0, (to_dbfs(level) - FLOOR_DB) / -FLOOR_DB))


class LevelMeter(QWidget):
    """Fed ~10 times a second by the recorder; repaints only when the drawn bar would change (CPU budget)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = 0.0
        self._hold = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)
        self.setAccessibleName(self.tr("Input level"))

    def sizeHint(self) -> QSize:
        return QSize(200, 14)

    @property
    def value(self) -> float:
        return self._value

    def set_level(self, level: float) -> None:
        value = level_fraction(level)
        hold = max(value, self._hold - 0.02)  # the peak mark falls slowly
        width = max(1, self.width())
        if int(value * width) != int(self._value * width) or int(hold * width) != int(self._hold * width):
            self.update()
        self._value, self._hold = value, hold

    def reset(self) -> None:
        self._value = self._hold = 0.0
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(rect, self.palette().base())
        width = rect.width() * self._value
        colour = QColor("#2e7d32" if self._value < 0.8 else "#f9a825" if self._value < 0.95 else "#c62828")
        painter.fillRect(QRectF(rect.left(), rect.top(), width, rect.height()), colour)
        hold_x = rect.left() + rect.width() * self._hold
        painter.setPen(self.palette().text().color())
        painter.drawLine(int(hold_x), int(rect.top()), int(hold_x), int(rect.bottom()))
        painter.setPen(self.palette().mid().color())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
