"""The one way to tell the user something went wrong: a dialog, or stderr when there is no screen to show it on.

Headless runs (`--self-test`, CI, the offscreen platform) print the message instead of opening a modal box
that nobody could close.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

_headless = False
_log_path: str | None = None


def set_log_path(path: str | None) -> None:
    global _log_path
    _log_path = path


def log_path() -> str | None:
    return _log_path


def set_headless(value: bool) -> None:
    """Force messages to stderr (the `--self-test` run)."""
    global _headless
    _headless = value


def is_headless() -> bool:
    return _headless or QGuiApplication.platformName() in ("offscreen", "minimal")


def show_error(parent: QWidget | None, message: str, *, title: str | None = None, details: str | None = None) -> None:
    """Show one clear message (and optional technical details, collapsed)."""
    title = title or QCoreApplication.translate("Errors", "CapNum")
    if is_headless():
        print(f"{title}: {message}", file=sys.stderr)
        if details:
            print(details, file=sys.stderr)
        sys.stderr.flush()
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def unexpected_error_text(summary: str) -> str:
    text = QCoreApplication.translate("Errors", "Something unexpected went wrong: %1").replace("%1", summary)
    if _log_path:
        text += "\n\n" + QCoreApplication.translate("Errors", "Details were written to %1").replace("%1", _log_path)
    return text


def show_job_error(parent: QWidget | None, message: str, expected: bool) -> None:
    """`on_error` for JobRunner: a user error as is; a bug with a pointer to the log file."""
    show_error(parent, message if expected else unexpected_error_text(message))


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """Yes / Cancel for an action that cannot be undone; headless runs answer Cancel (nobody could click)."""
    if is_headless():
        print(f"{title}: {question} (headless: cancelled)", file=sys.stderr)
        return False
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    answer = QMessageBox.question(parent, title, question, buttons, QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes
