"""The kill soak's microphone: the virtual PulseAudio microphone of tests/audio/virtual_mic.py, speaking French.

The daemon is kept out of this process's environment (`export_env=False`): the GUI children get `env()`, so it
never meets the one tests/audio starts in the same pytest process. A minute of synthetic French speech plays into
it in a loop until `stop()`.
"""

from __future__ import annotations

import wave
from pathlib import Path

from tests.audio.virtual_mic import VirtualMic as PulseMic

SPEECH_SECONDS = 60.0
RATE = 16000


class MicUnavailable(RuntimeError):
    """PulseAudio cannot run here; the message says why (the CI test skips with it)."""


class VirtualMic:
    def __init__(self) -> None:
        self._mic = PulseMic()

    def env(self) -> dict[str, str]:
        """Environment for a process that must use this daemon (and only this one)."""
        return self._mic.env()

    def start(self) -> None:
        if not self._mic.start(export_env=False):
            raise MicUnavailable(self._mic.skip_reason or "PulseAudio cannot start here")
        assert self._mic.runtime_dir is not None
        self._mic.speak_forever(self._speech_file(self._mic.runtime_dir / "speech.wav"))

    def stop(self) -> None:
        self._mic.stop()

    @staticmethod
    def _speech_file(path: Path) -> Path:
        from capnum_desktop.audio.synth import assemble, phrase_bank

        pcm = assemble(phrase_bank(rate=RATE, seed=5), SPEECH_SECONDS, rate=RATE, seed=5)
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(pcm)
        return path
