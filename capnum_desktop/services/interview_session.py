"""What the interview screens need in one call each: the whole interview to show, the new-interview form's
context, starting an interview from that form, the edit history and the audio markers.

Qt-free, so that the same rules are tested without widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from capnum_desktop.domain.grid import Grid
from capnum_desktop.domain.messages import _
from capnum_desktop.domain.status import AUDIO_MARKER_EVENT, AnswerStatus
from capnum_desktop.services.answers import note_flags
from capnum_desktop.services.errors import NotFoundError
from capnum_desktop.services.grid_versions import grid_of, latest_grid_version
from capnum_desktop.services.interviews import ConsentInput, add_event, check_consent, get_interview, open_interview
from capnum_desktop.services.participants import (
    UNDER_15_VALUE,
    ContactInput,
    add_participant,
    interviewer_named,
    merge_profile,
    next_participant_code,
)
from capnum_desktop.services.settings import INTERVIEWER_NAME, get_setting, set_setting
from capnum_desktop.services.studies import default_study_id
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Event, Interviewer, Participant, Site, Study

LAST_SITE_ID = "last_site_id"  # per-machine setting: the site of the last interview started here
EDIT_EVENT_KINDS = ("edit_after_completion", "edit_note_after_completion", "edit_memo")
AUDIO_MARKER = AUDIO_MARKER_EVENT  # a question shown or a prompt ticked at a moment of the recording


@dataclass(frozen=True)
class AnswerState:
    value: Any = None
    free_text: str | None = None
    other_text: str | None = None
    status: AnswerStatus = AnswerStatus.NOT_ASKED
    prompts_used: tuple[int, ...] = ()


@dataclass(frozen=True)
class NoteState:
    id: str
    question_id: str | None
    text: str
    noted_at: datetime
    audio_offset_ms: int | None
    recording_id: str | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class ConsentState:
    participation: bool
    audio_recording: bool
    quotation: bool
    recontact: bool
    mode: str
    given_at: datetime
    notice_version: str
    guardian_name: str | None
    guardian_consent: bool | None


@dataclass(frozen=True)
class InterviewSession:
    """Everything the interview page shows, read in one short transaction."""

    interview_id: str
    status: str
    grid_version_id: str
    grid: Grid
    participant_id: str
    participant_code: str
    site_name: str
    interviewer_name: str
    profile: dict[str, Any]
    answers: dict[str, AnswerState]
    notes: list[NoteState]
    current_question_id: str | None
    audio_consent: bool
    started_at: datetime
    ended_at: datetime | None
    memo: str | None
    abandon_reason: str | None
    consents: list[ConsentState] = field(default_factory=list)


def load_interview_session(store: DataStore, interview_id: str) -> InterviewSession:
    with store.session() as session:
        interview = get_interview(session, interview_id)
        participant = session.get(Participant, interview.participant_id)
        site = session.get(Site, interview.site_id)
        interviewer = session.get(Interviewer, interview.interviewer_id)
        if participant is None or site is None or interviewer is None:
            raise NotFoundError(
                _("Interview {id} refers to missing records: run `capnum db check`.").format(id=interview_id)
            )
        answers = {
            a.question_id: AnswerState(
                a.value, a.free_text, a.other_text, AnswerStatus(a.status), tuple(a.prompts_used or ())
            )
            for a in interview.answers
        }
        notes = [
            NoteState(n.id, n.question_id, n.text, n.noted_at, n.audio_offset_ms, n.recording_id, tuple(note_flags(n)))
            for n in sorted(interview.notes, key=lambda n: n.noted_at)
        ]
        consents = [
            ConsentState(
                c.participation,
                c.audio_recording,
                c.quotation,
                c.recontact,
                c.mode,
                c.given_at,
                c.notice_version,
                c.guardian_name,
                c.guardian_consent,
            )
            for c in interview.consents
        ]
        return InterviewSession(
            interview_id=interview.id,
            status=interview.status,
            grid_version_id=interview.grid_version_id,
            grid=grid_of(session, interview.grid_version_id),
            participant_id=participant.id,
            participant_code=participant.code,
            site_name=site.name,
            interviewer_name=interviewer.name,
            profile=dict(participant.profile or {}),
            answers=answers,
            notes=notes,
            current_question_id=interview.current_question_id,
            audio_consent=any(c.audio_recording for c in consents),
            started_at=interview.started_at,
            ended_at=interview.ended_at,
            memo=interview.memo,
            abandon_reason=interview.abandon_reason,
            consents=consents,
        )


@dataclass(frozen=True)
class EditEvent:
    at: datetime
    actor: str | None
    kind: str
    payload: dict[str, Any]


def edit_history(store: DataStore, interview_id: str) -> list[EditEvent]:
    """Edits made after the interview ended (answers, notes, memo), oldest first."""
    with store.session() as session:
        rows = session.scalars(
            select(Event).where(Event.interview_id == interview_id, Event.kind.in_(EDIT_EVENT_KINDS)).order_by(Event.at)
        )
        return [EditEvent(e.at, e.actor, e.kind, dict(e.payload or {})) for e in rows]


def record_audio_marker(
    store: DataStore,
    interview_id: str,
    *,
    recording_id: str,
    offset_ms: int,
    question_id: str,
    prompt: int | None = None,
) -> None:
    """Remember that a question was shown (or one of its prompts ticked) at this moment of the recording."""
    payload: dict[str, Any] = {"recording_id": recording_id, "offset_ms": offset_ms, "question_id": question_id}
    if prompt is not None:
        payload["prompt"] = prompt
    with store.session_factory.begin() as session:
        get_interview(session, interview_id)
        add_event(session, store.device_id, interview_id, AUDIO_MARKER, payload)


# --- the new-interview form -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteChoice:
    id: str
    code: str
    name: str


@dataclass(frozen=True)
class ParticipantChoice:
    id: str
    code: str
    profile: dict[str, Any]
    under_15: bool


@dataclass(frozen=True)
class NewInterviewContext:
    study_id: str
    study_language: str
    notice: dict[str, str]
    notice_version: str
    sites: list[SiteChoice]
    grid: Grid
    interviewer_name: str
    known_interviewers: list[str]
    last_site_id: str | None


def load_new_interview_context(store: DataStore) -> NewInterviewContext:
    study_id = default_study_id(store)
    with store.session() as session:
        study = session.get(Study, study_id)
        assert study is not None
        grid = grid_of(session, latest_grid_version(session, study_id).id)
        sites = [SiteChoice(s.id, s.code, s.name) for s in study.sites]
        interviewers = list(
            session.scalars(select(Interviewer.name).where(Interviewer.study_id == study_id).order_by(Interviewer.name))
        )
        notice = dict(study.notice or {})
        notice_version = study.notice_version
        language = study.language
    return NewInterviewContext(
        study_id=study_id,
        study_language=language,
        notice=notice,
        notice_version=notice_version,
        sites=sites,
        grid=grid,
        interviewer_name=str(get_setting(store, INTERVIEWER_NAME, "") or ""),
        known_interviewers=interviewers,
        last_site_id=get_setting(store, LAST_SITE_ID),
    )


def peek_participant_code(store: DataStore, site_id: str) -> str:
    """The code a new participant of this site would get (shown before creation)."""
    with store.session() as session:
        return next_participant_code(session, site_id)


def participants_of_site(store: DataStore, site_id: str) -> list[ParticipantChoice]:
    with store.session() as session:
        rows = session.scalars(select(Participant).where(Participant.site_id == site_id).order_by(Participant.code))
        return [ParticipantChoice(p.id, p.code, dict(p.profile or {}), p.under_15) for p in rows]


@dataclass(frozen=True)
class NewInterviewRequest:
    site_id: str
    interviewer_name: str
    consent: ConsentInput
    participant_id: str | None = None  # None: a new participant of the site
    profile: dict[str, Any] = field(default_factory=dict)
    contact: ContactInput | None = None
    place: str | None = None


def begin_interview(store: DataStore, request: NewInterviewRequest) -> str:
    """Check consent, then create (or update) the participant and start the interview; returns its id."""
    study_id = default_study_id(store)
    profile = {k: v for k, v in request.profile.items() if v not in (None, "", [])}
    if request.participant_id is None:
        under_15 = profile.get("age_range") == UNDER_15_VALUE
    else:
        with store.session() as session:
            existing = session.get(Participant, request.participant_id)
            if existing is None:
                raise NotFoundError(_("Participant {id} not found.").format(id=request.participant_id))
            merged = {**(existing.profile or {}), **profile}
        under_15 = merged.get("age_range") == UNDER_15_VALUE
    check_consent(request.consent, under_15=under_15)  # before anything is written
    # One transaction: the interviewer, the participant and the interview with its consent exist together or not.
    with store.session_factory.begin() as session:
        interviewer_id = interviewer_named(session, store.device_id, request.interviewer_name, study_id)
        if request.participant_id is None:
            participant_id = add_participant(
                session, store.device_id, site_id=request.site_id, profile=profile, contact=request.contact
            )
        else:
            participant_id = request.participant_id
            if profile:
                merge_profile(session, store.device_id, participant_id, profile)
        interview_id = open_interview(
            session,
            store.device_id,
            participant_id=participant_id,
            interviewer_id=interviewer_id,
            consent=request.consent,
            place=(request.place or "").strip() or None,
        )
    set_setting(store, INTERVIEWER_NAME, request.interviewer_name.strip())
    set_setting(store, LAST_SITE_ID, request.site_id)
    return interview_id
