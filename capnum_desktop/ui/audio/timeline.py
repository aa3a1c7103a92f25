"""The player's position bar: the recording's waveform, its markers (notes, question changes, prompts), the
playhead. Click or drag anywhere to seek; hover a marker to read it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from capnum_desktop.services.recording_queries import Marker

MARKER_COLOURS = {"note": "#e65100", "question": "#1565c0", "prompt": "#78909c"}
HIT_PX = 4


class Timeline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A plain callback, not a Signal: dragging would emit hundreds of times (see capture.py on emit()).
        self.on_seek: Callable[[int], None] = lambda _ms: None
        self.duration_ms = 0
        self.position_ms = 0
        self.peaks: list[float] = []
        self.markers: list[Marker] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(56)
        self.setAccessibleName(self.tr("Position in the recording"))

    def sizeHint(self) -> QSize:
        return QSize(600, 64)

    def set_content(self, duration_ms: int, markers: list[Marker]) -> None:
        self.duration_ms, self.markers = max(0, duration_ms), markers
        self.update()

    def set_peaks(self, peaks: list[float]) -> None:
        self.peaks = peaks
        self.update()

    def set_position(self, ms: int) -> None:
        self.position_ms = ms
        self.update()

    def x_of(self, ms: int) -> float:
        return 0.0 if self.duration_ms <= 0 else self.width() * min(1.0, ms / self.duration_ms)

    def ms_at(self, x: float) -> int:
        if self.width() <= 0:
            return 0
        return int(max(0.0, min(1.0, x / self.width())) * self.duration_ms)

    def marker_at(self, x: float) -> Marker | None:
        near = [m for m in self.markers if abs(self.x_of(m.offset_ms) - x) <= HIT_PX]
        return min(near, key=lambda m: abs(self.x_of(m.offset_ms) - x)) if near else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.duration_ms:
            marker = self.marker_at(event.position().x())
            self.on_seek(marker.offset_ms if marker else self.ms_at(event.position().x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if event.buttons() & Qt.MouseButton.LeftButton and self.duration_ms:
            self.on_seek(self.ms_at(x))
        marker = self.marker_at(x)
        text = f"{clock(marker.offset_ms)}  {marker.label}" if marker else clock(self.ms_at(x))
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        w, h = self.width(), self.height()
        painter.fillRect(self.rect(), self.palette().base())
        mid = h / 2
        played_x = self.x_of(self.position_ms)
        if self.peaks:
            step = w / len(self.peaks)
            for i, value in enumerate(self.peaks):
                x = i * step
                colour = QColor("#5c6bc0") if x <= played_x else QColor("#9fa8da")
                half = max(0.5, value * (h / 2 - 6))
                painter.fillRect(QRectF(x, mid - half, max(1.0, step - 0.3), 2 * half), colour)
        else:
            painter.fillRect(QRectF(0, mid - 1, w, 2), self.palette().mid())
        for marker in self.markers:
            x = self.x_of(marker.offset_ms)
            painter.setPen(QPen(QColor(MARKER_COLOURS.get(marker.kind, "#000")), 2 if marker.kind == "note" else 1))
            top = 0 if marker.kind == "note" else h * 0.6
            painter.drawLine(QPointF(x, top), QPointF(x, h))
        painter.setPen(QPen(self.palette().text().color(), 2))
        painter.drawLine(QPointF(played_x, 0), QPointF(played_x, h))
        painter.setPen(self.palette().mid().color())
        painter.drawRect(QRectF(0.5, 0.5, w - 1, h - 1))


def clock(ms: int) -> str:
    seconds = ms // 1000
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
