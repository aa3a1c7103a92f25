"""One question on screen: its text, help, answer editor, comment, follow-up prompts and status buttons.

The page keeps one view per question (built when first shown), so each keeps its own undo history.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.domain.grid import Question, Section
from capnum_desktop.domain.status import AnswerStatus
from capnum_desktop.services.interview_session import AnswerState
from capnum_desktop.ui.interview.editors import AnswerEditor, editor_for
from capnum_desktop.ui.interview.shortcuts import PROMPT, REFUSED, SKIPPED, native


class QuestionView(QWidget):
    changed = Signal(str, bool)  # question id, immediate
    prompt_toggled = Signal(str, int, bool)  # question id, prompt index, ticked

    def __init__(
        self, question: Question, section: Section, language: str, position: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.question = question
        self._explicit: AnswerStatus | None = None  # skipped or refused, chosen by a button
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)

        header = QLabel(f"{section.title.get(language)} · {position}", self)
        header.setObjectName("questionHeader")
        header.setStyleSheet("color: palette(mid); font-weight: 600;")
        layout.addWidget(header)
        self.text_label = QLabel(question.text.get(language), self)
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.text_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.text_label.setFont(font)
        layout.addWidget(self.text_label)
        if question.help is not None:
            help_label = QLabel(question.help.get(language), self)
            help_label.setWordWrap(True)
            help_label.setStyleSheet("color: palette(dark); font-style: italic;")
            layout.addWidget(help_label)

        self.editor: AnswerEditor = editor_for(question, language, self)
        self.editor.edited.connect(self._editor_edited)
        layout.addWidget(self.editor)

        self.comment: QPlainTextEdit | None = None
        if question.type.is_closed:
            self.comment = QPlainTextEdit(self)
            self.comment.setTabChangesFocus(True)
            self.comment.setPlaceholderText(self.tr("Comment: what the person added, nuances, context…"))
            self.comment.setMaximumHeight(90)
            self.comment.textChanged.connect(lambda: self._emit(False))
            layout.addWidget(self.comment)

        self.prompt_boxes: list[QCheckBox] = []
        if question.prompts:
            group = QGroupBox(self.tr("Follow-up prompts"), self)
            box = QVBoxLayout(group)
            for index, prompt in enumerate(question.prompts):
                check = QCheckBox(prompt.get(language), group)
                if index < 9:
                    check.setToolTip(self.tr("Tick when asked (%1)").replace("%1", native((PROMPT[index],))))
                check.toggled.connect(lambda on, i=index: self._prompt(i, on))
                box.addWidget(check)
                self.prompt_boxes.append(check)
            layout.addWidget(group)

        row = QHBoxLayout()
        self.skip_button = QPushButton(self.tr("Skipped"), self)
        self.skip_button.setToolTip(self.tr("Not asked in this interview (%1)").replace("%1", native(SKIPPED)))
        self.refuse_button = QPushButton(self.tr("Refused"), self)
        self.refuse_button.setToolTip(self.tr("The person preferred not to answer (%1)").replace("%1", native(REFUSED)))
        for button, status in ((self.skip_button, AnswerStatus.SKIPPED), (self.refuse_button, AnswerStatus.REFUSED)):
            button.setCheckable(True)
            button.clicked.connect(lambda on, s=status: self.set_status(s if on else None, emit=True))
            row.addWidget(button)
        self.status_label = QLabel(self)
        row.addWidget(self.status_label)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self._show_status()

    # --- state -----------------------------------------------------------------------------------------------
    def state(self) -> AnswerState:
        value = self.editor.value()
        other = self.editor.other_text()
        comment = (self.comment.toPlainText() or None) if self.comment is not None else None
        prompts = tuple(i for i, box in enumerate(self.prompt_boxes) if box.isChecked())
        if self._explicit is not None:
            status = self._explicit
        elif value is not None or other or comment:
            status = AnswerStatus.ANSWERED
        else:
            status = AnswerStatus.NOT_ASKED  # an emptied answer counts as still to cover
        return AnswerState(value, comment, other, status, prompts)

    def load(self, state: AnswerState) -> None:
        self._loading = True
        try:
            self.editor.set_answer(state.value, state.other_text)
            if self.comment is not None:
                self.comment.setPlainText(state.free_text or "")
            for index, box in enumerate(self.prompt_boxes):
                box.setChecked(index in state.prompts_used)
            explicit = state.status in (AnswerStatus.SKIPPED, AnswerStatus.REFUSED)
            self._explicit = state.status if explicit else None
        finally:
            self._loading = False
        self._show_status()

    def set_editable(self, on: bool) -> None:
        self.editor.setEnabled(on)
        if self.comment is not None:
            self.comment.setReadOnly(not on)
        for widget in (*self.prompt_boxes, self.skip_button, self.refuse_button):
            widget.setEnabled(on)

    def set_status(self, status: AnswerStatus | None, *, emit: bool = False) -> None:
        self._explicit = status
        self._show_status()
        if emit:
            self._emit(True)

    def toggle_prompt(self, index: int) -> None:
        if 0 <= index < len(self.prompt_boxes) and self.prompt_boxes[index].isEnabled():
            self.prompt_boxes[index].toggle()

    def focus_editor(self) -> None:
        self.editor.focus_target().setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- internals -------------------------------------------------------------------------------------------
    def _editor_edited(self, immediate: bool) -> None:
        if self._explicit is not None and not self._loading:
            self._explicit = None  # answering after "skipped" means it was answered after all
            self._show_status()
        self._emit(immediate)

    def _prompt(self, index: int, on: bool) -> None:
        if self._loading:
            return
        self.prompt_toggled.emit(self.question.id, index, on)
        self._emit(True)

    def _emit(self, immediate: bool) -> None:
        if not self._loading:
            self._show_status()
            self.changed.emit(self.question.id, immediate)

    def _show_status(self) -> None:
        status = self.state().status
        self.skip_button.setChecked(status is AnswerStatus.SKIPPED)
        self.refuse_button.setChecked(status is AnswerStatus.REFUSED)
        texts = {
            AnswerStatus.ANSWERED: self.tr("Answered"),
            AnswerStatus.SKIPPED: self.tr("Skipped"),
            AnswerStatus.REFUSED: self.tr("Refused to answer"),
            AnswerStatus.NOT_ASKED: self.tr("Not answered yet"),
        }
        self.status_label.setText(texts[status])
