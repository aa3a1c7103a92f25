"""What the player needs: an interview's recordings and the markers to draw on the position bar."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from capnum_desktop.domain.status import RecordingKind
from capnum_desktop.services.recordings import MARKER_EVENT
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Event, Note, Recording

# The interview page writes "audio_marker" events (services.interview_session); both kinds are markers.
MARKER_KINDS = (MARKER_EVENT,)


@dataclass(frozen=True)
class RecordingRow:
    id: str
    interview_id: str
    kind: str
    state: str
    codec: str
    duration_ms: int
    path: Path  # absolute
    question_id: str | None
    note_id: str | None


@dataclass(frozen=True)
class Marker:
    offset_ms: int
    kind: str  # "note" | "question" | "prompt"
    label: str
    note_id: str | None = None
    question_id: str | None = None


def list_recordings(store: DataStore, interview_id: str, kind: RecordingKind | None = None) -> list[RecordingRow]:
    with store.session() as session:
        query = select(Recording).where(Recording.interview_id == interview_id).order_by(Recording.started_at)
        if kind is not None:
            query = query.where(Recording.kind == kind.value)
        return [
            RecordingRow(
                r.id,
                r.interview_id,
                r.kind,
                r.state,
                r.codec,
                r.duration_ms,
                store.data_dir / r.path,
                r.question_id,
                r.note_id,
            )
            for r in session.scalars(query)
        ]


def recording_markers(store: DataStore, interview_id: str, recording_id: str) -> list[Marker]:
    """Notes with an offset in this recording, question changes and prompt ticks, in time order."""
    markers: list[Marker] = []
    with store.session() as session:
        notes = session.scalars(
            select(Note).where(Note.interview_id == interview_id, Note.audio_offset_ms.is_not(None))
        )
        for note in notes:
            if note.recording_id in (None, recording_id) and note.audio_offset_ms is not None:
                markers.append(Marker(note.audio_offset_ms, "note", note.text, note.id, note.question_id))
        events = session.scalars(
            select(Event).where(Event.interview_id == interview_id, Event.kind.in_(MARKER_KINDS)).order_by(Event.at)
        )
        for event in events:
            payload = event.payload or {}
            if payload.get("recording_id") != recording_id or not isinstance(payload.get("offset_ms"), int):
                continue
            question = payload.get("question_id") or ""
            kind = "prompt" if payload.get("prompt") is not None else "question"
            label = f"{question} · prompt {payload['prompt'] + 1}" if kind == "prompt" else question
            markers.append(Marker(payload["offset_ms"], kind, label, None, question or None))
    markers.sort(key=lambda m: (m.offset_ms, m.kind))
    return markers


def note_offset(store: DataStore, note_id: str) -> tuple[str | None, int | None]:
    """(recording id, offset ms) of a note, for 'play from this note'."""
    with store.session() as session:
        note = session.get(Note, note_id)
        if note is None:
            return None, None
        return note.recording_id, note.audio_offset_ms
