"""The real `capnum-desktop` entry point in a child process: self-test, refused starts, light imports."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from capnum_desktop.services.studies import list_studies
from capnum_desktop.storage.datastore import open_data_store
from capnum_desktop.storage.lock import DataDirLock
from capnum_desktop.storage.paths import BACKUP_DIR_NAME, DB_FILE_NAME
from tests.ui_shell.conftest import PYCACHE, run_desktop

HEAVY_MODULES = ("alembic", "reportlab", "pydub", "PySide6.QtMultimedia")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_self_test_on_a_fresh_folder_exits_0_and_lands_on_the_embedded_study(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = run_desktop(data_dir, "--self-test")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("self-test ok: window shown in ")
    assert (data_dir / "logs" / "capnum-desktop.log").exists()
    store = open_data_store(data_dir)
    try:
        titles = [s.title for s in list_studies(store)]
    finally:
        store.close()
    assert titles == ["Capital numérique"]


def test_second_instance_on_the_same_folder_is_refused_with_exit_2(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    open_data_store(data_dir).close()
    with DataDirLock(data_dir):  # held by this process, as an open window would
        english = run_desktop(data_dir, "--self-test", "--lang", "en")
        french = run_desktop(data_dir, "--self-test", "--lang", "fr")
    assert english.returncode == 2
    assert "already open on this data folder" in english.stderr
    assert str(data_dir) in english.stderr
    assert "Traceback" not in english.stderr
    assert french.returncode == 2
    assert "déjà ouvert" in french.stderr


def test_database_newer_than_the_code_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    open_data_store(data_dir).close()
    db = data_dir / DB_FILE_NAME
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = _digest(db)
    result = run_desktop(data_dir, "--self-test", "--lang", "en")
    assert result.returncode == 2
    assert "newer version of CapNum" in result.stderr
    assert "Nothing was changed" in result.stderr
    assert _digest(db) == before
    assert not (data_dir / BACKUP_DIR_NAME).exists()


def test_unreadable_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    db = data_dir / DB_FILE_NAME
    db.write_bytes(b"this is not a database, but someone's precious file" * 100)
    before = _digest(db)
    result = run_desktop(data_dir, "--self-test", "--lang", "en")
    assert result.returncode == 2
    assert "cannot be read" in result.stderr
    assert _digest(db) == before


def _run_probe(script: str, data_dir: Path, modules: list[str]) -> tuple[subprocess.CompletedProcess[str], Any]:
    """Run a probe script on `data_dir` in a fresh interpreter (byte-code cached, offscreen); its JSON last line."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": PYCACHE}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    result = subprocess.run(
        [sys.executable, "-c", script, str(data_dir), *modules], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr
    return result, json.loads(result.stdout.strip().splitlines()[-1])


PROBE = """
import json, sys
from capnum_desktop.app import main
code = main(["--data-dir", sys.argv[1], "--self-test"])
print(json.dumps({"code": code, "loaded": [m for m in sys.argv[2:] if m in sys.modules]}))
"""


def test_start_up_of_an_up_to_date_folder_does_not_import_heavy_modules(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = open_data_store(data_dir)  # migrated here, so the app finds it current
    store.close()
    _result, report = _run_probe(PROBE, data_dir, ["sqlalchemy", *HEAVY_MODULES])
    assert report == {"code": 0, "loaded": ["sqlalchemy"]}  # sqlalchemy: proof that the probe sees imports


SNAPSHOT_PROBE = """
import json, sys
from capnum_desktop.ui.store_loader import StoreLoader
seen = {}
original_start = StoreLoader.start
def start(self):  # called once the window is shown and painted, just before the background imports
    seen["at_first_paint"] = [m for m in sys.argv[2:] if m in sys.modules]
    original_start(self)
StoreLoader.start = start
from capnum_desktop.app import main
code = main(["--data-dir", sys.argv[1], "--self-test"])
print(json.dumps({"code": code, **seen, "at_exit": [m for m in sys.argv[2:] if m in sys.modules]}))
"""


def test_a_current_folder_shows_its_dashboard_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    """DESIGN §10's start-up target: the window comes from a plain sqlite3 snapshot, the ORM loads after it."""
    data_dir = tmp_path / "data"
    run_desktop(data_dir, "--self-test")  # first run: migrates and loads the embedded study (the normal path)
    result, report = _run_probe(SNAPSHOT_PROBE, data_dir, ["sqlalchemy", "pydantic", "yaml", *HEAVY_MODULES])
    assert report["code"] == 0
    assert report["at_first_paint"] == []
    assert "sqlalchemy" in report["at_exit"]  # then the store was opened behind the window
    assert "self-test store ready in" in result.stdout
