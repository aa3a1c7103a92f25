"""Sync now / Import from folder: one dialog around `services.sync.sync_folder`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.services.settings import SYNC_FOLDER, get_setting, set_setting
from capnum_desktop.services.sync import SyncResult, sync_folder, sync_role
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.bundles.job_panel import JobPanel
from capnum_desktop.ui.bundles.summary_table import SummaryTable
from capnum_desktop.ui.jobs import JobContext, JobRunner


class SyncDialog(QDialog):
    def __init__(
        self, store: DataStore, jobs: JobRunner, *, coordinator: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.coordinator = coordinator
        self.outcome: SyncResult | None = None
        role = sync_role(store, None, coordinator)
        self.setWindowTitle(self.tr("Import from folder") if role == "coordinator" else self.tr("Sync now"))
        self.resize(900, 380)
        self.folder_edit = QLineEdit(get_setting(store, SYNC_FOLDER, "") or "", self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sync folder:"), self))
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        if role == "coordinator":
            text = self.tr("Coordinator: publishes the study package there and imports every new bundle once.")
        else:
            text = self.tr("Interviewer: takes the coordinator's grids there and writes this laptop's new work.")
        self.info = QLabel(text, self)
        self.info.setWordWrap(True)
        self.table = SummaryTable(self)
        self.panel = JobPanel(jobs, self)
        buttons = QDialogButtonBox(self)
        self.sync_button = buttons.addButton(self.tr("Sync"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        self.sync_button.clicked.connect(self.start)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Sync folder"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def start(self) -> None:
        folder = Path(self.folder_edit.text().strip()) if self.folder_edit.text().strip() else None
        if folder is not None:
            set_setting(self.store, SYNC_FOLDER, str(folder))
        store, coordinator = self.store, self.coordinator

        def work(ctx: JobContext) -> SyncResult:
            return sync_folder(store, folder, coordinator=coordinator, progress=ctx.progress)

        self.sync_button.setEnabled(False)
        self.panel.finished.connect(lambda: self.sync_button.setEnabled(True))
        self.panel.start(self.tr("Syncing…"), work, self._done)

    def _done(self, result: Any) -> None:
        self.outcome = result
        self.table.show_summaries(result.imported, self.tr("imported"))
        lines = []
        if result.exported is not None:
            if result.exported.empty:
                lines.append(self.tr("Nothing new to send."))
            else:
                lines.append(self.tr("Bundle written: %1").replace("%1", result.exported.path.name))
        if result.published is not None:
            lines.append(self.tr("Study package published: %1").replace("%1", result.published.name))
        lines += result.warnings
        self.info.setText("\n".join(lines) or self.tr("Sync finished."))
        parent = self.parent()
        if parent is not None and hasattr(parent, "refresh"):
            parent.refresh()

    def reject(self) -> None:
        if self.panel.running:
            self.panel.cancel()
            return
        super().reject()
