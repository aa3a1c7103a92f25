"""The post-processing queue: an empty recording is settled at once, and no single bad recording holds back the
compression of the others (it ran at every start-up and stopped at the first failure)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from capnum_desktop.domain.status import RecordingState
from capnum_desktop.services.recording_processing import pending_recordings, process_pending
from capnum_desktop.services.recordings import WAV_CODEC
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Event
from tests.audio.recording_helpers import record, recording_row


def test_an_empty_or_broken_recording_does_not_block_the_others(demo_store: DataStore, make_interview) -> None:  # type: ignore[no-untyped-def]
    empty = record(demo_store, make_interview(), 0)  # Record then Stop at once
    missing = record(demo_store, make_interview(), 1)
    (demo_store.data_dir / recording_row(demo_store, missing).path).unlink()  # its file lost (copied away by hand, say)
    sound = record(demo_store, make_interview(), 2)
    assert pending_recordings(demo_store) == [empty, missing, sound]

    run = process_pending(demo_store)

    assert [p.recording_id for p in run.processed] == [empty, sound]
    assert list(run.failed) == [missing] and "missing" in run.failed[missing]
    assert pending_recordings(demo_store) == [missing]  # only the broken one waits (and is retried next time)
    settled = recording_row(demo_store, empty)
    assert (settled.state, settled.codec, settled.duration_ms) == (RecordingState.READY.value, WAV_CODEC, 0)
    assert (demo_store.data_dir / settled.path).stat().st_size == settled.size_bytes == 44
    compressed = recording_row(demo_store, sound)
    assert compressed.state == RecordingState.READY.value and compressed.codec != WAV_CODEC
    with demo_store.session() as session:
        payloads = [e.payload for e in session.scalars(select(Event).where(Event.kind == "recording_processed"))]
    assert {"recording_id": empty, "codec": WAV_CODEC, "duration_ms": 0, "size_bytes": 44, "empty": True} in payloads

    assert process_pending(demo_store).processed == []  # the next start-up: nothing new, no error


def test_a_cancellation_still_stops_the_whole_run(demo_store: DataStore, make_interview) -> None:  # type: ignore[no-untyped-def]
    first = record(demo_store, make_interview(), 1)
    second = record(demo_store, make_interview(), 1)

    class Cancelled(Exception):
        pass

    def progress(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        process_pending(demo_store, progress)
    assert pending_recordings(demo_store) == [first, second]
