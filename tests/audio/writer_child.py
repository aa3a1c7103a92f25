"""Child process for the SIGKILL test: records synthetic speech in real time, prints how much it handed over."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from capnum_desktop.audio.synth import speechlike_pcm
from capnum_desktop.audio.writer import WavWriter

RATE = 16000
CHUNK_MS = 100


def main(path: str) -> None:
    writer = WavWriter(Path(path), sample_rate=RATE)
    tone = speechlike_pcm(2.0, rate=RATE, seed=7)
    handed = 0
    chunk = RATE * 2 * CHUNK_MS // 1000
    start = time.monotonic()
    while True:
        block = tone[(handed * chunk) % len(tone) :][:chunk].ljust(chunk, b"\0")
        writer.write(block)
        handed += 1
        print(handed * CHUNK_MS, flush=True)  # ms of audio the "microphone" delivered so far
        time.sleep(max(0.0, start + handed * CHUNK_MS / 1000 - time.monotonic()))


if __name__ == "__main__":
    main(sys.argv[1])
