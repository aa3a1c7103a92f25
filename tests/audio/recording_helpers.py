"""Recordings made through the real service, for the audio tests."""

from __future__ import annotations

from capnum_desktop.audio.synth import speechlike_pcm
from capnum_desktop.services.recordings import start_recording, stop_recording
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Recording

RATE = 16000


def record(store: DataStore, interview_id: str, seconds: float) -> str:
    """A finished recording of `seconds` of speech-like sound (0: Record then Stop at once); its id."""
    active = start_recording(store, interview_id, background=False)
    if seconds:
        active.write(speechlike_pcm(seconds, rate=RATE, seed=5))
    return stop_recording(store, active).recording_id


def recording_row(store: DataStore, recording_id: str) -> Recording:
    with store.session() as session:
        row = session.get(Recording, recording_id)
        assert row is not None
        session.expunge(row)
        return row
