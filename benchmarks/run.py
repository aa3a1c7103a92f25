"""Run every benchmark: `uv run python benchmarks/run.py [--quick]`.

--quick   small sizes, a smoke test that every benchmark still runs (CI); figures are not meaningful.
(full)    real sizes; writes the figures, the machine and the date between the result markers of
          docs/performance.md and into docs/benchmark-results.json.

Each benchmark is a script that accepts --quick and prints one JSON object on stdout. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PERFORMANCE = ROOT / "docs" / "performance.md"
RESULTS = ROOT / "docs" / "benchmark-results.json"
START, END = "<!-- results:start -->", "<!-- results:end -->"

# (script, what it measures); scripts missing from a checkout are reported, not skipped silently.
BENCHMARKS: list[tuple[str, str]] = [
    ("startup.py", "start to a usable dashboard vs a bare PySide6 window + sqlite3 open"),
    ("core_bench.py", "answer edit to durable commit vs a raw sqlite3 commit; session list and search at scale"),
    ("audio_record.py", "recording CPU and memory over a long simulated recording"),
    ("audio_capture.py", "recording CPU of the real Qt capture path, virtual microphone (skipped without PulseAudio)"),
    ("audio_transcode.py", "Opus transcode vs the same ffmpeg command alone; size per hour"),
    ("bundles_bench.py", "bundle export vs zip -0, import, re-import, peak memory"),
    ("exports_bench.py", "summary PDF, study overview, REFI-QDA and table exports"),
]


def run_one(script: str, quick: bool) -> dict[str, Any]:
    path = ROOT / "benchmarks" / script
    if not path.exists():
        return {"error": f"{script} not found"}
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(path), *(["--quick"] if quick else [])],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    )
    elapsed = round(time.monotonic() - started, 1)
    if proc.returncode != 0:
        return {"error": f"exit {proc.returncode}", "stderr": proc.stderr[-2000:], "wall_s": elapsed}
    text = proc.stdout.strip()
    try:
        data: dict[str, Any] = json.loads(text[text.index("{") :])
    except ValueError:
        return {"error": "no JSON on stdout", "stdout": text[-2000:], "wall_s": elapsed}
    data["wall_s"] = elapsed
    return data


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows.extend(flatten(value, f"{name}."))
        else:
            rows.append((name, value))
    return rows


def render(results: dict[str, dict[str, Any]], info: dict[str, str]) -> str:
    lines = [
        START,
        "",
        f"Measured {info['date']} on {info['cpu']} ({info['cores']} cores), Python {info['python']}, "
        f"{info['system']}, by `uv run python benchmarks/run.py`.",
        "",
    ]
    for script, data in results.items():
        lines += [f"### {script}", "", "| figure | value |", "| --- | --- |"]
        lines += [f"| {name} | {value} |" for name, value in flatten(data) if name != "stderr"]
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*", help="script names to run")
    args = parser.parse_args()
    results: dict[str, dict[str, Any]] = {}
    for script, what in BENCHMARKS:
        if args.only and script not in args.only:
            continue
        print(f"benchmark {script}: {what}", file=sys.stderr, flush=True)
        results[script] = run_one(script, args.quick)
        print(json.dumps(results[script], indent=2), file=sys.stderr)
    failed = [s for s, r in results.items() if "error" in r]
    if not args.quick:
        info = machine()
        # --only refreshes some figures and keeps the others from the last full run (each keeps its own date).
        previous = json.loads(RESULTS.read_text("utf-8"))["results"] if RESULTS.exists() else {}
        for data in results.values():
            data["measured"] = info["date"]
        results = {**previous, **results}
        results = {script: results[script] for script, _ in BENCHMARKS if script in results}
        RESULTS.write_text(json.dumps({"machine": info, "results": results}, indent=2) + "\n", encoding="utf-8")
        text = PERFORMANCE.read_text("utf-8") if PERFORMANCE.exists() else "# Performance\n"
        block = render(results, info)
        if START in text and END in text:
            text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
        else:
            text = text.rstrip() + "\n\n## Latest full run\n\n" + block + "\n"
        PERFORMANCE.write_text(text, encoding="utf-8")
    if failed:
        print(f"benchmarks that failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
