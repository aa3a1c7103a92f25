"""How the interview page writes: answers, notes, position, memo and audio markers, all through the services
and the autosaver (see autosave.py for the timing rules)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from capnum_desktop.domain.grid import Grid
from capnum_desktop.domain.status import NoteFlag
from capnum_desktop.services import answers as answer_service
from capnum_desktop.services import interviews
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.interview_session import (
    AnswerState,
    NoteState,
    edit_history,
    record_audio_marker,
)
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.errors import StorageError
from capnum_desktop.ui.errors import confirm
from capnum_desktop.ui.interview.autosave import Autosaver
from capnum_desktop.ui.interview.finish_view import FinishView
from capnum_desktop.ui.interview.header import HeaderBar, MessageBar
from capnum_desktop.ui.interview.notes_panel import Draft, NotesPanel
from capnum_desktop.ui.interview.question_view import QuestionView
from capnum_desktop.ui.interview.review_panel import ReviewPanel


class PageSaving:
    """Mixin of InterviewPage; the attributes below are set up by the page."""

    store: DataStore
    interview_id: str
    grid: Grid
    language: str
    actor: str | None
    review: bool
    in_progress: bool
    editing: bool
    saver: Autosaver
    answers: dict[str, AnswerState]
    views: dict[str, QuestionView]
    notes: NotesPanel
    header: HeaderBar
    message_bar: MessageBar
    finish_view: FinishView
    review_panel: ReviewPanel | None
    current_offset: Callable[[], tuple[str, int] | None]
    _refresh_state: Callable[[], None]

    def flush(self) -> bool:
        """Write every pending edit now (navigation, leaving, closing); False if something could not be saved."""
        return self.saver.flush()

    # --- answers ---------------------------------------------------------------------------------------------
    def _answer_changed(self, question_id: str, immediate: bool) -> None:
        if not self.editing:
            return
        self.answers[question_id] = self.views[question_id].state()
        self._refresh_state()
        self.saver.schedule(f"answer:{question_id}", lambda: self._write_answer(question_id), immediate=immediate)

    def _write_answer(self, question_id: str) -> None:
        state = self.views[question_id].state()
        data = answer_service.AnswerInput(
            value=state.value,
            free_text=state.free_text,
            other_text=state.other_text,
            status=state.status,
            prompts_used=state.prompts_used,
        )
        answer_service.save_answer(
            self.store, self.interview_id, question_id, data, actor=self.actor if self.review else None
        )

    def _prompt_toggled(self, question_id: str, index: int, on: bool) -> None:
        if on and self.editing:
            self._marker(question_id, index)

    def _position_changed(self, question_id: str) -> None:
        if not (self.in_progress and not self.review):
            return
        try:
            interviews.set_position(self.store, self.interview_id, question_id)
        except ServiceError as exc:
            self.message_bar.show_message(str(exc))
        self._marker(question_id, None)

    def _marker(self, question_id: str, prompt: int | None) -> None:
        offset = self.current_offset()
        if offset is None:
            return
        recording_id, ms = offset
        try:
            record_audio_marker(
                self.store,
                self.interview_id,
                recording_id=recording_id,
                offset_ms=ms,
                question_id=question_id,
                prompt=prompt,
            )
        except ServiceError as exc:
            self.message_bar.show_message(str(exc))

    # --- notes -----------------------------------------------------------------------------------------------
    def _draft_changed(self) -> None:
        draft = self.notes.draft
        if draft is not None:
            self.saver.schedule(f"note:{id(draft)}", functools.partial(self._write_note, draft))

    def _draft_closed(self) -> None:
        self.flush()

    def _write_note(self, draft: Draft) -> None:
        if not draft.text:
            return  # an empty field is not a note (an emptied one keeps its last text)
        flags = [NoteFlag(f) for f in draft.flags]
        if draft.note_id is None:
            recording_id, ms = draft.offset if draft.offset else (None, None)
            draft.note_id = answer_service.add_note(
                self.store,
                self.interview_id,
                draft.text,
                question_id=draft.question_id,
                flags=flags,
                audio_offset_ms=ms,
                recording_id=recording_id,
                noted_at=draft.started_at,
                actor=self._edit_actor(),
            )
        else:
            answer_service.update_note(self.store, draft.note_id, text=draft.text, actor=self._edit_actor())
        known = self.notes.notes.get(draft.note_id)
        self.notes.note_saved(
            NoteState(
                id=draft.note_id,
                question_id=draft.question_id,
                text=draft.text,
                noted_at=draft.started_at,
                audio_offset_ms=known.audio_offset_ms if known else (draft.offset[1] if draft.offset else None),
                recording_id=known.recording_id if known else (draft.offset[0] if draft.offset else None),
                flags=tuple(f for f in ("quote", "important", "follow_up") if f in draft.flags),
            )
        )

    def _flags_changed(self, note_id: str) -> None:
        def write() -> None:
            note = self.notes.notes[note_id]
            answer_service.update_note(
                self.store, note_id, flags=[NoteFlag(f) for f in note.flags], actor=self._edit_actor()
            )

        self.saver.schedule(f"flags:{note_id}", write, immediate=True)

    def _delete_note(self, note_id: str) -> None:
        note = self.notes.notes.get(note_id)
        if note is None:
            return
        shown = note.text if len(note.text) <= 80 else note.text[:79] + "…"
        question = QCoreApplication.translate(
            "InterviewPage",
            "Delete this note?\n\n« %1 »\n\nIt is deleted here and, at the next sync, at the coordinator. "
            "This cannot be undone.",
        ).replace("%1", shown)
        if not confirm(self.notes, QCoreApplication.translate("InterviewPage", "Delete the note"), question):
            return
        if not self.flush():  # a pending edit of this note would otherwise be written after its deletion
            return
        try:
            answer_service.delete_note(self.store, note_id, actor=self._edit_actor())
        except (ServiceError, StorageError) as exc:
            self.message_bar.show_message(str(exc))
            return
        self.notes.remove(note_id)
        self.message_bar.show_message(QCoreApplication.translate("InterviewPage", "Note deleted."))

    def _edit_actor(self) -> str | None:
        return self.actor if self.review else None

    # --- memo ------------------------------------------------------------------------------------------------
    def _memo_changed(self) -> None:
        self.saver.schedule(
            "memo", lambda: interviews.update_memo(self.store, self.interview_id, self.finish_view.memo.toPlainText())
        )

    def _review_memo_changed(self) -> None:
        panel = self.review_panel
        if panel is not None and self.editing:
            self.saver.schedule(
                "memo",
                lambda: interviews.update_memo(
                    self.store, self.interview_id, panel.memo.toPlainText(), actor=self.actor
                ),
            )

    # --- feedback --------------------------------------------------------------------------------------------
    def _saved(self, at: str) -> None:
        self.header.show_saved(at)
        if self.review_panel is not None and self.editing:
            self.review_panel.show_history(edit_history(self.store, self.interview_id), self.grid, self.language)

    def _save_failed(self, message: str) -> None:
        self.header.show_not_saved()
        self.message_bar.show_message(message)
