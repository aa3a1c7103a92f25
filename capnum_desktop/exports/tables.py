"""The analysis tables built from a Dataset, with typed cells (writers decide how each type is written).

- interviews (wide): one row per interview, profile then closed answers (multi-choice: one 0/1 column per option)
- answers (long): one row per answer
- notes, participants, dictionary (question id, theme, text, type, options)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from capnum_desktop.domain.answers import OTHER
from capnum_desktop.domain.grid import Question, QuestionType, Section
from capnum_desktop.exports.dataset import CONTACT_FIELDS, Dataset, InterviewData

Cell = str | int | float | bool | date | datetime | None
Progress = Callable[[int, int], None]

INTERVIEW_COLUMNS = (
    "interview_id",
    "participant",
    "site",
    "interviewer",
    "status",
    "started_at",
    "ended_at",
    "duration_min",
    "place",
    "grid_version",
)


@dataclass
class Table:
    name: str
    columns: list[str]
    rows: list[list[Cell]]
    timestamps: frozenset[str] = frozenset()  # date-time columns (aware, written in UTC)


def build_tables(dataset: Dataset, progress: Progress | None = None) -> list[Table]:
    questions = dataset.questions()
    return [
        wide_table(dataset, questions, progress),
        long_table(dataset, questions),
        notes_table(dataset),
        participants_table(dataset),
        dictionary_table(dataset, questions),
    ]


def wide_columns(question: Question) -> list[str]:
    if question.type is QuestionType.MULTI_CHOICE:
        cols = [f"{question.id}__{o.value}" for o in question.options]
        return [*cols, f"{question.id}__{OTHER}"] if question.allow_other else cols
    cols = [question.id]
    return [*cols, f"{question.id}__other_text"] if question.allow_other else cols


def wide_cells(question: Question, value: Any, other_text: str | None) -> list[Cell]:
    """The cells of one closed question in the wide table (None when unanswered)."""
    if question.type is QuestionType.MULTI_CHOICE:
        chosen = set(value) if isinstance(value, list) else None
        values = [o.value for o in question.options] + ([OTHER] if question.allow_other else [])
        return [None if chosen is None else (v in chosen) for v in values]
    cell: Cell = typed(question, value)
    return [cell, other_text] if question.allow_other else [cell]


def typed(question: Question, value: Any) -> Cell:
    if value is None:
        return None
    if question.type is QuestionType.DATE and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    if isinstance(value, str | int | float | bool):
        return value
    return str(value)


def wide_table(
    dataset: Dataset, questions: list[tuple[Section | None, Question]], progress: Progress | None = None
) -> Table:
    profile = [q for s, q in questions if s is None]
    closed = [q for s, q in questions if s is not None and q.type.is_closed]
    columns = list(INTERVIEW_COLUMNS)
    for q in profile + closed:
        columns += wide_columns(q)
    rows: list[list[Cell]] = []
    total = len(dataset.interviews)
    for n, interview in enumerate(dataset.interviews, 1):
        row = _interview_cells(dataset, interview)
        for q in profile:
            row += wide_cells(q, interview.participant.profile.get(q.id), None)
        for q in closed:
            answer = interview.answers.get(q.id)
            if answer is not None and answer.status == "answered":
                row += wide_cells(q, answer.value, answer.other_text)
            else:
                row += wide_cells(q, None, None)
        rows.append(row)
        if progress:
            progress(n, total)
    return Table("interviews", columns, rows, frozenset({"started_at", "ended_at"}))


def _interview_cells(dataset: Dataset, interview: InterviewData) -> list[Cell]:
    grid = dataset.grids[interview.grid_version_id]
    return [
        interview.id,
        interview.participant.code,
        interview.site_code,
        interview.interviewer,
        interview.status,
        interview.started_at,
        interview.ended_at,
        interview.duration_minutes,
        interview.place,
        f"{grid.id} v{grid.version}",
    ]


def long_table(dataset: Dataset, questions: list[tuple[Section | None, Question]]) -> Table:
    columns = [
        "interview_id",
        "participant",
        "site",
        "theme",
        "question_id",
        "question_type",
        "status",
        "value",
        "value_label",
        "other_text",
        "free_text",
        "prompts_used",
        "updated_at",
    ]
    order = {q.id: (s, q) for s, q in questions}
    rows: list[list[Cell]] = []
    for interview in dataset.interviews:
        for qid in [q.id for _, q in questions if q.id in interview.answers]:
            answer = interview.answers[qid]
            section, question = order[qid]
            label: Cell = None
            if question.type.has_options and answer.value is not None:
                values = answer.value if isinstance(answer.value, list) else [answer.value]
                label = " | ".join(question.option_label(v, dataset.study_language) for v in values)
            prompts = " | ".join(
                question.prompts[i].get(dataset.study_language)
                for i in answer.prompts_used
                if i < len(question.prompts)
            )
            rows.append(
                [
                    interview.id,
                    interview.participant.code,
                    interview.site_code,
                    section.id if section else "profile",
                    qid,
                    question.type.value,
                    answer.status,
                    typed(question, answer.value),
                    label,
                    answer.other_text,
                    answer.free_text,
                    prompts or None,
                    answer.updated_at,
                ]
            )
    return Table("answers", columns, rows, frozenset({"updated_at"}))


def notes_table(dataset: Dataset) -> Table:
    columns = ["note_id", "interview_id", "participant", "question_id", "noted_at", "audio_offset_ms", "flags", "text"]
    rows: list[list[Cell]] = [
        [
            n.id,
            i.id,
            i.participant.code,
            n.question_id,
            n.noted_at,
            n.audio_offset_ms,
            " ".join(n.flags) or None,
            n.text,
        ]
        for i in dataset.interviews
        for n in i.notes
    ]
    return Table("notes", columns, rows, frozenset({"noted_at"}))


def participants_table(dataset: Dataset) -> Table:
    profile = {q.id: q for s, q in dataset.questions() if s is None}  # of every grid version used
    profile_ids = list(profile)
    columns = ["participant", "site", "under_15", "interviews", *profile_ids]
    if not dataset.pseudonymized:
        columns += [f"contact_{f}" for f in CONTACT_FIELDS]
    counts: dict[str, int] = {}
    for interview in dataset.interviews:
        counts[interview.participant.id] = counts.get(interview.participant.id, 0) + 1
    rows: list[list[Cell]] = []
    for p in dataset.participants:
        row: list[Cell] = [p.code, p.site_code, p.under_15, counts[p.id]]
        row += [typed(profile[q], p.profile.get(q)) for q in profile_ids]
        if not dataset.pseudonymized:
            row += [(p.contact or {}).get(f) for f in CONTACT_FIELDS]
        rows.append(row)
    return Table("participants", columns, rows)


def dictionary_table(dataset: Dataset, questions: list[tuple[Section | None, Question]]) -> Table:
    lang = dataset.study_language
    columns = ["question_id", "theme", "theme_title", "text", "type", "options", "wide_columns", "prompts"]
    rows: list[list[Cell]] = []
    for section, q in questions:
        options = " | ".join(f"{o.value}={o.label.get(lang)}" for o in q.options)
        if q.type is QuestionType.SCALE:
            options = f"{q.scale_min}–{q.scale_max}"
        in_wide = section is None or q.type.is_closed
        rows.append(
            [
                q.id,
                section.id if section else "profile",
                section.title.get(lang) if section else None,
                q.text.get(lang),
                q.type.value,
                options or None,
                " ".join(wide_columns(q)) if in_wide else None,
                " | ".join(p.get(lang) for p in q.prompts) or None,
            ]
        )
    return Table("dictionary", columns, rows)
