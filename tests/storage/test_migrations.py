"""Migrations: from nothing, from every released revision's database, and a newer database refused."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from capnum_desktop.services.queries import search_interviews, show_session
from capnum_desktop.storage.database import current_revision
from capnum_desktop.storage.datastore import open_data_store
from capnum_desktop.storage.errors import DatabaseTooNewError
from capnum_desktop.storage.models import Base
from capnum_desktop.storage.paths import DB_FILE_NAME
from capnum_desktop.storage.revisions import head_revision, known_revisions

FIXTURES = Path(__file__).parents[1] / "fixtures" / "databases"


def test_fresh_data_dir_is_migrated_to_head_with_durable_pragmas(tmp_path: Path) -> None:
    store = open_data_store(tmp_path / "d")
    try:
        assert current_revision(store.db_path) == head_revision()
        assert store.backup_path is None  # nothing to back up on a first start
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
        assert set(Base.metadata.tables) <= tables
        assert {"text_search", "search_ref"} <= tables
    finally:
        store.close()


def test_models_and_migrations_describe_the_same_schema(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    store = open_data_store(tmp_path / "d")
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        ignored = ("text_search", "search_ref")
        diff = [d for d in diff if not any(name in str(d) for name in ignored)]
        assert diff == [], "models changed without a migration: run alembic revision --autogenerate"
    finally:
        store.close()


@pytest.mark.parametrize("revision", [r for r in known_revisions() if (FIXTURES / f"capnum-{r}.sqlite3").exists()])
def test_database_of_an_earlier_revision_is_backed_up_then_migrated(tmp_path: Path, revision: str) -> None:
    data = tmp_path / "d"
    data.mkdir()
    shutil.copy(FIXTURES / f"capnum-{revision}.sqlite3", data / DB_FILE_NAME)
    original = (data / DB_FILE_NAME).read_bytes()
    store = open_data_store(data)
    try:
        assert current_revision(store.db_path) == head_revision()
        assert store.backup_path is not None
        assert Path(store.backup_path).read_bytes() == original or _same_rows(Path(store.backup_path), original)
        shown = show_session(store, "f1000000-0000-4000-8000-000000000001", include_contact=True)
        assert shown["participant"] == "FIX-001"
        assert shown["answers"][0]["value"] == "Je fais mes démarches à la médiathèque"
        assert shown["contact"]["full_name"] == "Éloïse Fixture"
        # 0002 indexed what 0001 stored: search works without accents on old rows.
        hits = search_interviews(store, "mediatheque")
        assert [h[0] for h in hits] == ["f1000000-0000-4000-8000-000000000001"]
        assert any(h[1] == "note" for h in search_interviews(store, "wifi"))
    finally:
        store.close()


def _same_rows(backup: Path, original: bytes) -> bool:
    copy = backup.with_suffix(".orig")
    copy.write_bytes(original)
    with sqlite3.connect(backup) as a, sqlite3.connect(copy) as b:
        dump_a = list(a.iterdump())
        dump_b = list(b.iterdump())
    return dump_a == dump_b


def test_every_released_revision_has_a_fixture_database() -> None:
    # Keep one fixture per released schema (tests/fixtures/make_fixture_db.py); head may be unreleased.
    missing = [r for r in known_revisions()[:-1] if not (FIXTURES / f"capnum-{r}.sqlite3").exists()]
    assert missing == []


def test_database_newer_than_the_code_is_refused_and_left_untouched(tmp_path: Path) -> None:
    store = open_data_store(tmp_path / "d")
    store.close()
    with sqlite3.connect(store.db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = store.db_path.read_bytes()
    with pytest.raises(DatabaseTooNewError) as excinfo:
        open_data_store(tmp_path / "d")
    assert "newer CapNum" in str(excinfo.value)
    assert "9999" in str(excinfo.value)
    assert store.db_path.read_bytes() == before
    assert not (tmp_path / "d" / "backups").exists()
