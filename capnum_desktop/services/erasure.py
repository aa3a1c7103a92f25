"""Erase a participant who withdrew consent: every interview, answer, note, recording and contact detail.

A tombstone records the erasure (no personal data in it) so that bundles carry it to every other laptop.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from capnum_desktop.domain.messages import _
from capnum_desktop.services.erasure_backups import erase_from_backups
from capnum_desktop.services.errors import NotFoundError
from capnum_desktop.services.participants import remember_code
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import (
    Answer,
    Conflict,
    Consent,
    Contact,
    Event,
    Interview,
    Note,
    Participant,
    Recording,
    Tombstone,
)
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
    erase_from_backups(store, participant_id)  # the automatic backups in DATA/backups/ too
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
    # Conflicts hold whole copies of both versions of a record: they go with the records.
    delete_conflicts_of(session, _record_ids(session, participant_id, [i.id for i in interviews]))
    for interview in interviews:
        for event in session.scalars(select(Event).where(Event.interview_id == interview.id)):
            session.delete(event)
        session.delete(interview)  # answers, notes, recordings, consents cascade
    for consent in session.scalars(select(Consent).where(Consent.participant_id == participant_id)):
        session.delete(consent)
    participant = session.get(Participant, participant_id)
    if participant is not None:
        remember_code(session, participant.site_id, participant.code)  # never given to someone else
        session.delete(participant)  # the contact row cascades
    return folders


def _record_ids(session: Session, participant_id: str, interview_ids: list[str]) -> set[str]:
    """Ids of every record holding something of the participant: the participant, its contact, its interviews and
    all they hold."""
    ids = {participant_id, *interview_ids}
    ids.update(session.scalars(select(Contact.id).where(Contact.participant_id == participant_id)))
    ids.update(session.scalars(select(Consent.id).where(Consent.participant_id == participant_id)))
    for model in (Consent, Answer, Note, Recording, Event):
        for start in range(0, len(interview_ids), 500):
            chunk = interview_ids[start : start + 500]
            ids.update(session.scalars(select(model.id).where(model.interview_id.in_(chunk))))
    return ids


def purge_notes(session: Session, note_ids: Iterable[str]) -> None:
    """Delete these notes and the conflicts copying them (a deletion made here or received in a bundle)."""
    ids = sorted(set(note_ids))
    for start in range(0, len(ids), 500):
        session.execute(delete(Note).where(Note.id.in_(ids[start : start + 500])))
    delete_conflicts_of(session, ids)


def delete_conflicts_of(session: Session, entity_ids: Iterable[str]) -> None:
    """Remove the conflicts (pending or resolved) about these records: they copy the records' content."""
    ids = sorted(set(entity_ids))
    for start in range(0, len(ids), 500):
        session.execute(delete(Conflict).where(Conflict.entity_id.in_(ids[start : start + 500])))


def erase_participant_by_code(store: DataStore, code: str, reason: str | None = None) -> str:
    with store.session() as session:
        participant_id = session.scalar(select(Participant.id).where(Participant.code == code))
    if participant_id is None:
        raise NotFoundError(_("No participant with code {code}.").format(code=code))
    return erase_participant(store, participant_id, reason)
