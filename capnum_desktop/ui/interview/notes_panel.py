"""The notes panel: a timestamped list, a note field saved as you type, and the three flags.

A note exists in the database from its first autosave (so a crash loses nothing); Enter closes it and starts
the next one. Its time and audio offset are those of its first keystroke, when the person said it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.domain.status import NoteFlag
from capnum_desktop.services.interview_session import NoteState
from capnum_desktop.storage.types import utcnow

FLAG_MARK = {NoteFlag.QUOTE.value: "❝", NoteFlag.IMPORTANT.value: "!", NoteFlag.FOLLOW_UP.value: "↻"}
OffsetFn = Callable[[], "tuple[str, int] | None"]


@dataclass
class Draft:
    note_id: str | None
    started_at: datetime
    question_id: str | None
    offset: tuple[str, int] | None
    flags: set[str] = field(default_factory=set)
    text: str = ""


class NotesPanel(QWidget):
    """Talks to the page through callbacks, so that saving stays in one place (the page's autosaver)."""

    draft_changed = Signal()  # the note field changed: the page schedules a save
    draft_closed = Signal()  # Enter: the page flushes, then a new note starts
    flags_changed = Signal(str)  # note id whose flags changed: the page saves at once
    delete_requested = Signal(str)  # note id the interviewer asked to delete (Del on the list, or the button)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes: dict[str, NoteState] = {}
        self.question_texts: dict[str, str] = {}
        self.draft: Draft | None = None
        self.current_question: Callable[[], str | None] = lambda: None
        self.offset: OffsetFn = lambda: None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Notes"), self)
        title.setStyleSheet("font-weight: 600;")
        layout.addWidget(title)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Notes"))
        self.list.itemActivated.connect(self._edit_item)
        self.list.itemDoubleClicked.connect(self._edit_item)
        self.list.currentItemChanged.connect(lambda *_: self._show_flags())
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list, self.request_delete)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        layout.addWidget(self.list, 1)
        self.field = QPlainTextEdit(self)
        self.field.setTabChangesFocus(True)
        self.field.setMaximumHeight(80)
        self.field.setPlaceholderText(self.tr("New note (Enter to add, Shift+Enter for a new line)"))
        self.field.setAccessibleName(self.tr("New note"))
        self.field.installEventFilter(self)
        self.field.textChanged.connect(self._typed)
        layout.addWidget(self.field)
        row = QHBoxLayout()
        self.flag_buttons: dict[str, QToolButton] = {}
        labels = {
            NoteFlag.QUOTE.value: self.tr("❝ Quote"),
            NoteFlag.IMPORTANT.value: self.tr("! Important"),
            NoteFlag.FOLLOW_UP.value: self.tr("↻ Follow up"),
        }
        for flag, label in labels.items():
            button = QToolButton(self)
            button.setText(label)
            button.setCheckable(True)
            button.clicked.connect(lambda on, f=flag: self.set_flag(f, on))
            row.addWidget(button)
            self.flag_buttons[flag] = button
        row.addStretch(1)
        self.delete_button = QToolButton(self)
        self.delete_button.setText(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Delete the selected note (Del in the list)"))
        self.delete_button.clicked.connect(self.request_delete)
        row.addWidget(self.delete_button)
        layout.addLayout(row)
        self._loading = False

    # --- content ---------------------------------------------------------------------------------------------
    def load(self, notes: list[NoteState], question_texts: dict[str, str]) -> None:
        self.question_texts = question_texts
        self.notes = {n.id: n for n in notes}
        self._render()

    def _render(self) -> None:
        current = self.list.currentItem()
        selected = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.list.clear()
        for note in sorted(self.notes.values(), key=lambda n: n.noted_at):
            when = note.noted_at.astimezone().strftime("%H:%M")
            offset = (
                f" [{note.audio_offset_ms // 60000:02d}:{note.audio_offset_ms // 1000 % 60:02d}]"
                if (note.audio_offset_ms is not None)
                else ""
            )
            marks = "".join(FLAG_MARK[f] for f in note.flags)
            item = QListWidgetItem(f"{when}{offset} {marks} {note.text}".replace("  ", " "))
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            question = self.question_texts.get(note.question_id or "", "")
            item.setToolTip(f"{note.text}\n— {question}" if question else note.text)
            self.list.addItem(item)
            if note.id == selected:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.scrollToBottom()
        self._show_flags()

    def set_editable(self, on: bool) -> None:
        self.field.setReadOnly(not on)
        for button in self.flag_buttons.values():
            button.setEnabled(on)
        self.delete_button.setEnabled(on)

    def request_delete(self) -> None:
        """Ask the page to delete the selected saved note (the page confirms, deletes, then calls `remove`)."""
        item = self.list.currentItem()
        if item is None or self.field.isReadOnly():
            return
        self.delete_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def remove(self, note_id: str) -> None:
        if self.draft is not None and self.draft.note_id == note_id:
            self.close_draft()
        self.notes.pop(note_id, None)
        self._render()

    # --- the draft note --------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.close_draft()
                return True
        return super().eventFilter(watched, event)

    def _typed(self) -> None:
        if self._loading or self.field.isReadOnly():
            return
        if self.draft is None:
            self.draft = Draft(None, utcnow(), self.current_question(), self.offset())
            self._show_flags()
        self.draft.text = self.field.toPlainText().strip()
        self.draft_changed.emit()

    def close_draft(self) -> None:
        if self.draft is not None:
            self.draft_closed.emit()
        self.draft = None
        self._loading = True
        self.field.clear()
        self._loading = False
        self._show_flags()

    def start_new(self) -> None:
        """Ctrl+M: close the note being typed (if any) and put the cursor in an empty note field."""
        if self.field.toPlainText().strip():
            self.close_draft()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def draft_text(self) -> str:
        return self.field.toPlainText().strip()

    def note_saved(self, note: NoteState) -> None:
        """Called by the page after a write: keep the list in step with the database."""
        self.notes[note.id] = note
        self._render()

    def _edit_item(self, item: QListWidgetItem) -> None:
        if self.field.isReadOnly():
            return
        note = self.notes.get(item.data(Qt.ItemDataRole.UserRole))
        if note is None:
            return
        self.close_draft()
        self.draft = Draft(note.id, note.noted_at, note.question_id, None, set(note.flags), note.text)
        self._loading = True
        self.field.setPlainText(note.text)
        self.field.moveCursor(QTextCursor.MoveOperation.End)
        self._loading = False
        self.field.setFocus()

    # --- flags -----------------------------------------------------------------------------------------------
    def flag_target(self) -> str | None:
        """The note the flag buttons act on: the one being typed, else the selected one, else the last."""
        if self.draft is not None:
            return self.draft.note_id  # None until its first save: its flags wait in the draft
        item = self.list.currentItem()
        if item is not None:
            return str(item.data(Qt.ItemDataRole.UserRole))
        if self.notes:
            return max(self.notes.values(), key=lambda n: n.noted_at).id
        return None

    def set_flag(self, flag: str, on: bool | None = None) -> None:
        """Set (or with on=None toggle) a flag on the target note; flags of a note not yet saved wait for it."""
        target = self.flag_target()
        if target is None:
            if self.draft is not None:
                flags = self.draft.flags
                on = (flag not in flags) if on is None else on
                (flags.add if on else flags.discard)(flag)
                self._show_flags()
            return
        note = self.notes[target]
        flags = set(note.flags)
        on = (flag not in flags) if on is None else on
        (flags.add if on else flags.discard)(flag)
        self.notes[target] = replace(note, flags=tuple(f for f in FLAG_MARK if f in flags))
        if self.draft is not None and self.draft.note_id == target:
            self.draft.flags = flags
        self._render()
        self.flags_changed.emit(target)

    def _show_flags(self) -> None:
        target = self.flag_target()
        if target is not None and target in self.notes:
            flags: set[str] = set(self.notes[target].flags)
        else:
            flags = self.draft.flags if self.draft is not None else set()
        for flag, button in self.flag_buttons.items():
            button.setChecked(flag in flags)
