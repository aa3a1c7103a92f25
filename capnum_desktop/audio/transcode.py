"""WAV -> Opus (Ogg) for storage, and the decode check that must pass before the WAV may be deleted.

The encode runs the bundled ffmpeg directly on the WAV on disk (streaming, bounded memory, progress from
`-progress`, killable for cancel) rather than through `AudioSegment.export`, which would load a two-hour
recording into memory, copy it to a temp file and block without progress. See docs/decisions/audio-transcode.md.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from capnum_desktop.audio.errors import TranscodeError
from capnum_desktop.audio.ffmpeg import decode_pcm, run_with_progress
from capnum_desktop.domain.messages import _
from capnum_desktop.storage.files import fsync_dir

OPUS_BITRATE = "24k"
OPUS_CODEC = "opus"
CHECK_RATE = 8000  # decode rate for the duration check: exact sample counts, little data
MAX_DURATION_GAP_MS = 500

Progress = Callable[[int, int], None]


def opus_args(src: Path, dest: Path, bitrate: str = OPUS_BITRATE) -> list[str]:
    """The encoder command (after the ffmpeg binary); benchmarks run the very same arguments alone."""
    return [
        "-y", "-i", str(src), "-map_metadata", "-1", "-ac", "1",
        "-c:a", "libopus", "-b:a", bitrate, "-vbr", "on", "-application", "voip",
        "-f", "ogg", str(dest),
    ]  # fmt: skip


def encode_opus(src: Path, dest: Path, *, total_ms: int, progress: Progress | None = None) -> None:
    """Encode to a temp name beside `dest`, fsync, rename. Nothing is left behind on error or cancel."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        with tempfile.TemporaryFile() as errors:
            code = run_with_progress(opus_args(src, tmp), total_ms=total_ms, progress=progress, stderr=errors)
            if code != 0:
                errors.seek(0)
                detail = errors.read()[-400:].decode("utf-8", "replace").strip()
                raise TranscodeError(
                    _("ffmpeg failed to encode {file} (exit {code}): {detail}").format(
                        file=src.name, code=code, detail=detail
                    )
                )
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def decoded_duration_ms(path: Path) -> int:
    """Decode the whole file and count samples (not the container's claim)."""
    total = sum(len(block) for block in decode_pcm(path, rate=CHECK_RATE))
    return total // 2 * 1000 // CHECK_RATE


@dataclass(frozen=True)
class Verified:
    duration_ms: int
    gap_ms: int


def verify_duration(path: Path, expected_ms: int, *, tolerance_ms: int = MAX_DURATION_GAP_MS) -> Verified:
    try:
        got = decoded_duration_ms(path)
    except OSError as exc:
        raise TranscodeError(str(exc)) from exc
    gap = abs(got - expected_ms)
    if gap > tolerance_ms:
        raise TranscodeError(
            _("{file} decodes to {got:.2f} s but the source lasts {expected:.2f} s: the original was kept").format(
                file=path.name, got=got / 1000, expected=expected_ms / 1000
            )
        )
    return Verified(got, gap)
