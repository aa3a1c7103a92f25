"""Measuring test audio: where the speech starts and ends in a recording."""

from __future__ import annotations

from pathlib import Path

from capnum_desktop.audio.ffmpeg import decode_pcm
from capnum_desktop.audio.pcm import rms

RATE = 16000
WINDOW_MS = 20


def decode(path: Path) -> bytes:
    return b"".join(decode_pcm(path, rate=RATE))


def speech_span_ms(pcm: bytes, threshold: float = 0.01) -> tuple[int, int]:
    """(first, last) ms of the windows louder than `threshold` RMS (-40 dBFS)."""
    step = RATE * 2 * WINDOW_MS // 1000
    loud = [k for k in range(len(pcm) // step) if rms(pcm[k * step : (k + 1) * step]) > threshold]
    if not loud:
        return (0, 0)
    return loud[0] * WINDOW_MS, (loud[-1] + 1) * WINDOW_MS
