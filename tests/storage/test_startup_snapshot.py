"""The start-up snapshot: the same dashboard as the store gives, or None (and nothing touched) when unusual."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

from capnum_desktop.services import settings
from capnum_desktop.services.demo_seed import SeedOptions, seed_demo
from capnum_desktop.services.queries import list_sessions
from capnum_desktop.services.studies import list_studies
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.paths import DB_FILE_NAME
from capnum_desktop.storage.startup_snapshot import read_startup_snapshot

FIXTURES = Path(__file__).parents[1] / "fixtures" / "databases"


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def test_snapshot_shows_what_the_store_shows(demo_store: DataStore) -> None:
    seed_demo(demo_store, SeedOptions(interviews=12, seed=3))
    settings.set_setting(demo_store, settings.UI_LANGUAGE, "en")
    settings.set_setting(demo_store, settings.FONT_SIZE, 14)
    snapshot = read_startup_snapshot(demo_store.data_dir)  # while the store is open, as after a crash: WAL read
    assert snapshot is not None
    assert snapshot.rows == list_sessions(demo_store)
    assert len(snapshot.rows) == 12
    study = list_studies(demo_store)[0]
    assert snapshot.study_title == study.title == "Capital numérique"
    assert snapshot.site_names == {s.code: s.name for s in study.sites}
    assert snapshot.settings[settings.UI_LANGUAGE] == "en"
    assert snapshot.settings[settings.FONT_SIZE] == 14


def test_no_snapshot_without_a_database_and_none_is_created(tmp_path: Path) -> None:
    assert read_startup_snapshot(tmp_path) is None
    assert list(tmp_path.iterdir()) == []


def test_no_snapshot_without_a_study(store: DataStore) -> None:
    assert read_startup_snapshot(store.data_dir) is None  # first run: the normal path loads the embedded study


def test_no_snapshot_of_a_database_to_migrate_and_it_is_left_untouched(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "capnum-0002.sqlite3", tmp_path / DB_FILE_NAME)
    before = _tree_digest(tmp_path)
    assert read_startup_snapshot(tmp_path) is None
    assert _tree_digest(tmp_path) == before


def test_no_snapshot_of_a_newer_or_unreadable_database(demo_store: DataStore, tmp_path: Path) -> None:
    with sqlite3.connect(demo_store.db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    assert read_startup_snapshot(demo_store.data_dir) is None
    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / DB_FILE_NAME).write_bytes(b"not a database" * 500)
    before = _tree_digest(garbage)
    assert read_startup_snapshot(garbage) is None
    assert _tree_digest(garbage) == before
