"""The embedded default study "Capital numérique": its grid, its texts and its metadata."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from capnum_desktop.domain.conditions import parse_condition, visible_questions
from capnum_desktop.domain.grid import Grid, LocalText, QuestionType
from capnum_desktop.grids import dump_grid_yaml, grid_content_hash, grid_to_dict, load_grid, parse_grid_text

STUDY_DIR = Path(__file__).resolve().parents[2] / "resources" / "study"
NNBSP = "\u202f"


@pytest.fixture(scope="module")
def grid() -> Grid:
    return load_grid(STUDY_DIR / "grid.yaml")


def _texts(grid: Grid) -> list[LocalText]:
    texts = [grid.title, *(t for t in [grid.description] if t)]
    for section in grid.sections:
        texts += [section.title, *(t for t in [section.goal] if t)]
    for q in grid.all_questions():
        texts += [q.text, *q.prompts, *(o.label for o in q.options), *(q.scale_labels or ())]
        texts += [q.help] if q.help else []
    return texts


def test_the_shipped_grid_loads(grid: Grid) -> None:
    assert grid.id == "capital-numerique-habitants"
    assert grid.version == 1
    assert grid.language == "fr"
    assert grid.languages == ("fr", "en")


def test_ids_are_unique_and_prefixed_by_their_theme(grid: Grid) -> None:
    ids = [q.id for q in grid.all_questions()] + [s.id for s in grid.sections]
    assert len(ids) == len(set(ids))
    for section in grid.sections:
        for q in section.questions:
            assert q.id.startswith(section.id + "_"), q.id


def test_about_eleven_themes_with_four_to_eight_questions(grid: Grid) -> None:
    assert len(grid.sections) == 11
    for section in grid.sections:
        assert 4 <= len(section.questions) <= 8, section.id
        assert section.goal is not None


def test_open_questions_carry_two_to_four_prompts(grid: Grid) -> None:
    for q in grid.all_questions():
        if q.type is QuestionType.LONG_TEXT:
            assert 2 <= len(q.prompts) <= 4, q.id


def test_every_question_type_and_some_conditions_are_used(grid: Grid) -> None:
    kinds = Counter(q.type for q in grid.all_questions())
    assert set(kinds) == set(QuestionType)
    themes = Counter(q.type for s in grid.sections for q in s.questions)
    assert themes[QuestionType.LONG_TEXT] > sum(themes.values()) / 2  # mostly open questions
    assert any(q.allow_other for q in grid.all_questions() if q.type is QuestionType.MULTI_CHOICE)
    assert all(q.scale_labels for q in grid.all_questions() if q.type is QuestionType.SCALE)
    conditional = [q for q in grid.all_questions() if q.show_if]
    assert len(conditional) >= 5
    known = {q.id for q in grid.all_questions()}
    for q in conditional:
        assert parse_condition(q.show_if or "", known_ids=known).referenced_ids <= known


def test_profile_block(grid: Grid) -> None:
    profile = {q.id: q for q in grid.profile}
    assert {"age_range", "gender", "occupation", "household", "children_at_home"} <= set(profile)
    age = profile["age_range"]
    assert age.type is QuestionType.SINGLE_CHOICE
    assert age.option_label("under_15", "fr") == "Moins de 15 ans"
    assert age.option_label("under_15", "en") == "Under 15"


def test_school_questions_only_show_for_households_with_children(grid: Grid) -> None:
    school = {q.id for q in grid.section("ecole").questions}
    assert school <= visible_questions(grid, {"children_at_home": True})
    assert not school & visible_questions(grid, {"children_at_home": False})
    assert "connexion_manque_recit" not in visible_questions(grid, {})
    assert "connexion_manque_recit" in visible_questions(grid, {"connexion_manque_donnees": True})


def test_every_text_has_french_and_english(grid: Grid) -> None:
    for text in _texts(grid):
        assert set(text.values) == {"fr", "en"}, text
        assert all(value.strip() for value in text.values.values())


def test_french_typography(grid: Grid) -> None:
    for text in _texts(grid):
        fr = text.values["fr"]
        assert "'" not in fr, fr  # typographic apostrophe
        assert not re.search(r"[ \u00a0][?!:;»]|«[ \u00a0]", fr), fr  # narrow no-break spaces
        assert not re.search(r"[^\u202f][?!;]", fr), fr
        if "«" in fr:
            assert f"«{NNBSP}" in fr and f"{NNBSP}»" in fr


def test_dump_then_parse_round_trips(grid: Grid) -> None:
    text = dump_grid_yaml(grid)
    again = parse_grid_text(text, "export.yaml")
    assert again == grid
    assert grid_to_dict(again) == grid_to_dict(grid)
    assert grid_content_hash(again) == grid_content_hash(grid)


def test_content_hash_changes_with_content(grid: Grid) -> None:
    digest = grid_content_hash(grid)
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    changed = replace(grid, title=LocalText({"fr": "Autre", "en": "Other"}, "fr"))
    assert grid_content_hash(changed) != digest


def test_single_language_grid_round_trips_with_plain_strings() -> None:
    source = """\
format: capnum-grid/1
id: mini
version: 3
title: Mini
language: fr
profile:
  - {id: age_range, label: Âge, type: single_choice, options: ["15-24", {value: "25+", label: 25 ans et plus}]}
sections:
  - id: t
    title: Thème
    questions:
      - {id: t_scale, text: Note, type: scale, min: 0, max: 10, labels: [Mal, Bien], help: Aide}
      - {id: t_open, text: Parlez-moi, type: long_text, prompts: [Quand, Où], show_if: "t_scale > 5"}
      - {id: t_date, text: Date, type: date}
"""
    grid = parse_grid_text(source)
    assert grid.question("t_scale").scale_max == 10
    dumped = grid_to_dict(grid)
    assert dumped["title"] == "Mini"
    assert dumped["profile"][0]["options"] == ["15-24", {"value": "25+", "label": "25 ans et plus"}]
    assert parse_grid_text(dump_grid_yaml(grid)) == grid


def test_study_metadata() -> None:
    data = yaml.safe_load((STUDY_DIR / "study.yaml").read_text("utf-8"))
    study = data["study"]
    assert study["id"] == "6f1c3c8e-0b1a-4f5e-9c39-2f0b4c8f1a01"
    assert study["code"] == "capnum"
    assert study["title"] == {"fr": "Capital numérique", "en": "Digital capital"}
    assert set(study["description"]) == {"fr", "en"}
    sites = {s["code"]: s for s in data["sites"]}
    assert list(sites) == ["BAG", "BOB", "BES", "SLM"]
    assert sites["BAG"]["name"] == "La Noue – Bagnolet"
    assert sites["SLM"]["name"] == "Saint-Laurent-du-Maroni"
    for site in sites.values():
        assert uuid.UUID(site["id"]).version == 4
    assert len({s["id"] for s in sites.values()}) == 4
    assert data["grid"] == "grid.yaml" and (STUDY_DIR / data["grid"]).is_file()
    assert data["notice_version"] == "2026-1"
    notice = data["notice"]
    assert set(notice) == {"fr", "en"}
    for language in ("fr", "en"):
        assert notice[language].count("\n\n") >= 3  # a few paragraphs
    assert "'" not in notice["fr"] and not re.search(r" [?!:;»]", notice["fr"])
