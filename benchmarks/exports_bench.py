"""Exports and reports benchmark: summary PDF, study overview, REFI-QDA and table exports for N interviews.

    uv run python benchmarks/exports_bench.py [--interviews 211] [--data-dir DIR]

Seeds the data folder like `capnum demo seed --interviews N --with-contacts` when it holds no interview, then
times each build warm (one untimed run first: imports, font loading and grid parsing are start-up costs).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from capnum_desktop.services.demo_seed import SeedOptions, seed_demo
from capnum_desktop.services.exports import ExportOptions, export_data
from capnum_desktop.services.reports import study_report, summary_report
from capnum_desktop.storage.datastore import DataStore, open_data_store
from capnum_desktop.storage.models import Interview

RESULTS: dict[str, float] = {}


def timed(label: str, fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    median = statistics.median(times)
    RESULTS[f"{label} median_s"] = round(median, 3)
    RESULTS[f"{label} cpu_s"] = round(statistics.median(cpu), 3)
    line = f"{label:<44} median {median:6.3f} s  (min {min(times):.3f}, CPU {statistics.median(cpu):.3f} s)"
    print(line, file=sys.stderr)
    return median


def ensure_seeded(store: DataStore, interviews: int) -> None:
    with store.session() as session:
        count = session.scalar(select(func.count()).select_from(Interview)) or 0
    if count == 0:
        start = time.perf_counter()
        seed_demo(store, SeedOptions(interviews=interviews, seed=1, with_contacts=True))
        print(f"seeded {interviews} interviews in {time.perf_counter() - start:.1f} s", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--interviews", type=int, default=211)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="12 interviews, 1 run: a smoke test")
    args = parser.parse_args()
    if args.quick:
        args.interviews, args.runs = 12, 1
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = args.data_dir or Path(scratch) / "data"
        out = Path(scratch) / "out"
        out.mkdir()
        store = open_data_store(data_dir)
        try:
            ensure_seeded(store, args.interviews)
            with store.session() as session:
                interview_id = session.scalar(
                    select(Interview.id).where(Interview.status == "completed").order_by(Interview.id).limit(1)
                )
                total = session.scalar(select(func.count()).select_from(Interview))
            assert interview_id
            print(f"{total} interviews in {data_dir}", file=sys.stderr)
            timed("summary PDF (one interview)", lambda: summary_report(store, interview_id, out / "s.pdf"), args.runs)
            timed(f"study overview PDF ({total} interviews)", lambda: study_report(store, out / "v.pdf"), args.runs)
            for fmt, name, pseudo in (
                ("qdpx", "p.qdpx", False),
                ("qdpx", "pp.qdpx", True),
                ("xlsx", "t.xlsx", False),
                ("csv", "csv", False),
                ("json", "t.json", True),
            ):
                label = f"export {fmt}{' --pseudonymize' if pseudo else ''} ({total} interviews)"
                options = ExportOptions(fmt, pseudonymize=pseudo)
                timed(label, lambda o=options, n=name: export_data(store, out / n, o), max(1, args.runs // 2))
            RESULTS["qdpx size MB"] = round((out / "p.qdpx").stat().st_size / 1e6, 2)
            print(json.dumps({"interviews": total, **RESULTS}, indent=2))
        finally:
            store.close()


if __name__ == "__main__":
    main()
