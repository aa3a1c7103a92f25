"""Enumerations shared by every layer (stored as their string values)."""

from enum import StrEnum


class InterviewStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    ABANDONED = "abandoned"


class AnswerStatus(StrEnum):
    ANSWERED = "answered"
    SKIPPED = "skipped"
    REFUSED = "refused"
    NOT_ASKED = "not_asked"


class ConsentMode(StrEnum):
    ORAL = "oral"
    WRITTEN = "written"


class NoteFlag(StrEnum):
    QUOTE = "quote"
    IMPORTANT = "important"
    FOLLOW_UP = "follow_up"


class RecordingKind(StrEnum):
    INTERVIEW = "interview"
    MEMO = "memo"


class RecordingState(StrEnum):
    RECORDING = "recording"  # being written; found at start-up means the app died mid-recording
    FINISHED = "finished"  # WAV/FLAC complete, not transcoded yet
    READY = "ready"  # final file (Opus or kept WAV/FLAC) verified


class CoverageState(StrEnum):
    NOT_STARTED = "not_started"
    PARTIAL = "partial"
    COVERED = "covered"
    SKIPPED = "skipped"


# Audit event kind marking a moment of the recording (a question shown, a prompt ticked, a marker added):
# payload {"recording_id", "offset_ms", "question_id", optional "prompt"}. Read by the player and the exports.
AUDIO_MARKER_EVENT = "audio_marker"
