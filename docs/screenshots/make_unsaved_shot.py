"""Screenshot of the warning shown when leaving an interview whose last edit could not be saved (database busy).

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb uv run python docs/screenshots/make_unsaved_shot.py fr

Writes docs/screenshots/unsaved-edit-{lang}.png: a real page, a real edit refused because another connection
holds the database's write lock, and the dialog the page shows before it would let the interviewer leave.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from capnum_desktop.services.interview_session import NewInterviewRequest, begin_interview, load_new_interview_context
from capnum_desktop.services.interviews import ConsentInput
from capnum_desktop.services.studies import load_embedded_study
from capnum_desktop.storage import database
from capnum_desktop.storage.datastore import open_data_store
from capnum_desktop.ui.i18n import apply_language
from capnum_desktop.ui.interview.page import InterviewPage
from capnum_desktop.ui.interview.unsaved import unsaved_box

OUT = Path(__file__).resolve().parent


def main(languages: list[str]) -> None:
    app = QApplication(sys.argv[:1])
    database.BUSY_TIMEOUT_MS = 200  # the same refusal as after ten seconds, sooner
    for lang in languages:
        apply_language(lang)
        store = open_data_store(Path(tempfile.mkdtemp()) / "data")
        load_embedded_study(store)
        context = load_new_interview_context(store)
        consent = ConsentInput(participation=True, audio_recording=False, quotation=True, recontact=False)
        interview_id = begin_interview(store, NewInterviewRequest(context.sites[0].id, "Awa Diallo", consent))
        page = InterviewPage(store, None, interview_id)
        page.resize(1366, 720)
        page.show()
        holder = sqlite3.connect(store.db_path, timeout=0)
        holder.execute("BEGIN IMMEDIATE")  # as a bundle import would
        page.views[page.current_id or ""].editor.text.setPlainText(  # type: ignore[attr-defined]
            "Je vais à la médiathèque, ou je demande le partage à ma voisine."
        )
        page.saver.flush()  # refused: the edit stays pending, with the reason
        box, _retry = unsaved_box(page, page.saver)
        box.show()
        for _ in range(10):
            app.processEvents()
        target = OUT / f"unsaved-edit-{lang}.png"
        box.grab().save(str(target), "PNG")
        print(target)
        box.close()
        holder.rollback()
        holder.close()
        page.saver.flush()
        page.close()
        store.close()


if __name__ == "__main__":
    main(sys.argv[1:] or ["fr"])
