"""French and English really switch; the committed .qm is up to date with the .ts; our strings are translated."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui import i18n_build
from capnum_desktop.ui.dashboard.labels import status_label
from capnum_desktop.ui.i18n import apply_language

# Contexts owned by the application shell (other contexts belong to the feature screens).
SHELL_CONTEXTS = {
    "AboutDialog",
    "CountsPanel",
    "Dashboard",
    "DashboardPage",
    "EmptyState",
    "Errors",
    "FilterBar",
    "MainWindow",
    "NoMatch",
    "ResumeBanner",
    "SettingsDialog",
    "Startup",
}


def test_menus_and_labels_switch_between_french_and_english(demo_store: DataStore, make_window: object) -> None:
    apply_language("fr")
    french = make_window(demo_store)  # type: ignore[operator]
    assert [french.file_menu.title(), french.help_menu.title()] == ["&Fichier", "&Aide"]
    assert status_label("completed") == "Terminé"
    apply_language("en")
    english = make_window(demo_store)  # type: ignore[operator]
    assert [english.file_menu.title(), english.help_menu.title()] == ["&File", "&Help"]
    assert status_label("completed") == "Completed"


def test_qt_standard_buttons_are_french_too(qapp: object) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    apply_language("fr")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"
    apply_language("en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_committed_qm_is_what_lrelease_makes_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / "capnum_fr.qm"
    i18n_build.release(i18n_build.ts_path("fr"), built)
    assert built.read_bytes() == i18n_build.qm_path("fr").read_bytes(), (
        "capnum_fr.qm is stale: run `uv run python -m capnum_desktop.ui.i18n_build`"
    )


def test_every_string_has_a_french_translation_with_french_typography() -> None:
    root = ElementTree.parse(i18n_build.ts_path("fr")).getroot()
    found = set()
    for context in root.iter("context"):
        name = context.findtext("name")
        found.add(name)
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None, f"{name}: {source!r} not translated"
            text = (translation.text or "").replace("%1", "").replace("%2", "")
            assert text, f"{name}: {source!r} has an empty translation"
            assert not re.search(r"[^\s\u202f][?!;:](\s|$)", text), f"{name}: {text!r} needs U+202F before ?!;:"
            assert not re.search(r"[ \u00a0][?!;:]", text), f"{name}: {text!r} needs U+202F, not a space"
            assert "'" not in text, f"{name}: {text!r} should use ’"
            assert '"' not in text, f"{name}: {text!r} should use « »"
    assert found >= SHELL_CONTEXTS


def test_lupdate_sources_cover_all_gui_files() -> None:
    names = {p.name for p in i18n_build.sources()}
    assert {"app.py", "main_window.py", "page.py", "settings_dialog.py"} <= names
