"""What a valid answer value is for each question type, and how covered a theme is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from capnum_desktop.domain.grid import Question, QuestionType, Section
from capnum_desktop.domain.messages import _, ngettext
from capnum_desktop.domain.status import AnswerStatus, CoverageState

AnswerValue = str | int | float | bool | list[str] | None


class AnswerValueError(ValueError):
    pass


def normalize_value(question: Question, value: object) -> AnswerValue:
    """Check `value` against the question type; return the canonical stored form (None clears)."""
    if value is None:
        return None
    kind = question.type
    if kind in (QuestionType.TEXT, QuestionType.LONG_TEXT):
        if not isinstance(value, str):
            raise AnswerValueError(_("{id}: a text answer must be a string").format(id=question.id))
        return value
    if kind is QuestionType.YES_NO:
        if not isinstance(value, bool):
            raise AnswerValueError(_("{id}: a yes/no answer must be true or false").format(id=question.id))
        return value
    if kind in (QuestionType.NUMBER, QuestionType.SCALE):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise AnswerValueError(_("{id}: a number is expected").format(id=question.id))
        if kind is QuestionType.SCALE and not question.scale_min <= value <= question.scale_max:
            raise AnswerValueError(
                _("{id}: {value} is outside {min}–{max}").format(
                    id=question.id, value=value, min=question.scale_min, max=question.scale_max
                )
            )
        return int(value) if float(value).is_integer() else float(value)
    if kind is QuestionType.DATE:
        if not isinstance(value, str):
            raise AnswerValueError(_("{id}: a date is expected as YYYY-MM-DD").format(id=question.id))
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise AnswerValueError(
                _("{id}: '{value}' is not a date (YYYY-MM-DD)").format(id=question.id, value=value)
            ) from None
    if kind is QuestionType.SINGLE_CHOICE:
        if not isinstance(value, str):
            raise AnswerValueError(_("{id}: one option is expected").format(id=question.id))
        _check_options(question, [value])
        return value
    # multi choice
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise AnswerValueError(_("{id}: a list of options is expected").format(id=question.id))
    _check_options(question, value)
    return list(dict.fromkeys(value))  # de-duplicated, order kept


OTHER = "other"  # the option value used when `allow_other` lets the person answer outside the list


def _check_options(question: Question, values: Collection[str]) -> None:
    allowed = {o.value for o in question.options}
    if question.allow_other:
        allowed.add(OTHER)
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise AnswerValueError(
            ngettext("{id}: unknown option {options}", "{id}: unknown options {options}", len(unknown)).format(
                id=question.id, options=", ".join(map(repr, unknown))
            )
        )


@dataclass(frozen=True)
class SectionCoverage:
    section_id: str
    state: CoverageState
    answered: int
    skipped: int
    visible: int
    missing: tuple[str, ...]  # visible questions with no answer yet


def section_coverage(
    section: Section, statuses: Mapping[str, AnswerStatus], visible: Collection[str]
) -> SectionCoverage:
    """`statuses` maps question id -> answer status; `visible` holds ids whose show_if holds."""
    shown = [q.id for q in section.questions if q.id in visible]
    answered = sum(1 for q in shown if statuses.get(q) in (AnswerStatus.ANSWERED, AnswerStatus.REFUSED))
    skipped = sum(1 for q in shown if statuses.get(q) is AnswerStatus.SKIPPED)
    missing = tuple(q for q in shown if statuses.get(q) in (None, AnswerStatus.NOT_ASKED))
    if answered == 0 and skipped == 0:
        state = CoverageState.NOT_STARTED
    elif answered == 0 and not missing:
        state = CoverageState.SKIPPED
    elif not missing:
        state = CoverageState.COVERED
    else:
        state = CoverageState.PARTIAL
    return SectionCoverage(section.id, state, answered, skipped, len(shown), missing)
