"""QtAudioCapture on the virtual microphone: the format and ring buffer it asks for, and no audio dropped."""

from __future__ import annotations

import math
import subprocess
import wave
from array import array
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from capnum_desktop.audio.writer import WavWriter
from capnum_desktop.ui.audio.capture import BUFFER_US, QtAudioCapture, default_input
from tests.audio.sound import decode, speech_span_ms
from tests.audio.virtual_mic import VirtualMic

TONE_S = 6.0


class ListSink:
    def __init__(self) -> None:
        self.blocks: list[bytes] = []

    def write(self, pcm: bytes) -> None:
        self.blocks.append(pcm)


def _tone(path: Path, seconds: float, rate: int = 16000) -> Path:
    """A continuous 440 Hz tone (-10 dBFS): unlike speech, any dropped stretch shortens it."""
    samples = array("h", (int(10000 * math.sin(2 * math.pi * 440 * k / rate)) for k in range(int(seconds * rate))))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


def test_capture_asks_for_16khz_mono_and_a_one_second_ring_buffer(qtbot: QtBot, virtual_mic: VirtualMic) -> None:
    device = default_input()
    assert device is not None
    capture = QtAudioCapture(device)
    sink = ListSink()
    capture.start(sink)
    try:
        assert (capture.sample_rate, capture.channels) == (16000, 1)
        # 1 s of slack for a busy GUI thread: the ring buffer Qt really allocated, not only what was asked
        assert capture.buffer_bytes == capture.format.bytesForDuration(BUFFER_US) == 32000
        qtbot.waitUntil(lambda: sum(map(len, sink.blocks)) >= 3200, timeout=5000)
    finally:
        capture.stop()
    assert not capture.running and capture.buffer_bytes == 0


@pytest.mark.slow
def test_a_continuous_sound_is_recorded_whole(qtbot: QtBot, virtual_mic: VirtualMic, tmp_path: Path) -> None:
    """6 s of tone through QtAudioCapture and the real WavWriter, the microphone handing audio over every ~4 ms
    (the most wake-ups): the recorded tone lasts 6 s within 0.3 s, nothing dropped between Qt and the file."""
    tone = _tone(tmp_path / "tone.wav", TONE_S)
    device = default_input()
    assert device is not None
    capture = QtAudioCapture(device)
    writer = WavWriter(tmp_path / "rec.wav", sample_rate=capture.sample_rate, channels=capture.channels)
    capture.start(writer)
    try:
        qtbot.waitUntil(lambda: writer.duration_ms >= 500, timeout=10_000)
        player = subprocess.Popen(virtual_mic.play_command(tone))  # the event loop keeps running meanwhile
        qtbot.waitUntil(lambda: player.poll() is not None, timeout=30_000)
        qtbot.wait(700)
    finally:
        capture.stop()
        info = writer.close()
    start, end = speech_span_ms(decode(tmp_path / "rec.wav"))
    assert abs((end - start) - TONE_S * 1000) <= 300, (start, end)
    assert start >= 400 and info.duration_ms >= end
