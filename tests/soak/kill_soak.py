"""Kill soak: SIGKILL the real GUI at random moments of a scripted, recorded interview, then check what survived.

Used by tests/soak/test_kill_soak.py (a few rounds in CI) and runnable alone for the long run:

    uv run python tests/soak/kill_soak.py --rounds 200 [--seed 1]      # prints a JSON summary

A private PulseAudio daemon provides a virtual microphone playing speech (virtual_mic.py). Each round starts the
real application (soak_child.py), which must offer the interview for resumption, and scripts an interviewer:
recording (most rounds; some stop and start a second recording), answers, notes. At a random moment it is killed.
Then: `PRAGMA integrity_check` is ok; every answer and note typed more than a second before the kill is stored,
notes with the recorder's offset; the interview is still in progress, at a question visited no earlier than a
second before the kill. Once the next round's child is up (start-up recovery has run): every recording of the
killed child is repaired (valid WAV, decodes with ffmpeg, not stuck in `recording`) and lost at most LOSS_LIMIT_S
of the audio owed at the kill. A last restart lets the app post-process everything, which must then all be there.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `tests.soak...` importable
    sys.path.insert(0, str(Path(__file__).parents[2]))

from tests.soak.soak_audio import AudioStats, check_recordings, check_settled
from tests.soak.soak_log import ChildLog, TextChecks, check_start, check_texts, parse
from tests.soak.virtual_mic import VirtualMic

CHILD = Path(__file__).with_name("soak_child.py")
ROOT = Path(__file__).parents[2]
KILL_WINDOW_S = (0.3, 5.0)  # after READY
START_TIMEOUT_S = 60.0


@dataclass
class SoakReport:
    rounds: int = 0
    actions: int = 0
    log_lines: int = 0  # actions plus start-up facts and the recorder's CLOCK readings (4 a second)
    texts: TextChecks = field(default_factory=TextChecks)
    audio: AudioStats = field(default_factory=AudioStats)
    offered: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        a = self.audio
        losses, shortfalls, lags = sorted(a.losses_s), a.stop_shortfalls_s, a.capture_lags_s
        return {
            "rounds": self.rounds,
            "actions": self.actions,
            "log_lines": self.log_lines,
            "answers_checked": self.texts.answers_checked,
            "notes_checked": self.texts.notes_checked,
            "offered_for_resumption": self.offered,
            "recordings_started": a.recordings_started,
            "rounds_recording_at_kill": a.rounds_recording_at_kill,
            "recordings_cut_by_kill": a.recordings_cut_by_kill,
            "cut_before_first_flush": a.cut_before_first_flush,
            "recordings_stopped_cleanly": a.recordings_stopped_cleanly,
            "audio_owed_s": round(a.audio_owed_s, 1),
            "audio_recovered_s": round(a.audio_recovered_s, 1),
            "loss_median_s": round(statistics.median(losses), 3) if losses else None,
            "loss_p95_s": round(losses[int(0.95 * (len(losses) - 1))], 3) if losses else None,
            "max_loss_s": round(a.max_loss_s, 3),
            "max_kill_loss_s": round(a.max_kill_loss_s, 3),
            "capture_lag_median_s": round(statistics.median(lags), 3) if lags else None,
            "capture_lag_max_s": round(max(lags), 3) if lags else None,
            "capture_lag_over_half_second": sum(1 for lag in lags if lag > 0.5),
            "stop_shortfall_median_s": round(statistics.median(shortfalls), 3) if shortfalls else None,
            "stop_shortfall_max_s": round(max(shortfalls), 3) if shortfalls else None,
            "notes_with_offset_checked": a.notes_with_offset_checked,
            "max_note_past_end_ms": a.max_note_past_end_ms,
            "recordings_post_processed_checked": a.transcoded_checked,
            "failure_count": len(self.failures),
            "failures": self.failures,
        }


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


class Child:
    """One run of soak_child.py; its stdout read without blocking, whole lines only."""

    def __init__(self, data_dir: Path, interview_id: str, seed: int, env: dict[str, str], *extra: str) -> None:
        self.errors = data_dir.parent / "child-stderr.txt"
        env = {**env, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        with self.errors.open("wb") as stderr:  # a file, not a pipe: a chatty child must never block on a pipe
            self.proc = subprocess.Popen(
                [sys.executable, str(CHILD), str(data_dir), interview_id, str(seed), *extra],
                stdout=subprocess.PIPE,
                stderr=stderr,
                bufsize=0,
                env=env,
            )
        assert self.proc.stdout is not None
        self.fd = self.proc.stdout.fileno()
        os.set_blocking(self.fd, False)
        self.buffer = b""

    def pump(self) -> bool:
        try:
            chunk = os.read(self.fd, 65536)
        except BlockingIOError:
            chunk = b""
        self.buffer += chunk
        return bool(chunk)

    def wait_for(self, word: bytes, timeout: float) -> bool:
        started = time.monotonic()
        while not any(line.startswith(word) for line in self.buffer.split(b"\n")[:-1]):
            if self.proc.poll() is not None or time.monotonic() - started > timeout:
                return False
            if not self.pump():
                time.sleep(0.01)
        return True

    def run_until(self, deadline: float) -> None:
        while time.monotonic() < deadline and self.proc.poll() is None:
            if not self.pump():
                time.sleep(0.01)

    def kill(self) -> tuple[float, list[str]]:
        killed_at = time.monotonic()
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)
        os.set_blocking(self.fd, True)
        while chunk := os.read(self.fd, 65536):
            self.buffer += chunk
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        # A line cut by the kill while being printed is dropped (that action is not checked).
        return killed_at, [f"{line}\n" for line in self.buffer.decode("utf-8", "replace").split("\n")[:-1]]

    def hung(self) -> str:
        """Ask a child stuck at start-up for every thread's stack (faulthandler on SIGUSR1), then kill it."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGUSR1)
            time.sleep(1.0)
        self.kill()
        return self.errors.read_text("utf-8", "replace")[-6000:]

    def stderr_tail(self) -> str:
        return self.errors.read_text("utf-8", "replace")[-800:]


@dataclass
class Pending:
    """The last killed child's facts, checked once the next child is up."""

    label: str
    log: ChildLog
    killed_at: float


def _start_checks(log: ChildLog, interview_id: str, label: str, report: SoakReport) -> None:
    if log.offered:
        report.offered += 1
    report.failures += check_start(log, interview_id, label)


def one_round(
    data_dir: Path,
    interview_id: str,
    rng: random.Random,
    report: SoakReport,
    env: dict[str, str],
    pending: Pending | None,
) -> Pending | None:
    label = f"round {report.rounds + 1}"
    child = Child(data_dir, interview_id, rng.randint(0, 10**9), env)
    if not child.wait_for(b"READY ", START_TIMEOUT_S):
        stacks = child.hung()
        said = child.buffer.decode("utf-8", "replace")[-400:]
        report.failures.append(f"{label}: child did not start; said: {said!r}; stacks: {stacks}")
        return pending
    early = parse([f"{line}\n" for line in child.buffer.decode("utf-8", "replace").split("\n")[:-1]])
    if pending is not None and early.ready_wall is not None:  # recovery has run: check the previous kill's audio
        report.failures += check_recordings(
            data_dir, pending.log, pending.killed_at, early.ready_wall, report.audio, pending.label
        )
    child.run_until(time.monotonic() + rng.uniform(*KILL_WINDOW_S))
    if child.proc.poll() is not None:
        code = child.proc.returncode
        report.failures.append(f"{label}: the GUI exited by itself (code {code}): {child.stderr_tail()}")
    killed_at, lines = child.kill()
    report.rounds += 1
    log = parse(lines)
    report.actions += log.actions
    report.log_lines += len(lines)
    _start_checks(log, interview_id, label, report)
    report.failures += check_texts(data_dir / "capnum.sqlite3", interview_id, log, killed_at, report.texts, label)
    return Pending(label, log, killed_at)


def settle(data_dir: Path, interview_id: str, report: SoakReport, env: dict[str, str], pending: Pending | None) -> None:
    """A last restart: recovery of the last kill, then the app's own post-processing of every recording."""
    child = Child(data_dir, interview_id, 0, env, "--settle")
    if not child.wait_for(b"RESUMED ", START_TIMEOUT_S):
        child.kill()
        report.failures.append(f"settle: child did not start: {child.stderr_tail()}")
        return
    if pending is not None:
        report.failures += check_recordings(
            data_dir, pending.log, pending.killed_at, time.time(), report.audio, pending.label
        )
    settled = child.wait_for(b"SETTLED ", 180)
    _killed_at, lines = child.kill()
    log = parse(lines)
    report.failures += check_start(log, interview_id, "settle")
    if not settled:
        report.failures.append(f"settle: post-processing did not finish: {child.stderr_tail()}")
        return
    report.failures += check_settled(data_dir, report.audio)


def app_log_errors(data_dir: Path) -> list[str]:
    """ERROR and CRITICAL lines the app logged over the whole soak (unexpected errors, failed recovery...)."""
    found: list[str] = []
    for path in sorted((data_dir / "logs").glob("capnum-desktop.log*")):
        for line in path.read_text("utf-8", "replace").splitlines():
            if " ERROR " in line or " CRITICAL " in line:
                found.append(f"app log: {line[:300]}")
    return found


def run(rounds: int, seed: int, data_dir: Path) -> SoakReport:
    """Raises virtual_mic.MicUnavailable when PulseAudio cannot start here."""
    rng = random.Random(seed)
    mic = VirtualMic()
    try:
        mic.start()
        interview_id = prepare(data_dir)
        report = SoakReport()
        pending: Pending | None = None
        for _ in range(rounds):
            pending = one_round(data_dir, interview_id, rng, report, mic.env(), pending)
        settle(data_dir, interview_id, report, mic.env(), pending)
        report.failures += app_log_errors(data_dir)
        return report
    finally:
        mic.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        report = run(args.rounds, args.seed, Path(tmp) / "data")
    summary = {**report.summary(), "seconds": round(time.monotonic() - started)}
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    sys.exit(1 if report.failures else 0)


if __name__ == "__main__":
    main()
