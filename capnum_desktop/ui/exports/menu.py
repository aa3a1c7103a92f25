"""Installs Data ▸ Export… and the Reports menu in the main window (see `MainWindow.FEATURE_MODULES`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

# The dialogs (and through them the exporters, pydantic and grid parsing) load when first opened, not at start-up.


def install(window: Any) -> None:
    export_action = QAction(QCoreApplication.translate("ExportsMenu", "&Export…"), window)
    # No shortcut: Ctrl+E belongs to the interview page (focus the answer).
    export_action.setStatusTip(
        QCoreApplication.translate(
            "ExportsMenu", "Tables for Excel or R, or a project for qualitative-analysis software"
        )
    )
    export_action.triggered.connect(lambda: _open_export(window))
    window.data_menu.addAction(export_action)

    reports = window.menuBar().addMenu(QCoreApplication.translate("ExportsMenu", "&Reports"))
    help_menu = getattr(window, "help_menu", None)
    if help_menu is not None:  # keep Help last, where people look for it
        window.menuBar().insertMenu(help_menu.menuAction(), reports)
    summary = reports.addAction(QCoreApplication.translate("ExportsMenu", "Interview &summary…"))
    summary.setShortcut(QKeySequence("Ctrl+P"))
    reports.addSeparator()
    items = (
        (QCoreApplication.translate("ExportsMenu", "Blank &grid for paper…"), "grid"),
        (QCoreApplication.translate("ExportsMenu", "Information &notice and consent form…"), "notice"),
        (QCoreApplication.translate("ExportsMenu", "Study &overview…"), "study"),
    )
    for label, kind in items:
        action = reports.addAction(label)
        action.triggered.connect(lambda _checked=False, k=kind: _open(window, k))
    summary.triggered.connect(lambda: _open(window, "summary"))
    # The summary needs a selected interview: enable it when the menu opens.
    reports.aboutToShow.connect(lambda: summary.setEnabled(window.selected_interview_id() is not None))
    window.export_action = export_action
    window.reports_menu = reports


def _open_export(window: Any) -> None:
    from capnum_desktop.ui.exports.export_dialog import ExportDialog

    ExportDialog(window.store, window.jobs, window).exec()


def _open(window: Any, kind: str) -> None:
    from capnum_desktop.ui.exports.report_dialog import ReportDialog

    interview_id = window.selected_interview_id()
    if kind == "summary" and interview_id is None:
        return
    ReportDialog(window.store, window.jobs, kind=kind, interview_id=interview_id, parent=window).exec()
