"""Filters above the interviews table: site, interviewer, status, and a debounced full-text search box."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from capnum_desktop.domain.status import InterviewStatus
from capnum_desktop.ui.dashboard.labels import status_label

SEARCH_DELAY_MS = 250  # typing pauses shorter than this do not trigger a search


class FilterBar(QWidget):
    filters_changed = Signal()
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site = QComboBox(self)
        self.interviewer = QComboBox(self)
        self.status = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search answers and notes…"))
        self.search.setToolTip(self.tr("Words are matched from their start, accents ignored (Ctrl+F)"))
        self.site.setToolTip(self.tr("Show the interviews of one site"))
        self.interviewer.setToolTip(self.tr("Show the interviews of one interviewer"))
        self.status.setToolTip(self.tr("Show the interviews with one status"))
        self.status.addItem(self.tr("All statuses"), None)
        for status in InterviewStatus:
            self.status.addItem(status_label(status.value), status.value)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(lambda: self.search_changed.emit(self.search.text().strip()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        for combo in (self.site, self.interviewer, self.status):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Filter:"), self)
        label.setBuddy(self.site)
        layout.addWidget(label)
        layout.addWidget(self.site)
        layout.addWidget(self.interviewer)
        layout.addWidget(self.status)
        layout.addWidget(self.search, 1)

    def set_choices(self, sites: Iterable[tuple[str, str]], interviewers: Iterable[str]) -> None:
        """Refill the site (code, label) and interviewer lists, keeping the current choice when it still exists."""
        self._refill(self.site, self.tr("All sites"), list(sites))
        self._refill(self.interviewer, self.tr("All interviewers"), [(name, name) for name in interviewers])

    def _refill(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, label in items:
            combo.addItem(label, value)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        if current is not None and found < 0:
            self.filters_changed.emit()

    def select(self, *, site: str | None = None, status: str | None = None) -> None:
        if site is not None:
            self.site.setCurrentIndex(max(self.site.findData(site), 0))
        if status is not None:
            self.status.setCurrentIndex(max(self.status.findData(status), 0))

    def clear(self) -> None:
        for combo in (self.site, self.interviewer, self.status):
            combo.setCurrentIndex(0)
        self.search.clear()

    def values(self) -> tuple[str | None, str | None, str | None]:
        return self.site.currentData(), self.interviewer.currentData(), self.status.currentData()

    def search_text(self) -> str:
        return self.search.text().strip()
