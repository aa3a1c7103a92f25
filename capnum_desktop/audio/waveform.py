"""Peak envelope of a recording for the player's position bar (a waveform, in `buckets` columns)."""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path

from capnum_desktop.audio.ffmpeg import decode_pcm
from capnum_desktop.audio.pcm import peak

ENVELOPE_RATE = 2000  # Hz: enough for a speech envelope, 1/8 of the data of a 16 kHz decode


def compute_peaks(
    path: Path, *, duration_ms: int, buckets: int = 1200, progress: Callable[[int, int], None] | None = None
) -> list[float]:
    """Max level (0..1) per column; works on WAV (read directly) and anything ffmpeg decodes."""
    if buckets < 1 or duration_ms <= 0:
        return []
    if path.suffix.lower() == ".wav":
        with wave.open(str(path), "rb") as wav:
            width = wav.getsampwidth()
            frames = wav.getnframes()
            per = max(1, frames // buckets)
            peaks = []
            for k in range(min(buckets, max(1, frames // per))):
                peaks.append(peak(wav.readframes(per), width))
                if progress and k % 100 == 0:
                    progress(k, buckets)
            return peaks
    total_bytes = duration_ms * ENVELOPE_RATE // 1000 * 2
    per_bytes = max(2, (total_bytes // buckets) & ~1)
    peaks, pending, done = [], bytearray(), 0
    for block in decode_pcm(path, rate=ENVELOPE_RATE):
        pending += block
        while len(pending) >= per_bytes and len(peaks) < buckets:
            peaks.append(peak(bytes(pending[:per_bytes])))
            del pending[:per_bytes]
        done += len(block)
        if progress:
            progress(min(done, total_bytes), total_bytes)
    if pending and len(peaks) < buckets:
        peaks.append(peak(bytes(pending)))
    return peaks
