"""Export a bundle to a file or a USB key: full, or only what changed since the last sync."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
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

from capnum_desktop.services.bundle_export import ExportResult, export_bundle, resolve_recipient
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.studies import default_study_id
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.bundles.job_panel import JobPanel
from capnum_desktop.ui.jobs import JobContext, JobRunner


class BundleExportDialog(QDialog):
    def __init__(self, store: DataStore, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a bundle"))
        self.resize(620, 220)
        self.store = store
        self.outcome: ExportResult | None = None
        self.folder_edit = QLineEdit(str(Path.home()), self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Folder:"), self))
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.incremental = QCheckBox(self.tr("Only what changed since the last sync"), self)
        self.incremental.setChecked(True)
        self.status = QLabel(self._recipient_text(), self)
        self.status.setWordWrap(True)
        self.panel = JobPanel(jobs, self)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        self.export_button.clicked.connect(self.start)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.incremental)
        layout.addWidget(self.status)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)

    def _recipient_text(self) -> str:
        try:
            key = resolve_recipient(self.store, None, default_study_id(self.store))
        except ServiceError:
            key = None
        except ValueError:
            key = None
        if key:
            return self.tr("The bundle will be encrypted for the coordinator (%1…).").replace("%1", key[:16])
        return self.tr("No coordinator key is set for this study: the bundle will NOT be encrypted.")

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where to write the bundle"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def start(self) -> None:
        store, folder, since = self.store, Path(self.folder_edit.text()), self.incremental.isChecked()

        def work(ctx: JobContext) -> ExportResult:
            if not folder.is_dir():
                raise ServiceError(f"The folder {folder} does not exist.")
            return export_bundle(store, folder, since_last_sync=since, progress=ctx.progress)

        self.export_button.setEnabled(False)
        self.panel.finished.connect(lambda: self.export_button.setEnabled(True))
        self.panel.start(self.tr("Exporting…"), work, self._done)

    def _done(self, result: Any) -> None:
        self.outcome = result
        self.status.setText(self.tr("Bundle written: %1").replace("%1", str(result.path)))

    def reject(self) -> None:
        if self.panel.running:
            self.panel.cancel()
            return
        super().reject()
