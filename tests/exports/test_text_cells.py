"""What people typed reaches every format as text: never a formula, never a blocked export (#11, #12)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import xmlschema
from openpyxl import load_workbook

from capnum_desktop.reports.layout import esc
from capnum_desktop.services.answers import AnswerInput, add_note, save_answer
from capnum_desktop.services.exports import ExportOptions, export_data
from capnum_desktop.services.reports import summary_report
from capnum_desktop.storage.datastore import DataStore
from tests.exports.conftest import LONG_QUESTION, SCHEMAS, new_interview
from tests.exports.test_tables import read_csv
from tests.reports.conftest import pdf_text

FORMULAS = {
    "answer": "=> pas d'ordinateur à la maison, seulement le téléphone",
    "note": "=> relancer sur la CAF",
    "comment": "+33 6 12 34 56 78",
}
CONTROL = "ligne 1\x0bligne 2 (saut de ligne manuel Word)\x0cpage 2\x1b."


def _interview_with(store: DataStore, texts: dict[str, str], **kwargs: object) -> str:
    interview_id = new_interview(store, **kwargs)  # type: ignore[arg-type]
    save_answer(store, interview_id, LONG_QUESTION, AnswerInput(value=texts["answer"], free_text=texts["comment"]))
    add_note(store, interview_id, texts["note"], question_id=LONG_QUESTION)
    return interview_id


def _sheet_rows(path: Path, sheet: str) -> list[dict[str, object]]:
    rows = list(load_workbook(path)[sheet].iter_rows())
    header = [c.value for c in rows[0]]
    return [{str(h): c for h, c in zip(header, row, strict=True)} for row in rows[1:]]


def test_text_starting_with_equals_is_never_a_formula(demo_store: DataStore, tmp_path: Path) -> None:
    interview_id = _interview_with(demo_store, FORMULAS)
    add_note(demo_store, interview_id, "#N/A")
    export_data(demo_store, tmp_path / "out.xlsx", ExportOptions("xlsx"))
    with zipfile.ZipFile(tmp_path / "out.xlsx") as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)
    [answer] = _sheet_rows(tmp_path / "out.xlsx", "answers")
    note, error = _sheet_rows(tmp_path / "out.xlsx", "notes")
    for cell, text in ((answer["value"], FORMULAS["answer"]), (answer["free_text"], FORMULAS["comment"]),
                       (note["text"], FORMULAS["note"]), (error["text"], "#N/A")):  # fmt: skip
        assert (cell.data_type, cell.value) == ("s", text)  # type: ignore[attr-defined]


def test_excel_csv_neutralises_formulas_but_plain_csv_keeps_the_text(demo_store: DataStore, tmp_path: Path) -> None:
    _interview_with(demo_store, FORMULAS)
    export_data(demo_store, tmp_path / "excel", ExportOptions("csv", excel=True))
    export_data(demo_store, tmp_path / "plain", ExportOptions("csv"))
    [excel] = read_csv(tmp_path / "excel" / "answers_long.csv", ";")
    [plain] = read_csv(tmp_path / "plain" / "answers_long.csv")
    assert excel["value"] == "'" + FORMULAS["answer"] and excel["free_text"] == "'" + FORMULAS["comment"]
    assert plain["value"] == FORMULAS["answer"] and plain["free_text"] == FORMULAS["comment"]
    [note] = read_csv(tmp_path / "excel" / "notes.csv", ";")
    assert note["text"] == "'" + FORMULAS["note"]
    assert read_csv(tmp_path / "plain" / "notes.csv")[0]["text"] == FORMULAS["note"]


def test_control_characters_do_not_block_any_export(demo_store: DataStore, tmp_path: Path) -> None:
    texts = dict.fromkeys(("answer", "comment", "note"), CONTROL)
    interview_id = _interview_with(demo_store, texts, interviewer="Alice\x0bMartin")
    export_data(demo_store, tmp_path / "out.xlsx", ExportOptions("xlsx"))
    [answer] = _sheet_rows(tmp_path / "out.xlsx", "answers")
    assert answer["value"].value == "ligne 1 ligne 2 (saut de ligne manuel Word) page 2 ."  # type: ignore[attr-defined]
    # JSON and CSV keep the text as typed.
    export_data(demo_store, tmp_path / "out.json", ExportOptions("json"))
    document = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert document["answers"][0]["value"] == CONTROL and document["notes"][0]["text"] == CONTROL
    export_data(demo_store, tmp_path / "csv", ExportOptions("csv"))
    assert read_csv(tmp_path / "csv" / "answers_long.csv")[0]["value"] == CONTROL
    # The REFI-QDA project stays well-formed, schema-valid XML (XML 1.0 forbids these characters).
    export_data(demo_store, tmp_path / "out.qdpx", ExportOptions("qdpx"))
    with zipfile.ZipFile(tmp_path / "out.qdpx") as archive:
        xml = archive.read("project.qde")
    ET.fromstring(xml)
    xmlschema.XMLSchema(str(SCHEMAS / "Project.xsd")).validate(xml.decode("utf-8"))
    assert b"Alice Martin" in xml
    # The summary PDF prints it: a line break for \x0b, no empty glyph box for the others.
    assert esc(CONTROL) == "ligne 1<br/>ligne 2 (saut de ligne manuel Word) page 2 ."
    text = pdf_text(summary_report(demo_store, interview_id, tmp_path / "s.pdf"))
    assert "ligne 1\n" in text and "ligne 2 (saut de ligne manuel Word) page 2 ." in " ".join(text.split())


def test_a_text_longer_than_an_excel_cell_is_cut_visibly_and_the_export_says_so(
    demo_store: DataStore, tmp_path: Path
) -> None:
    long_text = "Elle raconte sa démarche à la CAF, étape par étape. " * 1000  # 52,000 characters
    _interview_with(demo_store, {"answer": long_text, "note": "court", "comment": ""})
    result = export_data(demo_store, tmp_path / "out.xlsx", ExportOptions("xlsx"))
    [answer] = _sheet_rows(tmp_path / "out.xlsx", "answers")
    value = str(answer["value"].value)  # type: ignore[attr-defined]
    assert len(value) == 32_767 and value.endswith(" […]")
    assert long_text.startswith(value.removesuffix(" […]"))
    assert result.warnings and "1 text is longer than an Excel cell holds" in result.warnings[0]
    json_export = export_data(demo_store, tmp_path / "out.json", ExportOptions("json"))
    assert long_text.strip() in (tmp_path / "out.json").read_text(encoding="utf-8")
    assert json_export.warnings == ()
