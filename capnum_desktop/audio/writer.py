"""Crash-safe PCM -> WAV writer.

`write()` only appends to an in-memory buffer (cheap, safe to call from the capture callback). About once a
second the buffer is appended to the file, the two size fields of the header are rewritten to match, and the
file is fsynced. After SIGKILL or a power cut the file holds everything up to the last flush (a header at most
one flush behind the data, which `wavfile.repair_wav` fixes), so at most about a second is lost.

Disk space is checked at every flush: under `warn_bytes` free the writer raises its `low_disk` flag, under
`stop_bytes` it writes what it has, leaves a valid file and refuses more data with DiskFullError. A write that
fails anyway (ENOSPC, I/O error) is undone: the file is cut back to the last complete flush and the header fixed.
"""

from __future__ import annotations

import errno
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from capnum_desktop.audio.errors import DiskFullError, RecordingError
from capnum_desktop.audio.wavfile import HEADER_SIZE, MAX_DATA_SIZE, WavInfo, build_header, size_fields
from capnum_desktop.domain.messages import _
from capnum_desktop.storage.files import fsync_dir

if TYPE_CHECKING:
    from typing_extensions import Buffer

MB = 1024 * 1024


@dataclass(frozen=True)
class DiskThresholds:
    warn_bytes: int = 500 * MB
    stop_bytes: int = 50 * MB


def free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


class WavWriter:
    def __init__(
        self,
        path: Path,
        *,
        sample_rate: int,
        channels: int = 1,
        sample_width: int = 2,
        flush_interval: float = 1.0,
        thresholds: DiskThresholds | None = None,
        background: bool = True,
        os_write: Callable[[int, Buffer], int] = os.write,
        free_space: Callable[[Path], int] = free_bytes,
    ) -> None:
        self.path = path
        self.sample_rate = sample_rate
        self.channels = channels
        self.sample_width = sample_width
        self.frame_bytes = channels * sample_width
        self.flush_interval = flush_interval
        self.thresholds = thresholds or DiskThresholds()
        self._os_write = os_write
        self._free_space = free_space
        self._lock = threading.Lock()  # guards the buffer and flags
        self._io_lock = threading.Lock()  # one flush at a time
        self._buffer = bytearray()
        self._data_bytes = 0  # durable PCM bytes in the file
        self._in_flight = 0  # bytes taken from the buffer and being written: still part of the clock
        self._failure: RecordingError | None = None
        self._closed = False
        self.low_disk = False
        self.free_bytes_at_last_flush: int | None = None
        self._flush_every_bytes = max(self.frame_bytes, int(sample_rate * self.frame_bytes * flush_interval))
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        try:
            self._write_all(build_header(sample_rate, channels, sample_width, 0))
            os.fsync(self._fd)
            fsync_dir(path.parent)
        except OSError:
            os.close(self._fd)
            path.unlink(missing_ok=True)
            raise
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if background:
            self._thread = threading.Thread(target=self._flush_loop, name=f"wav-flush-{path.stem}", daemon=True)
            self._thread.start()

    # -- feeding -------------------------------------------------------------------------------------------

    def write(self, pcm: bytes) -> None:
        """Queue PCM for the file; raises the stored RecordingError once the writer had to stop."""
        with self._lock:
            if self._failure is not None:
                raise self._failure
            if self._closed:
                raise RecordingError(_("the recording is already closed"))
            self._buffer += pcm
            inline = self._thread is None and len(self._buffer) >= self._flush_every_bytes
            # fed faster than real time (tests, benchmarks) with a background thread: don't let memory grow
            inline = inline or len(self._buffer) >= 8 * self._flush_every_bytes
        if inline:
            self.flush()

    @property
    def failure(self) -> RecordingError | None:
        return self._failure

    @property
    def data_bytes(self) -> int:
        """PCM bytes safely in the file."""
        return self._data_bytes

    @property
    def duration_ms(self) -> int:
        """Audio received so far (written or buffered): the clock that markers and notes use."""
        with self._lock:
            total = self._data_bytes + self._in_flight + len(self._buffer)
        return total // self.frame_bytes * 1000 // self.sample_rate

    # -- durability ----------------------------------------------------------------------------------------

    def flush(self) -> None:
        """Append buffered PCM, fix the header sizes, fsync. Raises RecordingError if the writer had to stop."""
        with self._io_lock:
            if self._failure is not None:
                raise self._failure
            with self._lock:
                usable = len(self._buffer) - len(self._buffer) % self.frame_bytes
                chunk = bytes(self._buffer[:usable])
                del self._buffer[:usable]
                self._in_flight = len(chunk)
            free = self._free_space(self.path.parent)
            self.free_bytes_at_last_flush = free
            self.low_disk = free < self.thresholds.warn_bytes
            if self._data_bytes + len(chunk) > MAX_DATA_SIZE:
                self._fail(RecordingError(_("the recording reached the WAV size limit (about 37 hours)")))
            try:
                if chunk:
                    self._write_all(chunk)
                    riff, data = size_fields(self._data_bytes + len(chunk))
                    os.pwrite(self._fd, riff, 4)
                    os.pwrite(self._fd, data, 40)
                    os.fsync(self._fd)
                    with self._lock:
                        self._data_bytes += len(chunk)
                        self._in_flight = 0
            except OSError as exc:
                with self._lock:
                    self._in_flight = 0
                self._roll_back()
                if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                    self._fail(DiskFullError(_("the disk is full: recording stopped, everything before was kept")))
                self._fail(
                    RecordingError(
                        _("writing the recording failed ({error}); it was stopped").format(error=exc.strerror or exc)
                    )
                )
            if free - len(chunk) < self.thresholds.stop_bytes:
                left = max(0, free - len(chunk)) // MB
                self._fail(
                    DiskFullError(
                        _("only {left} MB left on the disk: recording stopped, everything before kept").format(
                            left=left
                        )
                    )
                )

    def _fail(self, error: RecordingError) -> None:
        with self._lock:
            self._failure = error
            self._buffer.clear()
        raise error

    def _roll_back(self) -> None:
        """Cut the file back to the last complete flush and make the header say so (best effort)."""
        try:
            os.ftruncate(self._fd, HEADER_SIZE + self._data_bytes)
            riff, data = size_fields(self._data_bytes)
            os.pwrite(self._fd, riff, 4)
            os.pwrite(self._fd, data, 40)
            os.fsync(self._fd)
        except OSError:
            pass  # recovery at the next start repairs the header from the file length

    def _write_all(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = self._os_write(self._fd, view)
            view = view[written:]

    def _flush_loop(self) -> None:
        next_at = time.monotonic() + self.flush_interval
        while not self._stop.wait(max(0.0, next_at - time.monotonic())):
            next_at += self.flush_interval
            try:
                self.flush()
            except RecordingError:
                return  # kept in self.failure; the capture side polls it and stops

    # -- end -----------------------------------------------------------------------------------------------

    def close(self) -> WavInfo:
        """Flush what is left and close. Never raises for a writer that already failed: its file is valid."""
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
        if not self._closed:
            try:
                if self._failure is None:
                    self.flush()
            except RecordingError:
                pass
            finally:
                self._closed = True
                os.close(self._fd)
                fsync_dir(self.path.parent)
        return WavInfo(self.sample_rate, self.channels, self.sample_width, self._data_bytes)
