"""What the dashboard shows first, read with plain `sqlite3` before SQLAlchemy is imported.

Importing SQLAlchemy's ORM costs about half a second, twice a bare Qt window; the window is shown from this
snapshot while the DataStore is opened in the background (docs/decisions/startup-snapshot.md). Anything unusual
(no database yet, a schema to migrate, no study, an unreadable file) returns None and the caller takes the
normal path, which gives the proper message or does the first-run work. Nothing is written here.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from capnum_desktop.storage.paths import DB_FILE_NAME
from capnum_desktop.storage.revisions import head_revision
from capnum_desktop.storage.session_list import SessionRow, session_list_sql, session_row


@dataclass(frozen=True)
class StartupSnapshot:
    study_title: str
    site_names: dict[str, str]  # site code -> name, every study
    rows: list[SessionRow]
    settings: dict[str, Any] = field(default_factory=dict)


def read_startup_snapshot(data_dir: Path) -> StartupSnapshot | None:
    db_path = data_dir / DB_FILE_NAME
    if not db_path.is_file():
        return None
    try:
        # Read-only: a database this code cannot use as it is must reach the normal path untouched.
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return _read(conn)
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection) -> StartupSnapshot | None:
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None or revision[0] != head_revision():
        return None
    # The same choice as `services.studies.list_studies`: studies by code, the first one's title.
    study = conn.execute("SELECT title, language FROM study ORDER BY code LIMIT 1").fetchone()
    if study is None:
        return None
    titles = json.loads(study[0]) or {}
    title = titles.get(study[1]) or next(iter(titles.values()), "")
    sites = dict(conn.execute("SELECT code, name FROM site ORDER BY code").fetchall())
    rows = [session_row(raw) for raw in conn.execute(session_list_sql())]
    stored = conn.execute("SELECT key, value FROM local_setting")
    settings = {key: None if value is None else json.loads(value) for key, value in stored}
    return StartupSnapshot(title, sites, rows, settings)
