"""Broken grid files: every kind of mistake is reported as FILE:LINE:COL, and all of them at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capnum_desktop.grids import GridError, GridValidationError, load_grid, parse_grid_text

# Lines 1-5 of every case below.
HEAD = "format: capnum-grid/1\nid: demo\nversion: 1\ntitle: Démo\nlanguage: fr\n"
# A valid theme, to append where a case breaks only the profile.
THEME = "sections:\n  - id: theme\n    title: Thème\n    questions:\n      - {id: q1, text: Bonjour, type: long_text}\n"


def errors_of(text: str) -> list[str]:
    with pytest.raises(GridValidationError) as info:
        parse_grid_text(text, "g.yaml")
    assert all(isinstance(e, GridError) for e in info.value.errors)
    assert str(info.value) == "\n".join(str(e) for e in info.value.errors)
    return [str(e) for e in info.value.errors]


CASES: list[tuple[str, str, str]] = [
    ("int_key", HEAD + "1: x\n" + THEME, "g.yaml:6:1: invalid key 1: keys must be strings"),
    ("languages_not_list", HEAD + "languages: fr\n" + THEME, "g.yaml:6:12: languages: expected a list, not string"),
    ("duplicate_language", HEAD + "languages: [fr, fr]\n" + THEME, "g.yaml:6:17: language 'fr' is listed twice"),
    (
        "yaml_syntax",
        "format: capnum-grid/1\nid: [demo\nversion: 1\n",
        "g.yaml:3:8: YAML syntax error: expected ',' or ']'",
    ),
    ("yaml_tab", "format: capnum-grid/1\n\tid: demo\n", "g.yaml:2:1: YAML syntax error: found character '\\t'"),
    (
        "python_tag",
        "format: !!python/object:os.system x\n",
        "g.yaml:1:9: YAML syntax error: could not determine a constructor",
    ),
    (
        "not_a_mapping",
        "- a\n- b\n",
        "g.yaml:1:1: a grid file must be a mapping (format, id, version, title, …), but this one is a list",
    ),
    (
        "empty_file",
        "",
        "g.yaml:1:1: a grid file must be a mapping (format, id, version, title, …), but this one is empty",
    ),
    (
        "wrong_format",
        HEAD.replace("capnum-grid/1", "capnum-grid/9") + THEME,
        "g.yaml:1:9: unsupported format 'capnum-grid/9': expected 'capnum-grid/1'",
    ),
    (
        "version_zero",
        HEAD.replace("version: 1", "version: 0") + THEME,
        "g.yaml:3:10: version must be a positive integer, not 0",
    ),
    (
        "version_text",
        HEAD.replace("version: 1", "version: '2'") + THEME,
        "g.yaml:3:10: version must be a positive integer, not '2'",
    ),
    ("unknown_key", HEAD + "colour: blue\n" + THEME, "g.yaml:6:1: unknown key 'colour'"),
    (
        "misspelt_key",
        HEAD + THEME.replace("type: long_text", "tpye: long_text"),
        "g.yaml:10:33: unknown key 'tpye' (did you mean 'type'?)",
    ),
    ("missing_key", HEAD.replace("title: Démo\n", "") + THEME, "g.yaml:1:1: missing required key 'title'"),
    (
        "wrong_type_bool",
        HEAD + THEME.replace("type: long_text}", "type: long_text, allow_other: maybe}"),
        "g.yaml:10:63: allow_other: expected true or false, not string",
    ),
    (
        "wrong_type_text",
        HEAD.replace("title: Démo", "title: [a, b]") + THEME,
        "g.yaml:4:8: title: expected a text or a mapping of language codes to texts",
    ),
    ("empty_text", HEAD.replace("title: Démo", "title: ''") + THEME, "g.yaml:4:8: title: must not be empty"),
    (
        "bad_id",
        HEAD + THEME.replace("id: q1", "id: Q-1"),
        "g.yaml:10:14: invalid id 'Q-1': use lowercase letters, digits and '_', starting with a letter",
    ),
    (
        "bad_type",
        HEAD + THEME.replace("long_text", "essay"),
        "g.yaml:10:39: unknown question type 'essay': expected one of text, long_text",
    ),
    (
        "duplicate_id",
        HEAD + "profile:\n  - {id: q1, label: Âge, type: number}\n" + THEME,
        "g.yaml:12:14: duplicate id 'q1' (first used on line 7)",
    ),
    (
        "duplicate_section_id",
        HEAD + THEME + "  - id: theme\n    title: Deux\n    questions:\n      - {id: q2, text: Et alors, type: text}\n",
        "g.yaml:11:9: duplicate id 'theme' (first used on line 7)",
    ),
    (
        "duplicate_yaml_key",
        HEAD + "title: Encore\n" + THEME,
        "g.yaml:6:1: duplicate key 'title' (already set on line 4)",
    ),
    (
        "show_if_syntax",
        HEAD + THEME + "      - {id: q2, text: Et alors, type: text, show_if: \"q1 == 'a' and q1.x\"}\n",
        "g.yaml:11:72: show_if: attribute access is not allowed",
    ),
    (
        "show_if_code",
        HEAD + THEME + "      - {id: q2, text: Et alors, type: text, show_if: \"__import__('os')\"}\n",
        "g.yaml:11:56: show_if: names starting with '_' are not allowed",
    ),
    (
        "show_if_unknown",
        HEAD + THEME + '      - {id: q2, text: Et alors, type: text, show_if: "answered(nope)"}\n',
        "g.yaml:11:65: show_if: unknown question id 'nope'",
    ),
    (
        "show_if_later",
        HEAD
        + THEME.replace("long_text}", "long_text, show_if: 'answered(q2)'}")
        + "      - {id: q2, text: Et alors, type: text}\n",
        "g.yaml:10:69: show_if refers to 'q2', which comes later in the grid",
    ),
    (
        "show_if_self",
        HEAD + THEME.replace("long_text}", "long_text, show_if: q1 == 'x'}"),
        "g.yaml:10:59: show_if refers to its own question 'q1'",
    ),
    (
        "options_not_choice",
        HEAD + THEME.replace("long_text}", "long_text, options: [a, b]}"),
        "g.yaml:10:50: 'options' only fit choice questions, not long_text",
    ),
    (
        "missing_options",
        HEAD + THEME.replace("long_text", "single_choice"),
        "g.yaml:10:9: a single_choice question needs 'options'",
    ),
    (
        "one_option",
        HEAD + THEME.replace("long_text}", "multi_choice, options: [a]}"),
        "g.yaml:10:62: a multi_choice question needs at least two options",
    ),
    (
        "duplicate_option",
        HEAD + THEME.replace("long_text}", "single_choice, options: [a, b, {value: a, label: A}]}"),
        "g.yaml:10:70: duplicate option value 'a'",
    ),
    (
        "option_unknown_key",
        HEAD + THEME.replace("long_text}", "single_choice, options: [a, {value: b, lable: B}]}"),
        "g.yaml:10:78: unknown key 'lable' (did you mean 'label'?)",
    ),
    (
        "bad_option_type",
        HEAD + THEME.replace("long_text}", "single_choice, options: [a, 2]}"),
        "g.yaml:10:67: options: expected an option value (a string) or a mapping {value: ..., label: ...}",
    ),
    (
        "scale_min_max",
        HEAD + THEME.replace("long_text}", "scale, min: 5, max: 5}"),
        "g.yaml:10:59: scale min (5) must be lower than max (5)",
    ),
    (
        "scale_labels_count",
        HEAD + THEME.replace("long_text}", "scale, labels: [Bas]}"),
        "g.yaml:10:54: a scale takes exactly two labels",
    ),
    (
        "scale_keys_not_scale",
        HEAD + THEME.replace("long_text}", "number, max: 10}"),
        "g.yaml:10:47: 'max' only fits scale questions, not number",
    ),
    (
        "allow_other_not_choice",
        HEAD + THEME.replace("long_text}", "yes_no, allow_other: true}"),
        "g.yaml:10:47: 'allow_other' only fits choice questions, not yes_no",
    ),
    (
        "text_and_label",
        HEAD + THEME.replace("long_text}", "long_text, label: Q1}"),
        "g.yaml:10:50: give either 'text' or 'label', not both",
    ),
    (
        "no_text",
        HEAD + THEME.replace("text: Bonjour, ", ""),
        "g.yaml:10:9: question 'q1' needs a 'text' (or a 'label')",
    ),
    (
        "empty_section",
        HEAD + THEME + "  - id: empty\n    title: Vide\n    questions: []\n",
        "g.yaml:13:16: this section has no questions",
    ),
    ("no_sections", HEAD + "sections: []\n", "g.yaml:6:11: a grid needs at least one section"),
    (
        "undeclared_language",
        HEAD.replace("title: Démo", "title: {fr: Démo, de: Demo}") + THEME,
        "g.yaml:4:19: language 'de' is not declared in 'languages'",
    ),
    (
        "bad_language_code",
        HEAD.replace("title: Démo", "title: {fr: Démo, EN: Demo}") + THEME,
        "g.yaml:4:19: invalid language code 'EN'",
    ),
    (
        "language_not_listed",
        HEAD + "languages: [en, de]\n" + THEME,
        "g.yaml:5:11: the grid language 'fr' is not in 'languages'",
    ),
    (
        "missing_translation",
        HEAD.replace("title: Démo", "title: {fr: Démo, en: Demo}")
        + "languages: [fr, en]\n"
        + THEME.replace("title: Thème", "title: {fr: Thème}").replace("Bonjour", "{fr: Bonjour, en: Hello}"),
        "g.yaml:9:12: missing translation: 'en'",
    ),
    (
        "plain_text_in_multilingual",
        HEAD.replace("title: Démo", "title: {fr: Démo, en: Demo}")
        + "languages: [fr, en]\n"
        + THEME.replace("title: Thème", "title: {fr: Thème, en: Theme}"),
        "g.yaml:11:24: missing translation: this grid has 2 languages, write {fr: ..., en: ...}",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_mistake_is_located(text: str, expected: str) -> None:
    errors = errors_of(text)
    assert any(line.startswith(expected) for line in errors), "\n".join(errors)


def test_at_least_fifteen_kinds_of_mistakes_are_covered() -> None:
    assert len({c[0] for c in CASES}) >= 30


SEVERAL = """\
format: capnum-grid/1
id: demo
version: 0
title: {fr: Démo, en: Demo}
language: fr
languages: [fr, en]
profile:
  - {id: age_range, label: {fr: Âge, en: Age}, type: single_choice, options: ["15-24", "15-24"]}
sections:
  - id: theme
    title: {fr: Thème, en: Theme}
    questions:
      - id: q1
        text: {fr: Bonjour}
        type: long_text
        options: [a, b]
      - id: age_range
        text: {fr: Quoi, en: What}
        type: scale
        min: 3
        max: 1
        show_if: "later == 1"
      - id: later
        text: {fr: Et alors, en: And}
        type: dream
        colour: red
"""

SEVERAL_ERRORS = [
    "g.yaml:3:10: version must be a positive integer, not 0",
    "g.yaml:8:88: duplicate option value '15-24'",
    "g.yaml:14:15: missing translation: 'en'",
    "g.yaml:16:9: 'options' only fit choice questions, not long_text",
    "g.yaml:17:13: duplicate id 'age_range' (first used on line 8)",
    "g.yaml:21:14: scale min (3) must be lower than max (1)",
    "g.yaml:22:19: show_if refers to 'later', which comes later in the grid",
    "g.yaml:25:15: unknown question type 'dream': expected one of text, long_text, single_choice, "
    "multi_choice, yes_no, number, scale, date",
    "g.yaml:26:9: unknown key 'colour'",
]


def test_every_error_of_a_file_is_reported_sorted_by_line(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(SEVERAL, encoding="utf-8")
    with pytest.raises(GridValidationError) as info:
        load_grid(path)
    got = [str(e).replace(str(path), "g.yaml") for e in info.value.errors]
    assert got == SEVERAL_ERRORS
    assert [e.line for e in info.value.errors] == sorted(e.line for e in info.value.errors)
    assert str(info.value).count("\n") == len(SEVERAL_ERRORS) - 1


def test_grid_error_str_is_file_line_col_message() -> None:
    assert str(GridError("a.yaml", 3, 7, "boom")) == "a.yaml:3:7: boom"


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Démo\n".encode("latin-1"))
    with pytest.raises(GridValidationError, match=r"latin1\.yaml:1:1: the file is not UTF-8"):
        load_grid(path)


def test_alias_bomb_is_refused_cleanly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 12)]
    errors = errors_of("\n".join(lines) + "\n")
    assert any("too many aliases" in e for e in errors)


def test_a_valid_minimal_grid_loads() -> None:
    grid = parse_grid_text(HEAD + THEME, "g.yaml")
    assert grid.id == "demo" and grid.languages == ("fr",)
    assert grid.question("q1").text.get() == "Bonjour"


ODD_FILES = [
    HEAD + "1: x\n" + THEME,
    HEAD + "sections: {a: 1}\n",
    HEAD + "sections:\n  - null\n  - 3\n  - [a]\n",
    HEAD + "profile: x\n" + THEME,
    HEAD + THEME.replace("long_text}", "single_choice, options: null, prompts: [{1: a}], show_if: 3}"),
    HEAD.replace("title: Démo", "title: {fr: {x: y}}") + THEME,
    HEAD.replace("language: fr", "language: [fr]") + "languages: fr\n" + THEME,
    HEAD + "? [a, b]\n: c\n" + THEME,
    HEAD + "profile:\n  - &p {id: p1, label: P, type: number}\n  - *p\n" + THEME,
    HEAD + "base: &b {title: T}\n" + THEME.replace("    title: Thème\n", "    <<: *b\n"),
]


@pytest.mark.parametrize("text", ODD_FILES)
def test_odd_files_give_located_errors_not_crashes(text: str) -> None:
    errors = errors_of(text)
    assert errors and all(e.startswith("g.yaml:") for e in errors)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_damage_to_a_grid_never_crashes(data: st.DataObject) -> None:
    text = SEVERAL
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start, min(len(text), start + 12)))
        patch = data.draw(st.sampled_from(["", " ", "\n", ":", "- ", "[", "{", "'", "x", "  "]))
        text = text[:start] + patch + text[end:]
    try:
        parse_grid_text(text, "g.yaml")
    except GridValidationError as exc:
        assert all(e.line >= 1 and e.column >= 1 for e in exc.errors)
