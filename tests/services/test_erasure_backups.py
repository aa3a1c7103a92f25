"""Erasure reaches the automatic pre-migration backups: no byte of the erased words is left in any file of the
data folder, while the backups still hold everyone else and stay usable."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from capnum_desktop.services.erasure import erase_participant
from capnum_desktop.services.queries import show_session
from capnum_desktop.storage.datastore import open_data_store
from capnum_desktop.storage.paths import BACKUP_DIR_NAME, DB_FILE_NAME
from capnum_desktop.storage.revisions import known_revisions

FIXTURES = Path(__file__).parents[1] / "fixtures" / "databases"
ERASED = "d1000000-0000-4000-8000-000000000001"  # FIX-001 of the fixture databases, with contact, answer, note
ERASED_WORDS = ["Éloïse", "eloise@example.org", "rue des Tests", "06 00 00 00 00", "ma box", "Très bon échange"]
OTHER = "d1000000-0000-4000-8000-000000000002"
OTHER_INTERVIEW = "f1000000-0000-4000-8000-000000000002"
OTHER_WORDS = "Le témoin suivant garde ses mots"


def _add_another_participant(db: Path) -> None:
    """Copy FIX-001's participant, interview and answer (plain SQL, any revision) as a second person."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    with conn:
        for table, changes in (
            ("participant", {"id": OTHER, "code": "FIX-002", "declared_names": "[]"}),
            ("interview", {"id": OTHER_INTERVIEW, "participant_id": OTHER, "memo": None, "place": None}),
            ("answer", {"id": "a3000000-0000-4000-8000-000000000002", "interview_id": OTHER_INTERVIEW}),
        ):
            row = dict(conn.execute(f"SELECT * FROM {table} LIMIT 1").fetchone())
            row.update(changes)
            if table == "answer":
                row["value"] = f'"{OTHER_WORDS}"'
            names, marks = ", ".join(row), ", ".join("?" for _ in row)
            conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))
    conn.close()


def _files_holding(folder: Path, words: list[str]) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.relative_to(folder)}: {w}" for w in words if w.encode() in data]
    return found


@pytest.mark.parametrize("revision", [r for r in known_revisions() if (FIXTURES / f"capnum-{r}.sqlite3").exists()])
def test_erasure_leaves_no_erased_byte_in_the_backups(tmp_path: Path, revision: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / f"capnum-{revision}.sqlite3", data / DB_FILE_NAME)
    _add_another_participant(data / DB_FILE_NAME)
    store = open_data_store(data)  # an older database: backed up, then migrated
    try:
        assert store.backup_path is not None
        backup = Path(store.backup_path)
        assert _files_holding(data, ERASED_WORDS[:1]), "the words must be there before: the test proves nothing"

        erase_participant(store, ERASED, "withdrawn")

        assert _files_holding(data, ERASED_WORDS) == []
        assert show_session(store, OTHER_INTERVIEW)["answers"][0]["value"] == OTHER_WORDS
    finally:
        store.close()
    with sqlite3.connect(backup) as conn:  # the backup still serves: sound, everyone else kept, erasure recorded
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT id FROM participant").fetchall() == [(OTHER,)]
        assert conn.execute("SELECT count(*) FROM contact").fetchone()[0] == 0
        assert conn.execute("SELECT value FROM answer").fetchall() == [(f'"{OTHER_WORDS}"',)]
        assert conn.execute("SELECT count(*) FROM tombstone WHERE entity_id = ?", (ERASED,)).fetchone()[0] == 1
        assert conn.execute("SELECT name FROM interviewer").fetchall() == [("Zoé Épée",)]
        has_index = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'text_search'").fetchone()
        if has_index:  # 0002 and later: the index answers for the others, not for the erased
            assert conn.execute("SELECT count(*) FROM text_search WHERE text_search MATCH 'temoin'").fetchone()[0]
            assert not conn.execute("SELECT count(*) FROM text_search WHERE text_search MATCH 'wifi'").fetchone()[0]
    conn.close()


def test_a_backup_that_cannot_be_scrubbed_is_deleted(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "capnum-0001.sqlite3", data / DB_FILE_NAME)
    store = open_data_store(data)
    try:
        assert store.backup_path is not None
        damaged = data / BACKUP_DIR_NAME / "capnum-before-0002-20260101T000000Z.sqlite3"
        damaged.write_bytes(Path(store.backup_path).read_bytes()[:3000] + b"\0" * 100)  # cut short: unreadable

        erase_participant(store, ERASED)

        assert not damaged.exists()
        assert Path(store.backup_path).exists()  # the sound one is scrubbed, not deleted
        assert _files_holding(data, ERASED_WORDS) == []
    finally:
        store.close()
