"""Reports ▸ …: choose the report and its language, build the PDF in the background, then open or print it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.services.reports import build_report
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.errors import show_job_error
from capnum_desktop.ui.exports.printing import print_pdf
from capnum_desktop.ui.jobs import JobContext, JobHandle, JobRunner

FILE_NAMES = {"summary": "synthese", "grid": "grille-papier", "notice": "notice-consentement", "study": "vue-etude"}


class ReportDialog(QDialog):
    def __init__(
        self,
        store: DataStore,
        jobs: JobRunner,
        *,
        kind: str = "study",
        interview_id: str | None = None,
        open_when_done: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.jobs = jobs
        self.interview_id = interview_id
        self.open_when_done = open_when_done
        self.job: JobHandle | None = None
        self.pdf: Path | None = None
        self.setWindowTitle(self.tr("Print a report"))
        self.setMinimumWidth(520)
        self.kind = QComboBox(self)
        for value, label in (
            ("summary", self.tr("Summary of the selected interview")),
            ("grid", self.tr("Blank grid, to interview on paper")),
            ("notice", self.tr("Information notice and consent form")),
            ("study", self.tr("Study overview (counts, coverage, charts)")),
        ):
            self.kind.addItem(label, value)
        if interview_id is None:
            self.kind.model().item(0).setEnabled(False)  # type: ignore[attr-defined]
        self.language = QComboBox(self)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Report:"), self.kind)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Save to:"), row)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.generate_button = buttons.addButton(self.tr("&Create PDF"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = buttons.addButton(self.tr("&Open"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = buttons.addButton(self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.generate_button.clicked.connect(self.generate)
        self.open_button.clicked.connect(self.open_pdf)
        self.print_button.clicked.connect(self._print)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._suggest_path)
        self.language.currentIndexChanged.connect(self._suggest_path)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self._suggest_path()

    def _suggest_path(self) -> None:
        folder = Path(self.path.text()).parent if self.path.text() else None
        if folder is None:
            documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            folder = Path(documents or Path.home())
        kind = str(self.kind.currentData())
        suffix = f"-{self.interview_id[:8]}" if kind == "summary" and self.interview_id else ""
        self.path.setText(str(folder / f"capnum-{FILE_NAMES[kind]}{suffix}-{self.language.currentData()}.pdf"))

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the report"), self.path.text(), "*.pdf")
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    def generate(self) -> None:
        if self.job is not None and self.job.running:
            return
        target = Path(self.path.text().strip()).expanduser()
        kind, language, store, interview_id = self.kind.currentData(), self.language.currentData(), self.store, None
        if kind == "summary":
            interview_id = self.interview_id

        def work(ctx: JobContext) -> Path:
            return build_report(
                store, kind, target, language=language, interview_id=interview_id, progress=ctx.progress
            )

        self.pdf = None
        self.progress_bar.setRange(0, 0)  # busy: a PDF is built in one go
        self.message.setText(self.tr("Creating the PDF…"))
        self.generate_button.setEnabled(False)
        self.job = self.jobs.start(work, on_done=self._done, on_error=self._failed, on_progress=self._progress)

    def _progress(self, done: int, total: int) -> None:
        if done and total:
            self.progress_bar.setRange(0, 100)
            self.progress_bar.setValue(100 * done // total)

    def _done(self, path: Any) -> None:
        self.pdf = Path(path)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(100)
        self.generate_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.message.setText(self.tr("PDF written to %1").replace("%1", str(self.pdf)))
        if self.open_when_done:
            self.open_pdf()

    def _failed(self, message: str, expected: bool) -> None:
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.generate_button.setEnabled(True)
        self.message.setText(self.tr("The report could not be created."))
        show_job_error(self, message, expected)

    def open_pdf(self) -> None:
        if self.pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf)))

    def _print(self) -> None:
        if self.pdf is not None:
            print_pdf(self.pdf, self)

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            return  # a PDF takes a second or two; closing now would lose track of it
        super().reject()
