"""PDF reports read back with pdftotext: French text (accents, « », U+202F), page numbers, content from the DB."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.grid_versions import grid_of, latest_grid_version
from capnum_desktop.services.queries import show_session
from capnum_desktop.services.reports import grid_report, notice_report, study_report, summary_report
from capnum_desktop.storage.datastore import DataStore
from tests.reports.conftest import completed_id, maps_character, page_count, pdf_text


def test_summary_in_french(report_store: DataStore, tmp_path: Path) -> None:
    interview_id = completed_id(report_store)
    path = summary_report(report_store, interview_id, tmp_path / "s.pdf")
    text = pdf_text(path)
    session = show_session(report_store, interview_id)
    assert f"Synthèse d’entretien – {session['participant']}" in text
    assert session["site_name"] in text and session["interviewer"] in text
    assert "Consentement" in text and "Enregistrement audio" in text
    pages = page_count(path)
    assert f"page 1 / {pages}" in text and f"page {pages} / {pages}" in text
    assert "Document confidentiel" in text and "Capital numérique" in text
    assert maps_character(path, 0x202F)  # French spacing drawn with DejaVu's narrow no-break space
    assert "Relances utilisées :" in text
    # Option labels, not stored values.
    with report_store.session() as session_db:
        grid = grid_of(session_db, latest_grid_version(session_db, "6f1c3c8e-0b1a-4f5e-9c39-2f0b4c8f1a01").id)
    flat = " ".join(text.split())
    for answer in session["answers"]:
        question = grid.question(answer["question_id"])
        if question.type.value == "single_choice" and answer["status"] == "answered" and answer["value"] != "other":
            assert " ".join(question.option_label(answer["value"], "fr").split()) in flat
    for note in session["notes"]:
        if "quote" in note["flags"]:
            assert "«" in text and "»" in text


def test_summary_in_english_and_contact_never_printed(report_store: DataStore, tmp_path: Path) -> None:
    interview_id = completed_id(report_store)
    text = pdf_text(summary_report(report_store, interview_id, tmp_path / "s.pdf", language="en"))
    assert "Interview summary" in text and "Consent" in text and "page 1 / " in text
    contact = show_session(report_store, interview_id, include_contact=True)["contact"]
    assert contact["phone"] not in text and contact["email"] not in text


def test_blank_grid_has_every_theme_and_tick_boxes(report_store: DataStore, tmp_path: Path) -> None:
    path = grid_report(report_store, tmp_path / "g.pdf")
    text = pdf_text(path)
    flat = " ".join(text.split())
    with report_store.session() as session:
        grid = grid_of(session, latest_grid_version(session, "6f1c3c8e-0b1a-4f5e-9c39-2f0b4c8f1a01").id)
    for section in grid.sections:
        assert " ".join(section.title.get("fr").split()) in flat
    assert "☐" in text and "Relances" in text and "Grille d’entretien (version papier)" in text
    assert f"page {page_count(path)} / {page_count(path)}" in text


def test_notice_and_consent_form(report_store: DataStore, tmp_path: Path) -> None:
    text = pdf_text(notice_report(report_store, tmp_path / "n.pdf"))
    flat = " ".join(text.split())
    assert "«" in text and "Capital numérique" in flat and "»" in text
    assert "Formulaire de consentement" in flat and "Signature du représentant légal" in flat
    assert "J’accepte que l’entretien soit enregistré" in flat and "page 1 / 2" in text


def test_study_overview(report_store: DataStore, tmp_path: Path) -> None:
    path = study_report(report_store, tmp_path / "v.pdf")
    text = pdf_text(path)
    assert "Vue d’ensemble de l’étude" in text
    for site in ("Bobigny", "Besançon", "Saint-Laurent-du-Maroni"):
        assert site in text
    assert "Couverture des thèmes" in text and "Durées des entretiens" in text
    assert "Réponses aux questions fermées" in text and "Tranche d’âge" in text
    assert "Entretiens : 10" in text and maps_character(path, 0x202F)
    assert f"page 2 / {page_count(path)}" in text


def test_errors_are_clear_and_write_nothing(report_store: DataStore, tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match="No interview"):
        summary_report(report_store, "missing", tmp_path / "s.pdf")
    with pytest.raises(ServiceError, match="language"):
        grid_report(report_store, tmp_path / "g.pdf", language="de")
    with pytest.raises(ServiceError, match="folder"):
        grid_report(report_store, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data-copy"]


def test_cli_reports(report_store: DataStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from capnum_desktop.cli.main import main

    data = ["--data-dir", str(report_store.data_dir)]
    out = tmp_path / "study.pdf"
    assert main([*data, "report", "study", "-o", str(out), "--lang", "en", "--site", "BOB"]) == 0
    assert "Study overview" in pdf_text(out) and "Report written" in capsys.readouterr().out
    assert main([*data, "report", "notice", "-o", str(tmp_path / "n.pdf")]) == 0
    assert main([*data, "report", "summary", "nope", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "No interview" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()


@pytest.mark.slow
def test_reportlab_is_imported_only_when_a_report_is_built() -> None:
    code = "import sys, capnum_desktop.cli.main, capnum_desktop.services.reports; print('reportlab' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
