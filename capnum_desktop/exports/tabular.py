"""Writing the analysis tables as CSV files, one XLSX workbook, or one JSON document.

Everything is rendered in memory first, then written with atomic renames: an error leaves no half file.
Text is what people typed: XLSX cells are always text cells (never formulas), CSV for Excel neutralises a leading
formula character; date-times are UTC, said in the column header (XLSX, Excel CSV) or by the ISO offset.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from capnum_desktop.exports.dataset import CONTACT_FIELDS, Dataset
from capnum_desktop.exports.tables import Cell, Table
from capnum_desktop.storage.files import write_atomic

CSV_FILE_NAMES = {
    "interviews": "interviews_wide.csv",
    "answers": "answers_long.csv",
    "notes": "notes.csv",
    "participants": "participants.csv",
    "dictionary": "dictionary.csv",
}
UTF8_BOM = "\ufeff"
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's CSV-injection list: these start a formula in a sheet
UTC_SUFFIX = " (UTC)"


def header(table: Table, *, zone_label: bool) -> list[str]:
    return [f"{c}{UTC_SUFFIX}" if zone_label and c in table.timestamps else c for c in table.columns]


def csv_cell(value: Cell, *, excel: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        moment = value.astimezone(UTC)
        return moment.strftime("%Y-%m-%d %H:%M:%S") if excel else moment.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and excel:
        return repr(value).replace(".", ",")  # French Excel reads "3,5" as a number, "3.5" as text
    if isinstance(value, str) and excel and value.startswith(FORMULA_LEADS):
        return "'" + value  # Excel shows the text, does not run it; the plain CSV (R, Python) keeps it exact
    return str(value)


def render_csv(table: Table, *, excel: bool = False) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
    writer.writerow(header(table, zone_label=excel))  # Excel dates have no offset: the header says UTC
    for row in table.rows:
        writer.writerow([csv_cell(c, excel=excel) for c in row])
    text = buffer.getvalue()
    return ((UTF8_BOM if excel else "") + text).encode("utf-8")


def write_csv_folder(tables: list[Table], folder: Path, *, excel: bool = False) -> list[Path]:
    """One CSV per table inside `folder` (created if needed); returns the files written."""
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(20, "CSV export needs a folder, not a file", str(folder))
    rendered = [(folder / CSV_FILE_NAMES.get(t.name, f"{t.name}.csv"), render_csv(t, excel=excel)) for t in tables]
    folder.mkdir(parents=True, exist_ok=True)
    for path, data in rendered:
        write_atomic(path, data)
    return [path for path, _ in rendered]


def _xlsx_value(value: Cell) -> Any:
    if isinstance(value, datetime):  # Excel has no time zones: write UTC, say so in the header
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


XLSX_CELL_LIMIT = 32_767  # characters: Excel's limit, which openpyxl enforces by cutting silently
XLSX_CUT_MARK = " […]"


def write_xlsx(tables: list[Table], path: Path) -> int:
    """One sheet per table; numbers, booleans and dates keep their types (write-only mode: fast, low memory).

    Returns how many texts were longer than an Excel cell holds: they end with `XLSX_CUT_MARK` (the CSV and JSON
    exports keep them whole), and the caller says so.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    cut = 0
    for table in tables:
        sheet = workbook.create_sheet(table.name)
        sheet.freeze_panes = "A2"
        kinds: dict[int, str] = {}
        for row in table.rows:
            for index, value in enumerate(row):
                if isinstance(value, datetime):
                    kinds[index] = "yyyy-mm-dd hh:mm"
                elif isinstance(value, date):
                    kinds.setdefault(index, "yyyy-mm-dd")
        titles = []
        for label in header(table, zone_label=True):
            cell = WriteOnlyCell(sheet, value=label)
            cell.font = bold
            titles.append(cell)
        sheet.append(titles)
        for row in table.rows:
            cells: list[Any] = []
            for index, value in enumerate(row):
                if isinstance(value, str):
                    # Control characters XML refuses (Word's manual line break \x0b, \x0c...) become spaces:
                    # openpyxl would raise and block the whole export for one odd character.
                    text = ILLEGAL_CHARACTERS_RE.sub(" ", value)
                    if len(text) > XLSX_CELL_LIMIT:
                        text = text[: XLSX_CELL_LIMIT - len(XLSX_CUT_MARK)] + XLSX_CUT_MARK
                        cut += 1
                    if text.startswith("=") or text in ERROR_CODES:
                        cell = WriteOnlyCell(sheet, value=text)
                        cell.data_type = "s"  # openpyxl infers a formula ("=> relancer") or an error ("#N/A")
                        cells.append(cell)
                    else:
                        cells.append(text)  # inferred as a text cell; a plain value is much cheaper than a cell
                elif index in kinds and value is not None:
                    cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
                    cell.number_format = kinds[index]
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomic(path, buffer.getvalue())
    return cut


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _records(table: Table) -> list[dict[str, Any]]:
    return [{c: _json_value(v) for c, v in zip(table.columns, row, strict=True)} for row in table.rows]


def json_document(dataset: Dataset, tables: list[Table]) -> dict[str, Any]:
    """Tables as arrays of objects; participants keep identifying details in one `contact` object."""
    by_name = {t.name: t for t in tables}
    participants = _records(by_name["participants"])
    contacts = {p.code: p.contact for p in dataset.participants}
    for record in participants:
        for field in CONTACT_FIELDS:
            record.pop(f"contact_{field}", None)
        if not dataset.pseudonymized:
            record["contact"] = contacts.get(str(record["participant"]))
    consents = {i.id: [{k: _json_value(v) for k, v in c.items()} for c in i.consents] for i in dataset.interviews}
    interviews = _records(by_name["interviews"])
    for record in interviews:
        record["consent"] = consents.get(str(record["interview_id"]), [])
    memos = {i.id: i.memo for i in dataset.interviews}
    for record in interviews:
        record["memo"] = memos.get(str(record["interview_id"]))
    return {
        "format": "capnum-export/1",
        "study": {"id": dataset.study_id, "code": dataset.study_code, "title": dataset.study_title},
        "pseudonymized": dataset.pseudonymized,
        "participants": participants,
        "interviews": interviews,
        "answers": _records(by_name["answers"]),
        "notes": _records(by_name["notes"]),
        "dictionary": _records(by_name["dictionary"]),
    }


def write_json(dataset: Dataset, tables: list[Table], path: Path) -> None:
    text = json.dumps(json_document(dataset, tables), ensure_ascii=False, indent=1)
    write_atomic(path, (text + "\n").encode("utf-8"))
