"""Audio-layer errors; services turn them into ServiceError messages for the user."""

from __future__ import annotations


class RecordingError(Exception):
    """The recording had to stop; what was written before is kept and valid."""


class DiskFullError(RecordingError):
    """Stopped because the disk is (nearly) full."""


class TranscodeError(Exception):
    """ffmpeg failed or produced a file that does not match its source."""
