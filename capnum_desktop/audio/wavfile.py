"""The 44-byte canonical PCM WAV header: build it, read it back, and repair it from the file's real length.

A recording is written as one canonical header followed by raw little-endian PCM. The sizes in the header are
rewritten after every flush, so a killed process leaves a header that is at most one flush behind the data;
`repair_wav` makes them agree with what is on disk (dropping a torn last frame).
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

from capnum_desktop.domain.messages import _

HEADER_SIZE = 44
MAX_DATA_SIZE = 0xFFFFFFFF - 36  # RIFF size is 32-bit: about 37 h at 16 kHz mono int16


class WavFormatError(ValueError):
    """The file is not a canonical PCM WAV written by this application (or is damaged beyond repair)."""


@dataclass(frozen=True)
class WavInfo:
    sample_rate: int
    channels: int
    sample_width: int  # bytes per sample
    data_bytes: int

    @property
    def frame_bytes(self) -> int:
        return self.channels * self.sample_width

    @property
    def frames(self) -> int:
        return self.data_bytes // self.frame_bytes

    @property
    def duration_ms(self) -> int:
        return self.frames * 1000 // self.sample_rate


def build_header(sample_rate: int, channels: int, sample_width: int, data_bytes: int) -> bytes:
    block_align = channels * sample_width
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + data_bytes,
        b"WAVE",
        b"fmt ",
        16,
        1,  # PCM
        channels,
        sample_rate,
        sample_rate * block_align,
        block_align,
        sample_width * 8,
        b"data",
        data_bytes,
    )


def size_fields(data_bytes: int) -> tuple[bytes, bytes]:
    """The two size fields (RIFF chunk at offset 4, data chunk at offset 40) for `data_bytes` of PCM."""
    return struct.pack("<I", 36 + data_bytes), struct.pack("<I", data_bytes)


def parse_header(header: bytes) -> WavInfo:
    if len(header) < HEADER_SIZE:
        raise WavFormatError(_("file shorter than a WAV header"))
    riff, _riff_size, wave, fmt, fmt_size, audio_format, channels, rate, _brate, _align, bits, data, data_size = (
        struct.unpack("<4sI4s4sIHHIIHH4sI", header[:HEADER_SIZE])
    )
    if riff != b"RIFF" or wave != b"WAVE" or fmt != b"fmt " or fmt_size != 16 or data != b"data":
        raise WavFormatError(_("not a canonical PCM WAV header"))
    if audio_format != 1 or channels < 1 or rate < 1 or bits not in (8, 16, 24, 32):
        raise WavFormatError(_("unsupported WAV format (PCM 8/16/24/32-bit only)"))
    return WavInfo(rate, channels, bits // 8, data_size)


def read_wav_info(path: Path) -> WavInfo:
    with path.open("rb") as handle:
        return parse_header(handle.read(HEADER_SIZE))


@dataclass(frozen=True)
class RepairResult:
    info: WavInfo
    repaired: bool  # the header had to be rewritten
    dropped_bytes: int  # a torn last frame, cut off


def repair_wav(path: Path) -> RepairResult:
    """Make the header sizes match the data really on disk; fsync. Safe to run on a sound file (no change)."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        info = parse_header(handle.read(HEADER_SIZE))
        available = size - HEADER_SIZE
        data_bytes = min(available - available % info.frame_bytes, MAX_DATA_SIZE)
        dropped = available - data_bytes
        repaired = data_bytes != info.data_bytes or dropped > 0
        if repaired:
            riff, data = size_fields(data_bytes)
            handle.seek(4)
            handle.write(riff)
            handle.seek(40)
            handle.write(data)
            if dropped:
                handle.truncate(HEADER_SIZE + data_bytes)
            handle.flush()
            os.fsync(handle.fileno())
    fixed = WavInfo(info.sample_rate, info.channels, info.sample_width, data_bytes)
    return RepairResult(fixed, repaired, dropped)
