"""Data ▸ Export…: choose a format, options and filters, then export in the background with progress and cancel."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
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

from capnum_desktop.exports.dataset import ExportFilter
from capnum_desktop.services.exports import ExportOptions, ExportResult, export_data
from capnum_desktop.services.studies import list_studies
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.errors import show_job_error
from capnum_desktop.ui.jobs import JobContext, JobHandle, JobRunner

# (format, Excel flavour, file suffix or "" for a folder)
FORMATS: tuple[tuple[str, bool, str], ...] = (
    ("xlsx", False, ".xlsx"),
    ("csv", True, ""),
    ("csv", False, ""),
    ("json", False, ".json"),
    ("qdpx", False, ".qdpx"),
    ("qdc", False, ".qdc"),
)


class ExportDialog(QDialog):
    def __init__(self, store: DataStore, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.jobs = jobs
        self.job: JobHandle | None = None
        self.export_result: ExportResult | None = None
        self.setWindowTitle(self.tr("Export data"))
        self.setMinimumWidth(560)
        self.format = QComboBox(self)
        names = [
            self.tr("Excel workbook (.xlsx)"),
            self.tr("CSV files for Excel (; separator)"),
            self.tr("CSV files for R, Python… (, separator)"),
            self.tr("JSON document"),
            self.tr("REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder (.qdpx)"),
            self.tr("Grid as a REFI-QDA codebook (.qdc)"),
        ]
        for name, spec in zip(names, FORMATS, strict=True):
            self.format.addItem(name, spec)
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.pseudonymize = QCheckBox(self.tr("&Pseudonymize: no contact details, people's names replaced"), self)
        self.pseudonymize.setChecked(True)
        self.site = QComboBox(self)
        self.site.addItem(self.tr("All sites"), None)
        studies = list_studies(store)
        for site in studies[0].sites if studies else []:
            self.site.addItem(f"{site.name} ({site.code})", site.code)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), None)
        for value, label in (
            ("completed", self.tr("Completed")),
            ("in_progress", self.tr("In progress")),
            ("abandoned", self.tr("Abandoned")),
        ):
            self.status.addItem(label, value)
        self.use_from, self.date_from = self._date_filter(self.tr("From"))
        self.use_to, self.date_to = self._date_filter(self.tr("To"))
        dates = QHBoxLayout()
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Save to:"), path_row)
        form.addRow("", self.pseudonymize)
        form.addRow(self.tr("S&ite:"), self.site)
        form.addRow(self.tr("S&tatus:"), self.status)
        form.addRow(self.tr("Started:"), dates)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("&Show in folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self._show_in_folder)
        self.close_button.clicked.connect(self._close_or_cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def _date_filter(self, label: str) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(label, self)
        edit = QDateEdit(QDate.currentDate(), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _spec(self) -> tuple[str, bool, str]:
        spec: tuple[str, bool, str] = self.format.currentData()
        return spec

    def _format_changed(self) -> None:
        fmt, excel, suffix = self._spec()
        is_codebook = fmt == "qdc"
        for widget in (self.pseudonymize, self.site, self.status, self.use_from, self.use_to):
            widget.setEnabled(not is_codebook)
        self.date_from.setEnabled(not is_codebook and self.use_from.isChecked())
        self.date_to.setEnabled(not is_codebook and self.use_to.isChecked())
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        current = Path(self.path.text()) if self.path.text() else Path(folder) / "capnum-export"
        base = current.with_suffix("") if current.suffix else current
        stem = base.name or "capnum-export"
        if fmt == "csv":
            stem = stem.removesuffix("-excel") + ("-excel" if excel else "")
        else:
            stem = stem.removesuffix("-excel")
        self.path.setText(str(base.with_name(stem)) + suffix)

    def _browse(self) -> None:
        fmt, _excel, suffix = self._spec()
        if fmt == "csv":
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the CSV files"), self.path.text())
        else:
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(), f"*{suffix}")
        if chosen:
            self.path.setText(chosen)

    def options(self) -> ExportOptions:
        fmt, excel, _suffix = self._spec()
        filters = ExportFilter(
            sites=frozenset([self.site.currentData()] if self.site.currentData() else []),
            statuses=frozenset([self.status.currentData()] if self.status.currentData() else []),
            date_from=_to_date(self.date_from.date()) if self.use_from.isChecked() else None,
            date_to=_to_date(self.date_to.date()) if self.use_to.isChecked() else None,
        )
        return ExportOptions(fmt, pseudonymize=self.pseudonymize.isChecked(), filters=filters, excel=excel)

    def start_export(self) -> None:
        if self.job is not None and self.job.running:
            return
        text = self.path.text().strip()
        if not text:
            self.message.setText(self.tr("Choose where to save the export."))
            return
        target = Path(text).expanduser()
        options = self.options()
        store = self.store

        def work(ctx: JobContext) -> ExportResult:
            return export_data(store, target, options, progress=ctx.progress)

        self.export_result = None
        self.progress_bar.setValue(0)
        self.message.setText(self.tr("Exporting…"))
        self.open_button.setVisible(False)
        self._set_running(True)
        self.job = self.jobs.start(
            work,
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
        )

    def _set_running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setValue(100 * done // total if total else 100)

    def _done(self, result: Any) -> None:
        self.export_result = result
        self._set_running(False)
        self.progress_bar.setValue(100)
        if result.format == "qdc":
            text = self.tr("The grid was exported as a codebook to %1.").replace("%1", str(result.path))
        else:
            text = self.tr("%1 interviews exported to %2.").replace("%1", str(result.interviews))
            text = text.replace("%2", str(result.path))
        text += "".join(f"\n{warning}" for warning in result.warnings)
        self.message.setText(text)
        self.open_button.setVisible(True)

    def _failed(self, message: str, expected: bool) -> None:
        self._set_running(False)
        self.progress_bar.setValue(0)
        self.message.setText(self.tr("The export failed: nothing was written."))
        show_job_error(self, message, expected)

    def _cancelled(self) -> None:
        self._set_running(False)
        self.progress_bar.setValue(0)
        self.message.setText(self.tr("Export cancelled: nothing was written."))

    def _close_or_cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
        else:
            self.reject()

    def _show_in_folder(self) -> None:
        if self.export_result is not None:
            path = self.export_result.path
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path if path.is_dir() else path.parent)))

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()  # the job stops at its next progress step and cleans up after itself
            return
        super().reject()


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
