"""The main window: composes the dashboard and the interview page in a stack, owns the menus.

Feature modules plug in through `FEATURE_MODULES`: each exposes `install(window)` and adds its actions to
`window.data_menu` (sync, export, reports) or elsewhere, using `window.store`, `window.jobs`, `window.refresh()`
and `window.selected_interview_id()`. They read `window.store` when an action runs, never at install time: at
start-up the window may be shown from a snapshot while the store is still being opened (`StoreLoader`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from capnum_desktop.services.errors import ServiceError
from capnum_desktop.storage.errors import StorageError
from capnum_desktop.storage.startup_snapshot import StartupSnapshot
from capnum_desktop.ui.dashboard.page import DashboardPage
from capnum_desktop.ui.errors import show_error
from capnum_desktop.ui.jobs import JobRunner
from capnum_desktop.ui.store_loader import StoreLoader

if TYPE_CHECKING:
    from capnum_desktop.storage.datastore import DataStore

BUNDLE_SUFFIX = ".capnum"


class MainWindow(QMainWindow):
    FEATURE_MODULES: tuple[str, ...] = ("capnum_desktop.ui.exports.menu", "capnum_desktop.ui.bundles.menu")

    def __init__(
        self,
        store: DataStore | None,
        jobs: JobRunner | None = None,
        parent: QWidget | None = None,
        *,
        loader: StoreLoader | None = None,
        snapshot: StartupSnapshot | None = None,
    ) -> None:
        """Either an opened `store`, or a `loader` opening it and the `snapshot` to show meanwhile."""
        super().__init__(parent)
        if store is not None:
            self.data_dir = store.data_dir
        elif loader is not None and snapshot is not None:
            self.data_dir = loader.data_dir
        else:
            raise ValueError("MainWindow needs a store, or a loader and a snapshot")
        self._store = store
        self._loader = loader
        self.jobs = jobs or JobRunner(self)
        # Set by the bundles module: called with the dropped `.capnum` files.
        self.bundle_drop_handler: Callable[[list[Path]], None] | None = None
        self.interview_page: QWidget | None = None
        self.dashboard = DashboardPage(lambda: self.store, self, snapshot=snapshot if store is None else None)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.dashboard)
        self.setCentralWidget(self.stack)
        self.setAcceptDrops(True)
        self._make_actions()
        self._make_menus()
        self._update_title(snapshot.study_title if store is None and snapshot is not None else None)
        self.statusBar().addPermanentWidget(QLabel(self.tr("Data folder: %1").replace("%1", str(self.data_dir))))
        if store is not None and store.backup_path:
            self.statusBar().showMessage(
                self.tr("Database updated; a backup was kept at %1").replace("%1", store.backup_path), 15_000
            )
        if loader is not None:
            loader.ready.connect(self._store_ready)
        self.dashboard.new_requested.connect(self.new_interview)
        self.dashboard.open_requested.connect(self.open_interview)
        self.dashboard.selection_changed.connect(self._update_actions)
        self.resize(1280, 720)
        for name in self.FEATURE_MODULES:
            importlib.import_module(name).install(self)
        self._update_actions()

    # -- API for feature modules --------------------------------------------------------------------------------
    @property
    def store(self) -> DataStore:
        """The opened store; right after start-up this may wait (a fraction of a second) for it to open."""
        if self._store is None:
            assert self._loader is not None
            self._store = self._loader.store_now()
        return self._store

    @property
    def store_ready(self) -> bool:
        return self._store is not None

    def _store_ready(self, store: DataStore, counts_changed: bool) -> None:
        self._store = store
        if counts_changed:  # recordings cut by a crash were repaired since the snapshot was read
            self.refresh()

    def refresh(self) -> None:
        self.dashboard.refresh()
        self._update_actions()

    def selected_interview_id(self) -> str | None:
        return self.dashboard.selected_interview_id()

    # -- menus --------------------------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.new_action = QAction(self.tr("&New interview…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_interview)
        self.resume_action = QAction(self.tr("&Resume interview"), self)
        self.resume_action.triggered.connect(lambda: self._open_selected(review=False))
        self.review_action = QAction(self.tr("Re&view interview"), self)
        self.review_action.triggered.connect(lambda: self._open_selected(review=True))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.open_folder_action = QAction(self.tr("Open the data &folder"), self)
        self.open_folder_action.triggered.connect(self.open_data_folder)
        self.about_action = QAction(self.tr("&About CapNum"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)
        for action in (self.new_action, self.settings_action, self.quit_action):
            action.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString()})")

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addActions([self.new_action, self.resume_action, self.review_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.interview_menu = bar.addMenu(self.tr("&Interview"))
        self.data_menu = bar.addMenu(self.tr("&Data"))
        self.data_menu.addAction(self.open_folder_action)
        self.data_menu.addSeparator()
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about_action)
        self._fill_interview_menu([])

    def _fill_interview_menu(self, actions: list[QAction]) -> None:
        self.interview_menu.clear()
        if actions:
            self.interview_menu.addActions(actions)
        else:
            placeholder = self.interview_menu.addAction(self.tr("No interview open"))
            placeholder.setEnabled(False)

    def _update_actions(self) -> None:
        on_dashboard = self.interview_page is None
        row = self.dashboard.selected_row()
        self.new_action.setEnabled(on_dashboard)
        self.resume_action.setEnabled(on_dashboard and row is not None and row.status == "in_progress")
        self.review_action.setEnabled(on_dashboard and row is not None and row.status != "in_progress")

    def _update_title(self, title: str | None = None) -> None:
        if title is None:
            from capnum_desktop.services.studies import list_studies

            studies = list_studies(self.store)
            title = studies[0].title if studies else ""
        self.setWindowTitle(f"CapNum – {title}" if title else "CapNum")

    # -- interviews ---------------------------------------------------------------------------------------------
    def _interview_module(self, name: str) -> ModuleType | None:
        """The interview screens live in `ui/interview/`; until they exist the rest of the app still works."""
        try:
            return importlib.import_module(f"capnum_desktop.ui.interview.{name}")
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("capnum_desktop.ui.interview"):
                raise
            show_error(self, self.tr("The interview screens are not available in this version yet."))
            return None

    def new_interview(self) -> None:
        if self.interview_page is not None:
            return
        module = self._interview_module("new_interview")
        if module is None:
            return
        dialog = module.NewInterviewDialog(self.store, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.interview_id:
            self.open_interview(dialog.interview_id, False)
        else:
            self.refresh()  # a participant may have been created even if no interview was started

    def open_interview(self, interview_id: str, review: bool) -> None:
        if self.interview_page is not None:
            return
        module = self._interview_module("page")
        if module is None:
            return
        try:
            page = module.InterviewPage(self.store, self.jobs, interview_id, review=review, parent=self)
        except (ServiceError, StorageError) as exc:
            show_error(self, str(exc))
            return
        page.closed.connect(self._interview_closed)
        self.interview_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._fill_interview_menu(list(page.menu_actions()))
        self._update_actions()

    def _interview_closed(self, interview_id: str) -> None:
        page = self.interview_page
        self.interview_page = None
        self.stack.setCurrentWidget(self.dashboard)
        if page is not None:
            self.stack.removeWidget(page)
            page.deleteLater()
        self._fill_interview_menu([])
        self.refresh()
        self.dashboard.select_interview(interview_id)
        self.dashboard.table.setFocus()

    def _open_selected(self, *, review: bool) -> None:
        interview_id = self.selected_interview_id()
        if interview_id:
            self.open_interview(interview_id, review)

    # -- dialogs ------------------------------------------------------------------------------------------------
    def open_settings(self) -> None:
        from capnum_desktop.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.store, self).exec()

    def open_about(self) -> None:
        from capnum_desktop.ui.about_dialog import AboutDialog

        AboutDialog(self.data_dir, self).exec()

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    # -- drag and drop of bundles -------------------------------------------------------------------------------
    def _dropped_bundles(self, event: QDragEnterEvent | QDropEvent) -> list[Path]:
        if self.bundle_drop_handler is None or not event.mimeData().hasUrls():
            return []
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        return [p for p in paths if p.suffix.lower() == BUNDLE_SUFFIX]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_bundles(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        bundles = self._dropped_bundles(event)
        if bundles and self.bundle_drop_handler is not None:
            event.acceptProposedAction()
            self.bundle_drop_handler(bundles)

    # -- closing ------------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        # The interview page may refuse (e.g. a recording to stop first); its own closeEvent decides.
        if self.interview_page is not None and not self.interview_page.close():
            event.ignore()
            return
        if self.jobs.active and not self._confirm_quit_with_jobs():
            event.ignore()
            return
        self.jobs.wait_all()
        event.accept()

    def _confirm_quit_with_jobs(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Quit CapNum"),
            self.tr("A background task is still running. Quit when it has finished?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
