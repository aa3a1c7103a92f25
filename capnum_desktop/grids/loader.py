"""Load a grid file: YAML with positions -> pydantic shape checks + grid-wide checks -> domain `Grid`."""

from __future__ import annotations

import difflib
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from capnum_desktop.domain.grid import Grid, LocalText, Option, Question, QuestionType, Section
from capnum_desktop.grids.checks import check_grid
from capnum_desktop.grids.errors import GridError, GridValidationError
from capnum_desktop.grids.model import FIELD_NAMES, GridModel, OptionModel, QuestionModel
from capnum_desktop.grids.yamlsource import Located, YamlProblem, load_located

MAX_FILE_CHARS = 5_000_000
_TYPES = ", ".join(t.value for t in QuestionType)


def load_grid(path: Path) -> Grid:
    """Read and validate a grid file; raise GridValidationError listing every problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        error = GridError(str(path), 1, 1, f"the file is not UTF-8 text: {exc.reason}")
        raise GridValidationError([error]) from None
    return parse_grid_text(text, str(path))


def parse_grid_text(text: str, filename: str = "<grid>") -> Grid:
    """Parse and validate the YAML text of a grid; raise GridValidationError listing every problem."""
    if len(text) > MAX_FILE_CHARS:
        raise GridValidationError([GridError(filename, 1, 1, "the file is too large for a grid")])
    try:
        src = load_located(text.removeprefix("\ufeff"))
    except YamlProblem as exc:
        raise GridValidationError([GridError(filename, *exc.position, exc.message)]) from None
    errors = [GridError(filename, *p.position, p.message) for p in src.problems]
    if not isinstance(src.data, dict):
        found = "empty" if src.data is None else f"a {_yaml_type(src.data)}"
        message = f"a grid file must be a mapping (format, id, version, title, …), but this one is {found}"
        raise GridValidationError([*errors, GridError(filename, *src.at(()), message)])
    model: GridModel | None = None
    try:
        model = GridModel.model_validate(src.data)
    except ValidationError as exc:
        errors += [_translate(error, src, filename) for error in exc.errors()]
    errors += [GridError(filename, *position, message) for position, message in check_grid(src.data, src)]
    if errors or model is None:
        raise GridValidationError(errors)
    return build_grid(model)


# ----------------------------------------------------------------------------- pydantic errors


def _yaml_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "mapping"
    return "list" if isinstance(value, list) else type(value).__name__


def _translate(error: ErrorDetails, src: Located, filename: str) -> GridError:
    loc = error["loc"]
    path: tuple[str | int, ...] = ()
    for part in loc:  # skip the union tags pydantic inserts ("plain", "translations"…)
        if (*path, part) in src.values:
            path = (*path, part)
    field = next((p for p in reversed(loc) if isinstance(p, str) and p in FIELD_NAMES), "")
    kind, given = error["type"], error.get("input")
    at_key = kind in ("extra_forbidden", "invalid_key") or "[key]" in loc
    line, column = src.key_at(path) if at_key else src.at(path)
    if kind == "missing":
        message = f"missing required key '{loc[-1]}'"
    elif kind == "extra_forbidden":
        message = f"unknown key '{loc[-1]}'"
        close = difflib.get_close_matches(str(loc[-1]), sorted(FIELD_NAMES), n=1)
        message += f" (did you mean '{close[0]}'?)" if close else ""
    elif kind == "invalid_key":
        message = f"invalid key {given!r}: keys must be strings"
    elif "[key]" in loc or (field in ("language", "languages") and kind == "string_pattern_mismatch"):
        message = f"invalid language code {given!r}: use a lowercase code such as 'fr' or 'en'"
    elif kind == "literal_error" and field == "format":
        message = f"unsupported format {given!r}: expected 'capnum-grid/1'"
    elif kind == "literal_error" and field == "type":
        message = f"unknown question type {given!r}: expected one of {_TYPES}"
    elif kind == "string_pattern_mismatch" and field == "id":
        message = f"invalid id {given!r}: use lowercase letters, digits and '_', starting with a letter"
        message += " ('-' is also allowed in the grid id)" if loc == ("id",) else ""
    elif field == "version" and kind in ("int_type", "greater_than_equal"):
        message = f"version must be a positive integer, not {given!r}"
    elif kind == "too_short" and field == "sections":
        message = "a grid needs at least one section"
    elif kind == "too_short" and field == "questions":
        message = "this section has no questions"
    elif kind in ("too_short", "too_long") and field == "labels":
        message = "a scale takes exactly two labels: the low end and the high end"
    elif kind == "string_too_short":
        message = "must not be empty"
    elif kind in ("string_type", "int_type", "bool_type", "list_type", "dict_type", "model_type"):
        wanted = {"string_type": "a string", "int_type": "an integer", "bool_type": "true or false"}
        wanted |= {"list_type": "a list", "dict_type": "a mapping", "model_type": "a mapping"}
        message = f"expected {wanted[kind]}, not {_yaml_type(given)}"
    else:
        message = error["msg"]
    generic = kind in ("string_too_short", "string_type", "bool_type", "list_type", "dict_type", "model_type")
    if field and field != "version" and (generic or message is error["msg"]):
        message = f"{field}: {message}"
    return GridError(filename, line, column, message)


# ----------------------------------------------------------------------------- domain objects


def _text(value: str | dict[str, str], language: str) -> LocalText:
    return LocalText(dict(value) if isinstance(value, dict) else {language: value}, default_language=language)


def _option(item: str | OptionModel, language: str) -> Option:
    if isinstance(item, str):
        return Option(item, _text(item, language))
    return Option(item.value, _text(item.label if item.label is not None else item.value, language))


def _question(q: QuestionModel, language: str) -> Question:
    wording = q.text if q.text is not None else q.label
    assert wording is not None  # checked by GridChecker
    kind = QuestionType(q.type)
    labels = q.labels if kind is QuestionType.SCALE else None
    return Question(
        id=q.id,
        text=_text(wording, language),
        type=kind,
        options=tuple(_option(o, language) for o in q.options or ()),
        allow_other=q.allow_other,
        prompts=tuple(_text(p, language) for p in q.prompts),
        show_if=q.show_if,
        help=_text(q.help, language) if q.help is not None else None,
        scale_min=q.min if q.min is not None else 1,
        scale_max=q.max if q.max is not None else 5,
        scale_labels=(_text(labels[0], language), _text(labels[1], language)) if labels else None,
    )


def build_grid(model: GridModel) -> Grid:
    lang = model.language
    return Grid(
        id=model.id,
        version=model.version,
        title=_text(model.title, lang),
        language=lang,
        languages=tuple(model.languages or [lang]),
        description=_text(model.description, lang) if model.description is not None else None,
        format=model.format,
        profile=tuple(_question(q, lang) for q in model.profile),
        sections=tuple(
            Section(
                id=s.id,
                title=_text(s.title, lang),
                goal=_text(s.goal, lang) if s.goal is not None else None,
                questions=tuple(_question(q, lang) for q in s.questions),
            )
            for s in model.sections
        ),
    )
