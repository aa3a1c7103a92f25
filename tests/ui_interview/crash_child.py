"""Child process of the crash test: open an interview, type into an answer, then wait to be killed.

Usage: python crash_child.py DATA_DIR INTERVIEW_ID QUESTION_ID TEXT
Prints "TYPED" once the text is in the widget (the parent kills us ~1.5 s later, with SIGKILL).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from capnum_desktop.storage.datastore import open_data_store
from capnum_desktop.ui.interview.page import InterviewPage


def main() -> None:
    data_dir, interview_id, question_id, text = sys.argv[1:5]
    app = QApplication([])
    store = open_data_store(Path(data_dir))
    page = InterviewPage(store, None, interview_id)
    page.show()
    page.go_to(question_id)
    target = page.views[question_id].editor.focus_target()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    print("TYPED", flush=True)
    QTimer.singleShot(60_000, app.quit)  # never reached in the test: the parent kills us first
    app.exec()


if __name__ == "__main__":
    main()
