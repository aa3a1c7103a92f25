"""Pydantic v2 models of the grid file format `capnum-grid/1` (the source of the JSON Schema).

These models check the *shape* of a file; rules that span several places (unique ids, conditions over
earlier questions, translations…) live in `checks.py`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StrictBool, StrictInt, StrictStr, Tag

from capnum_desktop.domain.grid import GRID_FORMAT

ID_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
GRID_ID_PATTERN = r"^[a-z][a-z0-9_-]{0,63}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"

QuestionTypeName = Literal["text", "long_text", "single_choice", "multi_choice", "yes_no", "number", "scale", "date"]

Id = Annotated[StrictStr, Field(pattern=ID_PATTERN, description="lowercase letters, digits and _")]
LanguageCode = Annotated[StrictStr, Field(pattern=LANGUAGE_PATTERN, description="e.g. fr, en")]
NonEmptyStr = Annotated[StrictStr, Field(min_length=1)]

TEXT_ERROR = "expected a text or a mapping of language codes to texts, such as {fr: ..., en: ...}"
OPTION_ERROR = "expected an option value (a string) or a mapping {value: ..., label: ...}"


def _text_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "plain"
    return "translations" if isinstance(value, dict) else None


Text = Annotated[
    Annotated[NonEmptyStr, Tag("plain")]
    | Annotated[dict[LanguageCode, NonEmptyStr], Tag("translations"), Field(min_length=1)],
    Discriminator(_text_kind, custom_error_type="text_type", custom_error_message=TEXT_ERROR),
]

_CONFIG = ConfigDict(extra="forbid", strict=True)


class OptionModel(BaseModel):
    """A choice with a stable value (stored in answers) and a label shown to people."""

    model_config = _CONFIG

    value: NonEmptyStr
    label: Text | None = None


def _option_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "option_value"
    return "option_mapping" if isinstance(value, dict | OptionModel) else None


OptionItem = Annotated[
    Annotated[NonEmptyStr, Tag("option_value")] | Annotated[OptionModel, Tag("option_mapping")],
    Discriminator(_option_kind, custom_error_type="option_type", custom_error_message=OPTION_ERROR),
]


class QuestionModel(BaseModel):
    """A question of a theme, or a participant attribute of the profile block."""

    model_config = _CONFIG

    id: Id
    text: Text | None = Field(default=None, description="the question as asked (or use 'label')")
    label: Text | None = Field(default=None, description="short name, usual for profile attributes")
    type: QuestionTypeName
    options: list[OptionItem] | None = None
    allow_other: StrictBool = False
    prompts: list[Text] = Field(default_factory=list, description="follow-up prompts (relances)")
    show_if: NonEmptyStr | None = Field(default=None, description="condition over earlier answers")
    help: Text | None = None
    min: StrictInt | None = Field(default=None, description="scale: lowest value (default 1)")
    max: StrictInt | None = Field(default=None, description="scale: highest value (default 5)")
    labels: Annotated[list[Text], Field(min_length=2, max_length=2)] | None = Field(
        default=None, description="scale: labels of the low and the high end"
    )


class SectionModel(BaseModel):
    """A theme of the conversation."""

    model_config = _CONFIG

    id: Id
    title: Text
    goal: Text | None = None
    questions: Annotated[list[QuestionModel], Field(min_length=1)]


class GridModel(BaseModel):
    """A semi-structured interview grid."""

    model_config = ConfigDict(extra="forbid", strict=True, title="CapNum interview grid")

    format: Literal["capnum-grid/1"] = Field(description=f"always '{GRID_FORMAT}'")
    id: Annotated[StrictStr, Field(pattern=GRID_ID_PATTERN)]
    version: Annotated[StrictInt, Field(ge=1)]
    title: Text
    language: LanguageCode
    languages: list[LanguageCode] | None = None
    description: Text | None = None
    profile: list[QuestionModel] = Field(default_factory=list)
    sections: Annotated[list[SectionModel], Field(min_length=1)]


FIELD_NAMES: frozenset[str] = frozenset(
    name for model in (GridModel, SectionModel, QuestionModel, OptionModel) for name in model.model_fields
)
