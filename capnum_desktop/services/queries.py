"""Read-only views of the data: the session list, one interview in full, full-text search, coverage."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from capnum_desktop.domain.answers import SectionCoverage, section_coverage
from capnum_desktop.domain.conditions import visible_questions
from capnum_desktop.domain.status import AnswerStatus
from capnum_desktop.services.answers import note_flags
from capnum_desktop.services.grid_versions import grid_of
from capnum_desktop.services.interviews import get_interview
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import (
    Answer,
    Contact,
    GridVersion,
    Interviewer,
    Participant,
    Site,
)
from capnum_desktop.storage.session_list import SessionRow, session_list_sql, session_row


@dataclass(frozen=True)
class SessionFilter:
    site_code: str | None = None
    interviewer: str | None = None
    status: str | None = None


def list_sessions(store: DataStore, filters: SessionFilter | None = None) -> list[SessionRow]:
    """Interviews, newest first, with their counts: the SQL of `storage.session_list`, shared with start-up."""
    params = {k: v for k, v in asdict(filters or SessionFilter()).items() if v}
    with store.session() as session:
        result = session.connection().exec_driver_sql(session_list_sql(tuple(params)), params)
        return [session_row(raw) for raw in result]


def search_interviews(store: DataStore, query: str, limit: int = 1000) -> list[tuple[str, str, str]]:
    """Full-text search over answers and notes: (interview id, kind, snippet) of the first `limit` passages.

    Words are matched as prefixes and without accents ("equip" finds « équipement »). Passages come newest
    first (FTS rowid order) rather than by relevance: ranking every match of a common word costs hundreds of
    milliseconds at 10,000 interviews, and the dashboard needs the matching interviews, not an order.
    """
    terms = [t for t in "".join(c if c.isalnum() else " " for c in query).split() if t]
    if not terms:
        return []
    match = " ".join(f'"{t}"*' for t in terms)
    sql = text(
        "SELECT interview_id, kind, snippet(text_search, 0, '[', ']', '…', 12) FROM text_search "
        "WHERE text_search MATCH :match ORDER BY rowid DESC LIMIT :limit"
    )
    with store.session() as session:
        return [(r[0], r[1], r[2]) for r in session.execute(sql, {"match": match, "limit": limit})]


def answers_by_question(session: Session, interview_id: str) -> dict[str, Answer]:
    return {a.question_id: a for a in session.scalars(select(Answer).where(Answer.interview_id == interview_id))}


def interview_coverage(store: DataStore, interview_id: str) -> list[SectionCoverage]:
    with store.session() as session:
        interview = get_interview(session, interview_id)
        grid = grid_of(session, interview.grid_version_id)
        answers = answers_by_question(session, interview_id)
        participant = session.get(Participant, interview.participant_id)
        values: dict[str, object] = dict(participant.profile) if participant else {}
        values.update({q: a.value for q, a in answers.items() if a.status == AnswerStatus.ANSWERED.value})
        visible = visible_questions(grid, values)
        statuses = {q: AnswerStatus(a.status) for q, a in answers.items()}
        return [section_coverage(s, statuses, visible) for s in grid.sections]


def show_session(store: DataStore, interview_id: str, *, include_contact: bool = False) -> dict[str, Any]:
    """Everything about one interview as plain JSON-ready data (used by `session show --json` and exports)."""
    with store.session() as session:
        interview = get_interview(session, interview_id)
        participant = session.get(Participant, interview.participant_id)
        site = session.get(Site, interview.site_id)
        interviewer = session.get(Interviewer, interview.interviewer_id)
        grid_row = session.get(GridVersion, interview.grid_version_id)
        assert participant and site and interviewer and grid_row
        answers = answers_by_question(session, interview_id)
        grid = grid_of(session, interview.grid_version_id)
        ordered = [answers[q.id] for q in grid.all_questions() if q.id in answers]
        data: dict[str, Any] = {
            "id": interview.id,
            "participant": participant.code,
            "profile": participant.profile,
            "site": site.code,
            "site_name": site.name,
            "interviewer": interviewer.name,
            "status": interview.status,
            "started_at": interview.started_at.isoformat(),
            "ended_at": interview.ended_at.isoformat() if interview.ended_at else None,
            "place": interview.place,
            "memo": interview.memo,
            "abandon_reason": interview.abandon_reason,
            "grid": {"id": grid_row.grid_id, "version": grid_row.version},
            "current_question_id": interview.current_question_id,
            "consent": [
                {
                    "participation": c.participation,
                    "audio_recording": c.audio_recording,
                    "quotation": c.quotation,
                    "recontact": c.recontact,
                    "mode": c.mode,
                    "given_at": c.given_at.isoformat(),
                    "notice_version": c.notice_version,
                    "guardian_name": c.guardian_name,
                    "guardian_consent": c.guardian_consent,
                }
                for c in interview.consents
            ],
            "answers": [
                {
                    "question_id": a.question_id,
                    "value": a.value,
                    "free_text": a.free_text,
                    "other_text": a.other_text,
                    "status": a.status,
                    "prompts_used": a.prompts_used,
                }
                for a in ordered
            ],
            "notes": [
                {
                    "id": n.id,
                    "question_id": n.question_id,
                    "text": n.text,
                    "noted_at": n.noted_at.isoformat(),
                    "audio_offset_ms": n.audio_offset_ms,
                    "flags": note_flags(n),
                }
                for n in interview.notes
            ],
            "recordings": [
                {
                    "id": r.id,
                    "kind": r.kind,
                    "path": r.path,
                    "codec": r.codec,
                    "state": r.state,
                    "duration_ms": r.duration_ms,
                    "sha256": r.sha256,
                }
                for r in interview.recordings
            ],
        }
        if include_contact:
            contact = session.scalar(select(Contact).where(Contact.participant_id == participant.id))
            data["contact"] = (
                {k: getattr(contact, k) for k in ("full_name", "phone", "email", "address")} if contact else None
            )
        return data


def interviews_in_progress(store: DataStore) -> list[SessionRow]:
    """Interviews to offer for resumption at start-up (after a crash, a dead battery, or a pause)."""
    return list_sessions(store, SessionFilter(status="in_progress"))
