"""Speech for demos, tests and benchmarks: espeak-ng utterances when the binary exists, else a speech-like signal.

Both give a small bank of phrases (mono int16 at the requested rate) that `assemble()` strings together with
pauses to any length, so an hour of "speech" costs a handful of synthesiser calls.
"""

from __future__ import annotations

import math
import random
import shutil
import subprocess
import tempfile
import wave
from array import array
from pathlib import Path

from capnum_desktop.audio.pcm import resample_mono16

DEFAULT_PHRASES = (
    "Bonjour, je m’appelle Awa, j’habite le quartier depuis douze ans.",
    "Le téléphone, c’est surtout pour appeler la famille au pays.",
    "Pour la CAF, c’est ma fille qui remplit le dossier sur internet.",
    "Quand il n’y a plus de forfait, je vais à la médiathèque pour le wifi.",
    "J’ai appris toute seule, avec des tutos sur YouTube.",
    "Les arnaques par SMS, j’en reçois presque tous les jours.",
)


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def espeak_pcm(text: str, *, rate: int, voice: str = "fr", speed: int = 150) -> bytes:
    """One utterance as mono int16 at `rate`."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "speech.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(out), text],
            check=True,
            capture_output=True,
            timeout=60,
        )
        with wave.open(str(out), "rb") as wav:
            if wav.getsampwidth() != 2:
                raise OSError("espeak-ng produced an unexpected sample width")
            pcm = wav.readframes(wav.getnframes())
            return resample_mono16(pcm, wav.getnchannels(), wav.getframerate(), rate)


def speechlike_pcm(seconds: float, *, rate: int, seed: int) -> bytes:
    """A voiced, syllable-modulated harmonic signal with a wandering pitch: speech-like spectrum and rhythm."""
    rng = random.Random(seed)
    n = int(seconds * rate)
    samples = array("h", bytes(2 * n))
    phase = 0.0
    pitch = rng.uniform(110, 210)
    syllable = rng.uniform(3.5, 5.5)  # syllables per second
    for i in range(n):
        t = i / rate
        f0 = pitch * (1 + 0.08 * math.sin(2 * math.pi * 0.7 * t))
        phase += 2 * math.pi * f0 / rate
        envelope = max(0.0, math.sin(math.pi * syllable * t)) ** 0.6
        voiced = math.sin(phase) + 0.5 * math.sin(2 * phase) + 0.3 * math.sin(3 * phase) + 0.15 * math.sin(5 * phase)
        samples[i] = int(7000 * envelope * voiced)
    return samples.tobytes()


def phrase_bank(*, rate: int, seed: int = 1, phrases: tuple[str, ...] = DEFAULT_PHRASES) -> list[bytes]:
    if espeak_available():
        try:
            return [espeak_pcm(text, rate=rate) for text in phrases]
        except (OSError, subprocess.SubprocessError):
            pass  # a broken espeak install: fall back to the synthetic voice
    rng = random.Random(seed)
    return [speechlike_pcm(rng.uniform(1.5, 3.5), rate=rate, seed=seed * 100 + k) for k in range(len(phrases))]


def assemble(bank: list[bytes], seconds: float, *, rate: int, seed: int) -> bytes:
    """Phrases from the bank in a seeded order, separated by 0.3-1.2 s pauses, cut to exactly `seconds`."""
    rng = random.Random(seed)
    target = int(seconds * rate) * 2
    out = bytearray()
    while len(out) < target:
        out += rng.choice(bank)
        out += bytes(2 * int(rng.uniform(0.3, 1.2) * rate))
    return bytes(out[:target])
