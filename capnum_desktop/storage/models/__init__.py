"""SQLAlchemy models of the whole data model (DESIGN section 3)."""

from capnum_desktop.storage.models.base import Base, Synced
from capnum_desktop.storage.models.interview import Answer, Consent, Event, Interview, Note, Recording
from capnum_desktop.storage.models.study import (
    Contact,
    Device,
    GridVersion,
    Interviewer,
    LocalSetting,
    Participant,
    Site,
    Study,
)
from capnum_desktop.storage.models.sync import Conflict, ImportedBundle, SyncState, Tombstone

# Records that travel in bundles, in an order that satisfies foreign keys.
SYNCED_MODELS: tuple[type[Synced], ...] = (
    Study,
    Site,
    Interviewer,
    Device,
    GridVersion,
    Participant,
    Contact,
    Interview,
    Consent,
    Answer,
    Note,
    Recording,
    Event,
    Tombstone,
)

__all__ = [
    "SYNCED_MODELS",
    "Answer",
    "Base",
    "Conflict",
    "Consent",
    "Contact",
    "Device",
    "Event",
    "GridVersion",
    "ImportedBundle",
    "Interview",
    "Interviewer",
    "LocalSetting",
    "Note",
    "Participant",
    "Recording",
    "Site",
    "Study",
    "SyncState",
    "Synced",
    "Tombstone",
]
