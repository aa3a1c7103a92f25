"""The theme navigator: every theme and its visible questions, reachable in any order, with coverage shown live."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from capnum_desktop.domain.answers import SectionCoverage
from capnum_desktop.domain.grid import Grid
from capnum_desktop.domain.status import AnswerStatus, CoverageState

QUESTION_ROLE = Qt.ItemDataRole.UserRole
THEME_MARK = {
    CoverageState.NOT_STARTED: "○",
    CoverageState.PARTIAL: "◐",
    CoverageState.COVERED: "●",
    CoverageState.SKIPPED: "⊘",
}
THEME_COLOUR = {
    CoverageState.NOT_STARTED: "#6b6b6b",
    CoverageState.PARTIAL: "#a35f00",
    CoverageState.COVERED: "#1e7b34",
    CoverageState.SKIPPED: "#6b6b6b",
}
ANSWER_MARK = {
    AnswerStatus.ANSWERED: "✓",
    AnswerStatus.SKIPPED: "⤼",
    AnswerStatus.REFUSED: "✗",
    AnswerStatus.NOT_ASKED: "·",
}


class ThemeNavigator(QTreeWidget):
    question_chosen = Signal(str)

    def __init__(self, grid: Grid, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setUniformRowHeights(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAccessibleName(self.tr("Themes and questions"))
        self._themes: dict[str, QTreeWidgetItem] = {}
        self._questions: dict[str, QTreeWidgetItem] = {}
        self._titles: dict[str, str] = {}
        self._texts: dict[str, str] = {}
        for section in grid.sections:
            theme = QTreeWidgetItem(self)
            title = section.title.get(language)
            self._titles[section.id] = title
            theme.setData(0, QUESTION_ROLE, section.questions[0].id if section.questions else None)
            font = theme.font(0)
            font.setBold(True)
            theme.setFont(0, font)
            if section.goal is not None:
                theme.setToolTip(0, section.goal.get(language))
            self._themes[section.id] = theme
            for question in section.questions:
                item = QTreeWidgetItem(theme)
                text = question.text.get(language)
                self._texts[question.id] = text
                item.setData(0, QUESTION_ROLE, question.id)
                item.setToolTip(0, text)
                self._questions[question.id] = item
        self.expandAll()
        self.currentItemChanged.connect(self._current_changed)
        self._updating = False

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if self._updating or current is None:
            return
        question_id = current.data(0, QUESTION_ROLE)
        if question_id:
            self.question_chosen.emit(question_id)

    def show_question(self, question_id: str) -> None:
        item = self._questions.get(question_id)
        if item is not None and self.currentItem() is not item:
            self._updating = True
            try:
                self.setCurrentItem(item)
                self.scrollToItem(item)
            finally:
                self._updating = False

    @staticmethod
    def _question_of(item: QTreeWidgetItem | None) -> str | None:
        return item.data(0, QUESTION_ROLE) if item is not None else None

    def update_state(
        self,
        coverage: list[SectionCoverage],
        statuses: Mapping[str, AnswerStatus],
        visible: Collection[str],
        state_names: Mapping[CoverageState, str],
    ) -> None:
        for cov in coverage:
            theme = self._themes[cov.section_id]
            done = cov.answered + cov.skipped
            theme.setText(0, f"{THEME_MARK[cov.state]} {self._titles[cov.section_id]} ({done}/{cov.visible})")
            theme.setForeground(0, QBrush(QColor(THEME_COLOUR[cov.state])))
            theme.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, state_names[cov.state])
            theme.setStatusTip(0, state_names[cov.state])
            section_ids = [self._question_of(theme.child(i)) for i in range(theme.childCount())]
            theme.setData(0, QUESTION_ROLE, next((q for q in section_ids if q in visible), None))
        for question_id, item in self._questions.items():
            item.setHidden(question_id not in visible)
            status = statuses.get(question_id, AnswerStatus.NOT_ASKED)
            item.setText(0, f"{ANSWER_MARK[status]} {self._texts[question_id]}")
