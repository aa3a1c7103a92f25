"""Transcode throughput: our post-processing encode (progress parsing, temp + fsync + rename) against the very
same ffmpeg command run alone; the decode check's cost; Opus size per hour of speech. Prints one JSON object.
`--quick`: 1 minute of audio. Default: 20 minutes (speech from espeak-ng, or the synthetic voice).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from capnum_desktop.audio.ffmpeg import ffmpeg_exe
from capnum_desktop.audio.synth import assemble, espeak_available, phrase_bank
from capnum_desktop.audio.transcode import encode_opus, opus_args, verify_duration
from capnum_desktop.audio.writer import WavWriter

RATE = 16000


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU of child processes) of one call; CPU is the fairer figure on a loaded machine."""
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    fn()
    wall = time.perf_counter() - start
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)


def interleaved(runs: int, a: Callable[[], object], b: Callable[[], object]) -> tuple[tuple[float, float], ...]:
    """Alternate a and b (so both see the same machine load); best wall and best CPU of each."""
    ra, rb = [], []
    for _ in range(runs):
        ra.append(timed(a))
        rb.append(timed(b))
    return (min(w for w, _ in ra), min(c for _, c in ra)), (min(w for w, _ in rb), min(c for _, c in rb))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    minutes = 1 if args.quick else 20
    runs = 1 if args.quick else 3
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        folder = Path(tmp)
        wav = folder / "source.wav"
        writer = WavWriter(wav, sample_rate=RATE, background=False, flush_interval=60)
        writer.write(assemble(phrase_bank(rate=RATE), minutes * 60, rate=RATE, seed=2))
        info = writer.close()
        ours_out, alone_out = folder / "ours.opus", folder / "alone.opus"
        calls: list[int] = []
        cmd = [ffmpeg_exe(), "-nostdin", "-hide_banner", "-loglevel", "error", *opus_args(wav, alone_out)]
        (ours, ours_cpu), (alone, alone_cpu) = interleaved(
            runs,
            lambda: encode_opus(wav, ours_out, total_ms=info.duration_ms, progress=lambda d, t: calls.append(d)),
            lambda: subprocess.run(cmd, check=True),
        )
        verify, _cpu = timed(lambda: verify_duration(ours_out, info.duration_ms))
        size = ours_out.stat().st_size
    audio_s = info.duration_ms / 1000
    print(
        json.dumps(
            {
                "audio_minutes": minutes,
                "speech": "espeak-ng" if espeak_available() else "synthetic",
                "ffmpeg_alone_s": round(alone, 3),
                "ours_encode_s": round(ours, 3),
                "throughput_vs_ffmpeg_alone_percent": round(100 * alone / ours, 1),
                "ffmpeg_alone_cpu_s": round(alone_cpu, 3),
                "ours_encode_cpu_s": round(ours_cpu, 3),
                "cpu_throughput_vs_alone_percent": round(100 * alone_cpu / ours_cpu, 1),
                "encode_x_realtime": round(audio_s / ours, 1),
                "decode_check_s": round(verify, 3),
                "opus_mb_per_hour": round(size / 1e6 * 3600 / audio_s, 2),
                "wav_mb_per_hour": round(info.data_bytes / 1e6 * 3600 / audio_s, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
