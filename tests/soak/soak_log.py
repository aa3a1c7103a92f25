"""What a soak child said it did (its stdout lines, see soak_child.py), and the checks of answers, notes, resumption."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

GRACE_S = 1.0  # DESIGN: every edit is durable within a second of the keystroke


@dataclass
class TypedNote:
    stamp: float
    recording_id: str | None
    offset_ms: int | None
    text: str


@dataclass
class ChildLog:
    answers: dict[str, list[tuple[float, str | None]]] = field(default_factory=dict)
    notes: list[TypedNote] = field(default_factory=list)
    visits: list[tuple[float, str]] = field(default_factory=list)
    clicks: list[str] = field(default_factory=list)
    starts: dict[str, tuple[float, int]] = field(default_factory=dict)  # id -> (first write, ms in it)
    stops: dict[str, float] = field(default_factory=dict)
    clocks: dict[str, list[tuple[float, int]]] = field(default_factory=dict)  # id -> (t, ms received by then)
    start_position: str | None = None
    offered: int | None = None
    resumed: str | None = None
    ready_wall: float | None = None
    problems: list[str] = field(default_factory=list)  # ERROR, REC_BLOCKED, NOT_OFFERED: each fails the round
    lines: int = 0
    actions: int = 0  # what the interviewer did: answers, notes, jumps, record and stop clicks

    def capture_start(self, recording_id: str) -> float | None:
        """Monotonic time of the recording's first sample (first write minus the audio it carried)."""
        start = self.starts.get(recording_id)
        return None if start is None else start[0] - start[1] / 1000


def parse(lines: list[str]) -> ChildLog:
    log = ChildLog(lines=len(lines))
    for line in lines:
        kind, _, rest = line.strip().partition(" ")
        stamp_text, _, rest = rest.partition(" ")
        try:
            stamp = float(stamp_text)
        except ValueError:
            continue  # not one of ours (e.g. the app's own "recordings recovered" notice)
        log.actions += kind in ("ANSWER", "NOTE", "GOTO", "REC_CLICK", "REC_STOP")
        if kind == "ANSWER":
            question, text = rest.split(" ", 1)
            log.answers.setdefault(question, []).append((stamp, json.loads(text)))
        elif kind == "NOTE":
            recording, ms, text = rest.split(" ", 2)
            rec = None if recording == "-" else recording
            log.notes.append(TypedNote(stamp, rec, None if ms == "-" else int(ms), json.loads(text)))
        elif kind == "GOTO":
            log.visits.append((stamp, rest))
        elif kind == "REC_CLICK":
            log.clicks.append(rest)
        elif kind == "REC_START":
            recording, ms = rest.split(" ")
            log.starts[recording] = (stamp, int(ms))
        elif kind == "CLOCK":
            recording, ms = rest.split(" ")
            log.clocks.setdefault(recording, []).append((stamp, int(ms)))
        elif kind == "REC_STOP":
            log.stops[rest] = stamp
        elif kind == "OFFERED":
            log.offered = int(rest)
        elif kind == "RESUMED":
            log.resumed, _, position = rest.partition(" ")
            log.start_position = position or None
        elif kind == "READY":
            log.ready_wall = float(rest)
        elif kind in ("ERROR", "REC_BLOCKED"):
            log.problems.append(f"{kind} {json.loads(rest)}")
        elif kind == "NOT_OFFERED":
            log.problems.append("the dashboard did not offer the unfinished interview for resumption")
    return log


@dataclass
class TextChecks:
    answers_checked: int = 0
    notes_checked: int = 0


def check_texts(
    db: Path, interview_id: str, log: ChildLog, killed_at: float, counts: TextChecks, label: str
) -> list[str]:
    """Integrity, answers and notes older than a second, resumption state and position. Returns the failures."""
    failures: list[str] = []
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            return [f"{label}: integrity_check says {integrity}"]
        stored = {
            q: json.loads(v) if v is not None else None
            for q, v in conn.execute("SELECT question_id, value FROM answer WHERE interview_id = ?", (interview_id,))
        }
        note_rows = {
            text: (recording, offset)
            for text, recording, offset in conn.execute(
                "SELECT text, recording_id, audio_offset_ms FROM note WHERE interview_id = ?", (interview_id,)
            )
        }
        status, position = conn.execute(
            "SELECT status, current_question_id FROM interview WHERE id = ?", (interview_id,)
        ).fetchone()
    finally:
        conn.close()
    deadline = killed_at - GRACE_S
    for question, entries in log.answers.items():
        old = [e for e in entries if e[0] <= deadline]
        if not old:
            continue
        allowed = {text for stamp, text in entries if stamp >= old[-1][0]}
        counts.answers_checked += 1
        if stored.get(question) not in allowed:
            failures.append(f"{label}: {question} holds {stored.get(question)!r}, expected one of {allowed!r}")
    for note in log.notes:
        if note.stamp > deadline:
            continue
        counts.notes_checked += 1
        if note.text not in note_rows:
            failures.append(f"{label}: note {note.text!r} typed {killed_at - note.stamp:.1f} s before the kill is lost")
        elif note_rows[note.text] != (note.recording_id, note.offset_ms):
            failures.append(
                f"{label}: note {note.text!r} stored at {note_rows[note.text]}, typed at "
                f"{(note.recording_id, note.offset_ms)} of the recording"
            )
    if status != "in_progress":
        failures.append(f"{label}: interview is {status}, not offered for resumption")
    old_visits = [v for v in log.visits if v[0] <= deadline]
    if old_visits:
        recent = {q for stamp, q in log.visits if stamp >= old_visits[-1][0]}
        if position not in recent:
            failures.append(
                f"{label}: resumes at {position}, expected one of {sorted(recent)} (the page opened at "
                f"{log.start_position}; navigation saved this round: {_navigations(db, interview_id, log)})"
            )
    return failures


def _navigations(db: Path, interview_id: str, log: ChildLog) -> list[str]:
    """The `navigate` events committed since the child was READY (diagnostics for a position failure)."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT at, payload FROM event WHERE interview_id = ? AND kind = 'navigate' ORDER BY at", (interview_id,)
        ).fetchall()
    finally:
        conn.close()
    since = datetime.fromtimestamp(log.ready_wall or 0, UTC)
    return [json.loads(p).get("question_id") for at, p in rows if datetime.fromisoformat(at) >= since]


def check_start(log: ChildLog, interview_id: str, label: str) -> list[str]:
    """What the restarted GUI showed: the interview offered on the dashboard, then resumed."""
    failures = [f"{label}: {problem}" for problem in log.problems]
    if log.offered is not None and log.offered < 1:
        failures.append(f"{label}: the dashboard offered {log.offered} interviews for resumption")
    if log.resumed != interview_id:
        failures.append(f"{label}: the resumed page shows interview {log.resumed}, not {interview_id}")
    return failures
