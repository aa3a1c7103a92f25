"""Erase a participant who withdrew consent: every interview, answer, note, recording and contact detail.

A tombstone records the erasure (no personal data in it) so that bundles carry it to every other laptop.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from capnum_desktop.domain.messages import _
from capnum_desktop.services.errors import NotFoundError
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Consent, Event, Interview, Participant, Tombstone
from capnum_desktop.storage.types import utcnow

PARTICIPANT = "participant"
INTERVIEW = "interview"


def erase_participant(store: DataStore, participant_id: str, reason: str | None = None) -> str:
    """Returns the tombstone id. Audio files are removed after the database commit."""
    with store.session_factory.begin() as session:
        if session.get(Participant, participant_id) is None:
            raise NotFoundError(_("No participant {id}.").format(id=participant_id))
        interview_ids = list(session.scalars(select(Interview.id).where(Interview.participant_id == participant_id)))
        audio_dirs = apply_participant_erasure(session, participant_id, store.data_dir)
        now = utcnow()
        # One tombstone for the participant and one per interview: a late bundle holding records of one of these
        # interviews (a note, a recording) is then dropped on import instead of refused for a missing parent.
        stones = [(PARTICIPANT, participant_id)] + [(INTERVIEW, i) for i in interview_ids]
        tombstones = [
            Tombstone(entity=entity, entity_id=entity_id, erased_at=now, reason=reason, origin_device=store.device_id)
            for entity, entity_id in stones
        ]
        session.add_all(tombstones)
        session.flush()
        tombstone_id = tombstones[0].id
    for folder in audio_dirs:
        shutil.rmtree(folder, ignore_errors=True)
    scrub_deleted_text(store)
    return tombstone_id


def scrub_deleted_text(store: DataStore) -> None:
    """Purge erased words from the search index's segments and the WAL (secure_delete zeroes the pages)."""
    with store.engine.begin() as conn:
        conn.execute(text("INSERT INTO text_search(text_search) VALUES ('optimize')"))
    with store.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


def apply_participant_erasure(session: Session, participant_id: str, data_dir: Path) -> list[Path]:
    """Delete the participant's rows in `session`; return the audio folders to remove once committed."""
    interviews = list(session.scalars(select(Interview).where(Interview.participant_id == participant_id)))
    folders = [data_dir / "audio" / i.id for i in interviews]
    for interview in interviews:
        for event in session.scalars(select(Event).where(Event.interview_id == interview.id)):
            session.delete(event)
        session.delete(interview)  # answers, notes, recordings, consents cascade
    for consent in session.scalars(select(Consent).where(Consent.participant_id == participant_id)):
        session.delete(consent)
    participant = session.get(Participant, participant_id)
    if participant is not None:
        session.delete(participant)  # the contact row cascades
    return folders


def erase_participant_by_code(store: DataStore, code: str, reason: str | None = None) -> str:
    with store.session() as session:
        participant_id = session.scalar(select(Participant.id).where(Participant.code == code))
    if participant_id is None:
        raise NotFoundError(_("No participant with code {code}.").format(code=code))
    return erase_participant(store, participant_id, reason)
