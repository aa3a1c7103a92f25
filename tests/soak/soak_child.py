"""Child of the kill soak: the real main window offscreen, an interview resumed, typing and notes until killed.

Usage: python soak_child.py DATA_DIR INTERVIEW_ID SEED
Prints `READY`, then one line per action once its text is in the widget:
    ANSWER <monotonic seconds> <question id> <json full text>
    NOTE <monotonic seconds> <json text>
    GOTO <monotonic seconds> <question id>
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from capnum_desktop.domain.grid import QuestionType
from capnum_desktop.storage.datastore import open_data_store
from capnum_desktop.storage.lock import DataDirLock
from capnum_desktop.ui.main_window import MainWindow

WORDS = ["médiathèque", "wifi", "forfait", "démarches", "CAF", "« tutos »", "sœur", "Pronote", "l’école", "voisine"]


def type_text(target: QWidget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def main() -> None:
    data_dir, interview_id, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    rng = random.Random(seed)
    app = QApplication([])
    lock = DataDirLock(data_dir)
    lock.acquire()  # as the real app does: a killed holder must not leave the folder locked
    store = open_data_store(data_dir, lock_for_migration=False)
    window = MainWindow(store)
    window.show()
    window.open_interview(interview_id, review=False)
    page = window.interview_page
    open_questions = [
        q.id
        for s in page.grid.sections
        for q in s.questions
        if q.type in (QuestionType.LONG_TEXT, QuestionType.TEXT) and not q.show_if
    ]
    print("READY", flush=True)

    def step() -> None:
        if rng.random() < 0.3:
            page.new_note()
            text = f"note {rng.randint(0, 10**6)} {rng.choice(WORDS)}"
            type_text(page.notes.field, text)
            type_text(page.notes.field, "\r")  # Enter closes the draft: the note is complete
            print("NOTE", time.monotonic(), json.dumps(text), flush=True)
        else:
            question = rng.choice(open_questions)
            page.go_to(question)
            print("GOTO", time.monotonic(), question, flush=True)
            target = page.views[question].editor.focus_target()
            type_text(target, f" {rng.choice(WORDS)} {rng.randint(0, 999)}")
            print("ANSWER", time.monotonic(), question, json.dumps(page.views[question].editor.value()), flush=True)
        QTimer.singleShot(rng.randint(20, 400), step)

    QTimer.singleShot(0, step)
    app.exec()


if __name__ == "__main__":
    main()
