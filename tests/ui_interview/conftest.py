"""Fixtures for the interview screens: a real data folder with the embedded study and a started interview."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from capnum_desktop.services.interview_session import NewInterviewRequest, begin_interview, load_new_interview_context
from capnum_desktop.services.interviews import ConsentInput
from capnum_desktop.storage.datastore import DataStore

PROFILE = {"age_range": "25-39", "occupation": "employed", "children_at_home": True}


@pytest.fixture
def start_interview(demo_store: DataStore) -> Callable[..., str]:
    def start(*, audio: bool = True, profile: dict[str, object] | None = None) -> str:
        context = load_new_interview_context(demo_store)
        request = NewInterviewRequest(
            site_id=context.sites[0].id,
            interviewer_name="Awa Diallo",
            consent=ConsentInput(participation=True, audio_recording=audio, quotation=True, recontact=False),
            profile=dict(PROFILE if profile is None else profile),
        )
        return begin_interview(demo_store, request)

    return start


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard, accents included (QTest.keyClicks aborts on non-ASCII: PLATFORM.md)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def key(qtbot: object, widget: QWidget, sequence: str) -> None:
    """Press a shortcut such as "Ctrl+Shift+Q" on `widget` (the window must be active)."""
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())  # type: ignore[attr-defined]


@pytest.fixture
def open_page(qtbot: object, demo_store: DataStore) -> Callable[..., object]:
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.ui.interview.page import InterviewPage

    def open_(interview_id: str, *, review: bool = False) -> InterviewPage:
        page = InterviewPage(demo_store, None, interview_id, review=review)
        qtbot.addWidget(page)  # type: ignore[attr-defined]
        page.resize(1366, 740)
        page.show()
        qtbot.waitExposed(page)  # type: ignore[attr-defined]
        page.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)  # type: ignore[attr-defined]
        return page

    return open_


def tick(qtbot: object, button: QWidget) -> None:
    """Click a check box or radio button on its indicator (its centre may lie past a short label)."""
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def english_ui(qapp: object) -> None:
    """Assertions read English strings: remove any translator another test may have installed."""
    from capnum_desktop.ui.i18n import apply_language

    apply_language("en")
