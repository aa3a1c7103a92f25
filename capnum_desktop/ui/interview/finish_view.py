"""The end of an interview, inside the page: what was not covered (click to go back), the memo, finish or abandon."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.domain.answers import SectionCoverage
from capnum_desktop.domain.grid import Grid
from capnum_desktop.domain.status import CoverageState
from capnum_desktop.ui.interview.navigator import THEME_MARK

QUESTION_ROLE = Qt.ItemDataRole.UserRole


class FinishView(QWidget):
    back = Signal()
    go_to_question = Signal(str)
    memo_edited = Signal()
    finish_requested = Signal()
    abandon_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Before finishing"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        columns = QHBoxLayout()
        layout.addLayout(columns, 1)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Not covered yet (double-click or Enter to go back to it):"), self))
        self.missing = QTreeWidget(self)
        self.missing.setHeaderHidden(True)
        self.missing.setAccessibleName(self.tr("Themes and questions not covered"))
        self.missing.itemActivated.connect(self._activated)
        self.missing.itemDoubleClicked.connect(self._activated)
        left.addWidget(self.missing, 1)
        columns.addLayout(left, 1)

        right = QVBoxLayout()
        memo_box = QGroupBox(self.tr("Post-interview memo"), self)
        memo_layout = QVBoxLayout(memo_box)
        self.memo = QPlainTextEdit(memo_box)
        self.memo.setTabChangesFocus(True)
        self.memo.setPlaceholderText(
            self.tr("Context of the meeting, atmosphere, what struck you, things to follow up…")
        )
        self.memo.textChanged.connect(self.memo_edited)
        memo_layout.addWidget(self.memo)
        right.addWidget(memo_box, 1)
        abandon_box = QGroupBox(self.tr("Abandon instead"), self)
        abandon_row = QHBoxLayout(abandon_box)
        self.reason = QLineEdit(abandon_box)
        self.reason.setPlaceholderText(self.tr("Why the interview stops here (required)"))
        self.abandon_button = QPushButton(self.tr("Abandon the interview"), abandon_box)
        self.abandon_button.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.abandon_button.setEnabled(bool(text.strip())))
        self.abandon_button.clicked.connect(lambda: self.abandon_requested.emit(self.reason.text().strip()))
        abandon_row.addWidget(self.reason, 1)
        abandon_row.addWidget(self.abandon_button)
        right.addWidget(abandon_box)
        columns.addLayout(right, 1)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back to the interview"), self)
        self.back_button.clicked.connect(self.back)
        self.finish_button = QPushButton(self.tr("Finish the interview"), self)
        self.finish_button.setDefault(True)
        self.finish_button.clicked.connect(self.finish_requested)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        layout.addLayout(buttons)

    def show_coverage(
        self,
        grid: Grid,
        coverage: list[SectionCoverage],
        language: str,
        state_names: Mapping[CoverageState, str],
    ) -> None:
        self.missing.clear()
        questions = 0
        for cov in coverage:
            if cov.state is CoverageState.COVERED:
                continue
            section = grid.section(cov.section_id)
            theme = QTreeWidgetItem(self.missing)
            theme.setText(0, f"{THEME_MARK[cov.state]} {section.title.get(language)} — {state_names[cov.state]}")
            theme.setData(0, QUESTION_ROLE, cov.missing[0] if cov.missing else None)
            for question_id in cov.missing:
                item = QTreeWidgetItem(theme)
                item.setText(0, grid.question(question_id).text.get(language))
                item.setToolTip(0, item.text(0))
                item.setData(0, QUESTION_ROLE, question_id)
                questions += 1
        self.missing.expandAll()
        covered = sum(1 for c in coverage if c.state is CoverageState.COVERED)
        if questions == 0 and covered == len(coverage):
            self.summary.setText(self.tr("Every theme is covered."))
        else:
            self.summary.setText(
                self.tr("%1 of %2 themes covered; %3 questions left unanswered.")
                .replace("%1", str(covered))
                .replace("%2", str(len(coverage)))
                .replace("%3", str(questions))
            )

    def _activated(self, item: QTreeWidgetItem) -> None:
        question_id = item.data(0, QUESTION_ROLE)
        if question_id:
            self.go_to_question.emit(question_id)
