"""Dates picked by people are local dates; timestamps in exports say their zone (#16)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from capnum_desktop.exports.dataset import ExportFilter
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.exports import ExportOptions, export_data
from capnum_desktop.storage.datastore import DataStore
from tests.exports.conftest import new_interview
from tests.exports.test_tables import read_csv

EVENING = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)  # 22:30 on 25 November in Saint-Laurent-du-Maroni


def _exported(store: DataStore, target: Path, filters: ExportFilter) -> set[str]:
    export_data(store, target, ExportOptions("json", filters=filters))
    return {i["interview_id"] for i in json.loads(target.read_text("utf-8"))["interviews"]}


@pytest.mark.usefixtures("cayenne")
def test_date_filters_are_local_dates(demo_store: DataStore, tmp_path: Path) -> None:
    evening = new_interview(demo_store, started_at=EVENING)
    morning = new_interview(demo_store, started_at=datetime(2026, 11, 26, 11, 0, tzinfo=UTC))  # 08:00 on the 26th
    day = date(2026, 11, 25)
    assert _exported(demo_store, tmp_path / "a.json", ExportFilter(date_from=day, date_to=day)) == {evening}
    assert _exported(demo_store, tmp_path / "b.json", ExportFilter(date_to=day)) == {evening}
    next_day = date(2026, 11, 26)
    assert _exported(demo_store, tmp_path / "c.json", ExportFilter(date_from=next_day)) == {morning}
    with pytest.raises(ServiceError, match="No interview matches"):
        export_data(
            demo_store, tmp_path / "d.json", ExportOptions("json", filters=ExportFilter(date_to=date(2026, 11, 24)))
        )


@pytest.mark.usefixtures("cayenne")
def test_cli_to_date_is_local(demo_store: DataStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from capnum_desktop.cli.main import main

    evening = new_interview(demo_store, started_at=EVENING)
    data = ["--data-dir", str(demo_store.data_dir)]
    assert main([*data, "export", "json", "-o", str(tmp_path / "e.json"), "--to", "2026-11-25"]) == 0
    assert {i["interview_id"] for i in json.loads((tmp_path / "e.json").read_text("utf-8"))["interviews"]} == {evening}
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main([*data, "export", "--help"])
    assert "local date" in " ".join(capsys.readouterr().out.split())


def test_timestamps_say_their_zone(demo_store: DataStore, tmp_path: Path) -> None:
    new_interview(demo_store, started_at=EVENING)  # in progress: no end time in any row
    export_data(demo_store, tmp_path / "excel", ExportOptions("csv", excel=True))
    [row] = read_csv(tmp_path / "excel" / "interviews_wide.csv", ";")
    assert row["started_at (UTC)"] == "2026-11-26 01:30:00" and row["ended_at (UTC)"] == ""
    export_data(demo_store, tmp_path / "plain", ExportOptions("csv"))
    [row] = read_csv(tmp_path / "plain" / "interviews_wide.csv")
    assert row["started_at"] == "2026-11-26T01:30:00+00:00"  # ISO 8601 with its offset
    export_data(demo_store, tmp_path / "out.xlsx", ExportOptions("xlsx"))
    header = [c.value for c in load_workbook(tmp_path / "out.xlsx")["interviews"][1]]
    assert "started_at (UTC)" in header and "ended_at (UTC)" in header  # the same columns whatever the data
