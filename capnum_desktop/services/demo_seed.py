"""Realistic synthetic interviews (`capnum demo seed`): every question type, notes, profiles, sites, dates.

Deterministic for a given seed: the same options give the same interviews on any machine. Rows are written
per interview in one transaction (not through `save_answer`), which keeps seeding 10,000 interviews practical.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from capnum_desktop.domain.answers import OTHER, normalize_value
from capnum_desktop.domain.conditions import visible_questions
from capnum_desktop.domain.grid import Grid, Question, QuestionType
from capnum_desktop.domain.messages import _
from capnum_desktop.domain.status import AnswerStatus, ConsentMode, InterviewStatus
from capnum_desktop.services import demo_texts as T
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.grid_versions import grid_of, latest_grid_version
from capnum_desktop.services.participants import UNDER_15_VALUE, ensure_interviewer, next_participant_code
from capnum_desktop.services.recording_demo import MAX_DEMO_SECONDS, add_demo_recording, demo_phrase_bank
from capnum_desktop.services.studies import load_embedded_study, read_embedded_study
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Answer, Consent, Contact, Event, Interview, Note, Participant, Site

Progress = Callable[[int, int], None]

CITIES = {
    "BAG": "93170 Bagnolet",
    "BOB": "93000 Bobigny",
    "BES": "25000 Besançon",
    "SLM": "97320 Saint-Laurent-du-Maroni",
}
FIELDWORK_START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class SeedOptions:
    interviews: int
    seed: int = 1
    with_contacts: bool = False
    audio_seconds: float = 0.0


def seed_demo(store: DataStore, options: SeedOptions, progress: Progress | None = None) -> list[str]:
    if not 0 <= options.audio_seconds <= MAX_DEMO_SECONDS:
        raise ServiceError(_("--audio-seconds must be between 0 and {max}.").format(max=MAX_DEMO_SECONDS))
    bank = demo_phrase_bank(options.seed) if options.audio_seconds > 0 else None
    study_id = read_embedded_study()["study"]["id"]
    load_embedded_study(store)
    rng = random.Random(options.seed)
    interviewer_ids = [ensure_interviewer(store, name, study_id) for name in T.INTERVIEWERS]
    with store.session() as session:
        sites = list(session.scalars(select(Site).where(Site.study_id == study_id).order_by(Site.code)))
        grid_row = latest_grid_version(session, study_id)
        grid = grid_of(session, grid_row.id)
    ids: list[str] = []
    for n in range(options.interviews):
        site = sites[n % len(sites)]
        ids.append(_seed_one(store, rng, grid, grid_row.id, study_id, site, interviewer_ids, options))
        if bank is not None:  # own seed, so the rest of the data is the same with or without audio
            add_demo_recording(store, ids[-1], options.audio_seconds, bank=bank, seed=options.seed * 100_003 + n)
        if progress:
            progress(n + 1, options.interviews)
    return ids


def _seed_one(
    store: DataStore,
    rng: random.Random,
    grid: Grid,
    grid_version_id: str,
    study_id: str,
    site: Site,
    interviewer_ids: list[str],
    options: SeedOptions,
) -> str:
    device = store.device_id
    started = FIELDWORK_START + timedelta(days=rng.randint(0, 220), hours=rng.randint(0, 9), minutes=rng.randint(0, 59))
    status = rng.choices(list(InterviewStatus), weights=[12, 80, 8])[0]
    profile = {q.id: _value(rng, q) for q in grid.profile}
    profile = {k: v for k, v in profile.items() if v is not None}
    first, last = rng.choice(T.FIRST_NAMES), rng.choice(T.LAST_NAMES)
    interviewer_id = rng.choice(interviewer_ids)
    with store.session_factory.begin() as session:
        participant = Participant(
            study_id=study_id,
            site_id=site.id,
            code=next_participant_code(session, site.id),
            profile=profile,
            under_15=profile.get("age_range") == UNDER_15_VALUE,
            declared_names=[first] if options.with_contacts else [],
            origin_device=device,
        )
        session.add(participant)
        session.flush()
        if options.with_contacts:
            session.add(
                Contact(
                    participant_id=participant.id,
                    full_name=f"{first} {last}",
                    phone=f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                    email=f"{_ascii(first)}.{_ascii(last)}{rng.randint(1, 99)}@example.org",
                    address=f"{rng.randint(1, 120)} {rng.choice(T.STREETS)}, {CITIES.get(site.code, site.name)}",
                    origin_device=device,
                )
            )
        duration = timedelta(minutes=rng.randint(35, 110))
        interview = Interview(
            study_id=study_id,
            site_id=site.id,
            interviewer_id=interviewer_id,
            participant_id=participant.id,
            grid_version_id=grid_version_id,
            status=status.value,
            started_at=started,
            ended_at=None if status is InterviewStatus.IN_PROGRESS else started + duration,
            place=rng.choice(T.PLACES),
            memo=_memo(rng) if status is InterviewStatus.COMPLETED else None,
            abandon_reason="La personne a dû partir chercher ses enfants."
            if status is InterviewStatus.ABANDONED
            else None,
            origin_device=device,
        )
        session.add(interview)
        session.flush()
        session.add(
            Consent(
                interview_id=interview.id,
                participant_id=participant.id,
                interviewer_id=interviewer_id,
                participation=True,
                audio_recording=rng.random() < 0.9 or options.audio_seconds > 0,  # a recording needs consent
                quotation=rng.random() < 0.8,
                recontact=rng.random() < 0.6,
                mode=rng.choice(list(ConsentMode)).value,
                given_at=started,
                notice_version="2026-1",
                guardian_name=f"{rng.choice(T.FIRST_NAMES)} {last}" if participant.under_15 else None,
                guardian_consent=True if participant.under_15 else None,
                origin_device=device,
            )
        )
        values: dict[str, object] = dict(profile)
        reach = 1.0 if status is InterviewStatus.COMPLETED else rng.uniform(0.2, 0.7)
        sections = list(grid.sections)
        last_question = None
        for section in sections[: max(1, round(len(sections) * reach))]:
            for question in section.questions:
                if question.id not in visible_questions(grid, values):
                    continue
                answer = _answer(rng, question, first if options.with_contacts else None)
                answer.interview_id = interview.id
                answer.origin_device = device
                session.add(answer)
                if answer.status == AnswerStatus.ANSWERED.value:
                    values[question.id] = answer.value
                last_question = question.id
                if rng.random() < 0.12:
                    session.add(_note(rng, interview.id, question.id, started, device))
        interview.current_question_id = last_question
        session.add(Event(interview_id=interview.id, at=started, kind="started", payload={}, origin_device=device))
        return interview.id


def _answer(rng: random.Random, question: Question, first_name: str | None) -> Answer:
    roll = rng.random()
    if roll < 0.05:
        return Answer(question_id=question.id, status=AnswerStatus.SKIPPED.value, prompts_used=[])
    if roll < 0.08:
        return Answer(question_id=question.id, status=AnswerStatus.REFUSED.value, prompts_used=[])
    value = _value(rng, question, first_name)
    prompts = sorted(rng.sample(range(len(question.prompts)), k=rng.randint(0, len(question.prompts))))
    other = "Une box 4G prêtée par une association" if isinstance(value, list) and OTHER in value else None
    if value == OTHER:
        other = "Autre, précisé pendant l’entretien"
    comment = _sentence(rng) if question.type.is_closed and rng.random() < 0.15 else None
    return Answer(
        question_id=question.id,
        value=value,
        free_text=comment,
        other_text=other,
        status=AnswerStatus.ANSWERED.value,
        prompts_used=prompts,
    )


def _value(rng: random.Random, question: Question, first_name: str | None = None) -> Any:
    kind = question.type
    if kind is QuestionType.LONG_TEXT:
        text = " ".join(_sentence(rng) for _n in range(rng.randint(1, 4)))
        if first_name and rng.random() < 0.2:
            text = f"Moi, {first_name}, je vous le dis : {text}"
        return text
    if kind is QuestionType.TEXT:
        return rng.choice(T.BODIES).capitalize()
    if kind is QuestionType.YES_NO:
        return rng.random() < 0.6
    if kind is QuestionType.NUMBER:
        return rng.randint(0, 6)
    if kind is QuestionType.SCALE:
        return rng.randint(question.scale_min, question.scale_max)
    if kind is QuestionType.DATE:
        return (date(2015, 1, 1) + timedelta(days=rng.randint(0, 3800))).isoformat()
    values = [o.value for o in question.options]
    if kind is QuestionType.SINGLE_CHOICE:
        if question.allow_other and rng.random() < 0.05:
            return OTHER
        choice = rng.choice(values)
        return normalize_value(question, choice)
    chosen = rng.sample(values, k=rng.randint(1, min(3, len(values))))
    if question.allow_other and rng.random() < 0.1:
        chosen.append(OTHER)
    return normalize_value(question, chosen)


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(T.OPENINGS)} {rng.choice(T.BODIES)}. {rng.choice(T.ENDINGS)}".strip()


def _note(rng: random.Random, interview_id: str, question_id: str, started: datetime, device: str) -> Note:
    text = rng.choice(T.NOTES)
    return Note(
        interview_id=interview_id,
        question_id=question_id,
        text=text,
        noted_at=started + timedelta(minutes=rng.randint(1, 80)),
        audio_offset_ms=None,
        quote=text.startswith("«"),
        important=rng.random() < 0.2,
        follow_up=text.startswith("À relancer") or text.startswith("Proposer"),
        origin_device=device,
    )


def _memo(rng: random.Random) -> str:
    return (
        f"Entretien au {rng.choice(T.PLACES)}, ambiance détendue. {rng.choice(T.NOTES)} "
        "À recontacter pour l’atelier de restitution."
    )


def _ascii(name: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if c.isalnum() and c.isascii())
