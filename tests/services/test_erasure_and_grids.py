"""Erasure leaves a tombstone and nothing personal; grid versions are immutable once stored."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from capnum_desktop.bundled import resource_path
from capnum_desktop.domain.grid import QuestionType
from capnum_desktop.domain.ids import grid_version_id
from capnum_desktop.services.answers import AnswerInput, save_answer
from capnum_desktop.services.erasure import erase_participant
from capnum_desktop.services.errors import GridConflictError
from capnum_desktop.services.grid_versions import import_grid_file
from capnum_desktop.services.interviews import ConsentInput, start_interview
from capnum_desktop.services.participants import ContactInput, create_participant, ensure_interviewer
from capnum_desktop.services.queries import search_interviews, show_session
from capnum_desktop.services.studies import list_studies
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Answer, Contact, Interview, Note, Participant, Tombstone
from tests.services.test_interview_services import _first, _grid


def test_erasing_a_participant_removes_every_trace_but_a_tombstone(demo_store: DataStore) -> None:
    study = list_studies(demo_store)[0]
    participant = create_participant(
        demo_store,
        site_id=study.sites[0].id,
        contact=ContactInput(full_name="Nadia Haddad", phone="0611223344"),
    )
    interviewer = ensure_interviewer(demo_store, "Julien", study.id)
    interview = start_interview(
        demo_store,
        participant_id=participant,
        interviewer_id=interviewer,
        consent=ConsentInput(True, True, True, True),
    )
    qid = _first(_grid(demo_store, interview), QuestionType.LONG_TEXT).id
    save_answer(demo_store, interview, qid, AnswerInput(value="Je m’appelle Nadia et j’habite ici"))
    audio = demo_store.audio_dir / interview
    audio.mkdir(parents=True)
    (audio / "interview.opus").write_bytes(b"fake audio")

    erase_participant(demo_store, participant, reason="consentement retiré")

    with demo_store.session() as session:
        for model in (Participant, Contact, Interview, Answer, Note):
            assert session.scalar(select(func.count()).select_from(model)) == 0, model.__name__
        stones = {(t.entity, t.entity_id): t for t in session.scalars(select(Tombstone))}
    assert set(stones) == {("participant", participant), ("interview", interview)}
    assert all(t.origin_device == demo_store.device_id and t.reason == "consentement retiré" for t in stones.values())
    assert not audio.exists()
    assert search_interviews(demo_store, "Nadia") == []
    wal = Path(f"{demo_store.db_path}-wal")
    raw = demo_store.db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    for secret in ("Haddad", "0611223344", "habite ici"):
        assert secret.encode() not in raw, f"{secret} still readable in the database file"


def _write_variant(tmp_path: Path, version: int, edit_text: bool = False) -> Path:
    data = yaml.safe_load(resource_path("study", "grid.yaml").read_text("utf-8"))
    data["version"] = version
    if edit_text:
        question = data["sections"][0]["questions"][0]
        question["text"]["fr"] += " (modifiée)"
    target = tmp_path / f"grid-v{version}-{int(edit_text)}.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def test_same_grid_version_with_other_content_is_refused(demo_store: DataStore, tmp_path: Path) -> None:
    assert import_grid_file(demo_store, _write_variant(tmp_path, 1)).created is False  # same content: a no-op
    with pytest.raises(GridConflictError, match="new version"):
        import_grid_file(demo_store, _write_variant(tmp_path, 1, edit_text=True))


def test_a_new_grid_version_is_used_by_new_interviews_only(demo_store: DataStore, tmp_path: Path) -> None:
    study = list_studies(demo_store)[0]
    interviewer = ensure_interviewer(demo_store, "Awa", study.id)
    consent = ConsentInput(True, False, False, False)
    p1 = create_participant(demo_store, site_id=study.sites[0].id)
    old = start_interview(demo_store, participant_id=p1, interviewer_id=interviewer, consent=consent)
    info = import_grid_file(demo_store, _write_variant(tmp_path, 2))
    assert info.created and info.version == 2
    assert info.id == grid_version_id("capital-numerique-habitants", 2)  # the same id on every laptop
    p2 = create_participant(demo_store, site_id=study.sites[0].id)
    new = start_interview(demo_store, participant_id=p2, interviewer_id=interviewer, consent=consent)
    assert show_session(demo_store, old)["grid"]["version"] == 1
    assert show_session(demo_store, new)["grid"]["version"] == 2
