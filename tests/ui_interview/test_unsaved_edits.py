"""An edit the database refused (full disk, database busy) keeps the interview open: leaving, closing the page and
quitting the application are refused until it is saved, and the failure leaves no answer text in the log."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import capnum_desktop.storage.database as database
from capnum_desktop.services.interview_session import NewInterviewRequest, begin_interview, load_new_interview_context
from capnum_desktop.services.interviews import ConsentInput
from capnum_desktop.services.queries import show_session
from capnum_desktop.storage.datastore import DataStore, open_data_store
from tests.ui_interview.conftest import PROFILE, type_text

ANSWER = "Mon mari Karim Benali me frappe, je ne veux pas qu’il sache"


def _begin(store: DataStore) -> str:
    context = load_new_interview_context(store)
    request = NewInterviewRequest(
        site_id=context.sites[0].id,
        interviewer_name="Awa Diallo",
        consent=ConsentInput(participation=True, audio_recording=False, quotation=True, recontact=False),
        profile=dict(PROFILE),
    )
    return begin_interview(store, request)


def _answer(store: DataStore, interview_id: str) -> object:
    answers = show_session(store, interview_id)["answers"]
    return answers[0]["value"] if answers else None


def _fill(disk: Path) -> None:
    try:
        with (disk / "filler.bin").open("wb") as handle:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
    except OSError:  # full: the point
        pass


@pytest.fixture
def locked(demo_store: DataStore, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[bool], None]]:
    """lock(True) holds the database's write lock from another connection (a bundle import, say)."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)  # same code path, shorter wait
    demo_store.engine.dispose()  # new connections take the short timeout
    holder: dict[str, sqlite3.Connection] = {}

    def lock(on: bool) -> None:
        if on:
            holder["conn"] = sqlite3.connect(demo_store.db_path, timeout=0)
            holder["conn"].execute("BEGIN IMMEDIATE")
        else:
            conn = holder.pop("conn")
            conn.rollback()
            conn.close()

    yield lock
    if "conn" in holder:
        lock(False)


def test_leaving_on_a_full_disk_keeps_the_page_and_the_text_until_space_is_freed(qtbot, small_disk: Path, capsys):
    from capnum_desktop.services.studies import load_embedded_study
    from capnum_desktop.ui.interview.page import InterviewPage

    store = open_data_store(small_disk / "data")
    try:
        load_embedded_study(store)
        interview_id = _begin(store)
        page = InterviewPage(store, None, interview_id)
        qtbot.addWidget(page)
        closed: list[str] = []
        page.closed.connect(closed.append)
        editor = page.views[page.current_id].editor.text
        type_text(editor, "x")
        assert page.flush()  # a first answer is saved
        _fill(small_disk)
        testimony = "Réponse longue, pleine d’accents. " * 1500
        editor.setPlainText(testimony)

        page.leave()
        assert closed == []
        assert page.saver.pending == 1 and editor.toPlainText() == testimony
        assert "Not saved yet" in capsys.readouterr().err
        assert not page.close()  # closing the page (the window's quit asks it first) is refused too
        assert page.saver.pending == 1 and editor.toPlainText() == testimony

        (small_disk / "filler.bin").unlink()
        page.leave()
        assert closed == [interview_id]
        assert page.saver.pending == 0
        assert _answer(store, interview_id) == testimony
    finally:
        store.close()


def test_leaving_or_quitting_while_the_database_is_locked_is_refused(qtbot, demo_store, locked, capsys):
    from capnum_desktop.ui.main_window import MainWindow

    interview_id = _begin(demo_store)
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()
    window.open_interview(interview_id, False)
    page = window.interview_page
    assert page is not None
    editor = page.views[page.current_id].editor.text
    type_text(editor, ANSWER)
    locked(True)

    page.leave_button.click()
    assert window.interview_page is page and page.saver.pending == 1
    window.quit_action.trigger()  # Ctrl+Q
    assert window.isVisible() and window.interview_page is page
    assert not window.close()  # the window's close button
    assert editor.toPlainText() == ANSWER and page.saver.pending == 1
    assert "Not saved yet" in capsys.readouterr().err

    locked(False)
    page.leave_button.click()
    assert window.interview_page is None
    assert _answer(demo_store, interview_id) == ANSWER
    window.jobs.wait_all()


def test_the_dialog_offers_retry_or_stay(qtbot, demo_store, locked, open_page, monkeypatch):
    import capnum_desktop.ui.interview.unsaved as unsaved

    monkeypatch.setattr(unsaved, "is_headless", lambda: False)  # show the real dialog, answered below
    interview_id = _begin(demo_store)
    page = open_page(interview_id)
    closed: list[str] = []
    page.closed.connect(closed.append)
    type_text(page.views[page.current_id].editor.text, ANSWER)
    locked(True)
    seen: list[str] = []

    def answer_with(label: str, before: Callable[[], None] = lambda: None) -> None:
        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, click)
                return
            seen.append(box.text())
            before()
            next(b for b in box.buttons() if b.text() == label).click()

        QTimer.singleShot(0, click)

    answer_with("Stay on the interview")
    page.leave()
    assert closed == [] and page.saver.pending == 1
    assert len(seen) == 1 and "nothing is lost" in seen[0] and "The database is busy" in seen[0]

    answer_with("Retry", before=lambda: locked(False))
    page.leave()
    assert closed == [interview_id] and len(seen) == 2
    assert _answer(demo_store, interview_id) == ANSWER


def test_a_failed_autosave_logs_no_answer_text(qtbot, demo_store, locked, open_page, caplog):
    page = open_page(_begin(demo_store))
    question_id = page.current_id
    type_text(page.views[question_id].editor.text, ANSWER)
    locked(True)
    with caplog.at_level(logging.INFO):
        assert not page.flush()
    locked(False)
    logged = caplog.text + "".join(str(r.exc_info) for r in caplog.records)
    assert f"answer:{question_id}" in logged
    for words in ("Karim", "Benali", "frappe"):
        assert words not in logged
        assert words not in page.message_bar.label.text()
    assert page.flush()
