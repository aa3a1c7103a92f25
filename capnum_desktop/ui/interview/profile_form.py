"""The participant's profile questions in a compact form (drop-down lists, so the whole form fits a screen)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from capnum_desktop.domain.answers import OTHER
from capnum_desktop.domain.grid import Question, QuestionType
from capnum_desktop.ui.interview.editors import AnswerEditor, MultiChoiceEditor, OptionalNumberSpin, editor_for


class _Choice(QWidget):
    def __init__(self, question: Question, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.combo.addItem("—", None)
        if question.type is QuestionType.YES_NO:
            self.combo.addItem(self.tr("Yes"), True)
            self.combo.addItem(self.tr("No"), False)
        for option in question.options:
            self.combo.addItem(option.label.get(language), option.value)
        self.other: QLineEdit | None = None
        row.addWidget(self.combo, 1)
        if question.allow_other:
            self.combo.addItem(self.tr("Other…"), OTHER)
            self.other = QLineEdit(self)
            self.other.setPlaceholderText(self.tr("Say which"))
            self.other.setVisible(False)
            self.combo.currentIndexChanged.connect(lambda _i: self._other_visible())
            row.addWidget(self.other, 1)

    def _other_visible(self) -> None:
        if self.other is not None:
            self.other.setVisible(self.combo.currentData() == OTHER)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(index, 0))


class ProfileForm(QWidget):
    """Values keyed by profile question id; `other` texts are kept as `<id>_other` (profile is free JSON)."""

    def __init__(self, questions: tuple[Question, ...], language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QWidget] = {}
        for question in questions:
            widget: QWidget
            if question.type in (QuestionType.SINGLE_CHOICE, QuestionType.YES_NO):
                widget = _Choice(question, language, self)
            elif question.type is QuestionType.NUMBER:
                widget = OptionalNumberSpin(self)
            else:
                widget = editor_for(question, language, self)
            label = QLabel(question.text.get(language), self)
            label.setWordWrap(True)
            label.setMinimumWidth(150)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            label.setBuddy(widget)
            if question.help is not None:
                label.setToolTip(question.help.get(language))
                widget.setToolTip(question.help.get(language))
            form.addRow(label, widget)
            self.fields[question.id] = widget

    def age_combo(self) -> QComboBox | None:
        widget = self.fields.get("age_range")
        return widget.combo if isinstance(widget, _Choice) else None

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, _Choice):
                result[key] = widget.value()
                if widget.other is not None and widget.value() == OTHER and widget.other.text().strip():
                    result[f"{key}_other"] = widget.other.text().strip()
            elif isinstance(widget, OptionalNumberSpin):
                result[key] = widget.number()
            elif isinstance(widget, AnswerEditor):
                result[key] = widget.value()
                other = widget.other_text()
                if isinstance(widget, MultiChoiceEditor) and other:
                    result[f"{key}_other"] = other
        return {k: v for k, v in result.items() if v not in (None, "", [])}

    def set_values(self, profile: dict[str, Any]) -> None:
        for key, widget in self.fields.items():
            value = profile.get(key)
            if isinstance(widget, _Choice):
                widget.set_value(value)
                if widget.other is not None:
                    widget.other.setText(str(profile.get(f"{key}_other", "")))
            elif isinstance(widget, OptionalNumberSpin):
                widget.setValue(float(value) if isinstance(value, int | float) else OptionalNumberSpin.EMPTY)
            elif isinstance(widget, AnswerEditor):
                widget.set_answer(value, profile.get(f"{key}_other"))
