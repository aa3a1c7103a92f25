"""Cheap measurements on interleaved little-endian PCM (levels for the meter, silence checks).

`audioop` is C code (stdlib up to 3.12, `audioop-lts` after): a peak over 100 ms of 16 kHz audio costs a few
microseconds, which keeps the level meter out of the recording's CPU budget.
"""

from __future__ import annotations

import math
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop


def peak(pcm: bytes, sample_width: int = 2) -> float:
    """Peak absolute level, 0.0 (silence) .. 1.0 (full scale)."""
    if not pcm:
        return 0.0
    usable = len(pcm) - len(pcm) % sample_width
    return audioop.max(pcm[:usable], sample_width) / float(1 << (8 * sample_width - 1))


def rms(pcm: bytes, sample_width: int = 2) -> float:
    if not pcm:
        return 0.0
    usable = len(pcm) - len(pcm) % sample_width
    return audioop.rms(pcm[:usable], sample_width) / float(1 << (8 * sample_width - 1))


def to_dbfs(level: float) -> float:
    """Level 0..1 to dBFS, floored at -90."""
    return 20 * math.log10(level) if level > 10 ** (-90 / 20) else -90.0


def resample_mono16(pcm: bytes, channels: int, rate_in: int, rate_out: int) -> bytes:
    """Interleaved int16 to mono int16 at `rate_out` (used for demo speech, never on the recording path)."""
    if channels == 2:
        pcm = audioop.tomono(pcm, 2, 0.5, 0.5)
    elif channels != 1:
        raise ValueError("only mono or stereo input")
    if rate_in != rate_out:
        pcm, _state = audioop.ratecv(pcm, 2, 1, rate_in, rate_out, None)
    return pcm
