"""Grid -> plain dict / YAML (for `capnum grid export`) and a content hash of a grid."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import yaml

from capnum_desktop.domain.grid import Grid, LocalText, Option, Question, QuestionType


def _text(text: LocalText, grid: Grid) -> str | dict[str, str]:
    values = dict(text.values)
    if len(grid.languages) == 1 and list(values) == [grid.language]:
        return values[grid.language]
    return values


def _option(option: Option, grid: Grid) -> str | dict[str, Any]:
    if dict(option.label.values) == {grid.language: option.value}:
        return option.value
    return {"value": option.value, "label": _text(option.label, grid)}


def _question(question: Question, grid: Grid, wording_key: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": question.id, wording_key: _text(question.text, grid)}
    out["type"] = question.type.value
    if question.options:
        out["options"] = [_option(o, grid) for o in question.options]
    if question.allow_other:
        out["allow_other"] = True
    if question.type is QuestionType.SCALE:
        out["min"], out["max"] = question.scale_min, question.scale_max
        if question.scale_labels:
            out["labels"] = [_text(label, grid) for label in question.scale_labels]
    if question.prompts:
        out["prompts"] = [_text(p, grid) for p in question.prompts]
    if question.show_if is not None:
        out["show_if"] = question.show_if
    if question.help is not None:
        out["help"] = _text(question.help, grid)
    return out


def grid_to_dict(grid: Grid) -> dict[str, Any]:
    """The grid in the file format (profile attributes use `label`, theme questions `text`)."""
    out: dict[str, Any] = {"format": grid.format, "id": grid.id, "version": grid.version}
    out["title"] = _text(grid.title, grid)
    out["language"] = grid.language
    if grid.languages != (grid.language,):
        out["languages"] = list(grid.languages)
    if grid.description is not None:
        out["description"] = _text(grid.description, grid)
    if grid.profile:
        out["profile"] = [_question(q, grid, "label") for q in grid.profile]
    sections: list[dict[str, Any]] = []
    for section in grid.sections:
        item: dict[str, Any] = {"id": section.id, "title": _text(section.title, grid)}
        if section.goal is not None:
            item["goal"] = _text(section.goal, grid)
        item["questions"] = [_question(q, grid, "text") for q in section.questions]
        sections.append(item)
    out["sections"] = sections
    return out


def dump_grid_yaml(grid: Grid) -> str:
    """YAML text that `parse_grid_text` reads back to an equal grid."""
    header = f"# {grid.id} v{grid.version} ({grid.format})\n"
    body = yaml.safe_dump(grid_to_dict(grid), allow_unicode=True, sort_keys=False, width=110, indent=2)
    return header + body


def grid_content_hash(grid: Grid) -> str:
    """sha256 (hex) of a canonical JSON of the grid's content."""
    canonical = json.dumps(grid_to_dict(grid), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
