"""The import dialog (verification summary first, then import) and the drop of bundles on the main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from sqlalchemy import func, select

from capnum_desktop.services.bundle_export import export_bundle
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Interview
from capnum_desktop.ui.bundles.conflicts_dialog import ConflictsDialog
from capnum_desktop.ui.bundles.import_dialog import ImportDialog
from capnum_desktop.ui.jobs import JobRunner
from tests.bundles.conftest import StoreFactory, copy_laptops, snapshot


@pytest.fixture
def stores(field_template: Path, tmp_path: Path, make_store: StoreFactory) -> dict[str, DataStore]:
    copy_laptops(field_template, tmp_path, "coord", "i1", "keys")
    return {"coord": make_store("coord"), "i1": make_store("i1")}


def _interviews(store: DataStore) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(Interview)) or 0


def test_import_dialog_verifies_first_then_imports(qtbot, stores: dict[str, DataStore], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    coord = stores["coord"]
    good = export_bundle(stores["i1"], tmp_path / "good.capnum", encrypt=False).path
    bad = tmp_path / "bad.capnum"
    bad.write_bytes(good.read_bytes()[:300])
    jobs = JobRunner()
    before = snapshot(coord)
    dialog = ImportDialog(coord, jobs, [good, bad])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.verified) == 2, timeout=20_000)
    assert snapshot(coord) == before  # verification wrote nothing
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 8).text().startswith("valid")
    assert int(dialog.table.item(0, 4).text()) > 0  # new records announced
    assert "truncated" in dialog.table.item(1, 8).text()
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=20_000)
    assert [r.file for r in dialog.results or []] == ["good.capnum"]
    assert _interviews(coord) == 4
    assert "Import finished" in dialog.intro.text()


def test_encrypted_bundle_without_identity_is_refused_in_the_summary(
    qtbot, stores: dict[str, DataStore], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    coord = stores["coord"]
    sealed = export_bundle(stores["i1"], tmp_path / "sealed.capnum").path
    dialog = ImportDialog(coord, JobRunner(), [sealed])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.verified) == 1, timeout=20_000)
    assert "identity" in dialog.table.item(0, 8).text()
    assert not dialog.import_button.isEnabled()
    dialog.identity_edit.setText(str(tmp_path / "keys" / "identity.txt"))
    dialog.start_verification()
    qtbot.waitUntil(lambda: dialog.verified and not dialog.verified[0].error, timeout=20_000)
    assert dialog.import_button.isEnabled()


def test_drop_on_main_window_opens_verified_import(qtbot, stores: dict[str, DataStore], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from capnum_desktop.ui.main_window import MainWindow

    coord = stores["coord"]
    bundle = export_bundle(stores["i1"], tmp_path / "dropped.capnum", encrypt=False).path
    window = MainWindow(coord)
    qtbot.addWidget(window)
    assert window.bundle_drop_handler is not None
    assert any("Sync" in a.text() for a in window.data_menu.actions())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bundle)), QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    dialog = window.bundle_import_dialog
    assert dialog.paths == [bundle]
    qtbot.waitUntil(lambda: len(dialog.verified) == 1, timeout=20_000)
    assert _interviews(coord) == 0  # nothing imported before the user confirms
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=20_000)
    assert _interviews(coord) == 4
    dialog.close()
    window.jobs.wait_all()


def test_conflicts_dialog_lists_and_resolves(qtbot, stores: dict[str, DataStore], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from capnum_desktop.services.bundle_import import import_bundle
    from capnum_desktop.storage.models import Note

    coord, i1 = stores["coord"], stores["i1"]
    import_bundle(coord, export_bundle(i1, tmp_path / "a.capnum", encrypt=False).path)
    with i1.session() as session:
        note_id = session.scalar(select(Note.id).limit(1))
    for store, text in ((i1, "terrain"), (coord, "bureau")):
        with store.session_factory.begin() as session:
            note = session.get(Note, note_id)
            assert note is not None
            note.text = text
            note.touch(store.device_id)
    import_bundle(coord, export_bundle(i1, tmp_path / "b.capnum", encrypt=False, since_last_sync=True).path)
    dialog = ConflictsDialog(coord)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    assert dialog.details.item(0, 1).text() == "bureau" and dialog.details.item(0, 2).text() == "terrain"
    qtbot.mouseClick(dialog.keep_incoming, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 0 and dialog.empty.isVisibleTo(dialog)
    with coord.session() as session:
        assert session.get(Note, note_id).text == "terrain"  # type: ignore[union-attr]
