"""The interview grid as plain, immutable data (built by `grids/` from a YAML file)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

GRID_FORMAT = "capnum-grid/1"


class QuestionType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"
    YES_NO = "yes_no"
    NUMBER = "number"
    SCALE = "scale"
    DATE = "date"

    @property
    def is_closed(self) -> bool:
        """Closed questions become columns of the wide export table and charts in reports."""
        return self not in (QuestionType.TEXT, QuestionType.LONG_TEXT)

    @property
    def has_options(self) -> bool:
        return self in (QuestionType.SINGLE_CHOICE, QuestionType.MULTI_CHOICE)


@dataclass(frozen=True)
class LocalText:
    """A text in one or more languages; `get` falls back to the grid's language, then any."""

    values: Mapping[str, str]
    default_language: str = "fr"

    def get(self, language: str | None = None) -> str:
        if language and language in self.values:
            return self.values[language]
        if self.default_language in self.values:
            return self.values[self.default_language]
        return next(iter(self.values.values()), "")

    def __str__(self) -> str:
        return self.get()


@dataclass(frozen=True)
class Option:
    value: str
    label: LocalText


@dataclass(frozen=True)
class Question:
    id: str
    text: LocalText
    type: QuestionType
    options: tuple[Option, ...] = ()
    allow_other: bool = False
    prompts: tuple[LocalText, ...] = ()
    show_if: str | None = None
    help: LocalText | None = None
    scale_min: int = 1
    scale_max: int = 5
    scale_labels: tuple[LocalText, LocalText] | None = None  # labels of the two ends of a scale

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)

    def option_label(self, value: str, language: str | None = None) -> str:
        option = self.option(value)
        return option.label.get(language) if option else value


@dataclass(frozen=True)
class Section:
    """A theme of the conversation."""

    id: str
    title: LocalText
    questions: tuple[Question, ...]
    goal: LocalText | None = None


@dataclass(frozen=True)
class Grid:
    id: str
    version: int
    title: LocalText
    language: str
    sections: tuple[Section, ...]
    profile: tuple[Question, ...] = ()
    languages: tuple[str, ...] = ("fr",)
    description: LocalText | None = None
    format: str = GRID_FORMAT
    _index: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for q in self.all_questions():
            self._index[q.id] = q

    def all_questions(self) -> Iterator[Question]:
        """Profile questions first, then every theme's questions in grid order."""
        yield from self.profile
        for section in self.sections:
            yield from section.questions

    def question(self, question_id: str) -> Question:
        return self._index[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._index

    def section_of(self, question_id: str) -> Section | None:
        for section in self.sections:
            if any(q.id == question_id for q in section.questions):
                return section
        return None

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)
