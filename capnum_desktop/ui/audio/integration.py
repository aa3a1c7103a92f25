"""Plugging audio into the interview page: the recorder while interviewing, the player in review.

Called once at the end of `InterviewPage.__init__`: `attach_audio(self, store, jobs, interview_id)`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QBoxLayout, QListWidgetItem

from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.audio.memo_dialog import VoiceMemoDialog
from capnum_desktop.ui.audio.player import AudioPlayerPanel
from capnum_desktop.ui.audio.recorder_panel import RecorderPanel
from capnum_desktop.ui.interview import shortcuts as keys
from capnum_desktop.ui.interview.page_actions import make_action
from capnum_desktop.ui.jobs import JobRunner


def attach_audio(page: Any, store: DataStore, jobs: JobRunner | None, interview_id: str) -> None:
    _add_memo_action(page, store, jobs, interview_id)
    if getattr(page, "review", False):
        _attach_player(page, store, jobs, interview_id)
    else:
        _attach_recorder(page, store, jobs, interview_id)


def _add_memo_action(page: Any, store: DataStore, jobs: JobRunner | None, interview_id: str) -> None:
    """Interview menu ▸ Voice memo on this question… (Ctrl+Shift+M), during the interview and in review."""

    def open_memo() -> None:
        question_id = getattr(page, "current_id", None)
        if not question_id:
            return
        text = page.grid.question(question_id).text.get(getattr(page, "language", None))
        dialog = VoiceMemoDialog(store, jobs, interview_id, question_id, text, page)
        page.memo_dialog = dialog  # reachable by tests; deleted on close
        dialog.show()

    action = make_action(
        page,
        QCoreApplication.translate("InterviewActions", "Voice memo on this question…"),
        keys.VOICE_MEMO,
        open_memo,
    )
    page.actions_.audio.append(action)


def _attach_recorder(page: Any, store: DataStore, jobs: JobRunner | None, interview_id: str) -> None:
    panel = RecorderPanel(store, jobs, interview_id, page)
    page.attach_recorder(panel, panel.toggle, panel.offset_ms)
    page.recorder_panel = panel
    closed = getattr(page, "closed", None)
    if closed is not None:
        closed.connect(lambda _id: panel.shutdown())  # leaving the page ends the recording, file kept


def _attach_player(page: Any, store: DataStore, jobs: JobRunner | None, interview_id: str) -> None:
    player = AudioPlayerPanel(page, jobs)
    page.audio_player = player
    if not player.load(store, interview_id):
        player.hide()
        return
    layout = page.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(min(2, layout.count()), player)  # under the header and the message bar
    notes = getattr(page, "notes", None)
    note_list = getattr(notes, "list", None)
    if note_list is not None:

        def play_note(item: QListWidgetItem) -> None:
            note_id = item.data(Qt.ItemDataRole.UserRole)
            if note_id:
                player.seek_to_note(str(note_id))

        note_list.itemClicked.connect(play_note)
    closed = getattr(page, "closed", None)
    if closed is not None:
        closed.connect(lambda _id: player.stop())
