"""Regressions of the merge: one question answered on both sides, notes deleted in the field, interviews finished
in the field while the office looked at them, conflicts and erasures."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from capnum_desktop.services.answers import AnswerInput, add_note, delete_note, save_answer
from capnum_desktop.services.bundle_import import import_bundle
from capnum_desktop.services.conflicts import list_conflicts, resolve_conflict
from capnum_desktop.services.erasure import erase_participant
from capnum_desktop.services.interviews import finish_interview, set_position, update_memo
from capnum_desktop.services.participants import ContactInput, create_participant
from capnum_desktop.storage.database import backup_database
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Answer, Conflict, Event, Interview, Note, Participant, Tombstone
from tests.bundles.conftest import StoreFactory
from tests.bundles.field_pair import Pair, database_bytes, make_pair


@pytest.fixture
def pair(make_store: StoreFactory, tmp_path: Path) -> Pair:
    return make_pair(make_store, tmp_path)


def _answer(store: DataStore, interview_id: str, question_id: str) -> Answer | None:
    with store.session() as session:
        return session.scalar(
            select(Answer).where(Answer.interview_id == interview_id, Answer.question_id == question_id)
        )


def _answers_both_sides(pair: Pair) -> tuple[str, str, str]:
    """The laptop syncs mid-interview; then the office and the laptop both answer question q (different ids)."""
    _participant, interview = pair.new_interview()
    questions = pair.long_text_questions(interview)
    save_answer(pair.laptop, interview, questions[0], AnswerInput(value="première partie"))
    assert pair.sync().error is None
    q = questions[1]
    save_answer(pair.coord, interview, q, AnswerInput(value="(bureau) complété d’après les notes papier"))
    save_answer(pair.laptop, interview, q, AnswerInput(value="séance 2 : réponse tapée sur le terrain"))
    for other in questions[2:5]:
        save_answer(pair.laptop, interview, other, AnswerInput(value=f"séance 2, {other}"))
    add_note(pair.laptop, interview, "note de la séance 2")
    return interview, q, questions[2]


# --- #2 the same answer created on both sides ----------------------------------------------------------------
def test_an_answer_created_on_both_sides_is_a_conflict_not_a_refused_bundle(pair: Pair) -> None:
    interview, q, other = _answers_both_sides(pair)
    office = _answer(pair.coord, interview, q)
    assert office is not None
    summary = pair.sync()
    assert summary.error is None and summary.conflicts == 1
    assert _answer(pair.coord, interview, other) is not None  # the rest of the bundle is merged
    with pair.coord.session() as session:
        assert session.scalar(select(func.count()).select_from(Note).where(Note.text == "note de la séance 2")) == 1
    [conflict] = list_conflicts(pair.coord)
    assert (conflict.entity, conflict.entity_id) == ("answer", office.id)
    assert conflict.local["value"].startswith("(bureau)") and conflict.incoming["value"].startswith("séance 2")
    # The same bundle again (an incremental overlap) proposes nothing new.
    assert import_bundle(pair.coord, pair.out / "b2.capnum").conflicts == 0
    assert len(list_conflicts(pair.coord)) == 1

    resolve_conflict(pair.coord, conflict.id, "incoming")
    taken = _answer(pair.coord, interview, q)
    assert taken is not None and taken.id == office.id and taken.value == "séance 2 : réponse tapée sur le terrain"
    # The interviewer's later edits of that answer now arrive as plain updates.
    save_answer(pair.laptop, interview, q, AnswerInput(value="séance 2, relue"))
    later = pair.sync()
    assert later.error is None and later.conflicts == 0
    assert _answer(pair.coord, interview, q).value == "séance 2, relue"  # type: ignore[union-attr]


def test_keep_both_and_keep_local_on_an_answer_created_on_both_sides(pair: Pair) -> None:
    interview, q, _other = _answers_both_sides(pair)
    assert pair.sync().conflicts == 1
    [conflict] = list_conflicts(pair.coord)
    resolve_conflict(pair.coord, conflict.id, "both")
    assert _answer(pair.coord, interview, q).value.startswith("(bureau)")  # type: ignore[union-attr]
    with pair.coord.session() as session:
        notes = list(session.scalars(select(Note.text).where(Note.question_id == q)))
    assert len(notes) == 1 and "séance 2 : réponse tapée sur le terrain" in notes[0]
    # A later bundle carrying the same field version does not overwrite the decision.
    assert pair.sync(full=True).conflicts == 0
    assert _answer(pair.coord, interview, q).value.startswith("(bureau)")  # type: ignore[union-attr]


def test_keep_local_survives_the_same_version_arriving_again(pair: Pair) -> None:
    _participant, interview = pair.new_interview()
    q = pair.long_text_questions(interview)[0]
    save_answer(pair.laptop, interview, q, AnswerInput(value="v1"))
    pair.sync()
    save_answer(pair.coord, interview, q, AnswerInput(value="bureau"))
    for text in ("terrain a", "terrain b"):  # the laptop's revision passes the office's
        save_answer(pair.laptop, interview, q, AnswerInput(value=text))
    assert pair.sync().conflicts == 1
    resolve_conflict(pair.coord, list_conflicts(pair.coord)[0].id, "local")
    assert pair.sync(full=True).conflicts == 0
    assert _answer(pair.coord, interview, q).value == "bureau"  # type: ignore[union-attr]


def test_the_same_answer_typed_on_both_sides_is_no_conflict(pair: Pair) -> None:
    _participant, interview = pair.new_interview()
    pair.sync()
    q = pair.long_text_questions(interview)[0]
    for store in (pair.coord, pair.laptop):
        save_answer(store, interview, q, AnswerInput(value="même réponse"))
    summary = pair.sync()
    assert summary.error is None and summary.conflicts == 0
    with pair.coord.session() as session:
        assert session.scalar(select(func.count()).select_from(Answer).where(Answer.question_id == q)) == 1


def test_a_contact_added_on_both_sides_is_a_conflict_not_a_refused_bundle(pair: Pair) -> None:
    """No service adds a contact after the participant's creation today; the merge must hold if one ever does."""
    from capnum_desktop.storage.models import Contact

    participant, _interview = pair.new_interview()
    pair.sync()
    for store, phone in ((pair.coord, "0102030405"), (pair.laptop, "0605040302")):
        with store.session_factory.begin() as session:
            session.add(Contact(participant_id=participant, phone=phone, origin_device=store.device_id))
    summary = pair.sync()
    assert summary.error is None and summary.conflicts == 1
    [conflict] = list_conflicts(pair.coord)
    resolve_conflict(pair.coord, conflict.id, "incoming")
    with pair.coord.session() as session:
        assert [c.phone for c in session.scalars(select(Contact))] == ["0605040302"]


# --- #8 a deleted note is deleted everywhere ----------------------------------------------------------------
def test_a_deleted_note_is_deleted_at_the_coordinator_and_never_comes_back(pair: Pair) -> None:
    _participant, interview = pair.new_interview()
    note = add_note(pair.laptop, interview, "Oups : le vrai nom est Fatou Ndiaye, 06 11 22 33 44")
    assert pair.sync().new > 0
    delete_note(pair.laptop, note)
    with pair.laptop.session() as session:
        assert session.scalar(select(Tombstone.entity).where(Tombstone.entity_id == note)) == "note"
    pair.sync()
    with pair.coord.session() as session:
        assert session.get(Note, note) is None
    # A late copy (the first bundle again, a full bundle) does not bring it back.
    assert import_bundle(pair.coord, pair.out / "b1.capnum").new == 0
    pair.sync(full=True)
    with pair.coord.session() as session:
        assert session.get(Note, note) is None
        payloads = [e.payload for e in session.scalars(select(Event).where(Event.kind == "note_deleted"))]
    assert payloads and all("text" not in p for p in payloads)
    for store in (pair.laptop, pair.coord):
        raw = database_bytes(store).lower()
        assert b"ndiaye" not in raw and b"06 11 22 33 44" not in raw


def test_a_note_deleted_at_the_office_while_in_conflict_leaves_no_copy(pair: Pair) -> None:
    from capnum_desktop.services.answers import update_note

    _participant, interview = pair.new_interview()
    note = add_note(pair.laptop, interview, "première version")
    pair.sync()
    update_note(pair.coord, note, text="bureau")
    update_note(pair.laptop, note, text="terrain : Fatou Ndiaye")
    assert pair.sync().conflicts == 1
    delete_note(pair.coord, note)
    with pair.coord.session() as session:
        assert session.scalar(select(func.count()).select_from(Conflict)) == 0
    assert b"ndiaye" not in database_bytes(pair.coord).lower()


# --- #9 keep both on an interview; navigation is no conflict ----------------------------------------------
def test_keep_both_on_an_interview_keeps_the_fields_status(pair: Pair) -> None:
    _participant, interview = pair.new_interview()
    pair.sync()
    update_memo(pair.coord, interview, "Bureau : deuxième séance jeudi")
    finish_interview(pair.laptop, interview, memo="Terrain : terminé, participante fatiguée")
    assert pair.sync().conflicts == 1
    [conflict] = list_conflicts(pair.coord)
    resolve_conflict(pair.coord, conflict.id, "both")
    with pair.coord.session() as session, pair.laptop.session() as field_session:
        office, field = session.get(Interview, interview), field_session.get(Interview, interview)
        assert office is not None and field is not None
        assert office.status == "completed" and office.ended_at == field.ended_at
        assert office.memo == "Bureau : deuxième séance jeudi\n\nTerrain : terminé, participante fatiguée"
    assert pair.sync(full=True).conflicts == 0  # the decision holds


def test_looking_at_an_interview_at_the_office_is_no_conflict(pair: Pair) -> None:
    _participant, interview = pair.new_interview()
    pair.sync()
    questions = pair.long_text_questions(interview)
    set_position(pair.coord, interview, questions[3])  # the coordinator opens the interview to read it
    set_position(pair.laptop, interview, questions[1])
    finish_interview(pair.laptop, interview)
    summary = pair.sync()
    assert summary.conflicts == 0
    with pair.coord.session() as session:
        assert session.get(Interview, interview).status == "completed"  # type: ignore[union-attr]


def test_a_conflict_on_the_position_alone_resolves_itself(pair: Pair) -> None:
    """Records from older versions, whose navigation counted as an edit: a position is per-laptop state."""
    _participant, interview = pair.new_interview()
    pair.sync()
    questions = pair.long_text_questions(interview)
    for store, position in ((pair.coord, questions[3]), (pair.laptop, questions[1])):
        with store.session_factory.begin() as session:
            row = session.get(Interview, interview)
            assert row is not None
            row.current_question_id = position
            row.touch(store.device_id)
    summary = pair.sync()
    assert summary.conflicts == 0
    with pair.coord.session() as session:
        assert session.get(Interview, interview).current_question_id == questions[3]  # type: ignore[union-attr]
    # The field's later changes still arrive.
    finish_interview(pair.laptop, interview)
    assert pair.sync().conflicts == 0
    with pair.coord.session() as session:
        assert session.get(Interview, interview).status == "completed"  # type: ignore[union-attr]


# --- #5 an erasure leaves no conflict behind --------------------------------------------------------------
def _conflict_on_erased_words(pair: Pair) -> tuple[str, str]:
    participant, interview = pair.new_interview(ContactInput(full_name="Zoubida Secret", phone="0601020304"))
    q = pair.long_text_questions(interview)[0]
    save_answer(pair.laptop, interview, q, AnswerInput(value="Je m’appelle Zoubida"))
    note = add_note(pair.laptop, interview, "note initiale")
    pair.sync()
    save_answer(pair.coord, interview, q, AnswerInput(value="(bureau) Zoubida, fils à la poste"))
    save_answer(pair.laptop, interview, q, AnswerInput(value="Zoubida ajoute : 12 rue des Lilas"))
    from capnum_desktop.services.answers import update_note

    update_note(pair.coord, note, text="bureau Marguerite")
    update_note(pair.laptop, note, text="terrain Marguerite")
    assert pair.sync().conflicts == 2
    return participant, interview


@pytest.mark.parametrize("where", ["office", "field"])
def test_an_erasure_removes_the_conflicts_holding_the_persons_words(pair: Pair, where: str) -> None:
    participant, _interview = _conflict_on_erased_words(pair)
    if where == "office":
        erase_participant(pair.coord, participant, reason="retrait")
    else:
        erase_participant(pair.laptop, participant, reason="retrait")
        assert pair.sync().erased == 1
    with pair.coord.session() as session:
        assert session.scalar(select(func.count()).select_from(Conflict)) == 0
        assert session.get(Participant, participant) is None
    assert list_conflicts(pair.coord, include_resolved=True) == []
    raw = database_bytes(pair.coord)
    for secret in (b"Lilas", b"Zoubida", b"Marguerite", b"0601020304"):
        assert secret not in raw, secret


# --- #17 codes are never given twice, even across laptops --------------------------------------------------
def test_a_code_erased_elsewhere_is_not_given_again_here(pair: Pair) -> None:
    site = pair.first_site()
    first = create_participant(pair.laptop, site_id=site)
    second = create_participant(pair.laptop, site_id=site)
    pair.sync()
    erase_participant(pair.laptop, second)
    assert pair.sync().erased == 1
    with pair.coord.session() as session:
        codes = {p.id: p.code for p in session.scalars(select(Participant))}
    assert first in codes and second not in codes
    newcomer = create_participant(pair.coord, site_id=site)
    with pair.coord.session() as session:
        code = session.get(Participant, newcomer).code  # type: ignore[union-attr]
    assert code.endswith("-003"), code


def test_an_erasure_received_in_a_bundle_reaches_the_coordinators_backups(pair: Pair) -> None:
    words = "Yasmina Kaddour"
    participant, _interview = pair.new_interview(ContactInput(full_name=words, phone="0699887766"))
    pair.sync()
    backup = backup_database(pair.coord.db_path, "before-update")  # as a migration at the coordinator makes
    assert words.encode() in backup.read_bytes(), "the words must be there before: the test proves nothing"

    erase_participant(pair.laptop, participant, reason="retrait")
    assert pair.sync().erased == 1

    assert words.encode() not in backup.read_bytes()
    assert b"0699887766" not in backup.read_bytes()
