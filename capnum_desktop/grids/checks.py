"""Rules that span a whole grid: unique ids, options, scales, conditions, languages and translations.

The checks read the raw YAML data defensively (it may also have shape errors, reported by the model),
so that a single run reports every mistake of a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from capnum_desktop.domain.conditions import ConditionError, parse_condition
from capnum_desktop.grids.model import LANGUAGE_PATTERN
from capnum_desktop.grids.yamlsource import Located, Path, Position

Problem = tuple[Position, str]
CHOICE_TYPES = ("single_choice", "multi_choice")
SCALE_KEYS = ("min", "max", "labels")
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


def _items(data: dict[str, Any], key: str, path: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    items = data.get(key)
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield (*path, key, index), item


def _questions(data: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Profile attributes, then each theme's questions, in grid order."""
    yield from _items(data, "profile", ())
    for section_path, section in _items(data, "sections", ()):
        yield from _items(section, "questions", section_path)


class GridChecker:
    def __init__(self, data: dict[str, Any], src: Located) -> None:
        self.data = data
        self.src = src
        self.problems: list[Problem] = []
        declared = data.get("languages")
        language = data.get("language")
        default = [language] if isinstance(language, str) else []
        self.languages: list[str] = (
            [x for x in declared if isinstance(x, str)] if isinstance(declared, list) else default
        )

    def add(self, path: Path, message: str, key: bool = False) -> None:
        self.problems.append(((self.src.key_at(path) if key else self.src.at(path)), message))

    def run(self) -> list[Problem]:
        self.check_languages()
        self.check_ids()
        for path, question in _questions(self.data):
            self.check_question(path, question)
        self.check_conditions()
        self.check_texts()
        return self.problems

    # ----------------------------------------------------------------- languages and translations

    def check_languages(self) -> None:
        declared = self.data.get("languages")
        language = self.data.get("language")
        if not isinstance(declared, list):
            return
        seen: set[str] = set()
        for index, code in enumerate(declared):
            if not isinstance(code, str):  # the model reports the wrong type; nothing to compare here
                continue
            if code in seen:
                self.add(("languages", index), f"language '{code}' is listed twice")
            seen.add(code)
        if isinstance(language, str) and language not in declared:
            self.add(("language",), f"the grid language '{language}' is not in 'languages'")

    def _text_paths(self) -> Iterator[Path]:
        yield from (("title",), ("description",))
        for section_path, _ in _items(self.data, "sections", ()):
            yield from ((*section_path, "title"), (*section_path, "goal"))
        for path, question in _questions(self.data):
            yield from ((*path, "text"), (*path, "label"), (*path, "help"))
            for key in ("prompts", "labels"):
                values = question.get(key)
                if isinstance(values, list):
                    yield from ((*path, key, i) for i in range(len(values)))
            for option_path, _ in _items(question, "options", path):
                yield (*option_path, "label")

    def _value(self, path: Path) -> object:
        value: object = self.data
        for part in path:
            if isinstance(value, dict) and isinstance(part, str):
                value = value.get(part)
            elif isinstance(value, list) and isinstance(part, int) and part < len(value):
                value = value[part]
            else:
                return None
        return value

    def check_texts(self) -> None:
        languages = self.languages
        multilingual = len(languages) > 1
        for path in self._text_paths():
            value = self._value(path)
            if isinstance(value, str) and multilingual:
                wanted = ", ".join(f"{code}: ..." for code in languages)
                message = f"missing translation: this grid has {len(languages)} languages, write {{{wanted}}}"
                self.add(path, message)
            if not isinstance(value, dict) or not languages:
                continue
            for code in value:
                if isinstance(code, str) and _LANGUAGE.match(code) and code not in languages:
                    self.add((*path, code), f"language '{code}' is not declared in 'languages'", key=True)
            missing = [code for code in languages if code not in value]
            if missing and multilingual:
                self.add(path, f"missing translation: {', '.join(repr(c) for c in missing)}")

    # ----------------------------------------------------------------- ids

    def check_ids(self) -> None:
        first: dict[str, Position] = {}
        places = [*_items(self.data, "sections", ()), *_questions(self.data)]
        places.sort(key=lambda item: self.src.at(item[0]))
        for path, item in places:
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in first:
                self.add((*path, "id"), f"duplicate id '{ident}' (first used on line {first[ident][0]})")
            else:
                first[ident] = self.src.at((*path, "id"))

    # ----------------------------------------------------------------- one question

    def check_question(self, path: Path, q: dict[str, Any]) -> None:
        kind = q.get("type")
        if "text" not in q and "label" not in q:
            self.add(path, f"question '{q.get('id', '?')}' needs a 'text' (or a 'label')")
        elif "text" in q and "label" in q:
            self.add((*path, "label"), "give either 'text' or 'label', not both", key=True)
        if not isinstance(kind, str):
            return
        options = q.get("options")
        if kind in CHOICE_TYPES:
            if options is None:
                self.add(path, f"a {kind} question needs 'options'")
            elif isinstance(options, list) and len(options) < 2:
                self.add((*path, "options"), f"a {kind} question needs at least two options")
            self.check_options(path, q)
        else:
            if options is not None:
                self.add((*path, "options"), f"'options' only fit choice questions, not {kind}", key=True)
            if q.get("allow_other") is True:
                message = f"'allow_other' only fits choice questions, not {kind}"
                self.add((*path, "allow_other"), message, key=True)
        if kind != "scale":
            for key in SCALE_KEYS:
                if key in q:
                    self.add((*path, key), f"'{key}' only fits scale questions, not {kind}", key=True)
            return
        low, high = q.get("min", 1), q.get("max", 5)
        if isinstance(low, int) and isinstance(high, int) and low >= high:
            where = (*path, "max") if "max" in q else (*path, "min")
            self.add(where, f"scale min ({low}) must be lower than max ({high})")

    def check_options(self, path: Path, q: dict[str, Any]) -> None:
        options = q.get("options")
        if not isinstance(options, list):
            return
        seen: set[str] = set()
        for index, option in enumerate(options):
            value = option.get("value") if isinstance(option, dict) else option
            if not isinstance(value, str):
                continue
            if value in seen:
                self.add((*path, "options", index), f"duplicate option value '{value}'")
            seen.add(value)

    # ----------------------------------------------------------------- conditions

    def check_conditions(self) -> None:
        earlier: list[str] = []
        everything = {q.get("id") for _, q in _questions(self.data)}
        for path, q in _questions(self.data):
            ident = q.get("id")
            condition = q.get("show_if")
            if isinstance(condition, str) and condition:
                self.check_condition((*path, "show_if"), condition, ident, earlier, everything)
            if isinstance(ident, str):
                earlier.append(ident)

    def check_condition(self, path: Path, source: str, ident: object, earlier: list[str], every: set[Any]) -> None:
        try:
            parse_condition(source, known_ids=earlier)
        except ConditionError as exc:
            message = exc.message
            name = message.removeprefix("unknown question id ").strip("'")
            if message.startswith("unknown question id") and name == ident:
                message = f"show_if refers to its own question '{name}'"
            elif message.startswith("unknown question id") and name in every:
                message = f"show_if refers to '{name}', which comes later in the grid"
            else:
                message = f"show_if: {message}"
            self.problems.append((self._condition_position(path, exc.column), message))

    def _condition_position(self, path: Path, column: int) -> Position:
        line, col = self.src.at(path)
        style = self.src.styles.get(path)
        if style in ("|", ">"):
            return line, col
        return line, col + column - 1 + (1 if style in ("'", '"') else 0)


def check_grid(data: dict[str, Any], src: Located) -> list[Problem]:
    return GridChecker(data, src).run()
