"""Main window contract: interview page in the stack, its menu, back to the dashboard; bundle drops; feature hooks."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QWidget

from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui import main_window as main_window_module


class FakeInterviewPage(QWidget):
    """Stands for the interview engineer's page, following the agreed contract."""

    closed = Signal(str)
    made: ClassVar[list[tuple[str, bool]]] = []

    def __init__(self, store: DataStore, jobs: object, interview_id: str, *, review: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.interview_id = interview_id
        self.actions_ = [QAction("Next question", self)]
        FakeInterviewPage.made.append((interview_id, review))

    def menu_actions(self) -> list[QAction]:
        return self.actions_


@pytest.fixture
def fake_interview_module(monkeypatch: pytest.MonkeyPatch) -> type[FakeInterviewPage]:
    module = types.ModuleType("capnum_desktop.ui.interview.page")
    module.InterviewPage = FakeInterviewPage  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "capnum_desktop.ui.interview.page", module)
    FakeInterviewPage.made = []
    return FakeInterviewPage


def test_opening_an_interview_swaps_pages_and_menus_then_comes_back(
    seeded_store: DataStore, make_window: object, fake_interview_module: type[FakeInterviewPage]
) -> None:
    window = make_window(seeded_store)  # type: ignore[operator]
    in_progress = next(r.id for r in window.dashboard.model.rows if r.status == "in_progress")
    window.dashboard.select_interview(in_progress)
    window.resume_action.trigger()
    assert fake_interview_module.made == [(in_progress, False)]
    page = window.interview_page
    assert window.stack.currentWidget() is page
    assert [a.text() for a in window.interview_menu.actions()] == ["Next question"]
    assert not window.new_action.isEnabled()  # one interview at a time
    page.closed.emit(in_progress)
    assert window.interview_page is None
    assert window.stack.currentWidget() is window.dashboard
    assert window.stack.count() == 1
    assert [a.isEnabled() for a in window.interview_menu.actions()] == [False]  # "No interview open"
    assert window.selected_interview_id() == in_progress


def test_double_click_on_a_completed_interview_opens_its_review(
    seeded_store: DataStore, make_window: object, fake_interview_module: type[FakeInterviewPage]
) -> None:
    window = make_window(seeded_store)  # type: ignore[operator]
    completed = next(r.id for r in window.dashboard.model.rows if r.status == "completed")
    window.dashboard.open_requested.emit(completed, True)
    assert fake_interview_module.made == [(completed, True)]


def test_missing_interview_screens_say_so_instead_of_crashing(
    seeded_store: DataStore, make_window: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_import = main_window_module.importlib.import_module

    def missing(name: str) -> types.ModuleType:
        if name.startswith("capnum_desktop.ui.interview"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name)

    monkeypatch.setattr(main_window_module.importlib, "import_module", missing)
    window = make_window(seeded_store)  # type: ignore[operator]
    window.new_interview()
    assert "not available in this version yet" in capsys.readouterr().err
    assert window.interview_page is None


def test_feature_modules_are_installed_at_construction(
    demo_store: DataStore, make_window: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("capnum_test_feature")
    module.install = lambda window: window.data_menu.addAction("Export…")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "capnum_test_feature", module)
    monkeypatch.setattr(main_window_module.MainWindow, "FEATURE_MODULES", ("capnum_test_feature",))
    window = make_window(demo_store)  # type: ignore[operator]
    assert "Export…" in [a.text() for a in window.data_menu.actions()]


def test_dropped_bundles_go_to_the_bundle_hook(demo_store: DataStore, make_window: object, tmp_path: Path) -> None:
    window = make_window(demo_store)  # type: ignore[operator]
    received: list[list[Path]] = []
    mime = QMimeData()
    bundle = tmp_path / "laptop-3.capnum"
    mime.setUrls([QUrl.fromLocalFile(str(bundle)), QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])

    def drop() -> QDropEvent:
        event = QDropEvent(
            QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        window.dropEvent(event)
        return event

    drop()
    assert received == []  # no handler installed: nothing happens
    window.bundle_drop_handler = received.append
    assert drop().isAccepted()
    assert received == [[bundle]]
