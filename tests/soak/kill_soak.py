"""Kill soak: SIGKILL the real GUI at random moments of a scripted interview, then check what survived.

Used by tests/soak/test_kill_soak.py (a few rounds in CI) and runnable alone for the long run:

    uv run python tests/soak/kill_soak.py --rounds 200 [--seed 1]      # prints a JSON summary

After every kill: `PRAGMA integrity_check` is ok; every answer text and note typed more than a second before the
kill is in the database (an answer may hold a later text, never an older one); the interview is still offered for
resumption, at a question visited no earlier than a second before the kill.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CHILD = Path(__file__).with_name("soak_child.py")
ROOT = Path(__file__).parents[2]
GRACE_S = 1.0  # DESIGN: every edit is durable within a second of the keystroke


@dataclass
class SoakReport:
    rounds: int = 0
    actions: int = 0
    answers_checked: int = 0
    notes_checked: int = 0
    failures: list[str] = field(default_factory=list)


def prepare(data_dir: Path) -> str:
    from capnum_desktop.services.interviews import ConsentInput, start_interview
    from capnum_desktop.services.participants import create_participant, ensure_interviewer
    from capnum_desktop.services.studies import list_studies, load_embedded_study
    from capnum_desktop.storage.datastore import open_data_store

    store = open_data_store(data_dir)
    study_id = load_embedded_study(store)
    site = list_studies(store)[0].sites[0]
    participant = create_participant(store, site_id=site.id, profile={"age_range": "25-39"})
    interviewer = ensure_interviewer(store, "Soak", study_id)
    interview = start_interview(
        store, participant_id=participant, interviewer_id=interviewer, consent=ConsentInput(True, True, True, True)
    )
    store.close()
    return interview


def _read_available(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except BlockingIOError:
        return b""


def one_round(data_dir: Path, interview_id: str, rng: random.Random, report: SoakReport) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    errors = data_dir.parent / "child-stderr.txt"
    with errors.open("wb") as stderr:  # a file, not a pipe: a chatty child must never block on a full pipe
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(data_dir), interview_id, str(rng.randint(0, 10**9))],
            stdout=subprocess.PIPE,
            stderr=stderr,
            bufsize=0,
            env=env,
        )
    assert child.stdout is not None
    fd = child.stdout.fileno()
    os.set_blocking(fd, False)
    buffer = b""
    started = time.monotonic()
    while b"READY\n" not in buffer:  # raw reads only: a text wrapper would swallow lines beyond READY
        if child.poll() is not None or time.monotonic() - started > 60:
            child.kill()
            child.wait(10)
            report.failures.append(f"round {report.rounds}: child did not start: {errors.read_text()[-800:]}")
            return
        chunk = _read_available(fd)
        buffer += chunk
        if not chunk:
            time.sleep(0.01)
    buffer = buffer.split(b"READY\n", 1)[1]
    kill_at = time.monotonic() + rng.uniform(0.3, 4.0)
    while time.monotonic() < kill_at and child.poll() is None:
        chunk = _read_available(fd)
        buffer += chunk
        if not chunk:
            time.sleep(0.01)
    killed_at = time.monotonic()
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    os.set_blocking(fd, True)
    while chunk := os.read(fd, 65536):
        buffer += chunk
    child.stdout.close()
    # Whole lines only: a line cut by the kill while being printed is dropped (that action is not checked).
    lines = [f"{line}\n" for line in buffer.decode("utf-8", "replace").split("\n")[:-1]]
    report.rounds += 1
    check(data_dir, interview_id, lines, killed_at, report)


def check(data_dir: Path, interview_id: str, lines: list[str], killed_at: float, report: SoakReport) -> None:
    label = f"round {report.rounds}"
    typed: dict[str, list[tuple[float, str | None]]] = {}
    notes: list[tuple[float, str]] = []
    visits: list[tuple[float, str]] = []
    for line in lines:
        kind, _, rest = line.strip().partition(" ")
        if kind == "ANSWER":
            stamp, question, text = rest.split(" ", 2)
            typed.setdefault(question, []).append((float(stamp), json.loads(text)))
        elif kind == "NOTE":
            stamp, text = rest.split(" ", 1)
            notes.append((float(stamp), json.loads(text)))
        elif kind == "GOTO":
            stamp, question = rest.split(" ", 1)
            visits.append((float(stamp), question))
    report.actions += len(lines)
    db = data_dir / "capnum.sqlite3"
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            report.failures.append(f"{label}: integrity_check says {integrity}")
            return
        stored = {
            q: json.loads(v) if v is not None else None
            for q, v in conn.execute("SELECT question_id, value FROM answer WHERE interview_id = ?", (interview_id,))
        }
        note_texts = {t for (t,) in conn.execute("SELECT text FROM note WHERE interview_id = ?", (interview_id,))}
        status, position = conn.execute(
            "SELECT status, current_question_id FROM interview WHERE id = ?", (interview_id,)
        ).fetchone()
    finally:
        conn.close()
    deadline = killed_at - GRACE_S
    for question, entries in typed.items():
        old = [e for e in entries if e[0] <= deadline]
        if not old:
            continue
        allowed = {text for stamp, text in entries if stamp >= old[-1][0]}
        report.answers_checked += 1
        if stored.get(question) not in allowed:
            report.failures.append(f"{label}: {question} holds {stored.get(question)!r}, expected one of {allowed!r}")
    for stamp, text in notes:
        if stamp <= deadline:
            report.notes_checked += 1
            if text not in note_texts:
                age = killed_at - stamp
                report.failures.append(f"{label}: note {text!r} typed {age:.1f} s before the kill is lost")
    if status != "in_progress":
        report.failures.append(f"{label}: interview is {status}, not offered for resumption")
    old_visits = [v for v in visits if v[0] <= deadline]
    if old_visits:
        recent = {q for stamp, q in visits if stamp >= old_visits[-1][0]}
        if position not in recent:
            report.failures.append(f"{label}: resumes at {position}, expected one of {sorted(recent)}")


def run(rounds: int, seed: int, data_dir: Path) -> SoakReport:
    rng = random.Random(seed)
    interview_id = prepare(data_dir)
    report = SoakReport()
    for _ in range(rounds):
        one_round(data_dir, interview_id, rng, report)
    return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        report = run(args.rounds, args.seed, Path(tmp) / "data")
    summary = {
        **report.__dict__,
        "failures": report.failures[:20],
        "failure_count": len(report.failures),
        "seconds": round(time.monotonic() - started),
    }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    sys.exit(1 if report.failures else 0)


if __name__ == "__main__":
    main()
