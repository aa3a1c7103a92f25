"""The dashboard page: resumption banner, actions, filters, the interviews table (or an empty state), counts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.domain.status import InterviewStatus
from capnum_desktop.storage.session_list import SessionRow
from capnum_desktop.storage.startup_snapshot import StartupSnapshot
from capnum_desktop.ui.dashboard.counts_panel import CountsPanel
from capnum_desktop.ui.dashboard.empty_state import EmptyState, NoMatch
from capnum_desktop.ui.dashboard.filter_bar import FilterBar
from capnum_desktop.ui.dashboard.resume_banner import ResumeBanner
from capnum_desktop.ui.dashboard.table_model import ID_ROLE, SessionFilterProxy, SessionTableModel

if TYPE_CHECKING:
    from capnum_desktop.storage.datastore import DataStore

IN_PROGRESS = InterviewStatus.IN_PROGRESS.value


class DashboardPage(QWidget):
    new_requested = Signal()
    open_requested = Signal(str, bool)  # interview id, review (True) or resume (False)
    selection_changed = Signal()

    def __init__(
        self,
        get_store: Callable[[], DataStore],
        parent: QWidget | None = None,
        snapshot: StartupSnapshot | None = None,
    ) -> None:
        """`get_store` gives the opened store (it may wait for it at start-up); `snapshot` fills the first view."""
        super().__init__(parent)
        self._get_store = get_store
        self._loaded = False
        self._site_names: dict[str, str] = {}
        self.model = SessionTableModel(self)
        self.proxy = SessionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.banner = ResumeBanner(self)
        self.filters = FilterBar(self)
        self.counts = CountsPanel(self)
        self.shown_label = QLabel(self)
        self.table = self._make_table()
        self.empty = EmptyState(self)
        self.no_match = NoMatch(self)
        self.body = QStackedWidget(self)
        for page in (self.table, self.empty, self.no_match):
            self.body.addWidget(page)
        self.new_button = QPushButton(self.tr("&New interview"), self)
        self.new_button.setToolTip(self.tr("Start a new interview (Ctrl+N)"))
        self.resume_button = QPushButton(self.tr("&Resume"), self)
        self.resume_button.setToolTip(self.tr("Continue the selected interview in progress"))
        self.review_button = QPushButton(self.tr("Re&view"), self)
        self.review_button.setToolTip(self.tr("Read and correct the selected completed or abandoned interview"))
        self._layout()
        self._connect()
        self.refresh(snapshot)
        self.banner.offer(self.model_count(IN_PROGRESS))

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = (110, 70, 170, 110, 140, 90, 90, 70, 70)
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)
        # The interviewer's name takes the spare width; figures keep compact columns.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    def _layout(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.filters, 1)
        actions.addSpacing(12)
        for button in (self.new_button, self.resume_button, self.review_button):
            actions.addWidget(button)
        footer = QHBoxLayout()
        footer.addWidget(self.counts, 1)
        footer.addWidget(self.shown_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(actions)
        layout.addWidget(self.body, 1)
        layout.addLayout(footer)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_requested)
        self.empty.start.clicked.connect(self.new_requested)
        self.no_match.clear.clicked.connect(self.filters.clear)
        self.resume_button.clicked.connect(lambda: self._open_selected(review=False))
        self.review_button.clicked.connect(lambda: self._open_selected(review=True))
        self.table.doubleClicked.connect(self._open_index)
        open_current = QShortcut(
            QKeySequence(Qt.Key.Key_Return), self.table, lambda: self._open_index(self.table.currentIndex())
        )
        open_current.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.filters.filters_changed.connect(self._apply_filters)
        self.filters.search_changed.connect(lambda _text: self._apply_filters())
        self.counts.site_clicked.connect(lambda code: self.filters.select(site=code))
        self.counts.status_clicked.connect(lambda status: self.filters.select(status=status))
        self.banner.resume_clicked.connect(self._resume_unfinished)
        QShortcut(QKeySequence.StandardKey.Find, self, self.filters.search.setFocus)

    # -- data ---------------------------------------------------------------------------------------------------
    def refresh(self, snapshot: StartupSnapshot | None = None) -> None:
        """Reload the list (one query), keeping filters, search, sort and the selected interview."""
        selected = self.selected_interview_id()
        if snapshot is not None:
            rows, self._site_names = snapshot.rows, dict(snapshot.site_names)
        else:
            # Imported here, not at the top: the first view may come from the snapshot, before SQLAlchemy loads.
            from capnum_desktop.services.queries import list_sessions
            from capnum_desktop.services.studies import list_studies

            store = self._get_store()
            rows = list_sessions(store)
            self._site_names = {s.code: s.name for study in list_studies(store) for s in study.sites}
        self.model.set_rows(rows)
        interviewers = sorted({r.interviewer for r in rows}, key=str.casefold)
        sites = sorted(set(self._site_names) | {r.site for r in rows})
        self.filters.set_choices([(c, f"{c} – {self._site_names.get(c, c)}") for c in sites], interviewers)
        self.counts.update_counts(rows, self._site_names)
        self._apply_filters()
        if selected:
            self.select_interview(selected)
        if not self.banner.isHidden():
            self.banner.offer(self.model_count(IN_PROGRESS))
        self._loaded = True

    def _apply_filters(self) -> None:
        site, interviewer, status = self.filters.values()
        query = self.filters.search_text()
        ids: frozenset[str] | None = None
        snippets: dict[str, str] = {}
        if query:
            from capnum_desktop.services.queries import search_interviews

            for interview_id, _kind, snippet in search_interviews(self._get_store(), query):
                snippets.setdefault(interview_id, snippet)
            ids = frozenset(snippets)
        self.model.set_snippets(snippets)
        self.proxy.set_filters(site=site, interviewer=interviewer, status=status, ids=ids)
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.body.setCurrentWidget(self.empty if total == 0 else self.no_match if shown == 0 else self.table)
        self.shown_label.setText(
            self.tr("%1 of %2 interviews shown").replace("%1", str(shown)).replace("%2", str(total))
        )
        self._selection_changed()

    def model_count(self, status: str) -> int:
        return sum(1 for r in self.model.rows if r.status == status)

    def table_is_filled(self) -> bool:
        """True once the list has been loaded from the database (used by --self-test and the benchmark)."""
        return self._loaded and self.model.rowCount() == len(self.model.rows)

    # -- selection and opening ----------------------------------------------------------------------------------
    def selected_row(self) -> SessionRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        source = self.proxy.mapToSource(indexes[0])
        return self.model.row_at(source.row()) if source.isValid() else None

    def selected_interview_id(self) -> str | None:
        row = self.selected_row()
        return row.id if row else None

    def select_interview(self, interview_id: str) -> bool:
        for proxy_row in range(self.proxy.rowCount()):
            index = self.proxy.index(proxy_row, 0)
            if index.data(ID_ROLE) == interview_id:
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                self.table.selectionModel().setCurrentIndex(index, flags)
                self.table.scrollTo(index)
                return True
        return False

    def _selection_changed(self) -> None:
        row = self.selected_row()
        self.resume_button.setEnabled(row is not None and row.status == IN_PROGRESS)
        self.review_button.setEnabled(row is not None and row.status != IN_PROGRESS)
        self.selection_changed.emit()

    def _open_selected(self, *, review: bool) -> None:
        row = self.selected_row()
        if row is not None and (row.status != IN_PROGRESS) == review:
            self.open_requested.emit(row.id, review)

    def _open_index(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            row = self.model.row_at(source.row())
            self.open_requested.emit(row.id, row.status != IN_PROGRESS)

    def _resume_unfinished(self) -> None:
        unfinished = [r for r in self.model.rows if r.status == IN_PROGRESS]
        if len(unfinished) == 1:
            self.open_requested.emit(unfinished[0].id, False)
        else:
            self.filters.clear()
            self.filters.select(status=IN_PROGRESS)
            self.table.setFocus()
