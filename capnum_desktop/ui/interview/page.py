"""The interview page: themes on the left, the current question in the centre, notes on the right.

It holds no SQL: it reads the interview once (`load_interview_session`), then every edit goes through the
services via the autosaver. Review mode (finished interviews) is the same page, read-only until "Edit".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QHideEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.domain.answers import SectionCoverage, section_coverage
from capnum_desktop.domain.conditions import visible_questions
from capnum_desktop.domain.status import AnswerStatus, CoverageState, InterviewStatus
from capnum_desktop.services import interviews
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.interview_session import AnswerState, edit_history, load_interview_session
from capnum_desktop.services.settings import INTERVIEWER_NAME, get_setting
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.i18n import current_language
from capnum_desktop.ui.interview.autosave import Autosaver
from capnum_desktop.ui.interview.finish_view import FinishView
from capnum_desktop.ui.interview.header import HeaderBar, MessageBar
from capnum_desktop.ui.interview.navigator import ThemeNavigator
from capnum_desktop.ui.interview.notes_panel import NotesPanel
from capnum_desktop.ui.interview.page_actions import build_actions
from capnum_desktop.ui.interview.page_saving import PageSaving
from capnum_desktop.ui.interview.question_view import QuestionView
from capnum_desktop.ui.interview.review_panel import ReviewPanel
from capnum_desktop.ui.interview.unsaved import settle_unsaved_edits
from capnum_desktop.ui.jobs import JobRunner

OffsetFn = Callable[[], "tuple[str, int] | None"]


def ui_language(store: DataStore) -> str:
    """The language the interface speaks (set at start-up by ui.i18n); grid texts follow it when they can."""
    return current_language()


class InterviewPage(PageSaving, QWidget):
    closed = Signal(str)

    def __init__(
        self,
        store: DataStore,
        jobs: JobRunner | None,
        interview_id: str,
        *,
        review: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        QWidget.__init__(self, parent)
        self.store, self.jobs, self.interview_id = store, jobs, interview_id
        self.session = load_interview_session(store, interview_id)
        self.grid = self.session.grid
        self.in_progress = self.session.status == InterviewStatus.IN_PROGRESS.value
        self.review = review or not self.in_progress
        self.editing = not self.review
        self.language = ui_language(store)
        self.actor: str | None = get_setting(store, INTERVIEWER_NAME) or None
        self.recording_allowed = self.session.audio_consent
        self._recorder_toggle: Callable[[], None] | None = None
        self._offset_fn: OffsetFn | None = None
        self.answers: dict[str, AnswerState] = dict(self.session.answers)
        self.views: dict[str, QuestionView] = {}
        self.current_id: str | None = None
        self.visible: set[str] = set()
        self.coverage: list[SectionCoverage] = []
        self.saver = Autosaver(self)
        self.state_names = {
            CoverageState.NOT_STARTED: self.tr("not started"),
            CoverageState.PARTIAL: self.tr("partial"),
            CoverageState.COVERED: self.tr("covered"),
            CoverageState.SKIPPED: self.tr("skipped"),
        }
        self._build()
        self.actions_ = build_actions(self, self)
        self._wire()
        self._refresh_state()
        start = self.session.current_question_id
        order = self.visible_order()
        self.go_to(start if start in self.visible else (order[0] if order else None), record_position=False)
        self._update_record_action()
        self.set_editing(self.editing)
        # The recorder (interview) or the player (review); QtMultimedia loads here, not at start-up.
        from capnum_desktop.ui.audio.integration import attach_audio

        attach_audio(self, store, jobs, interview_id)

    # --- layout ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.header = HeaderBar(self)
        s = self.session
        self.header.set_interview(s.participant_code, f"{s.site_name} · {s.interviewer_name}", s.started_at, s.ended_at)
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.edit_button.setCheckable(True)
        self.edit_button.setToolTip(self.tr("Allow changes; each change is recorded with your name"))
        self.edit_button.setVisible(self.review)
        self.edit_button.toggled.connect(self.set_editing)
        self.header.row.insertWidget(2, self.edit_button)
        self.finish_button = QPushButton(self.tr("Finish…"), self)
        self.leave_button = QPushButton(self.tr("Back to dashboard"), self)
        self.header.row.addWidget(self.finish_button)
        self.header.row.addWidget(self.leave_button)
        outer.addWidget(self.header)
        self.message_bar = MessageBar(self)
        outer.addWidget(self.message_bar)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.navigator = ThemeNavigator(self.grid, self.language, self.splitter)
        centre = QWidget(self.splitter)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        self.question_scroll = QScrollArea(centre)
        self.question_scroll.setWidgetResizable(True)
        self.question_host = QWidget()
        self.question_layout = QVBoxLayout(self.question_host)
        self.question_layout.setContentsMargins(0, 0, 0, 0)
        self.question_scroll.setWidget(self.question_host)
        centre_layout.addWidget(self.question_scroll, 1)
        nav_row = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("← Previous"), centre)
        self.next_button = QPushButton(self.tr("Next →"), centre)
        nav_row.addWidget(self.previous_button)
        nav_row.addStretch(1)
        nav_row.addWidget(self.next_button)
        centre_layout.addLayout(nav_row)
        self.notes = NotesPanel()
        self.notes.current_question = lambda: self.current_id
        self.notes.offset = self.current_offset
        self.notes.load(self.session.notes, {q.id: q.text.get(self.language) for q in self.grid.all_questions()})
        self.review_panel: ReviewPanel | None = None
        if self.review:
            tabs = QTabWidget(self.splitter)
            tabs.addTab(self.notes, self.tr("Notes"))
            self.review_panel = ReviewPanel(tabs)
            self.review_panel.load(self.session, self.language)
            self.review_panel.show_history(edit_history(self.store, self.interview_id), self.grid, self.language)
            tabs.addTab(self.review_panel, self.tr("Interview"))
            tabs.setCurrentIndex(1)
        else:
            self.notes.setParent(self.splitter)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([300, 650, 380])
        self.stack.addWidget(self.splitter)
        self.finish_view = FinishView(self)
        self.stack.addWidget(self.finish_view)

    def _wire(self) -> None:
        a = self.actions_
        self.finish_button.setToolTip(a.finish.toolTip())
        self.finish_button.clicked.connect(a.finish.trigger)
        self.finish_button.setVisible(self.in_progress and not self.review)
        a.finish.setEnabled(self.in_progress and not self.review)
        self.leave_button.setToolTip(a.back_to_dashboard.toolTip())
        self.leave_button.clicked.connect(self.leave)
        self.previous_button.setToolTip(a.previous_question.toolTip())
        self.previous_button.clicked.connect(a.previous_question.trigger)
        self.next_button.setToolTip(a.next_question.toolTip())
        self.next_button.clicked.connect(a.next_question.trigger)
        self.navigator.question_chosen.connect(lambda q: self.go_to(q, focus=False))
        self.saver.saving.connect(self.header.show_saving)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._save_failed)
        self.notes.draft_changed.connect(self._draft_changed)
        self.notes.draft_closed.connect(self._draft_closed)
        self.notes.flags_changed.connect(self._flags_changed)
        self.notes.delete_requested.connect(self._delete_note)
        self.finish_view.back.connect(self.back_to_interview)
        self.finish_view.go_to_question.connect(self._back_to_question)
        self.finish_view.memo_edited.connect(self._memo_changed)
        self.finish_view.finish_requested.connect(self.finish)
        self.finish_view.abandon_requested.connect(self.abandon)
        if self.review_panel is not None:
            self.review_panel.memo_edited.connect(self._review_memo_changed)

    # --- the contract with the shell and the recorder --------------------------------------------------------
    def menu_actions(self) -> list[QAction]:
        return self.actions_.menu(self)

    def attach_recorder(
        self, widget: QWidget, toggle: Callable[[], None], offset_ms: Callable[[], tuple[str, int] | None]
    ) -> None:
        self.header.recorder_slot.addWidget(widget)
        self._recorder_toggle = toggle
        self._offset_fn = offset_ms
        self._update_record_action()

    def _update_record_action(self) -> None:
        action = self.actions_.record
        if not self.recording_allowed:
            reason = self.tr("No audio consent for this interview")
        elif self._recorder_toggle is None:
            reason = self.tr("Recording not available")
        elif self.review:
            reason = self.tr("Recording is only possible during the interview")
        else:
            reason = ""
        action.setEnabled(not reason)
        action.setToolTip(reason or f"{action.text()} ({action.shortcut().toString()})")
        action.setStatusTip(reason)

    def toggle_recording(self) -> None:
        if self.actions_.record.isEnabled() and self._recorder_toggle is not None:
            self._recorder_toggle()

    def current_offset(self) -> tuple[str, int] | None:
        if self._offset_fn is None:
            return None
        try:
            return self._offset_fn()
        except Exception as exc:  # a recorder problem must never stop note taking
            self.message_bar.show_message(self.tr("Audio position unavailable: %1").replace("%1", str(exc)))
            return None

    # --- navigation ------------------------------------------------------------------------------------------
    def visible_order(self) -> list[str]:
        return [q.id for s in self.grid.sections for q in s.questions if q.id in self.visible]

    def view(self, question_id: str) -> QuestionView:
        view = self.views.get(question_id)
        if view is None:
            section = self.grid.section_of(question_id)
            assert section is not None
            index = next(i for i, q in enumerate(section.questions) if q.id == question_id)
            position = self.tr("question %1 of %2").replace("%1", str(index + 1))
            position = position.replace("%2", str(len(section.questions)))
            view = QuestionView(self.grid.question(question_id), section, self.language, position, self.question_host)
            view.load(self.answers.get(question_id, AnswerState()))
            view.set_editable(self.editing)
            view.changed.connect(self._answer_changed)
            view.prompt_toggled.connect(self._prompt_toggled)
            view.hide()
            self.question_layout.addWidget(view)
            self.views[question_id] = view
        return view

    def go_to(self, question_id: str | None, *, focus: bool = True, record_position: bool = True) -> None:
        if question_id is None:
            return
        if question_id != self.current_id:
            self.saver.flush()  # never carry an unsaved edit away from its question
            if self.current_id is not None:
                self.views[self.current_id].hide()
            self.current_id = question_id
            self.view(question_id).show()
            self.question_scroll.verticalScrollBar().setValue(0)
            self.navigator.show_question(question_id)
            if record_position:
                self._position_changed(question_id)
        order = self.visible_order()
        index = order.index(question_id) if question_id in order else -1
        self.actions_.previous_question.setEnabled(index > 0)
        self.actions_.next_question.setEnabled(0 <= index < len(order) - 1)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < len(order) - 1)
        if focus:
            self.views[question_id].focus_editor()

    def next_question(self, step: int = 1) -> None:
        order = self.visible_order()
        if self.current_id in order:
            index = order.index(self.current_id) + step
            if 0 <= index < len(order):
                self.go_to(order[index])

    def previous_question(self) -> None:
        self.next_question(-1)

    def next_theme(self, step: int = 1) -> None:
        sections = [s for s in self.grid.sections if any(q.id in self.visible for q in s.questions)]
        current = self.grid.section_of(self.current_id or "")
        index = next((i for i, s in enumerate(sections) if current and s.id == current.id), -1) + step
        if 0 <= index < len(sections):
            self.go_to(next(q.id for q in sections[index].questions if q.id in self.visible))

    def previous_theme(self) -> None:
        self.next_theme(-1)

    def focus_answer(self) -> None:
        if self.current_id:
            self.views[self.current_id].focus_editor()

    def toggle_prompt(self, index: int) -> None:
        if self.current_id and self.editing:
            self.views[self.current_id].toggle_prompt(index)

    def mark(self, status: str) -> None:
        if self.current_id and self.editing:
            view = self.views[self.current_id]
            wanted = AnswerStatus(status)
            view.set_status(None if view.state().status is wanted else wanted, emit=True)

    def new_note(self) -> None:
        if self.notes.field.isReadOnly():
            return
        self.notes.start_new()

    def flag_note(self, flag: str) -> None:
        if not self.notes.field.isReadOnly():
            self.notes.set_flag(flag)

    # --- state shown live ------------------------------------------------------------------------------------
    def _refresh_state(self) -> None:
        values: dict[str, object] = dict(self.session.profile)
        values.update({q: a.value for q, a in self.answers.items() if a.status is AnswerStatus.ANSWERED})
        self.visible = visible_questions(self.grid, values)
        statuses = {q: a.status for q, a in self.answers.items()}
        self.coverage = [section_coverage(s, statuses, self.visible) for s in self.grid.sections]
        self.navigator.update_state(self.coverage, statuses, self.visible, self.state_names)
        if self.current_id is not None:
            self.go_to(self.current_id, focus=False)  # refresh previous/next after conditions changed

    def set_editing(self, on: bool) -> None:
        self.editing = on
        for view in self.views.values():
            view.set_editable(on)
        self.notes.set_editable(on)
        if self.review_panel is not None:
            self.review_panel.set_editable(on)
        for action in (self.actions_.skipped, self.actions_.refused, self.actions_.new_note, *self.actions_.prompts):
            action.setEnabled(on)

    # --- finishing -------------------------------------------------------------------------------------------
    def show_finish(self) -> None:
        if not (self.in_progress and not self.review):
            return
        self.flush()
        self.finish_view.show_coverage(self.grid, self.coverage, self.language, self.state_names)
        if not self.finish_view.memo.toPlainText() and self.session.memo:
            self.finish_view.memo.setPlainText(self.session.memo)
        self.stack.setCurrentWidget(self.finish_view)
        self.finish_view.memo.setFocus()

    def back_to_interview(self) -> None:
        self.flush()
        self.stack.setCurrentWidget(self.splitter)
        self.focus_answer()

    def _back_to_question(self, question_id: str) -> None:
        self.back_to_interview()
        self.go_to(question_id)

    def finish(self) -> None:
        if not self.flush():
            return
        try:
            interviews.finish_interview(self.store, self.interview_id, self.finish_view.memo.toPlainText() or None)
        except ServiceError as exc:
            self.message_bar.show_message(str(exc))
            return
        self._ended()

    def abandon(self, reason: str) -> None:
        if not self.flush():
            return
        try:
            interviews.abandon_interview(self.store, self.interview_id, reason)
        except ServiceError as exc:
            self.message_bar.show_message(str(exc))
            return
        self._ended()

    def _ended(self) -> None:
        self.in_progress = False
        self.set_editing(False)
        self.closed.emit(self.interview_id)

    def leave(self) -> None:
        if settle_unsaved_edits(self, self.saver):  # an edit the disk refused keeps the page open, text kept
            self.closed.emit(self.interview_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not settle_unsaved_edits(self, self.saver):
            event.ignore()  # the main window then refuses to quit too
            return
        super().closeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)
