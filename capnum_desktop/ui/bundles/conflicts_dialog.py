"""Review conflicts: each record changed on two laptops, the differing fields side by side, and a decision."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.services.conflicts import BOTH_ENTITIES, ConflictInfo, list_conflicts, resolve_conflict
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.errors import show_error


def _show(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class ConflictsDialog(QDialog):
    def __init__(self, store: DataStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conflicts to review"))
        self.resize(900, 420)
        self.store = store
        self.conflicts: list[ConflictInfo] = []
        self.list = QListWidget(self)
        self.list.currentRowChanged.connect(self._show_current)
        self.details = QTableWidget(0, 3, self)
        self.details.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Here (kept)"), self.tr("Incoming")])
        self.details.horizontalHeader().setStretchLastSection(True)
        self.details.setWordWrap(True)
        self.empty = QLabel(self.tr("No conflict to review."), self)
        self.keep_local = QPushButton(self.tr("Keep this laptop's version"), self)
        self.keep_incoming = QPushButton(self.tr("Take the incoming version"), self)
        self.keep_both = QPushButton(self.tr("Keep both"), self)
        self.keep_both.setToolTip(
            self.tr(
                "Answers and notes: the incoming text is added as a note. Interviews: memos are joined and an "
                "interview finished on either side stays finished."
            )
        )
        for button, keep in ((self.keep_local, "local"), (self.keep_incoming, "incoming"), (self.keep_both, "both")):
            button.clicked.connect(lambda _c=False, k=keep: self.resolve(k))
        actions = QHBoxLayout()
        for button in (self.keep_local, self.keep_incoming, self.keep_both):
            actions.addWidget(button)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addWidget(self.details, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(body, 1)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.conflicts = list_conflicts(self.store)
        self.list.clear()
        for c in self.conflicts:
            item = QListWidgetItem(f"{c.entity} {c.entity_id[:8]} — {', '.join(c.fields)}")
            item.setToolTip(self.tr("From %1").replace("%1", c.source or "?"))
            self.list.addItem(item)
        self.empty.setVisible(not self.conflicts)
        if self.conflicts:
            self.list.setCurrentRow(0)
        else:
            self.details.setRowCount(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        current = self._current()
        for button in (self.keep_local, self.keep_incoming):
            button.setEnabled(current is not None)
        self.keep_both.setEnabled(current is not None and current.entity in BOTH_ENTITIES)

    def _current(self) -> ConflictInfo | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _show_current(self, _row: int) -> None:
        c = self._current()
        self._update_buttons()
        if c is None:
            return
        self.details.setRowCount(len(c.fields))
        for n, name in enumerate(c.fields):
            for col, value in enumerate((name, _show(c.local.get(name)), _show(c.incoming.get(name)))):
                self.details.setItem(n, col, QTableWidgetItem(value))
        self.details.resizeRowsToContents()

    def resolve(self, keep: str) -> None:
        c = self._current()
        if c is None:
            return
        try:
            resolve_conflict(self.store, c.id, keep)  # type: ignore[arg-type]
        except ServiceError as exc:
            show_error(self, str(exc))
        self.reload()
        parent = self.parent()
        if parent is not None and hasattr(parent, "refresh"):
            parent.refresh()
