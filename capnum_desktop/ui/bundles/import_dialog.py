"""Import bundles: verify every file first and show what it would do, then import the valid ones on request."""

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

from capnum_desktop.services.bundle_import import BundleSummary, import_bundles, verify_bundle
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.keys import remembered_identity
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.bundles.job_panel import JobPanel
from capnum_desktop.ui.bundles.summary_table import SummaryTable
from capnum_desktop.ui.jobs import JobContext, JobRunner


class ImportDialog(QDialog):
    def __init__(self, store: DataStore, jobs: JobRunner, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import bundles"))
        self.resize(900, 380)
        self.store = store
        self.paths = list(paths)
        self.verified: list[BundleSummary] = []
        self.results: list[BundleSummary] | None = None
        self.intro = QLabel(self.tr("Checking every file before anything is imported…"), self)
        self.intro.setWordWrap(True)
        self.identity_edit = QLineEdit(self)
        self.identity_edit.setPlaceholderText(self.tr("Coordinator identity file (for encrypted bundles)"))
        identity = remembered_identity(store)
        self.identity_edit.setText(str(identity) if identity else "")
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse_identity)
        self.verify_button = QPushButton(self.tr("Verify again"), self)
        self.verify_button.clicked.connect(self.start_verification)
        identity_row = QHBoxLayout()
        identity_row.addWidget(QLabel(self.tr("Identity:"), self))
        identity_row.addWidget(self.identity_edit, 1)
        identity_row.addWidget(browse)
        identity_row.addWidget(self.verify_button)
        self.table = SummaryTable(self)
        self.panel = JobPanel(jobs, self)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(identity_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.panel)
        layout.addWidget(self.buttons)
        self.import_button.setEnabled(False)
        self.start_verification()

    def _identity(self) -> Path | None:
        text = self.identity_edit.text().strip()
        return Path(text) if text else None

    def _browse_identity(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Coordinator identity"), "", self.tr("Text files (*.txt);;All files (*)")
        )
        if name:
            self.identity_edit.setText(name)
            self.start_verification()

    def start_verification(self) -> None:
        if self.panel.running:
            return
        store, paths, identity = self.store, list(self.paths), self._identity()

        def work(ctx: JobContext) -> list[BundleSummary]:
            out = []
            for n, path in enumerate(paths):
                ctx.progress(n, len(paths))
                try:
                    out.append(verify_bundle(store, path, identity))
                except ServiceError as exc:
                    out.append(BundleSummary(file=path.name, error=str(exc)))
                except OSError as exc:
                    out.append(BundleSummary(file=path.name, error=str(exc)))
            ctx.progress(len(paths), len(paths))
            return out

        self.import_button.setEnabled(False)
        self.panel.start(self.tr("Verifying…"), work, self._verified)

    def _verified(self, summaries: Any) -> None:
        self.verified = list(summaries)
        self.table.show_summaries(self.verified, self.tr("valid"))
        good = [s for s in self.verified if not s.error]
        bad = len(self.verified) - len(good)
        # Singular and plural as separate strings: pyside6-lupdate does not extract %n plural forms.
        if len(good) == 1:
            text = self.tr("1 bundle verified and ready to import.")
        else:
            text = self.tr("%1 bundles verified and ready to import.").replace("%1", str(len(good)))
        if bad == 1:
            text += " " + self.tr("1 refused; it will not be imported:")
        elif bad:
            text += " " + self.tr("%1 refused; they will not be imported:").replace("%1", str(bad))
        text += "".join(f"\n• {s.error}" for s in self.verified if s.error)
        self.intro.setText(text)
        self.import_button.setEnabled(bool(good))

    def start_import(self) -> None:
        good = {s.file for s in self.verified if not s.error}
        paths = [p for p in self.paths if p.name in good]
        store, identity = self.store, self._identity()

        def work(ctx: JobContext) -> list[BundleSummary]:
            return import_bundles(store, paths, identity, ctx.progress)

        self.import_button.setEnabled(False)
        self.panel.start(self.tr("Importing…"), work, self._imported)

    def _imported(self, summaries: Any) -> None:
        self.results = list(summaries)
        self.table.show_summaries(self.results, self.tr("imported"))
        conflicts = sum(s.conflicts for s in self.results)
        text = self.tr("Import finished.")
        if conflicts == 1:
            text += " " + self.tr("1 conflict to review in Data ▸ Sync and bundles ▸ Conflicts.")
        elif conflicts:
            text += " " + self.tr("%1 conflicts to review in Data ▸ Sync and bundles ▸ Conflicts.").replace(
                "%1", str(conflicts)
            )
        self.intro.setText(text)
        parent = self.parent()
        if parent is not None and hasattr(parent, "refresh"):
            parent.refresh()

    def reject(self) -> None:
        if self.panel.running:
            self.panel.cancel()
            return
        super().reject()
