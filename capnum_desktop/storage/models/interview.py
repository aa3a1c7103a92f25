"""An interview and what it collects: consent, answers, notes, recordings, audit events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from capnum_desktop.domain.status import InterviewStatus, RecordingState
from capnum_desktop.storage.models.base import Base, Synced
from capnum_desktop.storage.types import JSONText


class Interview(Synced, Base):
    __tablename__ = "interview"

    study_id: Mapped[str] = mapped_column(ForeignKey("study.id"))
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    interviewer_id: Mapped[str] = mapped_column(ForeignKey("interviewer.id"))
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    grid_version_id: Mapped[str] = mapped_column(ForeignKey("grid_version.id"))
    status: Mapped[str] = mapped_column(String(20), default=InterviewStatus.IN_PROGRESS.value, index=True)
    started_at: Mapped[datetime] = mapped_column(index=True)
    ended_at: Mapped[datetime | None] = mapped_column(nullable=True)
    place: Mapped[str | None] = mapped_column(String(200), nullable=True)
    memo: Mapped[str | None] = mapped_column(Text, nullable=True)
    abandon_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Where the interviewer was, so that a resumed interview opens exactly there.
    current_question_id: Mapped[str | None] = mapped_column(String(64), nullable=True)

    answers: Mapped[list[Answer]] = relationship(back_populates="interview", cascade="all, delete-orphan")
    notes: Mapped[list[Note]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", order_by="Note.created_at"
    )
    recordings: Mapped[list[Recording]] = relationship(back_populates="interview", cascade="all, delete-orphan")
    consents: Mapped[list[Consent]] = relationship(back_populates="interview", cascade="all, delete-orphan")


class Consent(Synced, Base):
    __tablename__ = "consent"

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"))
    interviewer_id: Mapped[str] = mapped_column(ForeignKey("interviewer.id"))
    participation: Mapped[bool] = mapped_column(Boolean)
    audio_recording: Mapped[bool] = mapped_column(Boolean)
    quotation: Mapped[bool] = mapped_column(Boolean)
    recontact: Mapped[bool] = mapped_column(Boolean)
    mode: Mapped[str] = mapped_column(String(10))  # oral | written
    given_at: Mapped[datetime]
    notice_version: Mapped[str] = mapped_column(String(40))
    guardian_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    guardian_consent: Mapped[bool | None] = mapped_column(Boolean, nullable=True)

    interview: Mapped[Interview] = relationship(back_populates="consents")


class Answer(Synced, Base):
    __tablename__ = "answer"
    __table_args__ = (
        UniqueConstraint("interview_id", "question_id"),
        # Covering index: the session list counts answers per interview without reading their text.
        Index("ix_answer_interview_id_status", "interview_id", "status"),
    )

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSONText, nullable=True)  # typed: str, number, bool, list[str]
    free_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    other_text: Mapped[str | None] = mapped_column(Text, nullable=True)  # the "other" of a choice
    status: Mapped[str] = mapped_column(String(12))
    prompts_used: Mapped[list[int]] = mapped_column(JSONText, default=list)

    interview: Mapped[Interview] = relationship(back_populates="answers")


class Note(Synced, Base):
    __tablename__ = "note"

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    noted_at: Mapped[datetime]  # wall clock when typed
    audio_offset_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    recording_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    quote: Mapped[bool] = mapped_column(Boolean, default=False)
    important: Mapped[bool] = mapped_column(Boolean, default=False)
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False)

    interview: Mapped[Interview] = relationship(back_populates="notes")


class Recording(Synced, Base):
    __tablename__ = "recording"

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # interview | memo
    path: Mapped[str] = mapped_column(String(400))  # relative to the data dir: audio/<interview>/<file>
    codec: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(12), default=RecordingState.RECORDING.value)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    sample_rate: Mapped[int] = mapped_column(Integer, default=16000)
    channels: Mapped[int] = mapped_column(Integer, default=1)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    started_at: Mapped[datetime]
    question_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # voice memo on a question
    note_id: Mapped[str | None] = mapped_column(String(36), nullable=True)  # voice memo on a note

    interview: Mapped[Interview] = relationship(back_populates="recordings")


class Event(Synced, Base):
    """Audit log (like ODK's): navigation, recording start/pause/resume, edits after completion."""

    __tablename__ = "event"

    interview_id: Mapped[str | None] = mapped_column(
        ForeignKey("interview.id", ondelete="CASCADE"), index=True, nullable=True
    )
    at: Mapped[datetime]
    actor: Mapped[str | None] = mapped_column(String(200), nullable=True)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)
