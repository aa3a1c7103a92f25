"""Tables (CSV, XLSX, JSON) against the database they come from."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from capnum_desktop.exports.dataset import ExportFilter
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.exports import ExportOptions, export_data
from capnum_desktop.services.grid_versions import grid_of
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Answer, Contact, Interview, Participant, Site


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def test_wide_and_long_tables_match_the_database(seeded: DataStore, tmp_path: Path) -> None:
    result = export_data(seeded, tmp_path / "csv", ExportOptions("csv"))
    assert {p.name for p in result.files} == {
        "interviews_wide.csv", "answers_long.csv", "notes.csv", "participants.csv", "dictionary.csv",
    }  # fmt: skip
    wide = {row["interview_id"]: row for row in read_csv(tmp_path / "csv" / "interviews_wide.csv")}
    long_rows = read_csv(tmp_path / "csv" / "answers_long.csv")
    with seeded.session() as session:
        interviews = list(session.scalars(select(Interview)))
        answers = list(session.scalars(select(Answer)))
        grid = grid_of(session, interviews[0].grid_version_id)
        codes = {p.id: p.code for p in session.scalars(select(Participant))}
    assert set(wide) == {i.id for i in interviews}
    assert len(long_rows) == len(answers)
    by_key = {(a.interview_id, a.question_id): a for a in answers}
    for row in long_rows:
        answer = by_key[(row["interview_id"], row["question_id"])]
        assert row["status"] == answer.status
        if isinstance(answer.value, str):
            assert row["value"] == answer.value
        elif isinstance(answer.value, bool):
            assert row["value"] == ("true" if answer.value else "false")
        elif isinstance(answer.value, list):
            assert row["value"] == "|".join(answer.value)
    closed = [q for s in grid.sections for q in s.questions if q.type.is_closed]
    for interview in interviews:
        row = wide[interview.id]
        assert row["participant"] == codes[interview.participant_id]
        assert row["status"] == interview.status
        for question in closed:
            answer = by_key.get((interview.id, question.id))
            value = answer.value if answer is not None and answer.status == "answered" else None
            if question.type.value == "multi_choice":
                for option in question.options:
                    expected = "" if value is None else ("true" if option.value in value else "false")
                    assert row[f"{question.id}__{option.value}"] == expected
            elif question.type.value == "yes_no":
                assert row[question.id] == ("" if value is None else ("true" if value else "false"))
            else:
                assert row[question.id] == ("" if value is None else str(value))


def test_xlsx_keeps_types(seeded: DataStore, tmp_path: Path) -> None:
    export_data(seeded, tmp_path / "out.xlsx", ExportOptions("xlsx"))
    book = load_workbook(tmp_path / "out.xlsx")
    assert book.sheetnames == ["interviews", "answers", "notes", "participants", "dictionary"]
    sheet = book["interviews"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, [c.value for c in r], strict=True)) for r in sheet.iter_rows(min_row=2)]
    assert all(isinstance(r["started_at (UTC)"], datetime) for r in rows)
    years = [r["years_in_neighbourhood"] for r in rows if r["years_in_neighbourhood"] is not None]
    assert years and all(isinstance(v, int) and not isinstance(v, bool) for v in years)
    children = [r["children_at_home"] for r in rows if r["children_at_home"] is not None]
    assert children and all(isinstance(v, bool) for v in children)
    dates = [r["demarches_derniere_date"] for r in rows if r["demarches_derniere_date"] is not None]
    assert dates and all(isinstance(v, date) for v in dates)
    with seeded.session() as session:
        assert sheet.max_row - 1 == session.scalar(select(func.count()).select_from(Interview))
        assert book["answers"].max_row - 1 == session.scalar(select(func.count()).select_from(Answer))


def test_excel_csv_has_bom_and_semicolons(seeded: DataStore, tmp_path: Path) -> None:
    export_data(seeded, tmp_path / "x", ExportOptions("csv", excel=True))
    raw = (tmp_path / "x" / "interviews_wide.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.split(b"\r\n", 1)[0].count(b";") > 10
    rows = read_csv(tmp_path / "x" / "interviews_wide.csv", ";")
    assert any("," in r["duration_min"] for r in rows if r["duration_min"])  # decimal comma


def test_json_keeps_contact_in_one_object(seeded: DataStore, tmp_path: Path) -> None:
    export_data(seeded, tmp_path / "out.json", ExportOptions("json"))
    document = json.loads((tmp_path / "out.json").read_text("utf-8"))
    with seeded.session() as session:
        contacts = {
            p.code: c
            for p, c in session.execute(
                select(Participant, Contact).join(Contact, Contact.participant_id == Participant.id)
            )
        }
    assert document["participants"]
    for participant in document["participants"]:
        contact = contacts[participant["participant"]]
        assert participant["contact"] == {
            "full_name": contact.full_name, "phone": contact.phone, "email": contact.email, "address": contact.address,
        }  # fmt: skip
        assert not any(key.startswith("contact_") for key in participant)
    export_data(seeded, tmp_path / "p.json", ExportOptions("json", pseudonymize=True))
    pseudo = json.loads((tmp_path / "p.json").read_text("utf-8"))
    assert pseudo["pseudonymized"] is True
    assert all("contact" not in p for p in pseudo["participants"])
    assert all(c["guardian_name"] is None for i in pseudo["interviews"] for c in i["consent"])


def test_filters_by_site_status_and_dates(seeded: DataStore, tmp_path: Path) -> None:
    with seeded.session() as session:
        rows = list(session.execute(select(Interview.id, Site.code, Interview.status, Interview.started_at).join(Site)))
    site = Counter(r[1] for r in rows).most_common(1)[0][0]
    options = ExportOptions("json", filters=ExportFilter(sites=frozenset({site}), statuses=frozenset({"completed"})))
    result = export_data(seeded, tmp_path / "f.json", options)
    expected = {r[0] for r in rows if r[1] == site and r[2] == "completed"}
    exported = {i["interview_id"] for i in json.loads((tmp_path / "f.json").read_text("utf-8"))["interviews"]}
    assert exported == expected and result.interviews == len(expected)
    middle = sorted(r[3] for r in rows)[len(rows) // 2].astimezone().date()  # a local date, as picked
    options = ExportOptions("json", filters=ExportFilter(date_from=middle))
    export_data(seeded, tmp_path / "d.json", options)
    exported = {i["interview_id"] for i in json.loads((tmp_path / "d.json").read_text("utf-8"))["interviews"]}
    assert exported == {r[0] for r in rows if r[3].astimezone().date() >= middle}


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (ExportFilter(sites=frozenset({"XXX"})), "Unknown site"),
        (ExportFilter(statuses=frozenset({"lost"})), "Unknown status"),
        (ExportFilter(date_from=date(2030, 1, 1)), "No interview matches"),
        (ExportFilter(date_from=date(2026, 5, 1), date_to=date(2026, 4, 1)), "comes after"),
    ],
)
def test_bad_filters_write_nothing(seeded: DataStore, tmp_path: Path, filters: ExportFilter, message: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ServiceError, match=message):
        export_data(seeded, out / "out.xlsx", ExportOptions("xlsx", filters=filters))
    assert list(out.iterdir()) == []
