"""Recording checks of the kill soak, made after the restart that follows each kill (recovery runs at start-up).

For every recording a killed child started: the row is no longer `recording`; its file is a valid WAV whose header
matches its length (or the verified Opus that replaced it) and decodes with the real ffmpeg; the decoded length
covers the audio owed at the kill minus at most LOSS_LIMIT_S; notes carry offsets inside the recovered audio.
"""

from __future__ import annotations

import sqlite3
import subprocess
import time
import wave
from array import array
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tests.soak.soak_log import ChildLog

LOSS_LIMIT_S = 1.2  # "audio lost no more than about a second": one 1 s flush interval plus the device latency
NOTE_SLACK_MS = 1200  # a note's offset is the in-memory clock, up to one unflushed second ahead of the file
DECODE_RATE = 16000
HEADER_SIZE = 44


@dataclass
class AudioStats:
    rounds_recording_at_kill: int = 0
    recordings_started: int = 0
    recordings_cut_by_kill: int = 0
    recordings_stopped_cleanly: int = 0
    cut_before_first_flush: int = 0  # nothing durable yet (under a second of audio): the row is removed, by design
    audio_owed_s: float = 0.0
    audio_recovered_s: float = 0.0
    max_loss_s: float = 0.0  # owed minus recovered, all causes
    max_kill_loss_s: float = 0.0  # minus what the capture had not yet delivered: what the kill itself lost
    losses_s: list[float] = field(default_factory=list)
    capture_lags_s: list[float] = field(default_factory=list)  # wall time minus the recorder's clock, last CLOCK
    stop_shortfalls_s: list[float] = field(default_factory=list)  # clean stops: device latency, nothing else
    notes_with_offset_checked: int = 0
    max_note_past_end_ms: int = 0
    recovered_ms: dict[str, int] = field(default_factory=dict)  # id -> decoded length once recovered
    transcoded_checked: int = 0


def decode(path: Path) -> tuple[float, int]:
    """(seconds, peak sample) as the real ffmpeg decodes the file to 16 kHz mono; raises on a broken file."""
    import imageio_ffmpeg

    argv = [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-i", str(path)]
    argv += ["-f", "s16le", "-ac", "1", "-ar", str(DECODE_RATE), "-"]
    done = subprocess.run(argv, capture_output=True, timeout=120)
    if done.returncode != 0:
        raise ValueError(done.stderr.decode("utf-8", "replace").strip()[-300:] or f"ffmpeg exit {done.returncode}")
    samples = array("h", done.stdout[: len(done.stdout) // 2 * 2])
    return len(samples) / DECODE_RATE, max((abs(s) for s in samples), default=0)


def wav_problem(path: Path) -> str | None:
    """A WAV whose header disagrees with its length was not repaired."""
    try:
        with wave.open(str(path), "rb") as wav:
            declared = wav.getnframes() * wav.getsampwidth() * wav.getnchannels()
    except (wave.Error, EOFError) as exc:
        return f"not a valid WAV ({exc})"
    actual = path.stat().st_size - HEADER_SIZE
    return None if declared == actual else f"header says {declared} data bytes, the file holds {actual}"


def _row(conn: sqlite3.Connection, recording_id: str) -> tuple[str, str, int] | None:
    row = conn.execute("SELECT state, path, duration_ms FROM recording WHERE id = ?", (recording_id,)).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def _decode_row(data_dir: Path, conn: sqlite3.Connection, recording_id: str) -> tuple[tuple[str, str, int], float]:
    """Decode the file the row names; post-processing may swap the WAV for Opus meanwhile, so then read again."""
    for attempt in range(3):
        row = _row(conn, recording_id)
        if row is None:
            raise LookupError("its row has disappeared")
        path = data_dir / row[1]
        try:
            if not path.exists():
                raise FileNotFoundError(f"{row[1]} is missing")
            if path.suffix == ".wav" and (problem := wav_problem(path)):
                raise ValueError(problem)
            seconds, peak = decode(path)
        except (FileNotFoundError, ValueError):
            if attempt < 2 and _row(conn, recording_id) != row:
                continue  # the row moved on (WAV -> Opus) while we read: look again
            if attempt < 2 and not path.exists():
                time.sleep(0.3)
                continue
            raise
        if seconds > 2.0 and peak == 0:
            raise ValueError(f"{seconds:.1f} s of pure silence: the microphone's speech never reached the file")
        return row, seconds
    raise FileNotFoundError("the file kept moving")


def check_recordings(
    data_dir: Path, log: ChildLog, killed_at: float, started_before: float, stats: AudioStats, label: str
) -> list[str]:
    """Run once the next child is up (start-up recovery done); `started_before` is its READY (unix time)."""
    failures: list[str] = []
    conn = sqlite3.connect(data_dir / "capnum.sqlite3")
    try:
        for (started,) in conn.execute("SELECT started_at FROM recording WHERE state = 'recording'"):
            if datetime.fromisoformat(started).timestamp() < started_before:
                failures.append(f"{label}: a recording started at {started} is still `recording` after restart")
        cut = [r for r in log.clicks if r not in log.stops]
        if cut and cut[-1] in log.starts:
            stats.rounds_recording_at_kill += 1
        for recording_id in log.clicks:
            stats.recordings_started += 1
            failures += _check_one(data_dir, conn, log, recording_id, killed_at, stats, label)
    finally:
        conn.close()
    return failures


def _check_one(
    data_dir: Path,
    conn: sqlite3.Connection,
    log: ChildLog,
    recording_id: str,
    killed_at: float,
    stats: AudioStats,
    label: str,
) -> list[str]:
    name = f"{label}: recording {recording_id[:8]}"
    begin = log.capture_start(recording_id)
    stopped_at = log.stops.get(recording_id)
    end = stopped_at if stopped_at is not None else killed_at
    owed = max(0.0, end - begin) if begin is not None else 0.0
    row = _row(conn, recording_id)
    if row is not None and row[0] not in ("finished", "ready"):
        return [f"{name} is `{row[0]}` after the restart"]
    if row is None:
        seconds = 0.0  # recovery removes a recording killed before its first flush: nothing had been written
    else:
        try:
            row, seconds = _decode_row(data_dir, conn, recording_id)
        except (LookupError, ValueError, FileNotFoundError) as exc:
            return [f"{name}: {exc}"]
        if abs(seconds * 1000 - row[2]) > (100 if row[1].endswith(".wav") else 500):
            return [f"{name}: the row says {row[2]} ms, the file decodes to {seconds * 1000:.0f} ms"]
        stats.recovered_ms[recording_id] = round(seconds * 1000)
    failures: list[str] = []
    loss = owed - seconds
    lag = _capture_lag(log, recording_id, begin, end)
    if lag is not None:
        stats.capture_lags_s.append(lag)
    kill_loss = loss - max(0.0, lag or 0.0)
    if stopped_at is not None:
        stats.recordings_stopped_cleanly += 1
        if begin is not None:
            stats.stop_shortfalls_s.append(loss)
        if row is None:
            failures.append(f"{name} was stopped cleanly after {owed:.1f} s and is gone")
    else:
        stats.recordings_cut_by_kill += 1
        stats.cut_before_first_flush += row is None
        stats.audio_owed_s += owed
        stats.audio_recovered_s += seconds
        stats.losses_s.append(loss)
        stats.max_loss_s = max(stats.max_loss_s, loss)
        stats.max_kill_loss_s = max(stats.max_kill_loss_s, kill_loss)
    if kill_loss > LOSS_LIMIT_S:
        failures.append(
            f"{name}: {owed:.2f} s owed, {seconds:.2f} s recovered: {loss:.2f} s lost "
            f"({lag or 0:.2f} s of it not yet delivered by the capture)"
        )
    for note in log.notes:
        if note.recording_id != recording_id or note.offset_ms is None:
            continue
        stats.notes_with_offset_checked += 1
        past_end = note.offset_ms - round(seconds * 1000)
        stats.max_note_past_end_ms = max(stats.max_note_past_end_ms, past_end)
        if past_end > (NOTE_SLACK_MS if stopped_at is None else 0):
            failures.append(f"{name}: note at {note.offset_ms} ms, the recording lasts {seconds * 1000:.0f} ms")
    return failures


def _capture_lag(log: ChildLog, recording_id: str, begin: float | None, end: float) -> float | None:
    """How far the recorder's clock trailed wall time at its last CLOCK line before `end` (device latency, or
    audio the capture never delivered): audio the writer could not have had, whatever the kill did."""
    clocks = [c for c in log.clocks.get(recording_id, []) if c[0] <= end]
    if begin is None or not clocks:
        return None
    stamp, ms = clocks[-1]
    return (stamp - begin) - ms / 1000


def check_settled(data_dir: Path, stats: AudioStats) -> list[str]:
    """The last restart left every recording post-processed as the app does, and none lost since its recovery."""
    failures: list[str] = []
    conn = sqlite3.connect(data_dir / "capnum.sqlite3")
    try:
        rows = list(conn.execute("SELECT id, state, path, codec, duration_ms FROM recording"))
    finally:
        conn.close()
    known = {r[0] for r in rows}
    for recording_id, ms in stats.recovered_ms.items():
        if recording_id not in known:
            failures.append(f"settle: recording {recording_id[:8]} ({ms} ms once recovered) has disappeared")
    for recording_id, state, rel, codec, duration_ms in rows:
        name = f"settle: recording {recording_id[:8]} ({codec})"
        if state != "ready":
            failures.append(f"{name} is `{state}`, not post-processed")
            continue
        try:
            seconds, _peak = decode(data_dir / rel)
        except (ValueError, FileNotFoundError) as exc:
            failures.append(f"{name}: {exc}")
            continue
        stats.transcoded_checked += 1
        before = stats.recovered_ms.get(recording_id)
        for what, expected in (("its row", duration_ms), ("its recovered WAV", before)):
            if expected is not None and abs(seconds * 1000 - expected) > 500:
                failures.append(f"{name} decodes to {seconds * 1000:.0f} ms, {what} said {expected} ms")
        if rel.endswith(".opus") and (data_dir / rel).with_suffix(".wav").exists():
            failures.append(f"{name}: the WAV beside the verified Opus file was not removed")
    leftovers = [p.name for p in (data_dir / "audio").rglob("*.tmp")] if (data_dir / "audio").exists() else []
    if leftovers:
        failures.append(f"settle: temporary files left in audio/: {leftovers[:5]}")
    return failures
