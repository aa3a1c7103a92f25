"""One answer editor per question type. Each says when it was edited (`edited(immediate)`: typing is debounced,
a click is saved at once) and gives back a value in the form `domain.answers.normalize_value` accepts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.domain.answers import OTHER
from capnum_desktop.domain.grid import Question, QuestionType


class AnswerEditor(QWidget):
    edited = Signal(bool)  # immediate: True for clicks, False for typing (debounced)

    def __init__(self, question: Question, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.language = language
        self._loading = False

    def value(self) -> Any:
        raise NotImplementedError

    def other_text(self) -> str | None:
        return None

    def set_answer(self, value: Any, other_text: str | None) -> None:
        self._loading = True
        try:
            self._apply(value, other_text)
        finally:
            self._loading = False

    def _apply(self, value: Any, other_text: str | None) -> None:
        raise NotImplementedError

    def _emit(self, immediate: bool) -> None:
        if not self._loading:
            self.edited.emit(immediate)

    def focus_target(self) -> QWidget:
        return self


class TextEditor(AnswerEditor):
    def __init__(self, question: Question, language: str, parent: QWidget | None = None) -> None:
        super().__init__(question, language, parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("Type the answer…"))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.line)
        self.line.textEdited.connect(lambda _t: self._emit(False))

    def value(self) -> Any:
        return self.line.text() or None

    def _apply(self, value: Any, other_text: str | None) -> None:
        self.line.setText(value or "")

    def focus_target(self) -> QWidget:
        return self.line


class LongTextEditor(AnswerEditor):
    def __init__(self, question: Question, language: str, parent: QWidget | None = None) -> None:
        super().__init__(question, language, parent)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)  # Tab leaves the field: keyboard users keep moving
        self.text.setPlaceholderText(self.tr("What the person says, in their words…"))
        self.text.setMinimumHeight(160)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.text)
        self.text.textChanged.connect(lambda: self._emit(False))

    def value(self) -> Any:
        return self.text.toPlainText() or None

    def _apply(self, value: Any, other_text: str | None) -> None:
        self.text.setPlainText(value or "")

    def focus_target(self) -> QWidget:
        return self.text


class _ChoiceEditor(AnswerEditor):
    """Radio buttons or check boxes in columns, with an "Other:" field when the grid allows it."""

    multi = False

    def __init__(self, question: Question, language: str, parent: QWidget | None = None) -> None:
        super().__init__(question, language, parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # exclusivity by hand, so a second click clears a single choice
        self.buttons: dict[str, QAbstractButton] = {}
        options = [(o.value, o.label.get(language)) for o in question.options]
        if question.allow_other:
            options.append((OTHER, QCoreApplication.translate("AnswerEditors", "Other:")))
        columns = 2 if len(options) > 5 else 1
        rows = (len(options) + columns - 1) // columns
        for index, (value, label) in enumerate(options):
            button: QAbstractButton = QCheckBox(label, self) if self.multi else QRadioButton(label, self)
            button.setAutoExclusive(False)
            self.group.addButton(button)
            self.buttons[value] = button
            row, col = index % rows, index // rows
            if value == OTHER:
                box = QHBoxLayout()
                box.addWidget(button)
                self.other = QLineEdit(self)
                self.other.setPlaceholderText(QCoreApplication.translate("AnswerEditors", "Say which"))
                self.other.textEdited.connect(self._other_typed)
                box.addWidget(self.other, 1)
                grid.addLayout(box, row, col)
            else:
                grid.addWidget(button, row, col)
        self.group.buttonClicked.connect(self._clicked)

    def _clicked(self, button: QAbstractButton) -> None:
        if not self.multi and button.isChecked():
            for other in self.buttons.values():
                if other is not button:
                    other.setChecked(False)
        self._emit(True)

    def _other_typed(self, text: str) -> None:
        button = self.buttons[OTHER]
        if text and not button.isChecked():
            button.setChecked(True)
            if not self.multi:
                for value, other in self.buttons.items():
                    if value != OTHER:
                        other.setChecked(False)
        self._emit(False)

    def checked(self) -> list[str]:
        return [value for value, button in self.buttons.items() if button.isChecked()]

    def value(self) -> Any:
        checked = self.checked()
        if self.multi:
            return checked or None
        return checked[0] if checked else None

    def other_text(self) -> str | None:
        if not self.question.allow_other or OTHER not in self.checked():
            return None
        return self.other.text() or None

    def _apply(self, value: Any, other_text: str | None) -> None:
        values = set(value if isinstance(value, list) else [value] if value is not None else [])
        for key, button in self.buttons.items():
            button.setChecked(key in values)
        if self.question.allow_other:
            self.other.setText(other_text or "")

    def focus_target(self) -> QWidget:
        return next(iter(self.buttons.values()), self)


class SingleChoiceEditor(_ChoiceEditor):
    multi = False


class MultiChoiceEditor(_ChoiceEditor):
    multi = True


CHECKED_STYLE = "QPushButton:checked { background: #1f5fa8; color: white; font-weight: bold; }"


class _ButtonRow(AnswerEditor):
    """A row of toggle buttons (yes/no, scale points): one at most; clicking the chosen one clears it."""

    def _build(self, items: list[tuple[Any, str]], left: str = "", right: str = "") -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        if left:
            row.addWidget(QLabel(left, self))
        self.items: list[tuple[Any, QPushButton]] = []
        for value, label in items:
            button = QPushButton(label, self)
            button.setCheckable(True)
            button.setMinimumWidth(56)
            button.setStyleSheet(CHECKED_STYLE)
            button.clicked.connect(lambda _c=False, b=button: self._clicked(b))
            row.addWidget(button)
            self.items.append((value, button))
        if right:
            row.addWidget(QLabel(right, self))
        row.addStretch(1)

    def _clicked(self, clicked: QPushButton) -> None:
        for _value, button in self.items:
            if button is not clicked:
                button.setChecked(False)
        self._emit(True)

    def value(self) -> Any:
        return next((value for value, button in self.items if button.isChecked()), None)

    def _apply(self, value: Any, other_text: str | None) -> None:
        for item_value, button in self.items:
            button.setChecked(value is not None and item_value == value and type(item_value) is type(value))

    def focus_target(self) -> QWidget:
        return self.items[0][1]


class YesNoEditor(_ButtonRow):
    def __init__(self, question: Question, language: str, parent: QWidget | None = None) -> None:
        super().__init__(question, language, parent)
        self._build([(True, self.tr("Yes")), (False, self.tr("No"))])


class ScaleEditor(_ButtonRow):
    def __init__(self, question: Question, language: str, parent: QWidget | None = None) -> None:
        super().__init__(question, language, parent)
        labels = question.scale_labels
        left, right = (labels[0].get(language), labels[1].get(language)) if labels else ("", "")
        points = [(n, str(n)) for n in range(question.scale_min, question.scale_max + 1)]
        self._build(points, left, right)


class OptionalNumberSpin(QDoubleSpinBox):
    """A number box that can be empty: its minimum (-1) means "no answer" and shows a dash."""

    EMPTY = -1.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(2)
        self.setRange(self.EMPTY, 1_000_000_000)
        self.setSpecialValueText("—")
        self.setValue(self.EMPTY)
        self.setMinimumWidth(140)

    def textFromValue(self, value: float) -> str:
        if float(value).is_integer():
            return str(int(value))
        return QLocale().toString(value, "f", 2).rstrip("0").rstrip(QLocale().decimalPoint())

    def valueFromText(self, text: str) -> float:
        cleaned = text.strip().replace(" ", "").replace("\u202f", "").replace("\xa0", "").replace(",", ".")
        try:
            return float(cleaned)
        except ValueError:
            return self.EMPTY

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        cleaned = text.strip().replace(",", ".")
        if cleaned in ("", "—", "-"):
            return QValidator.State.Intermediate, text, pos
        try:
            float(cleaned.replace(" ", "").replace("\u202f", "").replace("\xa0", ""))
        except ValueError:
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos

    def number(self) -> int | float | None:
        value = self.value()
        if value <= self.EMPTY:
            return None
        return int(value) if float(value).is_integer() else round(value, 2)


class NumberEditor(AnswerEditor):
    def __init__(self, question: Question, language: str, parent: QWidget | None = None) -> None:
        super().__init__(question, language, parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.spin = OptionalNumberSpin(self)
        self.spin.valueChanged.connect(lambda _v: self._emit(False))
        clear = QToolButton(self)
        clear.setText(self.tr("Clear"))
        clear.setToolTip(self.tr("Leave the number empty"))
        clear.clicked.connect(lambda: self.spin.setValue(OptionalNumberSpin.EMPTY))
        row.addWidget(self.spin)
        row.addWidget(clear)
        row.addStretch(1)

    def value(self) -> Any:
        return self.spin.number()

    def _apply(self, value: Any, other_text: str | None) -> None:
        self.spin.setValue(float(value) if isinstance(value, int | float) else OptionalNumberSpin.EMPTY)

    def focus_target(self) -> QWidget:
        return self.spin


class DateEditor(AnswerEditor):
    EMPTY = QDate(1900, 1, 1)

    def __init__(self, question: Question, language: str, parent: QWidget | None = None) -> None:
        super().__init__(question, language, parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(self.EMPTY)
        self.date.setSpecialValueText("—")
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setDate(self.EMPTY)
        self.date.setMinimumWidth(140)
        self.date.dateChanged.connect(lambda _d: self._emit(False))
        today = QToolButton(self)
        today.setText(self.tr("Today"))
        today.clicked.connect(lambda: self.date.setDate(QDate.currentDate()))
        clear = QToolButton(self)
        clear.setText(self.tr("Clear"))
        clear.setToolTip(self.tr("Leave the date empty"))
        clear.clicked.connect(lambda: self.date.setDate(self.EMPTY))
        for widget in (self.date, today, clear):
            row.addWidget(widget)
        row.addStretch(1)

    def value(self) -> Any:
        date = self.date.date()
        if date == self.EMPTY:
            return None
        return dt.date(date.year(), date.month(), date.day()).isoformat()

    def _apply(self, value: Any, other_text: str | None) -> None:
        if isinstance(value, str):
            parsed = dt.date.fromisoformat(value)
            self.date.setDate(QDate(parsed.year, parsed.month, parsed.day))
        else:
            self.date.setDate(self.EMPTY)

    def focus_target(self) -> QWidget:
        return self.date


EDITORS: dict[QuestionType, type[AnswerEditor]] = {
    QuestionType.TEXT: TextEditor,
    QuestionType.LONG_TEXT: LongTextEditor,
    QuestionType.SINGLE_CHOICE: SingleChoiceEditor,
    QuestionType.MULTI_CHOICE: MultiChoiceEditor,
    QuestionType.YES_NO: YesNoEditor,
    QuestionType.NUMBER: NumberEditor,
    QuestionType.SCALE: ScaleEditor,
    QuestionType.DATE: DateEditor,
}


def editor_for(question: Question, language: str, parent: QWidget | None = None) -> AnswerEditor:
    return EDITORS[question.type](question, language, parent)
