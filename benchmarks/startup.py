"""Start to a usable dashboard vs a bare PySide6 window plus a plain sqlite3 open, same machine, same run.

    uv run python benchmarks/startup.py [--interviews 200] [--runs 7]

Each figure is the median wall time from launching a fresh Python process to the line it prints once its window is shown
(for CapNum: the `--self-test` line, printed when the main window is shown and the interviews table filled). CapNum's
time to its second line, once the database is open behind the window (`capnum_store_ready_s`), is reported beside it.
Runs offscreen (QT_QPA_PLATFORM=offscreen) so it needs no display; one warm-up run of each fills the file and
byte-code caches, then runs alternate. CPU seconds of each child are reported too: on a shared, loaded machine
they are the steadier guide. Prints JSON (DESIGN §10 target: ratio <= 3).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sqlite3, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT count(*) FROM interview").fetchone()
window = QMainWindow()
window.show()
app.processEvents()
print("bare ok", flush=True)
"""


def time_to_lines(command: list[str], markers: list[str], env: dict[str, str]) -> tuple[list[float], float]:
    """(wall seconds to each marker line, in order; CPU seconds of the whole child process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    times: list[float] = []
    for line in proc.stdout:
        if line.startswith(markers[len(times)]):
            times.append(time.perf_counter() - started)
            if len(times) == len(markers):
                break
    else:
        proc.wait()
        raise RuntimeError(f"{command[:3]} never printed {markers!r}: {proc.stderr.read() if proc.stderr else ''}")
    proc.wait(timeout=60)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return times, cpu


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--interviews", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="20 interviews, 1 run: a smoke test")
    args = parser.parse_args()
    if args.quick:
        args.interviews, args.runs = 20, 1
    from capnum_desktop.services.demo_seed import SeedOptions, seed_demo
    from capnum_desktop.storage.datastore import open_data_store
    from capnum_desktop.storage.paths import DB_FILE_NAME

    with tempfile.TemporaryDirectory() as tmp:
        # Byte-code cached as after a normal install (a PYTHONDONTWRITEBYTECODE environment would otherwise make
        # every start recompile SQLAlchemy from source), kept in the temporary folder, not in the checkout.
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        data_dir = Path(tmp) / "data"
        store = open_data_store(data_dir)
        seed_demo(store, SeedOptions(interviews=args.interviews, seed=1))
        store.close()
        capnum = [sys.executable, "-m", "capnum_desktop.app", "--data-dir", str(data_dir), "--self-test"]
        bare = [sys.executable, "-c", BARE, str(data_dir / DB_FILE_NAME)]
        app_markers = ["self-test ok", "self-test store ready"]
        time_to_lines(capnum, app_markers, env)  # warm the file cache for both
        time_to_lines(bare, ["bare ok"], env)
        app_runs, bare_runs = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            app_runs.append(time_to_lines(capnum, app_markers, env))
            bare_runs.append(time_to_lines(bare, ["bare ok"], env))
    app_times, bare_times = [w[0] for w, _ in app_runs], [w[0] for w, _ in bare_runs]
    ready_times = [w[1] for w, _ in app_runs]
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    app_cpu, bare_cpu = statistics.median(c for _, c in app_runs), statistics.median(c for _, c in bare_runs)
    print(
        json.dumps(
            {
                "interviews": args.interviews,
                "runs": args.runs,
                "capnum_dashboard_s": round(app_median, 3),
                "capnum_store_ready_s": round(statistics.median(ready_times), 3),
                "bare_window_sqlite_s": round(bare_median, 3),
                "ratio": round(app_median / bare_median, 2),
                "target_ratio": 3.0,
                "capnum_cpu_s": round(app_cpu, 3),
                "bare_cpu_s": round(bare_cpu, 3),
                "cpu_ratio": round(app_cpu / bare_cpu, 2),
                "load_average": [round(x, 2) for x in os.getloadavg()],
                "capnum_runs_s": [round(t, 3) for t in app_times],
                "bare_runs_s": [round(t, 3) for t in bare_times],
                "python": platform.python_version(),
                "cpus": os.cpu_count(),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
