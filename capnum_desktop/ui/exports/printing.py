"""Printing a finished PDF with the system's own print path (Qt's PDF module is not part of our Qt install).

Windows: the shell "print" verb of the default PDF application. Linux/macOS: the printer and copies chosen in
Qt's print dialog, then CUPS's `lp`. Elsewhere the PDF opens in the viewer, which can print it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget

from capnum_desktop.ui.errors import show_error


def print_pdf(path: Path, parent: QWidget | None = None) -> bool:
    """Send `path` to a printer; returns True when it was handed to the system."""
    if sys.platform == "win32":
        os.startfile(str(path), "print")  # type: ignore[attr-defined]
        return True
    lp = shutil.which("lp")
    if lp is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("ReportPrinting", "Print"),
            QCoreApplication.translate("ReportPrinting", "Print the report from the PDF viewer that opens now."),
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return False
    printer = QPrinter()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    command = [lp, "-n", str(max(1, printer.copyCount()))]
    if printer.printerName():
        command += ["-d", printer.printerName()]
    result = subprocess.run([*command, str(path)], capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        show_error(
            parent,
            QCoreApplication.translate("ReportPrinting", "The printer refused the document: %1").replace(
                "%1", result.stderr.strip()
            ),
        )
        return False
    return True
