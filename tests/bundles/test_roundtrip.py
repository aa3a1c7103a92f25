"""Two interviewers, one coordinator: everything arrives bit-identical, re-imports change nothing, edits made on
both sides become conflicts, erasures travel both ways."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from capnum_desktop.bundles.records import encode_row
from capnum_desktop.services.bundle_export import export_bundle
from capnum_desktop.services.bundle_import import import_bundle
from capnum_desktop.services.conflicts import list_conflicts, resolve_conflict
from capnum_desktop.services.erasure import erase_participant
from capnum_desktop.services.keys import remember_identity
from capnum_desktop.services.sync import sync_folder
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Answer, Interview, Note, Participant, Recording
from tests.bundles.conftest import StoreFactory, add_recordings, snapshot

COMPARED = {"interview": Interview, "answer": Answer, "note": Note, "recording": Recording}


def _rows(store: DataStore, model: type, where: str | None = None) -> dict[str, dict[str, object]]:
    with store.session() as session:
        rows = session.scalars(select(model))
        return {r.id: encode_row(r, model.__tablename__) for r in rows if where is None or r.origin_device == where}


@pytest.fixture
def field(field_template: Path, make_store: StoreFactory, tmp_path: Path) -> dict[str, object]:
    for name in ("coord", "i1", "i2", "keys"):
        shutil.copytree(field_template / name, tmp_path / name)
    coord = make_store("coord")
    remember_identity(coord, tmp_path / "keys" / "identity.txt")
    (tmp_path / "out").mkdir()
    return {"coord": coord, "i1": make_store("i1"), "i2": make_store("i2"), "tmp": tmp_path}


def test_round_trip_bit_identical_and_idempotent(field: dict[str, object]) -> None:
    coord, i1, i2, tmp = field["coord"], field["i1"], field["i2"], field["tmp"]
    assert isinstance(coord, DataStore) and isinstance(i1, DataStore) and isinstance(i2, DataStore)
    assert isinstance(tmp, Path)
    bundles = []
    for laptop in (i1, i2):
        result = export_bundle(laptop, tmp / "out")
        assert result.encrypted and result.counts["audio_files"] == 4
        bundles.append(result.path)
    for path in bundles:
        summary = import_bundle(coord, path)
        assert summary.new > 0 and summary.conflicts == 0 and summary.error is None
    for laptop in (i1, i2):
        for entity, model in COMPARED.items():
            sent = _rows(laptop, model)
            received = _rows(coord, model)
            assert sent, entity
            for record_id, row in sent.items():
                assert received[record_id] == row, f"{entity} {record_id} differs"
        with laptop.session() as session:
            for rec in session.scalars(select(Recording)):
                data = (coord.data_dir / rec.path).read_bytes()
                assert data == (laptop.data_dir / rec.path).read_bytes()
                assert hashlib.sha256(data).hexdigest() == rec.sha256
    # Both laptops numbered their participants BAG-001…: the second set keeps its rows, under distinct codes.
    with coord.session() as session:
        codes = list(session.scalars(select(Participant.code)))
    assert len(codes) == len(set(codes)) == 8
    before = snapshot(coord)
    for path in bundles:
        again = import_bundle(coord, path)
        assert (again.new, again.updated, again.conflicts) == (0, 0, 0)
    assert snapshot(coord) == before


def test_edit_on_both_sides_is_a_conflict_not_a_loss(field: dict[str, object]) -> None:
    coord, i1, tmp = field["coord"], field["i1"], field["tmp"]
    assert isinstance(coord, DataStore) and isinstance(i1, DataStore) and isinstance(tmp, Path)
    import_bundle(coord, export_bundle(i1, tmp / "out", since_last_sync=True).path)
    with i1.session() as session:
        answer_id = session.scalar(select(Answer.id).where(Answer.free_text.is_(None)).limit(1))
    for store, text in ((i1, "version terrain"), (coord, "version bureau")):
        with store.session_factory.begin() as session:
            answer = session.get(Answer, answer_id)
            assert answer is not None
            answer.free_text = text
            answer.touch(store.device_id)
    incremental = export_bundle(i1, tmp / "out", since_last_sync=True)
    assert incremental.kind == "incremental"
    summary = import_bundle(coord, incremental.path)
    assert summary.conflicts == 1
    with coord.session() as session:
        assert session.get(Answer, answer_id).free_text == "version bureau"  # type: ignore[union-attr]
    [conflict] = list_conflicts(coord)
    assert conflict.entity == "answer" and "free_text" in conflict.fields
    assert conflict.incoming["free_text"] == "version terrain"
    # Importing the same bundle again proposes nothing new.
    assert import_bundle(coord, incremental.path).conflicts == 0
    resolve_conflict(coord, conflict.id[:8], "both")
    with coord.session() as session:
        assert session.get(Answer, answer_id).free_text == "version bureau"  # type: ignore[union-attr]
        notes = list(session.scalars(select(Note.text).where(Note.text.contains("version terrain"))))
    assert len(notes) == 1
    assert list_conflicts(coord) == []


def test_keep_incoming_then_later_edits_flow(field: dict[str, object]) -> None:
    coord, i1, tmp = field["coord"], field["i1"], field["tmp"]
    assert isinstance(coord, DataStore) and isinstance(i1, DataStore) and isinstance(tmp, Path)
    import_bundle(coord, export_bundle(i1, tmp / "out", since_last_sync=True).path)
    with i1.session() as session:
        interview_id = session.scalar(select(Interview.id).limit(1))
    for store, memo in ((i1, "terrain"), (coord, "bureau")):
        with store.session_factory.begin() as session:
            interview = session.get(Interview, interview_id)
            assert interview is not None
            interview.memo = memo
            interview.touch(store.device_id)
    import_bundle(coord, export_bundle(i1, tmp / "out", since_last_sync=True).path)
    [conflict] = list_conflicts(coord)
    resolve_conflict(coord, conflict.id, "incoming")
    with coord.session() as session:
        assert session.get(Interview, interview_id).memo == "terrain"  # type: ignore[union-attr]
    # The interviewer edits again: an ordinary update now, no new conflict.
    with i1.session_factory.begin() as session:
        interview = session.get(Interview, interview_id)
        assert interview is not None
        interview.memo = "terrain, relu"
        interview.touch(i1.device_id)
        interview.touch(i1.device_id)  # two edits: its revision passes the coordinator's
    summary = import_bundle(coord, export_bundle(i1, tmp / "out", since_last_sync=True).path)
    assert summary.conflicts == 0 and summary.updated >= 1
    with coord.session() as session:
        assert session.get(Interview, interview_id).memo == "terrain, relu"  # type: ignore[union-attr]


def test_erasure_travels_both_ways(field: dict[str, object]) -> None:
    coord, i1, i2, tmp = field["coord"], field["i1"], field["i2"], field["tmp"]
    assert isinstance(coord, DataStore) and isinstance(i1, DataStore) and isinstance(i2, DataStore)
    assert isinstance(tmp, Path)
    share = tmp / "share"
    share.mkdir()
    sync_folder(i1, share)
    sync_folder(i2, share)
    result = sync_folder(coord, share)
    assert result.role == "coordinator" and all(r.error is None for r in result.imported)
    old_bundle_i2 = next(p for p in share.glob("*.capnum") if i2.device_id[:8] in p.name)
    # Erased at the office -> erased on the laptop at its next sync.
    with i2.session() as session:
        victim = session.scalar(select(Interview).limit(1))
        assert victim is not None
    erase_participant(coord, victim.participant_id, reason="retrait du consentement")
    sync_folder(coord, share)
    sync_folder(i2, share)
    with i2.session() as session:
        assert session.get(Participant, victim.participant_id) is None
        assert session.get(Interview, victim.id) is None
    assert not (i2.data_dir / "audio" / victim.id).exists()
    # An old bundle still carrying that participant arrives late: its records are dropped.
    late = import_bundle(coord, old_bundle_i2)
    assert late.dropped > 0
    with coord.session() as session:
        assert session.get(Participant, victim.participant_id) is None
    # Erased on a laptop -> erased at the office.
    with i1.session() as session:
        other = session.scalar(select(Interview).limit(1))
        assert other is not None
    erase_participant(i1, other.participant_id)
    sync_folder(i1, share)
    result = sync_folder(coord, share)
    assert sum(r.erased for r in result.imported) == 1 and all(r.error is None for r in result.imported)
    with coord.session() as session:
        assert session.get(Interview, other.id) is None
    assert not (coord.data_dir / "audio" / other.id).exists()


def test_more_recordings_arrive_in_incremental(field: dict[str, object]) -> None:
    coord, i1, tmp = field["coord"], field["i1"], field["tmp"]
    assert isinstance(coord, DataStore) and isinstance(i1, DataStore) and isinstance(tmp, Path)
    import_bundle(coord, export_bundle(i1, tmp / "out", since_last_sync=True).path)
    new_ids = add_recordings(i1, seconds=0.2, limit=1)
    inc = export_bundle(i1, tmp / "out", since_last_sync=True)
    assert inc.kind == "incremental" and inc.counts["audio_files"] >= 1
    summary = import_bundle(coord, inc.path)
    assert summary.new >= 1
    with coord.session() as session:
        rec = session.get(Recording, new_ids[0])
        assert rec is not None
    assert (coord.data_dir / rec.path).read_bytes() == (i1.data_dir / rec.path).read_bytes()


def test_seeded_recordings_travel_bit_identical(make_store: StoreFactory, tmp_path: Path) -> None:
    """Real recordings made by `demo seed --audio-seconds` (transcoded like field ones) arrive byte for byte."""
    from capnum_desktop.services.demo_seed import SeedOptions, seed_demo

    laptop, office = make_store("laptop"), make_store("office")
    seed_demo(laptop, SeedOptions(interviews=2, seed=5, audio_seconds=2))
    sent = _rows(laptop, Recording)
    result = export_bundle(laptop, tmp_path / "audio.capnum", encrypt=False)
    assert result.counts["audio_files"] == len({r["path"] for r in sent.values()}) >= 2
    import_bundle(office, result.path)
    assert _rows(office, Recording) == sent
    for row in sent.values():
        data = (office.data_dir / str(row["path"])).read_bytes()
        assert data == (laptop.data_dir / str(row["path"])).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"]
