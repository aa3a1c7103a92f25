"""Printed times are the local times of the machine printing, with the UTC offset said once (#15)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from capnum_desktop.services.answers import add_note
from capnum_desktop.services.reports import summary_report
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Interview
from tests.exports.conftest import new_interview
from tests.reports.conftest import pdf_text

STARTED = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)  # 20:30 in Saint-Laurent-du-Maroni (UTC-3)


@pytest.mark.usefixtures("cayenne")
@pytest.mark.parametrize(("language", "zone"), [("fr", "heure locale, UTC−03:00"), ("en", "local time, UTC−03:00")])
def test_summary_prints_local_times(demo_store: DataStore, tmp_path: Path, language: str, zone: str) -> None:
    interview_id = new_interview(demo_store, started_at=STARTED)
    add_note(demo_store, interview_id, "note sans enregistrement", noted_at=datetime(2026, 11, 26, 0, 5, tzinfo=UTC))
    with demo_store.session_factory.begin() as session:
        interview = session.get(Interview, interview_id)
        assert interview is not None
        interview.ended_at = datetime(2026, 11, 26, 1, 10, tzinfo=UTC)
    text = pdf_text(summary_report(demo_store, interview_id, tmp_path / "s.pdf", language=language))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    started, ended, given = ("Début", "Fin", "Recueilli le") if language == "fr" else ("Started", "Ended", "Given on")
    assert f"{started} 2026-11-25 20:30" in lines
    assert f"{ended} 2026-11-25 22:10" in lines
    assert f"{given} 2026-11-25 20:30" in lines  # the consent's time matters legally
    assert any(line.startswith("[21h05] note sans enregistrement") for line in lines)
    assert zone in " ".join(lines)
    assert "23:30" not in text and "23h30" not in text
