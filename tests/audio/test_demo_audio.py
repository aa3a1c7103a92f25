"""`capnum demo seed --audio-seconds S`: a real Opus recording per interview, made like a live one, notes placed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from capnum_desktop.audio.transcode import decoded_duration_ms
from capnum_desktop.domain.status import AUDIO_MARKER_EVENT
from capnum_desktop.services.db_check import check_database
from capnum_desktop.services.demo_seed import SeedOptions, seed_demo
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Consent, Event, Note, Recording


def test_seeded_interviews_carry_real_transcoded_audio_with_placed_notes(store: DataStore) -> None:
    ids = seed_demo(store, SeedOptions(interviews=3, seed=4, audio_seconds=6))
    with store.session() as session:
        recordings = list(session.scalars(select(Recording)))
        assert sorted(r.interview_id for r in recordings) == sorted(ids)
        assert all(c.audio_recording for c in session.scalars(select(Consent)))  # no recording without consent
        for rec in recordings:
            assert (rec.state, rec.codec, rec.kind) == ("ready", "opus", "interview")
            assert abs(decoded_duration_ms(store.data_dir / rec.path) - 6000) <= 100
            assert rec.sha256 and rec.size_bytes > 1000
        notes = list(session.scalars(select(Note)))
        assert notes and all(n.recording_id and 0 <= (n.audio_offset_ms or -1) < 6000 for n in notes)
        markers = list(session.scalars(select(Event).where(Event.kind == AUDIO_MARKER_EVENT)))
        assert markers and all(0 <= m.payload["offset_ms"] < 6000 for m in markers)
    assert check_database(store).ok
    assert not list(store.audio_dir.rglob("*.wav"))  # transcoded and verified, WAV gone


def test_negative_audio_seconds_is_refused(store: DataStore) -> None:
    with pytest.raises(ServiceError, match="audio-seconds"):
        seed_demo(store, SeedOptions(interviews=1, audio_seconds=-1))
