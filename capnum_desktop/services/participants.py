"""Participants (pseudonym codes per site), their separate contact details, and interviewers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from capnum_desktop.domain.messages import _
from capnum_desktop.services.errors import NotFoundError, ServiceError
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Contact, Interviewer, LocalSetting, Participant, Site
from capnum_desktop.storage.types import utcnow

UNDER_15_VALUE = "under_15"  # the age_range option that calls for a guardian's consent
# Local setting per site: the highest code number ever used here, kept when its participant is erased.
CODE_MARK_PREFIX = "participant_code_high:"


@dataclass(frozen=True)
class ContactInput:
    full_name: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None


def next_participant_code(session: Session, site_id: str) -> str:
    """The next free code of a site: BAG-001, BAG-002… (never reuses a code, even after erasure gaps).

    Above every code of the site here (created here or imported) and above the site's high-water mark, which
    keeps the codes of erased participants (see `remember_code`).
    """
    site = session.get(Site, site_id)
    if site is None:
        raise NotFoundError(_("Site {id} not found.").format(id=site_id))
    numbers = [
        number
        for code in session.scalars(select(Participant.code).where(Participant.site_id == site_id))
        if (number := _code_number(site.code, code)) is not None
    ]
    mark = session.get(LocalSetting, CODE_MARK_PREFIX + site_id)
    if mark is not None and isinstance(mark.value, int):
        numbers.append(mark.value)
    return f"{site.code}-{max(numbers, default=0) + 1:03d}"


def _code_number(site_code: str, code: str) -> int | None:
    match = re.match(rf"^{re.escape(site_code)}-(\d+)$", code)
    return int(match.group(1)) if match else None


def remember_code(session: Session, site_id: str, code: str) -> None:
    """Raise the site's high-water mark to `code` (a participant about to be erased): its code is never given
    again here."""
    site = session.get(Site, site_id)
    number = _code_number(site.code, code) if site is not None else None
    if number is None:
        return
    mark = session.get(LocalSetting, CODE_MARK_PREFIX + site_id)
    if mark is None:
        session.add(LocalSetting(key=CODE_MARK_PREFIX + site_id, value=number, updated_at=utcnow()))
    elif not isinstance(mark.value, int) or mark.value < number:
        mark.value = number
        mark.updated_at = utcnow()


def create_participant(
    store: DataStore,
    *,
    site_id: str,
    profile: dict[str, Any] | None = None,
    contact: ContactInput | None = None,
    code: str | None = None,
    declared_names: list[str] | None = None,
) -> str:
    with store.session_factory.begin() as session:
        return add_participant(
            session,
            store.device_id,
            site_id=site_id,
            profile=profile,
            contact=contact,
            code=code,
            declared_names=declared_names,
        )


def add_participant(
    session: Session,
    device_id: str,
    *,
    site_id: str,
    profile: dict[str, Any] | None = None,
    contact: ContactInput | None = None,
    code: str | None = None,
    declared_names: list[str] | None = None,
) -> str:
    """`create_participant` inside the caller's transaction."""
    site = session.get(Site, site_id)
    if site is None:
        raise NotFoundError(_("Site {id} not found.").format(id=site_id))
    code = code or next_participant_code(session, site_id)
    if session.scalar(select(Participant.id).where(Participant.study_id == site.study_id, Participant.code == code)):
        raise ServiceError(_("Participant code {code} is already used in this study.").format(code=code))
    profile = dict(profile or {})
    participant = Participant(
        study_id=site.study_id,
        site_id=site_id,
        code=code,
        profile=profile,
        under_15=profile.get("age_range") == UNDER_15_VALUE,
        declared_names=list(declared_names or []),
        origin_device=device_id,
    )
    session.add(participant)
    session.flush()
    if contact is not None and any(vars(contact).values()):
        session.add(Contact(participant_id=participant.id, origin_device=device_id, **vars(contact)))
    return participant.id


def update_profile(store: DataStore, participant_id: str, profile: dict[str, Any]) -> None:
    with store.session_factory.begin() as session:
        merge_profile(session, store.device_id, participant_id, profile)


def merge_profile(session: Session, device_id: str, participant_id: str, profile: dict[str, Any]) -> None:
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise NotFoundError(_("Participant {id} not found.").format(id=participant_id))
    participant.profile = {**participant.profile, **profile}
    participant.under_15 = participant.profile.get("age_range") == UNDER_15_VALUE
    participant.touch(device_id)


def ensure_interviewer(store: DataStore, name: str, study_id: str) -> str:
    """The interviewer of that name in the study, created on first use."""
    with store.session_factory.begin() as session:
        return interviewer_named(session, store.device_id, name, study_id)


def interviewer_named(session: Session, device_id: str, name: str, study_id: str) -> str:
    """`ensure_interviewer` inside the caller's transaction."""
    name = name.strip()
    if not name:
        raise ServiceError(_("The interviewer's name is empty."))
    existing = session.scalar(select(Interviewer).where(Interviewer.study_id == study_id, Interviewer.name == name))
    if existing is not None:
        return existing.id
    interviewer = Interviewer(study_id=study_id, name=name, origin_device=device_id)
    session.add(interviewer)
    session.flush()
    return interviewer.id
