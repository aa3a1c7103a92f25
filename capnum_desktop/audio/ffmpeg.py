"""The ffmpeg binary shipped by imageio-ffmpeg (no system ffmpeg, no ffprobe), shared with pydub.

pydub is imported lazily (it costs start-up time and warns about audioop); `configure_pydub()` points its
`AudioSegment.converter` at the bundled binary so any pydub call uses the same ffmpeg as our own commands.
"""

from __future__ import annotations

import functools
import subprocess
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from capnum_desktop.domain.messages import _


@functools.cache
def ffmpeg_exe() -> str:
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


def configure_pydub() -> Any:
    """Return pydub's AudioSegment class, wired to the bundled ffmpeg."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # audioop, on Python 3.11-3.12
        warnings.simplefilter("ignore", RuntimeWarning)  # "Couldn't find ffmpeg": we set it just below
        from pydub import AudioSegment
    AudioSegment.converter = ffmpeg_exe()
    AudioSegment.ffmpeg = ffmpeg_exe()
    return AudioSegment


def run_with_progress(
    args: list[str],
    *,
    total_ms: int,
    progress: Callable[[int, int], None] | None,
    stderr: IO[bytes],
) -> int:
    """Run ffmpeg with `-progress pipe:1`, report out_time against total_ms; kill it if `progress` raises."""
    cmd = [ffmpeg_exe(), "-nostdin", "-hide_banner", "-loglevel", "error", "-nostats", "-progress", "pipe:1", *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=stderr)
    assert proc.stdout is not None
    try:
        for raw in proc.stdout:
            line = raw.decode("ascii", "replace").strip()
            if progress and line.startswith("out_time_us=") and line[12:].lstrip("-").isdigit():
                progress(min(total_ms, max(0, int(line[12:]) // 1000)), total_ms)
        return proc.wait()
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    finally:
        proc.stdout.close()


def decode_pcm(path: Path, *, rate: int, chunk: int = 1 << 16) -> Iterator[bytes]:
    """Stream the file decoded to mono int16 at `rate` (a real full decode, bounded memory)."""
    cmd = [ffmpeg_exe(), "-nostdin", "-v", "error", "-i", str(path), "-ac", "1", "-ar", str(rate), "-f", "s16le", "-"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    try:
        while block := proc.stdout.read(chunk):
            yield block
    finally:
        proc.stdout.close()
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    if proc.returncode:
        raise OSError(_("ffmpeg could not decode {file} (exit {code})").format(file=path.name, code=proc.returncode))
