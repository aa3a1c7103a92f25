"""The per-file table shared by import, verification and sync: new, updated, unchanged, conflicts, errors."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from capnum_desktop.services.bundle_import import BundleSummary


class SummaryTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 9, parent)
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("BundleSummaryTable", "File"),
                QCoreApplication.translate("BundleSummaryTable", "From"),
                QCoreApplication.translate("BundleSummaryTable", "Interviews"),
                QCoreApplication.translate("BundleSummaryTable", "Audio files"),
                QCoreApplication.translate("BundleSummaryTable", "New"),
                QCoreApplication.translate("BundleSummaryTable", "Updated"),
                QCoreApplication.translate("BundleSummaryTable", "Unchanged"),
                QCoreApplication.translate("BundleSummaryTable", "Conflicts"),
                QCoreApplication.translate("BundleSummaryTable", "Status"),
            ]
        )
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def show_summaries(self, summaries: list[BundleSummary], ok_text: str) -> None:
        self.setRowCount(len(summaries))
        for row, s in enumerate(summaries):
            if s.error:
                status = s.error.removeprefix(f"{s.file}: ")
            elif s.already_imported:
                status = QCoreApplication.translate("BundleSummaryTable", "already imported")
            else:
                status = ok_text + (
                    QCoreApplication.translate("BundleSummaryTable", " (encrypted)") if s.encrypted else ""
                )
            values = [s.file, s.device, s.interviews, s.audio_files, s.new, s.updated, s.unchanged, s.conflicts, status]
            for col, value in enumerate(values):
                item = QTableWidgetItem(str(value) if not (s.error and 1 <= col <= 7) else "")
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if s.error:
                    item.setForeground(QColor("#b00020"))
                    item.setToolTip(s.error)
                self.setItem(row, col, item)
