"""Deleting a note from the interview page: confirmed, gone from the database with a tombstone, gone from the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from capnum_desktop.services.queries import show_session
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Event, Tombstone
from capnum_desktop.ui.interview import page_saving
from tests.ui_interview.conftest import type_text

NAMED_BY_MISTAKE = "Sa voisine Fatima B. l’aide pour la CAF"


def _page_with_a_note(qtbot, start_interview, open_page):  # type: ignore[no-untyped-def]
    page = open_page(start_interview())
    type_text(page.notes.field, NAMED_BY_MISTAKE)
    qtbot.keyClick(page.notes.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.notes.notes) == 1 and page.saver.pending == 0, timeout=2000)
    page.notes.list.setCurrentRow(0)
    page.notes.list.setFocus()
    return page


def test_delete_key_removes_a_confirmed_note_everywhere(
    qtbot, demo_store: DataStore, start_interview, open_page, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(page_saving, "confirm", lambda _parent, _title, question: asked.append(question) or True)
    page = _page_with_a_note(qtbot, start_interview, open_page)
    [note_id] = page.notes.notes
    qtbot.keyClick(page.notes.list, Qt.Key.Key_Delete)
    assert len(asked) == 1 and NAMED_BY_MISTAKE in asked[0]
    assert page.notes.list.count() == 0 and page.notes.notes == {}
    assert show_session(demo_store, page.interview_id)["notes"] == []
    with demo_store.session() as session:
        assert session.scalar(select(Tombstone).where(Tombstone.entity_id == note_id)) is not None  # travels
        events = session.scalars(select(Event).where(Event.kind == "note_deleted")).all()
        assert len(events) == 1 and NAMED_BY_MISTAKE not in str(events[0].payload)


def test_a_cancelled_deletion_keeps_the_note(
    qtbot, demo_store: DataStore, start_interview, open_page, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(page_saving, "confirm", lambda *_args: False)
    page = _page_with_a_note(qtbot, start_interview, open_page)
    page.notes.delete_button.click()
    assert page.notes.list.count() == 1
    assert [n["text"] for n in show_session(demo_store, page.interview_id)["notes"]] == [NAMED_BY_MISTAKE]
