"""Refusing to leave an interview while an edit is not in the database (full disk, database busy).

The page would otherwise close and take the unsaved text with it. The interviewer is told once, the text stays
on screen and pending, and they choose: retry now (after freeing space) or stay on the interview. Headless runs
print the message and refuse, as a modal box nobody can close would hang them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from capnum_desktop.ui.errors import is_headless, show_error
from capnum_desktop.ui.interview.autosave import Autosaver


def unsaved_message(saver: Autosaver) -> str:
    text = QCoreApplication.translate(
        "UnsavedEdits",
        "An edit could not be saved yet, so the interview stays open. Its text is kept on screen and nothing "
        "is lost.\n\nFree some disk space (or wait for the other task using the database to finish), "
        "then choose Retry.",
    )
    if saver.last_error:
        text += "\n\n" + saver.last_error
    return text


def unsaved_box(parent: QWidget | None, saver: Autosaver) -> tuple[QMessageBox, QAbstractButton]:
    """The warning with its two choices, and the Retry button (the default; Escape means stay)."""
    title = QCoreApplication.translate("UnsavedEdits", "Not saved yet")
    box = QMessageBox(QMessageBox.Icon.Warning, title, unsaved_message(saver), QMessageBox.StandardButton.NoButton)
    if parent is not None:
        box.setParent(parent, box.windowFlags())
    retry = box.addButton(QCoreApplication.translate("UnsavedEdits", "Retry"), QMessageBox.ButtonRole.AcceptRole)
    stay = box.addButton(
        QCoreApplication.translate("UnsavedEdits", "Stay on the interview"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(retry)
    box.setEscapeButton(stay)
    box.setObjectName("unsaved_edits_box")
    return box, retry


def settle_unsaved_edits(parent: QWidget, saver: Autosaver) -> bool:
    """True once nothing is pending (the page may go); False to stay, the edit still pending and retried."""
    while not saver.flush():
        if is_headless():
            title = QCoreApplication.translate("UnsavedEdits", "Not saved yet")
            show_error(parent, unsaved_message(saver), title=title)
            return False
        box, retry = unsaved_box(parent, saver)
        box.exec()
        if box.clickedButton() is not retry:
            return False
    return True
