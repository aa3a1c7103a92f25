"""Recording CPU of the real capture path: the RecorderPanel recording from a virtual PulseAudio microphone.

Each figure is the process CPU time (user + system, all threads: `os.times()`) of one child process over
`--seconds` of recording, divided by the wall time: the fraction of one core. Scenarios, interleaved, `--rounds`:
  panel     the whole path: RecorderPanel shown (offscreen), QtAudioCapture, WavWriter (flush + fsync each
            second), level meter and clock, while speech-like sound is played into the microphone;
  qt_floor  a bare QAudioSource (same format, 1 s ring buffer) read on a 100 ms timer, data discarded;
  parec     reference: PulseAudio's own `parec` piping the same format to a Python reader (both CPUs counted).
Each under two server periods of the virtual microphone (tests/audio/virtual_mic.py):
  device_period      the keep-alive stream asks 200 ms, so the recorder's own request (Qt: 1024 frames) sets
                     how often audio arrives, as with a real microphone;
  forced_4ms_period  the keep-alive asks 20 ms (the tests' set-up): the null sink then hands audio over about
                     every 4 ms (~250 wake-ups a second), whatever the recorder asks.
`audio_vs_wall_min` is the smallest ratio of audio captured to wall time over the runs (1.0: nothing dropped).
Prints one JSON object; `{"skipped": reason}` where PulseAudio cannot start. `--quick`: panel only, device
period, 2 s (smoke test). Default: 60 s per run, 2 rounds (about 13 minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.audio.virtual_mic: the tests' own microphone, not a copy

from tests.audio.virtual_mic import VirtualMic  # noqa: E402

RATE = 16000
WARMUP_S = 2.0  # the capture settles (PLATFORM.md) before the measurement starts
PERIODS = {"device_period": 200, "forced_4ms_period": 20}  # keep-alive latency, ms
SCENARIOS = ("panel", "qt_floor", "parec")


def cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def wakeups() -> int:
    """Voluntary context switches of all threads: how often the process slept and was woken."""
    total = 0
    for tid in os.listdir("/proc/self/task"):
        try:
            status = Path(f"/proc/self/task/{tid}/status").read_text()
        except OSError:
            continue
        total += int(status.split("voluntary_ctxt_switches:")[1].split()[0])
    return total


# --- children: one scenario each, in a fresh process (Qt connects to the sound server once per process) -------


def child_qt(scenario: str, seconds: float, warmup: float, speech: Path | None, play_latency: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtMultimedia import QAudioSource
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.ui.audio.capture import default_input, pick_format

    app = QApplication([])
    device = default_input()
    if device is None:
        raise SystemExit("no audio input visible to Qt")
    keep: list[Any] = []
    captured_ms: list[int] = [0]  # running total of audio, ms
    if scenario == "panel":
        folder = Path(tempfile.mkdtemp(dir=Path.home(), prefix="capnum-bench-"))  # a real disk for the fsyncs
        panel, store = _start_panel(folder)
        keep += [panel, store]

        def audio_ms() -> int:
            return panel.active.offset_ms if panel.active is not None else captured_ms[0]

        def stop() -> None:
            captured_ms[0] = audio_ms()
            panel.stop()
            store.close()
            shutil.rmtree(folder, ignore_errors=True)
    else:
        fmt = pick_format(device)
        source = QAudioSource(device, fmt)
        source.setBufferSize(fmt.bytesForDuration(1_000_000))
        io = source.start()
        received = [0]

        def read() -> None:
            received[0] += len(io.readAll().data())

        timer = QTimer()
        timer.setInterval(100)
        timer.timeout.connect(read)
        timer.start()
        keep += [source, io, timer]

        def audio_ms() -> int:
            return received[0] * 1000 // fmt.bytesForDuration(1_000_000)

        def stop() -> None:
            read()
            source.stop()

    player = subprocess.Popen(_play_command(speech, play_latency)) if speech else None  # the meter moves
    marks: dict[str, float] = {}

    def begin() -> None:
        marks.update(c0=cpu_seconds(), w0=time.monotonic(), a0=audio_ms(), v0=wakeups())

    def finish() -> None:
        marks.update(c1=cpu_seconds(), w1=time.monotonic(), a1=audio_ms(), v1=wakeups())
        stop()
        app.quit()

    QTimer.singleShot(int(warmup * 1000), begin)
    QTimer.singleShot(int((warmup + seconds) * 1000), finish)
    app.exec()
    if player is not None:
        player.terminate()
        player.wait(5)
    del keep
    wall = marks["w1"] - marks["w0"]
    return {
        "cpu_percent": round(100 * (marks["c1"] - marks["c0"]) / wall, 3),
        "wall_s": round(wall, 2),
        "audio_s": round((marks["a1"] - marks["a0"]) / 1000, 2),
        "wakeups_per_s": round((marks["v1"] - marks["v0"]) / wall),
    }


def _start_panel(folder: Path) -> tuple[Any, Any]:
    from capnum_desktop.services.interviews import ConsentInput, start_interview
    from capnum_desktop.services.participants import create_participant, ensure_interviewer
    from capnum_desktop.services.studies import list_studies, load_embedded_study
    from capnum_desktop.storage.datastore import open_data_store
    from capnum_desktop.ui.audio.recorder_panel import RecorderPanel

    store = open_data_store(folder / "data")
    load_embedded_study(store)
    study = list_studies(store)[0]
    participant = create_participant(store, site_id=study.sites[0].id, profile={"age_range": "25-39"})
    interviewer = ensure_interviewer(store, "Awa Diallo", study.id)
    consent = ConsentInput(participation=True, audio_recording=True, quotation=True, recontact=False)
    interview = start_interview(store, participant_id=participant, interviewer_id=interviewer, consent=consent)
    panel = RecorderPanel(store, None, interview, process_after_stop=False)
    panel.resize(700, 60)
    panel.show()
    panel.start()
    if panel.active is None:
        raise SystemExit(f"the panel did not start recording: {panel.status.text()}")
    return panel, store


def child_parec(seconds: float, warmup: float) -> dict[str, Any]:
    """parec piping 16 kHz mono to this process, drained every 100 ms; both processes' CPU counted."""
    cmd = ["parec", "--device=vmic", f"--rate={RATE}", "--channels=1", "--format=s16le"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, bufsize=0)
    pipe = proc.stdout
    assert pipe is not None
    os.set_blocking(pipe.fileno(), False)
    received = [0]

    def run(duration: float) -> None:
        end = time.monotonic() + duration
        while time.monotonic() < end:
            time.sleep(0.1)
            while chunk := pipe.read(1 << 20):  # None once the pipe is empty (non-blocking)
                received[0] += len(chunk)

    def parec_cpu() -> float:
        fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    run(warmup)
    c0, p0, w0, b0, v0 = cpu_seconds(), parec_cpu(), time.monotonic(), received[0], wakeups()
    run(seconds)
    c1, p1, w1, b1, v1 = cpu_seconds(), parec_cpu(), time.monotonic(), received[0], wakeups()
    proc.terminate()
    proc.wait(5)
    wall = w1 - w0
    return {
        "cpu_percent": round(100 * ((c1 - c0) + (p1 - p0)) / wall, 3),
        "wall_s": round(wall, 2),
        "audio_s": round((b1 - b0) / (2 * RATE), 2),
        "wakeups_per_s": round((v1 - v0) / wall),  # the reader's only
    }


def _play_command(speech: Path | None, latency_ms: int) -> list[str]:
    return VirtualMic().play_command(speech, latency_ms) if speech else ["true"]


# --- parent -------------------------------------------------------------------------------------------------


def speech_file(folder: Path, seconds: float) -> Path:
    from capnum_desktop.audio.synth import assemble, phrase_bank

    path = folder / "speech.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(assemble(phrase_bank(rate=RATE), seconds, rate=RATE, seed=7))
    return path


def run_child(scenario: str, seconds: float, warmup: float, speech: Path, latency_ms: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", scenario, "--seconds", str(seconds), "--warmup", str(warmup)]
    if scenario == "panel":
        cmd += ["--speech", str(speech), "--play-latency", str(latency_ms)]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=seconds + 120)
    if proc.returncode != 0:
        raise RuntimeError(f"{scenario} failed (exit {proc.returncode}): {proc.stderr[-1500:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    cpu = [run["cpu_percent"] for run in runs]
    return {
        "cpu_percent_median": round(statistics.median(cpu), 2),
        "cpu_percent_runs": cpu,
        "audio_vs_wall_min": round(min(run["audio_s"] / run["wall_s"] for run in runs), 3),
        "wakeups_per_s": round(statistics.median(run["wakeups_per_s"] for run in runs)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=float, default=60.0, help="measured seconds per run")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", choices=SCENARIOS, help=argparse.SUPPRESS)
    parser.add_argument("--speech", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--play-latency", type=int, default=200, help=argparse.SUPPRESS)
    parser.add_argument("--warmup", type=float, default=WARMUP_S, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.child == "parec":
            result = child_parec(args.seconds, args.warmup)
        else:
            result = child_qt(args.child, args.seconds, args.warmup, args.speech, args.play_latency)
        print(json.dumps(result))
        return
    seconds, warmup = (2.0, 1.0) if args.quick else (args.seconds, WARMUP_S)
    rounds = 1 if args.quick else args.rounds
    periods = {"device_period": PERIODS["device_period"]} if args.quick else PERIODS
    scenarios = ("panel",) if args.quick else SCENARIOS
    mic = VirtualMic()
    if not mic.start():
        print(json.dumps({"skipped": mic.skip_reason}))
        return
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {p: {s: [] for s in scenarios} for p in periods}
    load_before = os.getloadavg()[0]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            speech = speech_file(Path(tmp), seconds + warmup + 10)
            for _ in range(rounds):
                for period, latency in periods.items():
                    mic.set_keepalive_latency(latency)
                    time.sleep(0.5)
                    for scenario in scenarios:
                        runs[period][scenario].append(run_child(scenario, seconds, warmup, speech, latency))
    finally:
        mic.stop()
    result: dict[str, Any] = {
        "seconds_per_run": seconds,
        "rounds": rounds,
        "format": f"{RATE} Hz mono int16",
        "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    for period, by_scenario in runs.items():
        result[period] = {scenario: summarise(items) for scenario, items in by_scenario.items()}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
