"""Saving what is said: answers (typed, with status and prompts used) and timestamped notes.

Every call is one short transaction, so that an edit is durable as soon as the call returns. Edits to an
interview that is no longer in progress are kept in the audit log with the old and new values.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from capnum_desktop.domain.answers import AnswerValueError, normalize_value
from capnum_desktop.domain.messages import _
from capnum_desktop.domain.status import AnswerStatus, InterviewStatus, NoteFlag
from capnum_desktop.services.erasure import purge_notes, scrub_deleted_text
from capnum_desktop.services.errors import NotFoundError, ServiceError
from capnum_desktop.services.grid_versions import grid_of
from capnum_desktop.services.interviews import add_event, get_interview
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Answer, Note, Tombstone
from capnum_desktop.storage.types import utcnow


@dataclass(frozen=True)
class AnswerInput:
    value: Any = None
    free_text: str | None = None
    other_text: str | None = None
    status: AnswerStatus = AnswerStatus.ANSWERED
    prompts_used: tuple[int, ...] = ()


def _answer_snapshot(answer: Answer | None) -> dict[str, Any] | None:
    if answer is None:
        return None
    return {
        "value": answer.value,
        "free_text": answer.free_text,
        "other_text": answer.other_text,
        "status": answer.status,
        "prompts_used": answer.prompts_used,
    }


def save_answer(
    store: DataStore, interview_id: str, question_id: str, data: AnswerInput, *, actor: str | None = None
) -> str:
    """Create or replace the answer to one question; returns the answer id."""
    with store.session_factory.begin() as session:
        interview = get_interview(session, interview_id)
        grid = grid_of(session, interview.grid_version_id)
        if not grid.has_question(question_id):
            raise NotFoundError(_("Question '{id}' is not in this interview's grid.").format(id=question_id))
        question = grid.question(question_id)
        try:
            value = normalize_value(question, data.value)
        except AnswerValueError as exc:
            raise ServiceError(str(exc)) from exc
        bad_prompts = [i for i in data.prompts_used if not 0 <= i < len(question.prompts)]
        if bad_prompts:
            raise ServiceError(
                _("{id}: no follow-up prompt number {number}").format(id=question_id, number=bad_prompts[0])
            )
        answer = session.scalar(
            select(Answer).where(Answer.interview_id == interview_id, Answer.question_id == question_id)
        )
        before = _answer_snapshot(answer)
        after: dict[str, Any] = {
            "value": value,
            "free_text": data.free_text,
            "other_text": data.other_text,
            "status": data.status.value,
            "prompts_used": sorted(set(data.prompts_used)),
        }
        if answer is not None and before == after:
            return answer.id  # nothing changed: keep the revision as it was
        if answer is None:
            answer = Answer(interview_id=interview_id, question_id=question_id, origin_device=store.device_id)
            session.add(answer)
        else:
            answer.touch(store.device_id)
        answer.value = after["value"]
        answer.free_text = after["free_text"]
        answer.other_text = after["other_text"]
        answer.status = after["status"]
        answer.prompts_used = after["prompts_used"]
        if interview.status != InterviewStatus.IN_PROGRESS.value:
            payload = {"question_id": question_id, "old": before, "new": after}
            add_event(session, store.device_id, interview_id, "edit_after_completion", payload, actor=actor)
        session.flush()
        return answer.id


def add_note(
    store: DataStore,
    interview_id: str,
    text: str,
    *,
    question_id: str | None = None,
    flags: Collection[NoteFlag] = (),
    audio_offset_ms: int | None = None,
    recording_id: str | None = None,
    noted_at: datetime | None = None,
    actor: str | None = None,
) -> str:
    with store.session_factory.begin() as session:
        interview = get_interview(session, interview_id)
        note = Note(
            interview_id=interview_id,
            question_id=question_id,
            text=text,
            noted_at=noted_at or utcnow(),
            audio_offset_ms=audio_offset_ms,
            recording_id=recording_id,
            quote=NoteFlag.QUOTE in flags,
            important=NoteFlag.IMPORTANT in flags,
            follow_up=NoteFlag.FOLLOW_UP in flags,
            origin_device=store.device_id,
        )
        session.add(note)
        session.flush()
        if interview.status != InterviewStatus.IN_PROGRESS.value:  # review: keep who added what, and when
            payload = {"note_id": note.id, "text": text}
            add_event(session, store.device_id, interview_id, "note_added_after_completion", payload, actor=actor)
        return note.id


def update_note(
    store: DataStore,
    note_id: str,
    *,
    text: str | None = None,
    flags: Collection[NoteFlag] | None = None,
    actor: str | None = None,
) -> None:
    with store.session_factory.begin() as session:
        note = session.get(Note, note_id)
        if note is None:
            raise NotFoundError(_("No note {id}.").format(id=note_id))
        old = {"text": note.text, "flags": note_flags(note)}
        if text is not None:
            note.text = text
        if flags is not None:
            note.quote = NoteFlag.QUOTE in flags
            note.important = NoteFlag.IMPORTANT in flags
            note.follow_up = NoteFlag.FOLLOW_UP in flags
        new = {"text": note.text, "flags": note_flags(note)}
        if old == new:
            return
        note.touch(store.device_id)
        interview = get_interview(session, note.interview_id)
        if interview.status != InterviewStatus.IN_PROGRESS.value:
            payload = {"note_id": note_id, "old": old, "new": new}
            add_event(session, store.device_id, interview.id, "edit_note_after_completion", payload, actor=actor)


def delete_note(store: DataStore, note_id: str, *, actor: str | None = None) -> None:
    """Delete a note here and, through a tombstone carried by bundles, everywhere.

    Notes are deleted mostly because they name someone by mistake: the audit event keeps no text, the tombstone
    none either, and the freed pages and search index are scrubbed as for an erasure.
    """
    with store.session_factory.begin() as session:
        note = session.get(Note, note_id)
        if note is None:
            raise NotFoundError(_("No note {id}.").format(id=note_id))
        payload = {"note_id": note_id, "question_id": note.question_id}
        add_event(session, store.device_id, note.interview_id, "note_deleted", payload, actor=actor)
        session.add(Tombstone(entity="note", entity_id=note_id, erased_at=utcnow(), origin_device=store.device_id))
        purge_notes(session, [note_id])
    scrub_deleted_text(store)


def note_flags(note: Note) -> list[str]:
    return [
        flag.value
        for flag, on in (
            (NoteFlag.QUOTE, note.quote),
            (NoteFlag.IMPORTANT, note.important),
            (NoteFlag.FOLLOW_UP, note.follow_up),
        )
        if on
    ]
