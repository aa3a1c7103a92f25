"""Counts of interviews per site and per status, each a link that filters the table."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from capnum_desktop.domain.status import InterviewStatus
from capnum_desktop.storage.session_list import SessionRow
from capnum_desktop.ui.dashboard.labels import status_label


class CountsPanel(QWidget):
    site_clicked = Signal(str)
    status_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by_site = QLabel(self)
        self.by_status = QLabel(self)
        for label in (self.by_site, self.by_status):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
            label.setWordWrap(True)
            label.linkActivated.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.by_site)
        layout.addWidget(self.by_status)

    def update_counts(self, rows: Sequence[SessionRow], site_names: dict[str, str]) -> None:
        sites = Counter(r.site for r in rows)
        statuses = Counter(r.status for r in rows)
        site_parts = [
            f'<a href="site:{html.escape(code)}" title="{html.escape(site_names.get(code, code))}">'
            f"{html.escape(code)}</a>\u00a0{sites.get(code, 0)}"
            for code in sorted(set(site_names) | set(sites))
        ]
        status_parts = [
            f'<a href="status:{s.value}">{html.escape(status_label(s.value))}</a>\u00a0{statuses.get(s.value, 0)}'
            for s in InterviewStatus
        ]
        site_title = html.escape(self.tr("By site:"))
        status_title = html.escape(self.tr("By status:"))
        self.by_site.setText(f"<b>{site_title}</b> " + " · ".join(site_parts))
        self.by_status.setText(f"<b>{status_title}</b> " + " · ".join(status_parts))

    def _clicked(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if kind == "site":
            self.site_clicked.emit(value)
        elif kind == "status":
            self.status_clicked.emit(value)
