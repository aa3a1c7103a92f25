"""Messages of the Qt-free layers: a complete, well-typeset French catalogue, used when the GUI speaks French.

The catalogue is `resources/translations/messages/fr/LC_MESSAGES/capnum.po` (+ the compiled .mo), rebuilt by
`python -m capnum_desktop.domain.messages_build`. The CLI and the tests stay in English unless a test asks.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import event

from capnum_desktop.domain import messages_build
from capnum_desktop.domain.grid import QuestionType
from capnum_desktop.domain.messages import _, message_language, set_message_language
from capnum_desktop.services.answers import AnswerInput, add_note, save_answer
from capnum_desktop.services.bundle_export import export_bundle
from capnum_desktop.services.bundle_import import import_bundle, verify_bundle
from capnum_desktop.services.bundle_open import BundleRefused
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.errors import DiskFullError
from tests.bundles import hostile as H
from tests.bundles.conftest import snapshot
from tests.services.test_interview_services import _first, _grid, _start

NNBSP = "\u202f"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _catalog_pairs() -> list[tuple[str, str]]:
    """(English, French) for every message and plural form of the committed French catalogue."""
    pairs: list[tuple[str, str]] = []
    for message in messages_build.read_catalog("fr"):
        if not message.id:
            continue
        if isinstance(message.id, str):
            pairs.append((message.id, str(message.string)))
        else:
            singular, plural = message.id[0], message.id[1]
            pairs += [(singular if n == 0 else plural, form) for n, form in enumerate(message.string)]
    return pairs


def _fields(text: str) -> Counter[tuple[str, str | None, str | None]]:
    return Counter((name, conv, spec) for _lit, name, spec, conv in string.Formatter().parse(text) if name is not None)


# --- the catalogue ------------------------------------------------------------------------------------------


def test_every_message_in_the_code_is_translated_and_the_mo_matches_the_po() -> None:
    # Extracts every _()/ngettext() of capnum_desktop/ (not ui/) as the build does, and compiles nothing to disk.
    assert messages_build.problems("fr") == []


def test_the_catalogue_is_not_empty_and_skips_the_qt_gui() -> None:
    template = messages_build.extract_template()
    files = {path for message in template for path, _line in message.locations}
    assert len([m for m in template if m.id]) > 120
    assert not [f for f in files if f.startswith(("capnum_desktop/ui/", "capnum_desktop/app.py"))]
    assert {"capnum_desktop/storage/database.py", "capnum_desktop/bundles/reader.py"} <= files


def test_french_typography() -> None:
    bad = []
    for english, french in _catalog_pairs():
        text = PLACEHOLDER.sub("X", french)  # `{got:.2f}` holds a colon that is not punctuation
        rules = {
            "straight apostrophe (use ’)": "'" in text,
            "no U+202F before : ; ? !": bool(re.search(rf"[^{NNBSP}][:;?!]", text)),
            "no U+202F inside « »": bool(re.search(rf"«[^{NNBSP}]|[^{NNBSP}]»", text)),
            "no-break space instead of U+202F": "\u00a0" in text,
            "English left as is": french == english and PLACEHOLDER.sub("", english).strip(" :") != "",
        }
        bad += [f"{rule}: {french!r}" for rule, broken in rules.items() if broken]
    assert bad == []


def test_placeholders_of_each_translation_match_the_english_ones() -> None:
    pairs = _catalog_pairs()
    assert pairs
    mismatched = [(english, french) for english, french in pairs if _fields(english) != _fields(french)]
    assert mismatched == []


def test_a_rebuild_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The real build, run on a copy: the committed .po must already be what it writes (only Babel's own version
    # in the header may differ), and its .mo must hold exactly the .po's translations.
    import shutil

    committed = messages_build.po_path("fr")
    shutil.copytree(messages_build.MESSAGES_DIR, tmp_path / "messages")
    monkeypatch.setattr(messages_build, "MESSAGES_DIR", tmp_path / "messages")
    messages_build.build("fr")

    def lines(path: Path) -> list[str]:
        return [line for line in path.read_text("utf-8").splitlines() if not line.startswith('"Generated-By:')]

    assert lines(messages_build.po_path("fr")) == lines(committed)
    compiled = messages_build.mo_translations(messages_build.mo_path("fr").read_bytes())
    assert compiled == messages_build.translations_of(messages_build.read_catalog("fr"))


def test_a_message_that_comes_back_gets_its_translation_back() -> None:
    from babel.messages.catalog import Catalog

    catalog = messages_build._new_catalog("fr")
    catalog.add("no such file", "fichier introuvable")
    gone = Catalog()
    messages_build.merge(catalog, gone)  # the message left the code: kept as obsolete
    assert catalog.get("no such file") is None and "no such file" in catalog.obsolete
    back = Catalog()
    back.add("no such file")
    messages_build.merge(catalog, back)
    assert catalog.get("no such file").string == "fichier introuvable"  # type: ignore[union-attr]
    assert not catalog.obsolete


# --- the language in effect -----------------------------------------------------------------------------------


def test_english_by_default_and_for_unknown_languages() -> None:
    assert message_language() == "en"
    assert _("no such file") == "no such file"
    try:
        assert set_message_language("de") == "en"
        assert _("no such file") == "no such file"
    finally:
        set_message_language("en")


def test_a_missing_catalogue_falls_back_to_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from capnum_desktop.domain import messages

    monkeypatch.setattr(messages, "catalogue_dir", lambda: str(tmp_path))
    try:
        assert set_message_language("fr") == "en"
        assert _("no such file") == "no such file"
    finally:
        set_message_language("en")


def test_french_messages_fixture_sets_and_restores(french_messages: None) -> None:
    assert message_language() == "fr"
    assert _("no such file") == "fichier introuvable"


# --- real failures, in French -----------------------------------------------------------------------------------


@pytest.fixture
def tampered_bundle(demo_store: DataStore, tmp_path: Path) -> Path:
    """A real bundle with one byte of its answers changed (size kept): the manifest's sha256 no longer matches."""
    interview_id = _start(demo_store)
    add_note(demo_store, interview_id, "Elle utilise surtout son téléphone.")
    good = export_bundle(demo_store, tmp_path / "good.capnum", encrypt=False).path
    members = H.read_members(good)
    name = H.first_member(members, "records/note")
    data = bytearray(next(d for i, d in members if i.filename == name))
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "tampered.capnum"
    H.write_members(bad, H.replace_member(members, name, bytes(data), fix_manifest=False))
    return bad


def test_a_tampered_bundle_is_refused_in_french(
    demo_store: DataStore, tampered_bundle: Path, french_messages: None
) -> None:
    before = snapshot(demo_store)
    for action in (verify_bundle, import_bundle):
        with pytest.raises(BundleRefused) as refused:
            action(demo_store, tampered_bundle)
        message = str(refused.value)
        assert message.startswith(f"tampered.capnum{NNBSP}: l’élément 'records/note.jsonl'"), message
        assert "ne correspond pas à son sha256 dans le manifeste (octets modifiés)" in message
    assert snapshot(demo_store) == before


def test_the_same_refusal_stays_english_without_a_language(demo_store: DataStore, tampered_bundle: Path) -> None:
    with pytest.raises(BundleRefused, match=r"^tampered.capnum: member 'records/note.jsonl' does not match its sha256"):
        verify_bundle(demo_store, tampered_bundle)


def test_an_encrypted_bundle_without_identity_is_refused_in_french(
    demo_store: DataStore, tmp_path: Path, french_messages: None
) -> None:
    ghost = tmp_path / "absent.capnum"
    with pytest.raises(BundleRefused) as refused:
        verify_bundle(demo_store, ghost)
    assert str(refused.value) == f"absent.capnum{NNBSP}: fichier introuvable"


def test_a_full_disk_is_reported_in_french(demo_store: DataStore, french_messages: None) -> None:
    # A real SQLITE_FULL: every new connection may not grow the database file by a single page.
    def no_growth(dbapi_connection: object, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]  # type: ignore[attr-defined]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]

    interview_id = _start(demo_store)
    event.listen(demo_store.engine, "connect", no_growth)
    demo_store.engine.dispose()
    try:
        with pytest.raises(DiskFullError) as full:
            add_note(demo_store, interview_id, "Une très longue note. " * 100_000)
    finally:
        event.remove(demo_store.engine, "connect", no_growth)
        demo_store.engine.dispose()
    assert str(full.value).startswith(f"Le disque est plein{NNBSP}: la dernière modification n’a pas pu être")
    assert "clé USB" in str(full.value)


def test_a_bad_answer_value_is_refused_in_french(demo_store: DataStore, french_messages: None) -> None:
    interview_id = _start(demo_store)
    question = _first(_grid(demo_store, interview_id), QuestionType.SINGLE_CHOICE)
    with pytest.raises(ServiceError) as refused:
        save_answer(demo_store, interview_id, question.id, AnswerInput(value=["not", "one"]))
    assert str(refused.value) == f"{question.id}{NNBSP}: une seule option est attendue"


# --- the CLI keeps English --------------------------------------------------------------------------------------


def test_the_cli_prints_english(
    demo_store: DataStore, tampered_bundle: Path, capnum: object, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = capnum("bundle", "verify", str(tampered_bundle), capsys=capsys)  # type: ignore[operator]
    assert code == 2
    assert "member 'records/note.jsonl' does not match its sha256 in the manifest (altered bytes)" in err
    assert "élément" not in err
