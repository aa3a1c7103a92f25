"""Interviews made with several versions of the grid export together without losing answers (#13)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from openpyxl import load_workbook
from sqlalchemy import select

from capnum_desktop.domain.grid import QuestionType
from capnum_desktop.services.answers import AnswerInput, save_answer
from capnum_desktop.services.exports import ExportOptions, export_data
from capnum_desktop.services.grid_versions import grid_of, import_grid_file
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import GridVersion, Interview
from tests.exports.conftest import new_interview
from tests.exports.test_tables import read_csv


def test_options_dropped_by_a_newer_grid_stay_in_the_export(demo_store: DataStore, tmp_path: Path) -> None:
    old = new_interview(demo_store)
    with demo_store.session() as session:
        grid = grid_of(session, session.get(Interview, old).grid_version_id)  # type: ignore[union-attr]
        source = session.scalars(select(GridVersion.source_yaml)).one()
    questions = [q for s in grid.sections for q in s.questions]
    multi = next(q for q in questions if q.type is QuestionType.MULTI_CHOICE and len(q.options) >= 3)
    single = next(q for q in questions if q.type is QuestionType.SINGLE_CHOICE and len(q.options) >= 3)
    dropped, gone = multi.options[-1], single.options[-1]
    save_answer(demo_store, old, multi.id, AnswerInput(value=[multi.options[0].value, dropped.value]))
    save_answer(demo_store, old, single.id, AnswerInput(value=gone.value))
    # Version 2 removes the last option of both questions and moves the first option of the multi-choice last.
    data = yaml.safe_load(source)
    data["version"] += 1
    for section in data["sections"]:
        for question in section["questions"]:
            if question["id"] in (multi.id, single.id):
                question["options"] = question["options"][:-1]
            if question["id"] == multi.id:
                question["options"] = question["options"][1:] + question["options"][:1]
    (tmp_path / "v2.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    import_grid_file(demo_store, tmp_path / "v2.yaml")
    new = new_interview(demo_store)
    save_answer(demo_store, new, multi.id, AnswerInput(value=[multi.options[1].value]))

    export_data(demo_store, tmp_path / "csv", ExportOptions("csv"))
    wide = {r["interview_id"]: r for r in read_csv(tmp_path / "csv" / "interviews_wide.csv")}
    columns = [c for c in wide[old] if c.startswith(f"{multi.id}__")]
    v2_order = [o.value for o in multi.options[1:-1]] + [multi.options[0].value]
    expected = [f"{multi.id}__{v}" for v in [*v2_order, dropped.value]]  # newest order, then the dropped option
    assert columns[: len(expected)] == expected
    assert wide[old][f"{multi.id}__{dropped.value}"] == "true" and wide[new][f"{multi.id}__{dropped.value}"] == "false"
    assert wide[old][f"{multi.id}__{multi.options[0].value}"] == "true"
    [answer] = [
        r
        for r in read_csv(tmp_path / "csv" / "answers_long.csv")
        if (r["interview_id"], r["question_id"]) == (old, single.id)
    ]
    assert answer["value_label"] == gone.label.get("fr")
    dictionary = {r["question_id"]: r for r in read_csv(tmp_path / "csv" / "dictionary.csv")}
    assert f"{dropped.value}={dropped.label.get('fr')}" in dictionary[multi.id]["options"]
    assert f"{multi.id}__{dropped.value}" in dictionary[multi.id]["wide_columns"].split()
    assert f"{gone.value}={gone.label.get('fr')}" in dictionary[single.id]["options"]
    # XLSX and JSON are built from the same tables.
    export_data(demo_store, tmp_path / "out.xlsx", ExportOptions("xlsx"))
    header = [c.value for c in load_workbook(tmp_path / "out.xlsx")["interviews"][1]]
    assert f"{multi.id}__{dropped.value}" in header
    export_data(demo_store, tmp_path / "out.json", ExportOptions("json"))
    document = json.loads((tmp_path / "out.json").read_text("utf-8"))
    [row] = [i for i in document["interviews"] if i["interview_id"] == old]
    assert row[f"{multi.id}__{dropped.value}"] is True
