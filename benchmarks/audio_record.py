"""Recording cost: CPU per second of audio and memory over a long simulated recording.

Feeds synthetic speech in 100 ms blocks (what QAudioSource delivers) through the real path: level peak per
block (the meter), ActiveRecording.write -> WavWriter, flush + header update + fsync every second of audio.
CPU fraction of one core = CPU seconds spent / seconds of audio recorded (what it costs in real time).
Memory: RSS sampled every 10 simulated minutes must stay flat. Prints one JSON object.
`--quick`: 2 simulated minutes (smoke test). Default: 2 hours.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from capnum_desktop.audio.pcm import peak
from capnum_desktop.audio.synth import speechlike_pcm
from capnum_desktop.audio.writer import WavWriter

RATE = 16000
BLOCK = RATE * 2 // 10  # 100 ms


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    minutes = 2 if args.quick else 120
    voice = speechlike_pcm(10.0, rate=RATE, seed=1)
    blocks = [voice[i : i + BLOCK] for i in range(0, len(voice), BLOCK)]
    samples: list[float] = []
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        writer = WavWriter(Path(tmp) / "long.wav", sample_rate=RATE, background=False, flush_interval=1.0)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        n_blocks = minutes * 600
        for k in range(n_blocks):
            block = blocks[k % len(blocks)]
            peak(block)
            writer.write(block)
            if k % 6000 == 0:
                samples.append(round(rss_mb(), 1))
        info = writer.close()
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        samples.append(round(rss_mb(), 1))
    audio_s = info.duration_ms / 1000
    print(
        json.dumps(
            {
                "simulated_minutes": minutes,
                "cpu_seconds": round(cpu, 2),
                "wall_seconds_incl_fsync": round(wall, 2),
                "cpu_percent_of_one_core_realtime": round(100 * cpu / audio_s, 3),
                "fsyncs": int(audio_s),
                "rss_mb_every_10_min": samples,
                "rss_growth_mb": round(samples[-1] - samples[1], 1) if len(samples) > 2 else 0.0,
                "wav_mb_per_hour": round(info.data_bytes / 1e6 * 60 / minutes, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
