"""Incremental sync and the laptop's clock: a clock set right again never makes a sync skip data."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from capnum_desktop.services.answers import AnswerInput, save_answer
from capnum_desktop.services.bundle_export import EXPORT_STATE_KEY
from capnum_desktop.services.bundle_import import import_bundle
from capnum_desktop.services.sync import sync_folder
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import SYNCED_MODELS, Answer, SyncState
from capnum_desktop.storage.types import utcnow
from tests.bundles.conftest import StoreFactory
from tests.bundles.field_pair import Pair, make_pair


@pytest.fixture
def pair(make_store: StoreFactory, tmp_path: Path) -> Pair:
    return make_pair(make_store, tmp_path)


def _mark(store: DataStore) -> object:
    with store.session() as session:
        state = session.get(SyncState, EXPORT_STATE_KEY)
        return state.last_sync_at if state else None


def _set_mark(store: DataStore, shift: timedelta) -> None:
    with store.session_factory.begin() as session:
        state = session.get(SyncState, EXPORT_STATE_KEY)
        assert state is not None
        state.last_sync_at = utcnow() + shift


def test_a_sync_after_the_clock_was_set_back_sends_everything(pair: Pair, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    sync_folder(pair.laptop, share)
    _set_mark(pair.laptop, timedelta(days=1))  # that sync ran while the clock read one day ahead
    _participant, interview = pair.new_interview()
    q = pair.long_text_questions(interview)[0]
    save_answer(pair.laptop, interview, q, AnswerInput(value="une heure d’entretien"))
    result = sync_folder(pair.laptop, share)
    assert result.exported is not None and not result.exported.empty
    assert result.exported.kind == "full" and result.exported.counts["answer"] == 1
    assert result.exported.clock_went_back
    assert any("clock" in w for w in result.warnings)
    summary = import_bundle(pair.coord, result.exported.path)
    with pair.coord.session() as session:
        assert session.scalar(select(Answer.value).where(Answer.interview_id == interview)) == "une heure d’entretien"
    assert summary.error is None
    # The mark is back in the present: the next sync is incremental again.
    mark = _mark(pair.laptop)
    assert isinstance(mark, type(utcnow())) and mark <= utcnow()
    save_answer(pair.laptop, interview, q, AnswerInput(value="relue"))
    again = sync_folder(pair.laptop, share)
    assert again.exported is not None and again.exported.kind == "incremental"
    assert not again.exported.clock_went_back and again.exported.counts["answer"] == 1


def test_an_empty_sync_does_not_move_the_mark(pair: Pair, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    pair.new_interview()
    sync_folder(pair.laptop, share)
    before = _mark(pair.laptop)
    with pair.laptop.session_factory.begin() as session:  # all typed an hour before that sync (past the overlap)
        for model in SYNCED_MODELS:
            for row in session.scalars(select(model)):
                row.updated_at -= timedelta(hours=1)
    empty = sync_folder(pair.laptop, share)
    assert empty.exported is not None and empty.exported.empty and not empty.exported.path.exists()
    assert _mark(pair.laptop) == before


def test_the_mark_is_the_newest_record_sent_not_the_export_time(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clock running ahead only while exporting (not while the data was typed) moves no data out of reach."""
    import capnum_desktop.services.bundle_export as bundle_export

    share = tmp_path / "share"
    share.mkdir()
    _participant, interview = pair.new_interview()
    with monkeypatch.context() as patch:
        patch.setattr(bundle_export, "utcnow", lambda: utcnow() + timedelta(days=1))
        sync_folder(pair.laptop, share)
    mark = _mark(pair.laptop)
    assert isinstance(mark, type(utcnow())) and mark <= utcnow()
    q = pair.long_text_questions(interview)[0]
    save_answer(pair.laptop, interview, q, AnswerInput(value="tapée après la correction de l’horloge"))
    result = sync_folder(pair.laptop, share)
    assert result.exported is not None and result.exported.kind == "incremental"
    assert not result.exported.clock_went_back and result.exported.counts["answer"] == 1
