"""The crash-safe WAV writer: valid header at every flush, SIGKILL loses at most ~1 s, full disk stops cleanly."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

from capnum_desktop.audio.errors import DiskFullError, RecordingError
from capnum_desktop.audio.synth import speechlike_pcm
from capnum_desktop.audio.transcode import decoded_duration_ms
from capnum_desktop.audio.wavfile import HEADER_SIZE, read_wav_info, repair_wav
from capnum_desktop.audio.writer import MB, DiskThresholds, WavWriter

RATE = 16000
SECOND = RATE * 2


def _wave_frames(path: Path) -> int:
    with wave.open(str(path), "rb") as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (RATE, 1, 2)
        return wav.getnframes()


def test_header_matches_the_data_after_every_flush(tmp_path: Path) -> None:
    path = tmp_path / "r.wav"
    writer = WavWriter(path, sample_rate=RATE, background=False, flush_interval=1.0)
    assert read_wav_info(path).data_bytes == 0  # playable (empty) from the first instant
    pcm = speechlike_pcm(3.0, rate=RATE, seed=1)
    for k in range(3):
        writer.write(pcm[k * SECOND : (k + 1) * SECOND])
        # a copy taken now (what a crash would leave) is a complete WAV with everything flushed so far
        assert read_wav_info(path).data_bytes == path.stat().st_size - HEADER_SIZE == (k + 1) * SECOND
        assert _wave_frames(path) == (k + 1) * RATE
    info = writer.close()
    assert info.duration_ms == 3000
    assert path.read_bytes()[HEADER_SIZE:] == pcm  # bit-exact


def test_background_flush_makes_data_durable_without_more_writes(tmp_path: Path) -> None:
    path = tmp_path / "r.wav"
    writer = WavWriter(path, sample_rate=RATE, flush_interval=0.1)
    writer.write(bytes(SECOND // 2))
    deadline = time.monotonic() + 5
    while read_wav_info(path).data_bytes < SECOND // 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert read_wav_info(path).data_bytes == SECOND // 2
    assert writer.duration_ms == 500
    writer.close()


def test_repair_fixes_a_stale_header_and_a_torn_frame(tmp_path: Path) -> None:
    path = tmp_path / "r.wav"
    writer = WavWriter(path, sample_rate=RATE, background=False)
    writer.write(bytes(SECOND))
    writer.close()
    with path.open("ab") as handle:  # what a kill between the data write and the header update leaves
        handle.write(b"\x01\x02" * RATE + b"\x03")  # one more second and half a sample
    assert read_wav_info(path).data_bytes == SECOND
    result = repair_wav(path)
    assert result.repaired and result.dropped_bytes == 1
    assert result.info.duration_ms == 2000
    assert _wave_frames(path) == 2 * RATE
    assert not repair_wav(path).repaired  # idempotent


@pytest.mark.slow
def test_sigkill_mid_recording_loses_at_most_about_a_second(tmp_path: Path) -> None:
    path = tmp_path / "killed.wav"
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("writer_child.py")), str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    assert child.stdout is not None
    handed_ms = 0
    for line in child.stdout:
        handed_ms = int(line)
        if handed_ms >= 3500:
            break
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    assert child.returncode == -signal.SIGKILL

    repair_wav(path)
    decoded = decoded_duration_ms(path)  # a real decode by ffmpeg, not the header's claim
    assert handed_ms - 1200 <= decoded <= handed_ms + 100, (handed_ms, decoded)
    assert _wave_frames(path) * 1000 // RATE == decoded


def _failing_write(after_bytes: int) -> object:
    written = {"n": 0}

    def write(fd: int, data: bytes) -> int:
        if written["n"] + len(data) > after_bytes:
            room = max(0, after_bytes - written["n"])
            if room:  # a short write first, as a filling disk does
                written["n"] += os.write(fd, bytes(data[:room]))
                return room
            raise OSError(errno.ENOSPC, "No space left on device")
        written["n"] += len(data)
        return os.write(fd, data)

    return write


def test_enospc_during_a_write_keeps_a_valid_file_of_what_was_flushed(tmp_path: Path) -> None:
    path = tmp_path / "r.wav"
    limit = HEADER_SIZE + 2 * SECOND + 1000  # the disk fills during the third second
    writer = WavWriter(path, sample_rate=RATE, background=False, os_write=_failing_write(limit))  # type: ignore[arg-type]
    writer.write(bytes(SECOND))
    writer.write(bytes(SECOND))
    with pytest.raises(DiskFullError, match="disk is full"):
        writer.write(bytes(SECOND))
    with pytest.raises(DiskFullError):
        writer.write(bytes(100))  # refused from now on
    assert writer.close().duration_ms == 2000  # close never raises: the file is complete
    assert path.stat().st_size == HEADER_SIZE + 2 * SECOND  # the torn third second was cut off
    assert _wave_frames(path) == 2 * RATE
    assert decoded_duration_ms(path) == 2000


def test_other_write_errors_stop_the_recording_too(tmp_path: Path) -> None:
    def broken(fd: int, data: bytes) -> int:
        raise OSError(errno.EIO, "Input/output error")

    path = tmp_path / "r.wav"
    writer = WavWriter(path, sample_rate=RATE, background=False)
    writer.write(bytes(SECOND))
    writer._os_write = broken  # the USB disk goes away
    with pytest.raises(RecordingError, match="Input/output error"):
        writer.write(bytes(SECOND))
    assert writer.close().duration_ms == 1000
    assert _wave_frames(path) == RATE


def test_low_disk_warns_then_stops_before_the_disk_is_exhausted(tmp_path: Path) -> None:
    free = {"bytes": 700 * MB}
    path = tmp_path / "r.wav"
    writer = WavWriter(path, sample_rate=RATE, background=False, free_space=lambda _p: free["bytes"])
    writer.write(bytes(SECOND))
    assert not writer.low_disk
    free["bytes"] = 400 * MB
    writer.write(bytes(SECOND))
    assert writer.low_disk and writer.failure is None
    free["bytes"] = 49 * MB
    with pytest.raises(DiskFullError, match="MB left"):
        writer.write(bytes(SECOND))
    assert writer.close().duration_ms == 3000  # the last second still fitted and was kept
    assert _wave_frames(path) == 3 * RATE


def test_a_really_full_disk_stops_at_the_threshold_with_a_valid_file(small_disk: Path) -> None:
    path = small_disk / "r.wav"
    writer = WavWriter(path, sample_rate=RATE, background=False, thresholds=DiskThresholds(2 * MB, 1 * MB))
    written = 0
    with pytest.raises(DiskFullError, match="MB left"):
        for _ in range(200):
            writer.write(bytes(SECOND))
            written += 1
    info = writer.close()
    assert 30 <= info.duration_ms // 1000 <= written + 1  # ~2 MB of a 3 MB disk used, then stopped
    assert os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize >= MB - SECOND
    assert _wave_frames(path) * 1000 // RATE == info.duration_ms
    assert decoded_duration_ms(path) == info.duration_ms


def test_a_really_full_disk_without_threshold_hits_enospc_and_keeps_a_valid_file(small_disk: Path) -> None:
    (small_disk / "filler").write_bytes(bytes(2 * MB))  # another program ate most of the disk
    path = small_disk / "r.wav"
    writer = WavWriter(path, sample_rate=RATE, background=False, thresholds=DiskThresholds(0, -(10**9)))
    with pytest.raises(DiskFullError, match="disk is full"):
        for _ in range(200):
            writer.write(bytes(SECOND))
    info = writer.close()
    assert info.duration_ms > 10_000
    assert path.stat().st_size == HEADER_SIZE + info.data_bytes
    assert decoded_duration_ms(path) == info.duration_ms
