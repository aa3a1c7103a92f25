"""A full disk while autosaving: one clear error, no corruption, nothing saved before is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from capnum_desktop.domain.grid import QuestionType
from capnum_desktop.services.answers import AnswerInput, add_note, save_answer
from capnum_desktop.services.queries import show_session
from capnum_desktop.storage.datastore import open_data_store
from capnum_desktop.storage.errors import DiskFullError
from tests.services.test_interview_services import _grid, _start


def test_autosave_on_a_full_disk_fails_cleanly_and_keeps_what_was_saved(small_disk: Path) -> None:
    store = open_data_store(small_disk / "data")
    from capnum_desktop.services.studies import load_embedded_study

    load_embedded_study(store)
    interview_id = _start(store)
    questions = [q.id for q in _grid(store, interview_id).all_questions() if q.type is QuestionType.LONG_TEXT]
    saved: dict[str, str] = {}
    filler = "Ceci est une très longue réponse, pleine d’accents et de « guillemets ». " * 400
    with pytest.raises(DiskFullError) as excinfo:
        for i in range(10_000):
            question = questions[i % len(questions)]
            value = f"{i}: {filler}"
            save_answer(store, interview_id, question, AnswerInput(value=value))
            add_note(store, interview_id, f"note {i} " + filler[:2000])
            saved[question] = value
    assert "disk is full" in str(excinfo.value)
    assert saved, "the disk filled before anything was saved: the test proves nothing"
    store.close()

    # Free space, reopen: intact, and every answer saved before the error is there with its last value.
    for extra in small_disk.glob("filler*"):
        extra.unlink()
    with sqlite3.connect(small_disk / "data" / "capnum.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    store = open_data_store(small_disk / "data")
    try:
        stored = {a["question_id"]: a["value"] for a in show_session(store, interview_id)["answers"]}
        for question, value in saved.items():
            assert stored[question] == value
    finally:
        store.close()


@pytest.mark.slow
def test_cli_reports_a_full_disk_with_exit_2(small_disk: Path) -> None:
    from tests.helpers import run_capnum_process

    data = small_disk / "data"
    assert run_capnum_process(data, "init", "--demo").returncode == 0
    # Fill the disk, then ask for work that must write.
    with (small_disk / "filler.bin").open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError:
            pass
    result = run_capnum_process(data, "demo", "seed", "--interviews", "50")
    assert result.returncode == 2, result.stderr
    assert "disk is full" in result.stderr.lower() or "no space left" in result.stderr.lower()
    assert "Traceback" not in result.stderr
    (small_disk / "filler.bin").unlink()
    with sqlite3.connect(data / "capnum.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def _fill(disk: Path) -> None:
    with (disk / "filler.bin").open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError:
            pass


@pytest.mark.slow
def test_export_to_a_full_disk_fails_cleanly_with_no_partial_file(small_disk: Path, tmp_path: Path) -> None:
    from tests.helpers import run_capnum_process

    data = tmp_path / "data"  # the data folder has room; the USB key (the small disk) does not
    assert run_capnum_process(data, "demo", "seed", "--interviews", "30").returncode == 0
    _fill(small_disk)
    for fmt, name in (("xlsx", "out.xlsx"), ("qdpx", "out.qdpx"), ("json", "out.json")):
        result = run_capnum_process(data, "export", fmt, "-o", str(small_disk / name))
        assert result.returncode == 2, result.stderr
        assert "no space left" in result.stderr.lower() or "disk is full" in result.stderr.lower(), result.stderr
        assert "Traceback" not in result.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin"]  # no partial or temporary file


@pytest.mark.slow
def test_bundle_import_onto_a_full_disk_changes_nothing(small_disk: Path, tmp_path: Path) -> None:
    from tests.helpers import run_capnum_process

    laptop = tmp_path / "laptop"
    assert run_capnum_process(laptop, "demo", "seed", "--interviews", "20", "--audio-seconds", "20").returncode == 0
    bundle = tmp_path / "laptop.capnum"
    assert run_capnum_process(laptop, "bundle", "export", "-o", str(bundle)).returncode == 0
    office = small_disk / "office"
    assert run_capnum_process(office, "init", "--demo").returncode == 0
    with sqlite3.connect(office / "capnum.sqlite3") as conn:
        before = list(conn.iterdump())
    conn.close()
    files_before = sorted(str(p.relative_to(office)) for p in office.rglob("*") if p.is_file())
    _fill(small_disk)
    result = run_capnum_process(office, "bundle", "import", str(bundle))
    assert result.returncode == 2, result.stdout + result.stderr
    assert (
        "no space left" in (result.stdout + result.stderr).lower()
        or "disk is full" in (result.stdout + result.stderr).lower()
    ), result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    (small_disk / "filler.bin").unlink()
    with sqlite3.connect(office / "capnum.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        after = list(conn.iterdump())
    conn.close()
    assert after == before
    files_after = sorted(str(p.relative_to(office)) for p in office.rglob("*") if p.is_file())
    assert [f for f in files_after if not f.endswith(("-wal", "-shm"))] == [
        f for f in files_before if not f.endswith(("-wal", "-shm"))
    ]
