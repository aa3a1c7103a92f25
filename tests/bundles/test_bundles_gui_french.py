"""The French GUI shows the refusal of a hostile bundle in French: the message comes from the Qt-free layers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from capnum_desktop.domain.messages import message_language
from capnum_desktop.services.bundle_export import export_bundle
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.bundles.import_dialog import ImportDialog
from capnum_desktop.ui.jobs import JobRunner
from tests.bundles import hostile as H
from tests.bundles.conftest import StoreFactory, copy_laptops, snapshot

NNBSP = "\u202f"


@pytest.fixture
def french_gui(qapp: object) -> Iterator[None]:
    """The language the app applies at start-up in France; English again after (translators are process-wide)."""
    from capnum_desktop.ui.i18n import apply_language

    assert apply_language("fr") == "fr"
    try:
        yield
    finally:
        apply_language("en")
    assert message_language() == "en"


def test_a_french_app_refuses_a_hostile_bundle_in_french(
    qtbot, field_template: Path, tmp_path: Path, make_store: StoreFactory, french_gui: None
) -> None:  # type: ignore[no-untyped-def]
    assert message_language() == "fr"  # apply_language sets the Qt translators and the services' messages
    copy_laptops(field_template, tmp_path, "coord", "i1")
    coord: DataStore = make_store("coord")
    good = export_bundle(make_store("i1"), tmp_path / "good.capnum", encrypt=False).path
    hostile = tmp_path / "evil.capnum"
    H.write_members(hostile, H.add_member(H.read_members(good), "../../escape.txt", b"pwned"))
    before = snapshot(coord)

    dialog = ImportDialog(coord, JobRunner(), [hostile])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.verified) == 1, timeout=20_000)

    expected = (
        f"evil.capnum{NNBSP}: chemin dangereux '../../escape.txt' dans le paquet (composant vide, «{NNBSP}.{NNBSP}»"
    )
    assert dialog.verified[0].error.startswith(expected), dialog.verified[0].error
    assert expected in dialog.table.item(0, 8).text()
    assert "refusé" in dialog.intro.text() and expected in dialog.intro.text()  # Qt's French around ours
    assert not dialog.import_button.isEnabled()
    assert snapshot(coord) == before
