"""Planted canaries: no contact value of the database survives a pseudonymized export, in any format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from capnum_desktop.exports.pseudonymize import NameRedactor
from capnum_desktop.services.answers import AnswerInput, save_answer
from capnum_desktop.services.exports import ExportOptions, export_data
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Consent, Contact, Participant
from tests.exports.conftest import LONG_QUESTION, add_recording, all_text_of, completed_interview, new_interview

FORMATS = [("csv", "out-csv"), ("xlsx", "out.xlsx"), ("json", "out.json"), ("qdpx", "out.qdpx")]


def canaries(store: DataStore) -> tuple[list[str], list[str]]:
    """(whole values that must not appear anywhere, names that must not appear as words)."""
    with store.session() as session:
        contacts = list(session.scalars(select(Contact)))
        declared = [n for names in session.scalars(select(Participant.declared_names)) for n in names or []]
        guardians = [g for g in session.scalars(select(Consent.guardian_name)) if g]
    values = [v for c in contacts for v in (c.full_name, c.phone, c.email, c.address) if v] + guardians
    names = declared + [part for c in contacts for part in (c.full_name or "").split()]
    return values, sorted(set(names))


def word(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)


@pytest.mark.parametrize(("fmt", "name"), FORMATS)
def test_no_contact_value_in_pseudonymized_export(seeded: DataStore, tmp_path: Path, fmt: str, name: str) -> None:
    add_recording(seeded, completed_interview(seeded), markers=[("parcours_premier_souvenir", 1000)])
    values, names = canaries(seeded)
    assert values and names
    plain = all_text_of(export_data(seeded, tmp_path / f"plain-{name}", ExportOptions(fmt)).path)
    # The canaries are really there without --pseudonymize (so this test can fail)...
    assert any(word(n).search(plain) for n in names)
    if fmt != "qdpx":
        assert any(v in plain for v in values)
    text = all_text_of(export_data(seeded, tmp_path / name, ExportOptions(fmt, pseudonymize=True)).path)
    # ...and gone with it.
    assert [v for v in values if v in text] == []
    assert [n for n in names if word(n).search(text)] == []
    assert "[prénom]" in text


def test_redactor_matches_whole_words_without_accents() -> None:
    redactor = NameRedactor(["Inès", "Marie-Claire", "Jo", "A"])
    assert redactor.redact("INES et marie-claire, Jo.") == "[prénom] et [prénom], [prénom]."
    assert redactor.redact("Joseph a écrit à Inès") == "Joseph a écrit à [prénom]"  # "A" is too short to redact
    assert redactor.redact("Ine\u0301s") == "[prénom]"  # decomposed accent
    assert redactor.redact(None) is None


def test_name_particles_are_not_redacted_in_other_interviews(demo_store: DataStore, tmp_path: Path) -> None:
    """One participant called "Marie de La Tour" must not blank out every "de" and "la" of the study (#10)."""
    new_interview(demo_store, contact_name="Marie de La Tour")
    new_interview(demo_store, contact_name="Awa Ba")
    other = new_interview(demo_store, contact_name="Jean Le Gall", declared=["Jo"])
    sentence = "Je fais le dossier de la CAF sur le téléphone de ma fille, ben oui."
    names = " Marie de La Tour m’aide, Mme de La Tour aussi ; Jo et Gall, Mme Ba, Le Gall."
    save_answer(demo_store, other, LONG_QUESTION, AnswerInput(value=sentence + names))
    export_data(demo_store, tmp_path / "p.json", ExportOptions("json", pseudonymize=True))
    document = json.loads((tmp_path / "p.json").read_text("utf-8"))
    [value] = [a["value"] for a in document["answers"] if a["interview_id"] == other]
    expected = " [prénom] m’aide, Mme [prénom] aussi ; [prénom] et [prénom], Mme [prénom], [prénom]."
    assert value == sentence + expected


def test_redactor_keeps_particles_and_short_words_apart_from_whole_names() -> None:
    redactor = NameRedactor(["Marie de La Tour", "Awa Ba", "Jean-de-Dieu N'Diaye", "Li", "Ben"])
    assert redactor.redact("de la part de Marie, la Tour, le ba-ba") == "de la part de [prénom], la [prénom], le ba-ba"
    assert redactor.redact("AWA BA et Ba ; Li, Ben") == "[prénom] et [prénom] ; [prénom], [prénom]"
    # A hyphenated first name, its pieces, and "N’" kept with the surname it belongs to.
    assert redactor.redact("Jean-de-Dieu, Dieu de N’Diaye, Diaye") == "[prénom], [prénom] de [prénom], [prénom]"
    assert redactor.redact("un lit, du pain") == "un lit, du pain"
