"""The main window with an interview open: every shortcut unique, and the whole fits a 1366-pixel screen.

Two actions with the same shortcut in one window make Qt fire neither ("ambiguous shortcut"): the interviewer
presses Ctrl+Shift+S to mark a question skipped and nothing happens. This once happened with Sync now.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QAction

from capnum_desktop.services.interviews import ConsentInput, start_interview
from capnum_desktop.services.participants import create_participant, ensure_interviewer
from capnum_desktop.services.studies import list_studies
from capnum_desktop.storage.datastore import DataStore


def test_no_two_actions_share_a_shortcut_with_an_interview_open(demo_store: DataStore, make_window) -> None:  # type: ignore[no-untyped-def]
    study = list_studies(demo_store)[0]
    participant = create_participant(demo_store, site_id=study.sites[0].id, profile={"age_range": "25-39"})
    interviewer = ensure_interviewer(demo_store, "Awa", study.id)
    interview = start_interview(
        demo_store, participant_id=participant, interviewer_id=interviewer, consent=ConsentInput(True, True, True, True)
    )
    window = make_window(demo_store)
    window.open_interview(interview, review=False)
    assert window.interview_page is not None
    actions = set(window.findChildren(QAction)) | set(window.interview_page.findChildren(QAction))
    shortcuts = Counter(
        sequence.toString() for action in actions for sequence in action.shortcuts() if not sequence.isEmpty()
    )
    assert len(shortcuts) > 20, "the interview page's shortcuts were not found: the test checks nothing"
    assert [s for s, n in shortcuts.items() if n > 1] == []


def test_the_window_with_an_interview_open_fits_a_1366_pixel_screen(demo_store: DataStore, make_window) -> None:  # type: ignore[no-untyped-def]
    # The most common field laptop screen is 1366x768: the header (recorder, clock, buttons) must not push the
    # window wider, in French (longer words) as in English.
    from capnum_desktop.ui.i18n import apply_language

    study = list_studies(demo_store)[0]
    participant = create_participant(demo_store, site_id=study.sites[3].id, profile={"age_range": "25-39"})
    interviewer = ensure_interviewer(demo_store, "Samia Benali", study.id)
    interview = start_interview(
        demo_store, participant_id=participant, interviewer_id=interviewer, consent=ConsentInput(True, True, True, True)
    )
    for language in ("fr", "en"):
        apply_language(language)
        window = make_window(demo_store)
        window.open_interview(interview, review=False)
        assert window.interview_page is not None
        assert window.minimumSizeHint().width() <= 1366, (language, window.minimumSizeHint().width())
