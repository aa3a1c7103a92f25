"""Audio test fixtures: interviews with/without audio consent, speech WAVs, and a virtual PulseAudio microphone.

The microphone daemon is started from `pytest_configure` (run when this conftest is imported, i.e. during
collection, before any test runs) rather than lazily in a fixture: Qt Multimedia connects to the sound server
once, the first time any test in the process touches QMediaDevices/QMediaPlayer, and a server started after
that would never be seen. Everything started here is stopped by PID in `pytest_unconfigure`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from capnum_desktop.services.interviews import ConsentInput, start_interview
from capnum_desktop.services.participants import create_participant, ensure_interviewer
from capnum_desktop.services.studies import list_studies
from capnum_desktop.storage.datastore import DataStore


@dataclass
class VirtualMic:
    runtime_dir: Path | None = None
    daemon_pid: int | None = None
    keepalive: subprocess.Popen[bytes] | None = None
    skip_reason: str | None = None

    def play(self, wav: Path) -> None:
        """'Speak into the microphone': play a file into the null sink that the virtual mic listens to."""
        subprocess.run(["paplay", "--latency-msec=20", "--device=vsink", str(wav)], check=True, timeout=60)

    def pactl(self, *args: str) -> str:
        return subprocess.run(["pactl", *args], check=True, capture_output=True, text=True, timeout=10).stdout


_MIC = VirtualMic()


def _start_virtual_mic() -> None:
    for tool in ("pulseaudio", "pactl", "pacat", "paplay"):
        if shutil.which(tool) is None:
            _MIC.skip_reason = f"PulseAudio cannot start: `{tool}` is not installed (apt: pulseaudio pulseaudio-utils)"
            return
    runtime = Path(tempfile.mkdtemp(prefix="capnum-pulse-"))
    runtime.chmod(0o700)
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    os.environ.pop("PULSE_SERVER", None)
    _MIC.runtime_dir = runtime
    started = subprocess.run(
        [
            "pulseaudio",
            "--daemonize=yes",
            "--exit-idle-time=-1",
            "-n",
            "--load=module-native-protocol-unix",
            "--load=module-null-sink sink_name=vsink",
            "--load=module-remap-source master=vsink.monitor source_name=vmic",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    pid_file = runtime / "pulse" / "pid"
    if started.returncode != 0 or not pid_file.exists():
        detail = (started.stderr or "").strip().splitlines()[-1:] or ["no message"]
        _MIC.skip_reason = f"PulseAudio cannot start here (exit {started.returncode}): {detail[0]}"
        return
    _MIC.daemon_pid = int(pid_file.read_text().strip())
    subprocess.run(["pactl", "set-default-source", "vmic"], check=False, timeout=10)
    # Without a stream playing, the null sink delivers audio in ~2 s bursts: keep one silent stream alive.
    _MIC.keepalive = subprocess.Popen(
        ["pacat", "--playback", "--latency-msec=20", "--device=vsink", "/dev/zero"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def pytest_configure(config: pytest.Config) -> None:
    _start_virtual_mic()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _MIC.keepalive is not None:
        _MIC.keepalive.terminate()
        _MIC.keepalive.wait(5)
    if _MIC.daemon_pid is not None:
        try:
            os.kill(_MIC.daemon_pid, signal.SIGTERM)
            for _ in range(50):
                os.kill(_MIC.daemon_pid, 0)
                time.sleep(0.05)
        except ProcessLookupError:
            pass
    if _MIC.runtime_dir is not None:
        shutil.rmtree(_MIC.runtime_dir, ignore_errors=True)


@pytest.fixture
def virtual_mic() -> VirtualMic:
    if _MIC.skip_reason:
        pytest.skip(_MIC.skip_reason)
    return _MIC


# --- interviews -------------------------------------------------------------------------------------------------

StartInterview = Callable[..., str]


@pytest.fixture
def make_interview(demo_store: DataStore) -> StartInterview:
    def start(*, audio: bool = True) -> str:
        study = list_studies(demo_store)[0]
        participant = create_participant(demo_store, site_id=study.sites[0].id, profile={"age_range": "25-39"})
        interviewer = ensure_interviewer(demo_store, "Awa Diallo", study.id)
        consent = ConsentInput(participation=True, audio_recording=audio, quotation=True, recontact=False)
        return start_interview(demo_store, participant_id=participant, interviewer_id=interviewer, consent=consent)

    return start


@pytest.fixture
def interview_id(make_interview: StartInterview) -> str:
    return make_interview(audio=True)


# --- sound ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def speech_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 4 s of French speech (espeak-ng), 16 kHz mono; synthetic speech-like sound where espeak-ng is absent."""
    from capnum_desktop.audio.synth import espeak_available, espeak_pcm, speechlike_pcm

    text = "Bonjour. Pour la CAF, c'est ma fille qui remplit le dossier sur internet, le soir après l'école."
    pcm = espeak_pcm(text, rate=16000, speed=175) if espeak_available() else speechlike_pcm(4.0, rate=16000, seed=3)
    path = tmp_path_factory.mktemp("speech") / "speech.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(pcm)
    return path
