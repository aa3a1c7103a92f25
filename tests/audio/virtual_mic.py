"""A virtual PulseAudio microphone for the audio tests and `benchmarks/audio_capture.py` (PLATFORM.md).

A private PulseAudio daemon (user mode, its own XDG_RUNTIME_DIR) with a null sink `vsink` and a remap source
`vmic` over its monitor (Qt hides `*.monitor` sources); playing a file into `vsink` is speaking into `vmic`.
Without a stream playing, the null sink delivers audio in ~2 s bursts, so a silent keep-alive stream plays.
The keep-alive's latency sets the null sink's period, hence how often `vmic` hands audio to a recorder: 20 ms
(the tests' default) makes it ~4 ms (~250 wake-ups a second); 200 ms lets the recorder's own request govern,
as with a real microphone. `benchmarks/audio_capture.py` measures both.

Start it before Qt Multimedia first touches the sound server (Qt connects once per process). By default it points
this process at the daemon (XDG_RUNTIME_DIR); with `export_env=False` it leaves `os.environ` alone and child
processes get `env()` (the kill soak's GUI children). Everything started here is stopped by PID in `stop()`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

TOOLS = ("pulseaudio", "pactl", "pacat", "paplay")
KEEPALIVE_LATENCY_MS = 20


@dataclass
class VirtualMic:
    runtime_dir: Path | None = None
    daemon_pid: int | None = None
    keepalive: subprocess.Popen[bytes] | None = None
    skip_reason: str | None = None
    players: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        """Environment for a process that must use this daemon (and only this one)."""
        env = {k: v for k, v in os.environ.items() if k != "PULSE_SERVER"}
        if self.runtime_dir is not None:
            env["XDG_RUNTIME_DIR"] = str(self.runtime_dir)
            env["PULSE_SERVER"] = f"unix:{self.runtime_dir / 'pulse' / 'native'}"
        return env

    def start(self, keepalive_latency_ms: int = KEEPALIVE_LATENCY_MS, *, export_env: bool = True) -> bool:
        """Start the daemon (and, with `export_env`, point this process at it); False with `skip_reason` if not."""
        for tool in TOOLS:
            if shutil.which(tool) is None:
                self.skip_reason = (
                    f"PulseAudio cannot start: `{tool}` is not installed (apt: pulseaudio pulseaudio-utils)"
                )
                return False
        runtime = Path(tempfile.mkdtemp(prefix="capnum-pulse-"))
        runtime.chmod(0o700)  # PulseAudio refuses a runtime folder others can read
        if export_env:
            os.environ["XDG_RUNTIME_DIR"] = str(runtime)
            os.environ.pop("PULSE_SERVER", None)
        self.runtime_dir = runtime
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
            env={k: v for k, v in self.env().items() if k != "PULSE_SERVER"},
        )
        pid_file = runtime / "pulse" / "pid"
        if started.returncode != 0 or not pid_file.exists():
            detail = (started.stderr or "").strip().splitlines()[-1:] or ["no message"]
            self.skip_reason = f"PulseAudio cannot start here (exit {started.returncode}): {detail[0]}"
            return False
        self.daemon_pid = int(pid_file.read_text().strip())
        subprocess.run(["pactl", "set-default-source", "vmic"], check=False, timeout=10, env=self.env())
        self.set_keepalive_latency(keepalive_latency_ms)
        return True

    def set_keepalive_latency(self, latency_ms: int) -> None:
        """(Re)start the silent keep-alive stream with this latency (see the module docstring)."""
        self._stop_keepalive()
        self.keepalive = subprocess.Popen(
            ["pacat", "--playback", f"--latency-msec={latency_ms}", "--device=vsink", "/dev/zero"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=self.env(),
        )

    def play(self, wav: Path, latency_ms: int = 20) -> None:
        """'Speak into the microphone': play a file into the null sink that the virtual mic listens to."""
        subprocess.run(self.play_command(wav, latency_ms), check=True, timeout=60, env=self.env())

    def speak_forever(self, wav: Path, latency_ms: int = 20) -> None:
        """Play `wav` into the microphone in a loop until `stop()` (a shell loop in its own process group)."""
        loop = f'while :; do paplay --latency-msec={latency_ms} --device=vsink "{wav}" || exit 1; done'
        self.players.append(
            subprocess.Popen(
                ["sh", "-c", loop],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=self.env(),
                start_new_session=True,
            )
        )

    def play_command(self, wav: Path, latency_ms: int = 20) -> list[str]:
        return ["paplay", f"--latency-msec={latency_ms}", "--device=vsink", str(wav)]

    def pactl(self, *args: str) -> str:
        done = subprocess.run(["pactl", *args], check=True, capture_output=True, text=True, timeout=10, env=self.env())
        return done.stdout

    def stop(self) -> None:
        for player in self.players:
            with contextlib.suppress(ProcessLookupError):  # the group its Popen created (start_new_session)
                os.killpg(player.pid, signal.SIGTERM)
            player.wait(10)
        self.players.clear()
        self._stop_keepalive()
        if self.daemon_pid is not None:
            try:
                os.kill(self.daemon_pid, signal.SIGTERM)
                for _ in range(50):
                    os.kill(self.daemon_pid, 0)
                    time.sleep(0.05)
            except ProcessLookupError:
                pass
            self.daemon_pid = None
        if self.runtime_dir is not None:
            shutil.rmtree(self.runtime_dir, ignore_errors=True)
            self.runtime_dir = None

    def _stop_keepalive(self) -> None:
        if self.keepalive is not None:
            self.keepalive.terminate()
            self.keepalive.wait(5)
            self.keepalive = None
