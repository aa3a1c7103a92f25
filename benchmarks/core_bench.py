"""Data-core benchmarks: answer edit to durable commit, session list and full-text search at scale.

    uv run python benchmarks/core_bench.py [--quick] [--interviews N]

Prints one JSON object. Each figure comes with its reference measured in the same run: a raw sqlite3 commit with
the same pragmas for the answer save.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from capnum_desktop.domain.grid import QuestionType
from capnum_desktop.services.answers import AnswerInput, save_answer
from capnum_desktop.services.demo_seed import SeedOptions, seed_demo
from capnum_desktop.services.grid_versions import grid_of
from capnum_desktop.services.interviews import ConsentInput, start_interview
from capnum_desktop.services.participants import create_participant, ensure_interviewer
from capnum_desktop.services.queries import list_sessions, search_interviews
from capnum_desktop.services.studies import list_studies, load_embedded_study
from capnum_desktop.storage.datastore import open_data_store
from capnum_desktop.storage.models import Interview


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench_answer_save(root: Path, edits: int) -> dict[str, float]:
    store = open_data_store(root / "edits")
    study_id = load_embedded_study(store)
    site = list_studies(store)[0].sites[0]
    participant = create_participant(store, site_id=site.id)
    interviewer = ensure_interviewer(store, "Bench", study_id)
    interview = start_interview(
        store, participant_id=participant, interviewer_id=interviewer, consent=ConsentInput(True, True, True, True)
    )
    with store.session() as session:
        row = session.get(Interview, interview)
        assert row is not None
        grid = grid_of(session, row.grid_version_id)
    question = next(q.id for q in grid.all_questions() if q.type is QuestionType.LONG_TEXT)
    timings = []
    text = ""
    for i in range(edits):
        text += "mot " if i % 7 else "é "
        start = time.perf_counter()
        save_answer(store, interview, question, AnswerInput(value=text))
        timings.append((time.perf_counter() - start) * 1000)
    store.close()

    raw = sqlite3.connect(root / "raw.sqlite3", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "secure_delete=ON"):
        raw.execute(f"PRAGMA {pragma}")
    raw.execute("CREATE TABLE answer (id TEXT PRIMARY KEY, value TEXT)")
    raw.execute("INSERT INTO answer VALUES ('a', '')")
    raw_timings = []
    for i in range(edits):
        start = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute("UPDATE answer SET value = ? WHERE id = 'a'", (f"valeur {i}",))
        raw.execute("COMMIT")
        raw_timings.append((time.perf_counter() - start) * 1000)
    raw.close()
    return {
        "answer_save_p50_ms": round(statistics.median(timings), 2),
        "answer_save_p99_ms": round(percentile(timings, 99), 2),
        "raw_sqlite_commit_p50_ms": round(statistics.median(raw_timings), 2),
        "raw_sqlite_commit_p99_ms": round(percentile(raw_timings, 99), 2),
        "edits": edits,
    }


def bench_scale(root: Path, interviews: int) -> dict[str, float]:
    store = open_data_store(root / "scale")
    start = time.perf_counter()
    seed_demo(store, SeedOptions(interviews=interviews, seed=3))
    seed_s = time.perf_counter() - start
    list_times = []
    for _ in range(5):
        start = time.perf_counter()
        rows = list_sessions(store)
        list_times.append(time.perf_counter() - start)
    assert len(rows) == interviews
    search_times = []
    for word in ("mediatrice", "wifi", "Pronote", "tutos", "CAF"):
        start = time.perf_counter()
        search_interviews(store, word)
        search_times.append((time.perf_counter() - start) * 1000)
    size = store.db_path.stat().st_size
    store.close()
    return {
        "interviews": interviews,
        "seed_s": round(seed_s, 1),
        "db_size_mb": round(size / 1e6, 1),
        "session_list_median_s": round(statistics.median(list_times), 3),
        "search_median_ms": round(statistics.median(search_times), 1),
        "search_max_ms": round(max(search_times), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke test, figures not meaningful")
    parser.add_argument("--interviews", type=int, default=None)
    args = parser.parse_args()
    interviews = args.interviews or (20 if args.quick else 10_000)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        result = {
            "answer_save": bench_answer_save(root, 50 if args.quick else 1000),
            "scale": bench_scale(root, interviews),
        }
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
