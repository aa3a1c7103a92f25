"""The main window shown from the start-up snapshot, then given its store by the StoreLoader."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from capnum_desktop.services.queries import list_sessions
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.startup_snapshot import read_startup_snapshot
from capnum_desktop.ui.jobs import JobRunner
from capnum_desktop.ui.main_window import MainWindow
from capnum_desktop.ui.store_loader import StoreLoader, StoreUnavailable


@pytest.fixture
def closed_seeded(seeded_store: DataStore) -> Iterator[DataStore]:
    """A seeded folder as the app finds it at start-up: nobody has it open."""
    seeded_store.close()
    yield seeded_store


def _window(qtbot: QtBot, store: DataStore) -> tuple[MainWindow, StoreLoader]:
    snapshot = read_startup_snapshot(store.data_dir)
    assert snapshot is not None
    jobs = JobRunner()
    loader = StoreLoader(store.data_dir, jobs)
    window = MainWindow(None, jobs, loader=loader, snapshot=snapshot)
    qtbot.addWidget(window)
    return window, loader


def _shown_ids(window: MainWindow) -> set[str]:
    return {window.dashboard.model.row_at(i).id for i in range(window.dashboard.model.rowCount())}


def test_window_shows_the_snapshot_then_gets_its_store(qtbot: QtBot, closed_seeded: DataStore) -> None:
    window, loader = _window(qtbot, closed_seeded)
    window.show()
    assert window.dashboard.table_is_filled()
    assert not window.store_ready
    assert window.windowTitle() == "CapNum – Capital numérique"
    loader.start()
    qtbot.waitUntil(lambda: window.store_ready, timeout=30_000)
    try:
        assert _shown_ids(window) == {r.id for r in list_sessions(window.store)}
        window.refresh()  # the normal path works once the store is there
        assert window.dashboard.table_is_filled()
    finally:
        window.jobs.wait_all()
        window.store.close()


def test_an_action_before_the_store_is_open_waits_for_it(qtbot: QtBot, closed_seeded: DataStore) -> None:
    window, _loader = _window(qtbot, closed_seeded)
    window.show()
    window.dashboard.filters.search.setText("internet")  # search needs the database: the store opens at once
    qtbot.waitUntil(lambda: window.store_ready, timeout=30_000)
    try:
        proxy, model = window.dashboard.proxy, window.dashboard.model
        qtbot.waitUntil(lambda: 0 < proxy.rowCount() < model.rowCount())  # filtered by full-text search
    finally:
        window.store.close()


def test_a_database_changed_behind_the_snapshot_is_refused_with_one_message(
    qtbot: QtBot, closed_seeded: DataStore, capsys: pytest.CaptureFixture[str]
) -> None:
    window, loader = _window(qtbot, closed_seeded)
    window.show()
    with sqlite3.connect(closed_seeded.db_path) as conn:  # as if a newer CapNum had written it meanwhile
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    failures: list[None] = []
    loader.failed.connect(lambda: failures.append(None))  # app.py exits with code 2 on it
    loader.start()
    qtbot.waitUntil(lambda: loader.has_failed, timeout=30_000)
    assert len(failures) == 1
    with pytest.raises(StoreUnavailable):
        _ = window.store
    err = capsys.readouterr().err
    assert err.count("newer version of CapNum") == 1
