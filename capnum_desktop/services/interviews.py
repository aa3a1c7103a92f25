"""An interview's life: start (consent first), position for resumption, finish, abandon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from capnum_desktop.domain.messages import _
from capnum_desktop.domain.status import ConsentMode, InterviewStatus
from capnum_desktop.services.errors import ConsentRequiredError, NotFoundError, ServiceError
from capnum_desktop.services.grid_versions import latest_grid_version
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Consent, Event, Interview, Interviewer, Participant, Site, Study
from capnum_desktop.storage.types import utcnow


@dataclass(frozen=True)
class ConsentInput:
    participation: bool
    audio_recording: bool
    quotation: bool
    recontact: bool
    mode: ConsentMode = ConsentMode.ORAL
    guardian_name: str | None = None
    guardian_consent: bool | None = None


def check_consent(consent: ConsentInput, *, under_15: bool) -> None:
    if not consent.participation:
        raise ConsentRequiredError(_("No participation consent: the interview cannot start."))
    if under_15 and not (consent.guardian_consent and (consent.guardian_name or "").strip()):
        raise ConsentRequiredError(
            _("The participant is under 15: a parent's or guardian's consent (with their name) is required.")
        )


def start_interview(
    store: DataStore,
    *,
    participant_id: str,
    interviewer_id: str,
    consent: ConsentInput,
    place: str | None = None,
    grid_version_id: str | None = None,
    started_at: datetime | None = None,
) -> str:
    """Create the interview and its consent in one transaction; refused without participation consent."""
    with store.session_factory.begin() as session:
        return open_interview(
            session,
            store.device_id,
            participant_id=participant_id,
            interviewer_id=interviewer_id,
            consent=consent,
            place=place,
            grid_version_id=grid_version_id,
            started_at=started_at,
        )


def open_interview(
    session: Session,
    device_id: str,
    *,
    participant_id: str,
    interviewer_id: str,
    consent: ConsentInput,
    place: str | None = None,
    grid_version_id: str | None = None,
    started_at: datetime | None = None,
) -> str:
    """`start_interview` inside the caller's transaction."""
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise NotFoundError(_("Participant {id} not found.").format(id=participant_id))
    if session.get(Interviewer, interviewer_id) is None:
        raise NotFoundError(_("Interviewer {id} not found.").format(id=interviewer_id))
    check_consent(consent, under_15=participant.under_15)
    study = session.get(Study, participant.study_id)
    assert study is not None
    grid_version_id = grid_version_id or latest_grid_version(session, study.id).id
    now = started_at or utcnow()
    interview = Interview(
        study_id=study.id,
        site_id=participant.site_id,
        interviewer_id=interviewer_id,
        participant_id=participant_id,
        grid_version_id=grid_version_id,
        status=InterviewStatus.IN_PROGRESS.value,
        started_at=now,
        place=place,
        origin_device=device_id,
    )
    session.add(interview)
    session.flush()
    session.add(
        Consent(
            interview_id=interview.id,
            participant_id=participant_id,
            interviewer_id=interviewer_id,
            participation=consent.participation,
            audio_recording=consent.audio_recording,
            quotation=consent.quotation,
            recontact=consent.recontact,
            mode=consent.mode.value,
            given_at=now,
            notice_version=study.notice_version,
            guardian_name=consent.guardian_name,
            guardian_consent=consent.guardian_consent,
            origin_device=device_id,
        )
    )
    add_event(session, device_id, interview.id, "started", {}, at=now)
    return interview.id


def get_interview(session: Session, interview_id: str) -> Interview:
    interview = session.get(Interview, interview_id)
    if interview is None:
        raise NotFoundError(_("No interview {id}.").format(id=interview_id))
    return interview


def audio_consent_given(store: DataStore, interview_id: str) -> bool:
    with store.session() as session:
        interview = get_interview(session, interview_id)
        return any(c.audio_recording for c in interview.consents)


def set_position(store: DataStore, interview_id: str, question_id: str) -> None:
    """Remember where the interviewer is (for resumption) and log the navigation.

    The position is this laptop's own state, not a change of the interview: no revision bump, so that reading an
    interview at the office never makes the field's next changes a conflict (the navigation event travels).
    """
    with store.session_factory.begin() as session:
        interview = get_interview(session, interview_id)
        if interview.current_question_id == question_id:
            return
        interview.current_question_id = question_id
        add_event(session, store.device_id, interview_id, "navigate", {"question_id": question_id})


def finish_interview(store: DataStore, interview_id: str, memo: str | None = None) -> None:
    with store.session_factory.begin() as session:
        interview = get_interview(session, interview_id)
        if interview.status != InterviewStatus.IN_PROGRESS.value:
            raise _already_ended(interview.status)
        interview.status = InterviewStatus.COMPLETED.value
        interview.ended_at = utcnow()
        interview.memo = memo
        interview.touch(store.device_id)
        add_event(session, store.device_id, interview_id, "completed", {})


def _already_ended(status: str) -> ServiceError:
    if status == InterviewStatus.COMPLETED.value:
        return ServiceError(_("This interview is already completed."))
    if status == InterviewStatus.ABANDONED.value:
        return ServiceError(_("This interview is already abandoned."))
    return ServiceError(_("This interview is already {status}.").format(status=status))


def abandon_interview(store: DataStore, interview_id: str, reason: str) -> None:
    if not reason.strip():
        raise ServiceError(_("Say why the interview is abandoned."))
    with store.session_factory.begin() as session:
        interview = get_interview(session, interview_id)
        if interview.status != InterviewStatus.IN_PROGRESS.value:
            raise _already_ended(interview.status)
        interview.status = InterviewStatus.ABANDONED.value
        interview.ended_at = utcnow()
        interview.abandon_reason = reason
        interview.touch(store.device_id)
        add_event(session, store.device_id, interview_id, "abandoned", {"reason": reason})


def update_memo(store: DataStore, interview_id: str, memo: str, actor: str | None = None) -> None:
    with store.session_factory.begin() as session:
        interview = get_interview(session, interview_id)
        old = interview.memo
        if old == memo:
            return
        interview.memo = memo
        interview.touch(store.device_id)
        if interview.status != InterviewStatus.IN_PROGRESS.value:
            add_event(session, store.device_id, interview_id, "edit_memo", {"old": old, "new": memo}, actor=actor)


def add_event(
    session: Session,
    device_id: str,
    interview_id: str | None,
    kind: str,
    payload: dict[str, Any],
    *,
    actor: str | None = None,
    at: datetime | None = None,
) -> None:
    session.add(
        Event(
            interview_id=interview_id,
            at=at or utcnow(),
            actor=actor,
            kind=kind,
            payload=payload,
            origin_device=device_id,
        )
    )


def site_of(session: Session, site_id: str) -> Site:
    site = session.get(Site, site_id)
    if site is None:
        raise NotFoundError(_("Site {id} not found.").format(id=site_id))
    return site
