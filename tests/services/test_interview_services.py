"""The interview use cases shared by GUI and CLI: consent first, typed answers, notes, finish, audit, search."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from capnum_desktop.domain.grid import Grid, Question, QuestionType
from capnum_desktop.domain.status import AnswerStatus, CoverageState, NoteFlag
from capnum_desktop.services.answers import AnswerInput, add_note, save_answer, update_note
from capnum_desktop.services.errors import ConsentRequiredError, NotFoundError, ServiceError
from capnum_desktop.services.grid_versions import grid_of
from capnum_desktop.services.interviews import (
    ConsentInput,
    abandon_interview,
    finish_interview,
    set_position,
    start_interview,
)
from capnum_desktop.services.participants import create_participant, ensure_interviewer
from capnum_desktop.services.queries import (
    interview_coverage,
    interviews_in_progress,
    search_interviews,
    show_session,
)
from capnum_desktop.services.studies import list_studies
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Answer, Consent, Event, Interview, Participant

CONSENT = ConsentInput(participation=True, audio_recording=True, quotation=True, recontact=False)


def _start(store: DataStore, profile: dict[str, object] | None = None, consent: ConsentInput = CONSENT) -> str:
    study = list_studies(store)[0]
    participant = create_participant(store, site_id=study.sites[0].id, profile=profile or {"age_range": "25-39"})
    interviewer = ensure_interviewer(store, "Awa Diallo", study.id)
    return start_interview(store, participant_id=participant, interviewer_id=interviewer, consent=consent)


def _grid(store: DataStore, interview_id: str) -> Grid:
    with store.session() as session:
        interview = session.get(Interview, interview_id)
        assert interview is not None
        return grid_of(session, interview.grid_version_id)


def _first(grid: Grid, kind: QuestionType) -> Question:
    return next(q for s in grid.sections for q in s.questions if q.type is kind and not q.show_if)


def _count(store: DataStore, model: type) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_no_participation_consent_means_no_interview_and_nothing_written(demo_store: DataStore) -> None:
    refused = ConsentInput(participation=False, audio_recording=True, quotation=True, recontact=True)
    with pytest.raises(ConsentRequiredError, match="participation"):
        _start(demo_store, consent=refused)
    assert _count(demo_store, Interview) == 0
    assert _count(demo_store, Consent) == 0


def test_participant_under_15_needs_a_guardians_consent(demo_store: DataStore) -> None:
    with pytest.raises(ConsentRequiredError, match="guardian"):
        _start(demo_store, profile={"age_range": "under_15"})
    guardian = ConsentInput(True, False, False, False, guardian_name="Mme Traoré", guardian_consent=True)
    interview_id = _start(demo_store, profile={"age_range": "under_15"}, consent=guardian)
    consent = show_session(demo_store, interview_id)["consent"][0]
    assert consent["guardian_name"] == "Mme Traoré"
    assert consent["guardian_consent"] is True
    assert consent["notice_version"]


def test_participant_codes_follow_each_site(demo_store: DataStore) -> None:
    study = list_studies(demo_store)[0]
    site_a, site_b = study.sites[0], study.sites[1]
    codes = [create_participant(demo_store, site_id=site_a.id) for _ in range(3)]
    with demo_store.session() as session:
        got = [session.get(Participant, c).code for c in codes]  # type: ignore[union-attr]
        other = session.get(Participant, create_participant(demo_store, site_id=site_b.id)).code  # type: ignore[union-attr]
    assert got == [f"{site_a.code}-001", f"{site_a.code}-002", f"{site_a.code}-003"]
    assert other == f"{site_b.code}-001"


def test_answers_of_every_type_are_validated_and_stored_typed(demo_store: DataStore) -> None:
    interview_id = _start(demo_store)
    grid = _grid(demo_store, interview_id)
    samples: dict[QuestionType, object] = {
        QuestionType.LONG_TEXT: "J’ai appris seule, avec des tutos — « pas à pas ».",
        QuestionType.YES_NO: True,
        QuestionType.NUMBER: 3,
        QuestionType.DATE: "2019-09-01",
    }
    present = {q.type for q in grid.all_questions()}
    assert {QuestionType.SINGLE_CHOICE, QuestionType.MULTI_CHOICE, QuestionType.SCALE} <= present
    single = _first(grid, QuestionType.SINGLE_CHOICE)
    multi = _first(grid, QuestionType.MULTI_CHOICE)
    scale = _first(grid, QuestionType.SCALE)
    samples[QuestionType.SINGLE_CHOICE] = single.options[-1].value
    samples[QuestionType.MULTI_CHOICE] = [multi.options[0].value, multi.options[1].value]
    samples[QuestionType.SCALE] = scale.scale_max
    for kind, value in samples.items():
        if kind in present:
            question = _first(grid, kind)
            prompts = (0,) if question.prompts else ()
            save_answer(demo_store, interview_id, question.id, AnswerInput(value=value, prompts_used=prompts))
    stored = {a["question_id"]: a for a in show_session(demo_store, interview_id)["answers"]}
    for kind, value in samples.items():
        if kind in present:
            assert stored[_first(grid, kind).id]["value"] == value
            assert stored[_first(grid, kind).id]["prompts_used"] == ([0] if _first(grid, kind).prompts else [])
    with pytest.raises(ServiceError, match="unknown option"):
        save_answer(demo_store, interview_id, single.id, AnswerInput(value="pas-une-option"))
    with pytest.raises(ServiceError, match="outside"):
        save_answer(demo_store, interview_id, scale.id, AnswerInput(value=scale.scale_max + 1))
    with pytest.raises(ServiceError, match="not a date"):
        save_answer(demo_store, interview_id, _first(grid, QuestionType.DATE).id, AnswerInput(value="31/02/2020"))
    with pytest.raises(NotFoundError):
        save_answer(demo_store, interview_id, "no_such_question", AnswerInput(value="x"))
    with pytest.raises(ServiceError, match="prompt"):
        save_answer(
            demo_store,
            interview_id,
            single.id,
            AnswerInput(value=single.options[0].value, prompts_used=(99,)),
        )


def test_saving_the_same_answer_twice_keeps_its_revision(demo_store: DataStore) -> None:
    interview_id = _start(demo_store)
    question = _first(_grid(demo_store, interview_id), QuestionType.LONG_TEXT)
    answer_id = save_answer(demo_store, interview_id, question.id, AnswerInput(value="bonjour"))
    assert save_answer(demo_store, interview_id, question.id, AnswerInput(value="bonjour")) == answer_id
    with demo_store.session() as session:
        assert session.get(Answer, answer_id).revision == 1  # type: ignore[union-attr]
    save_answer(demo_store, interview_id, question.id, AnswerInput(value="bonjour à tous"))
    with demo_store.session() as session:
        answer = session.get(Answer, answer_id)
        assert answer is not None and answer.revision == 2 and answer.origin_device == demo_store.device_id


def test_edits_after_completion_are_kept_in_the_audit_log(demo_store: DataStore) -> None:
    interview_id = _start(demo_store)
    question = _first(_grid(demo_store, interview_id), QuestionType.LONG_TEXT)
    save_answer(demo_store, interview_id, question.id, AnswerInput(value="avant"))
    finish_interview(demo_store, interview_id, memo="Bon contact.")
    with pytest.raises(ServiceError, match="already completed"):
        abandon_interview(demo_store, interview_id, "x")
    save_answer(demo_store, interview_id, question.id, AnswerInput(value="après"), actor="Coordinatrice")
    add_note(demo_store, interview_id, "Relu : à recontacter", actor="Coordinatrice")
    with demo_store.session() as session:
        added = session.scalars(select(Event).where(Event.kind == "note_added_after_completion")).one()
        assert (added.actor, added.payload["text"]) == ("Coordinatrice", "Relu : à recontacter")
        events = list(session.scalars(select(Event).where(Event.kind == "edit_after_completion")))
    assert len(events) == 1
    assert events[0].actor == "Coordinatrice"
    assert events[0].payload["old"]["value"] == "avant"
    assert events[0].payload["new"]["value"] == "après"
    assert show_session(demo_store, interview_id)["memo"] == "Bon contact."


def test_notes_carry_flags_question_and_audio_offset(demo_store: DataStore) -> None:
    interview_id = _start(demo_store)
    question = _first(_grid(demo_store, interview_id), QuestionType.LONG_TEXT)
    note_id = add_note(
        demo_store,
        interview_id,
        "« Sans wifi, je suis perdue »",
        question_id=question.id,
        flags=[NoteFlag.QUOTE],
        audio_offset_ms=754_000,
    )
    update_note(demo_store, note_id, flags=[NoteFlag.QUOTE, NoteFlag.FOLLOW_UP])
    note = show_session(demo_store, interview_id)["notes"][0]
    assert note["flags"] == ["quote", "follow_up"]
    assert note["audio_offset_ms"] == 754_000
    assert note["question_id"] == question.id


def test_position_is_remembered_for_resumption(demo_store: DataStore) -> None:
    interview_id = _start(demo_store)
    grid = _grid(demo_store, interview_id)
    target = grid.sections[3].questions[1].id
    set_position(demo_store, interview_id, target)
    assert show_session(demo_store, interview_id)["current_question_id"] == target
    assert [r.id for r in interviews_in_progress(demo_store)] == [interview_id]
    finish_interview(demo_store, interview_id)
    assert interviews_in_progress(demo_store) == []


def test_coverage_follows_answers_and_skips(demo_store: DataStore) -> None:
    interview_id = _start(demo_store)
    grid = _grid(demo_store, interview_id)
    section = next(s for s in grid.sections if all(not q.show_if for q in s.questions))
    before = {c.section_id: c for c in interview_coverage(demo_store, interview_id)}
    assert before[section.id].state is CoverageState.NOT_STARTED
    first, *rest = section.questions
    value = first.options[0].value if first.type.has_options else None
    save_answer(demo_store, interview_id, first.id, AnswerInput(value=value, status=AnswerStatus.REFUSED))
    partial = {c.section_id: c for c in interview_coverage(demo_store, interview_id)}[section.id]
    assert partial.state is CoverageState.PARTIAL
    assert first.id not in partial.missing
    for question in rest:
        save_answer(demo_store, interview_id, question.id, AnswerInput(status=AnswerStatus.SKIPPED))
    assert {c.section_id: c for c in interview_coverage(demo_store, interview_id)}[section.id].state is (
        CoverageState.COVERED
    )


def test_full_text_search_ignores_accents_and_finds_notes(demo_store: DataStore) -> None:
    interview_id = _start(demo_store)
    question = _first(_grid(demo_store, interview_id), QuestionType.LONG_TEXT)
    save_answer(demo_store, interview_id, question.id, AnswerInput(value="La médiatrice m’a aidée pour la CAF"))
    add_note(demo_store, interview_id, "Parle de Pronote avec émotion")
    assert [h[0] for h in search_interviews(demo_store, "mediatrice")] == [interview_id]
    assert [h[1] for h in search_interviews(demo_store, "pronote")] == ["note"]
    save_answer(demo_store, interview_id, question.id, AnswerInput(value="Autre chose"))
    assert search_interviews(demo_store, "mediatrice") == []  # the index follows edits
    assert search_interviews(demo_store, '"; DROP TABLE answer; --') == []


def test_a_new_interview_that_cannot_start_leaves_no_participant_behind(demo_store: DataStore) -> None:
    from capnum_desktop.services.interview_session import NewInterviewRequest, begin_interview
    from capnum_desktop.services.participants import ContactInput
    from capnum_desktop.storage.models import Contact, GridVersion, Interviewer

    with demo_store.session_factory.begin() as session:  # a study whose grid was withdrawn: starting must fail
        for grid in session.scalars(select(GridVersion)):
            grid.published = False
    request = NewInterviewRequest(
        site_id=list_studies(demo_store)[0].sites[0].id,
        interviewer_name="Nouvelle enquêtrice",
        consent=CONSENT,
        contact=ContactInput(full_name="Aïcha Test"),
    )
    with pytest.raises(NotFoundError, match="no grid"):
        begin_interview(demo_store, request)
    for model in (Participant, Contact, Interview, Consent, Interviewer):
        assert _count(demo_store, model) == 0, model.__name__
