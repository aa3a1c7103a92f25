"""Erasure reaches the automatic backups in DATA/backups/ too.

Each backup is a full copy of the database made before a migration, kept to recover from a failed upgrade or a
damaged file; left alone it would keep every erased participant. It is scrubbed in place rather than deleted, so
it still serves its purpose. Its schema may be older than the code's, so it is opened with plain sqlite3 and the
rows to delete are found through the foreign keys the file itself declares: the participant, then every row that
hangs from it (contact, consent, interview, then answers, notes, recordings, events), plus the conflicts about
them. The erasure's tombstones are copied in (a restored backup must not take the person back from a late
bundle), the search index (if that revision has one) is rebuilt without them, and the file is VACUUMed with
secure_delete on, so that no byte of the erased words is left in it. A backup that cannot be scrubbed (unreadable,
damaged) is deleted: the erasure must be complete, and the live database, just erased, is sound.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.paths import BACKUP_DIR_NAME

log = logging.getLogger(__name__)

ROOT_TABLE = "participant"


@dataclass
class BackupErasure:
    scrubbed: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # could not be scrubbed, so deleted


def erase_from_backups(store: DataStore, participant_id: str) -> BackupErasure:
    """Delete an erased participant (already tombstoned in the live database) from every backup database."""
    result = BackupErasure()
    folder = store.data_dir / BACKUP_DIR_NAME
    if not folder.is_dir():
        return result
    for path in sorted(folder.glob("*.sqlite3")):
        try:
            scrub_backup(path, participant_id, store.db_path)
        except (sqlite3.Error, OSError) as exc:
            log.warning("backup %s could not be scrubbed (%s); deleted", path.name, type(exc).__name__)
            _remove(path)
            result.removed.append(path)
        else:
            result.scrubbed.append(path)
    return result


def _tombstones(db_path: Path, entity_ids: list[str]) -> list[dict[str, object]]:
    conn = sqlite3.connect(db_path)
    try:
        conn.row_factory = sqlite3.Row
        marks = ", ".join("?" for _ in entity_ids)
        rows = conn.execute(f"SELECT * FROM tombstone WHERE entity_id IN ({marks})", entity_ids).fetchall()
        return [dict(row) for row in rows]
    finally:
        conn.close()


def scrub_backup(path: Path, participant_id: str, live_db: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA journal_mode=DELETE")  # a backup of a WAL database: no -wal file left beside it
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if ROOT_TABLE not in tables:
            raise sqlite3.DatabaseError(f"{path.name} holds no {ROOT_TABLE} table")
        conn.execute("BEGIN IMMEDIATE")
        before = conn.total_changes
        doomed = _rows_hanging_from(conn, tables, participant_id)
        for table, ids in doomed.items():
            _delete_ids(conn, table, "id", ids)
        if "conflict" in tables:
            _delete_ids(conn, "conflict", "entity_id", set[str]().union(*doomed.values()))
        erased = conn.total_changes > before
        if erased and "text_search" in tables:
            conn.execute("INSERT INTO text_search(text_search) VALUES ('optimize')")  # drop the deleted tokens
        if "tombstone" in tables:
            _copy_tombstones(conn, _tombstones(live_db, [participant_id, *doomed["interview"]]))
        conn.execute("COMMIT")
        if erased:
            conn.execute("VACUUM")  # rewrites the file: no freed page keeps the old text
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError(f"{path.name} is damaged")
    finally:
        conn.close()


def _rows_hanging_from(conn: sqlite3.Connection, tables: set[str], participant_id: str) -> dict[str, set[str]]:
    children: dict[str, list[tuple[str, str]]] = defaultdict(list)  # parent table -> (child table, column)
    for table in sorted(tables):
        for fk in conn.execute(f"PRAGMA foreign_key_list('{table}')"):
            children[fk[2]].append((table, fk[3]))
    doomed: dict[str, set[str]] = defaultdict(set)
    todo: list[tuple[str, set[str]]] = [(ROOT_TABLE, {participant_id})]
    while todo:
        table, ids = todo.pop()
        new = ids - doomed[table]
        if not new:
            continue
        doomed[table] |= new
        for child, column in children.get(table, []):
            found = _select_ids(conn, child, column, new)
            if found:
                todo.append((child, found))
    return doomed


def _select_ids(conn: sqlite3.Connection, table: str, column: str, ids: set[str]) -> set[str]:
    marks = ", ".join("?" for _ in ids)
    return {r[0] for r in conn.execute(f'SELECT id FROM "{table}" WHERE "{column}" IN ({marks})', sorted(ids))}


def _delete_ids(conn: sqlite3.Connection, table: str, column: str, ids: set[str]) -> None:
    if ids:
        marks = ", ".join("?" for _ in ids)
        conn.execute(f'DELETE FROM "{table}" WHERE "{column}" IN ({marks})', sorted(ids))


def _copy_tombstones(conn: sqlite3.Connection, tombstones: list[dict[str, object]]) -> None:
    columns = {r[1] for r in conn.execute("PRAGMA table_info('tombstone')")}
    for stone in tombstones:
        values = {k: v for k, v in stone.items() if k in columns}
        names = ", ".join(f'"{k}"' for k in values)
        marks = ", ".join("?" for _ in values)
        conn.execute(f"INSERT OR IGNORE INTO tombstone ({names}) VALUES ({marks})", list(values.values()))


def _remove(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
