"""Installs Data ▸ Sync and bundles, and the drop of `.capnum` files on the window (see FEATURE_MODULES)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from capnum_desktop.ui.bundles.conflicts_dialog import ConflictsDialog
from capnum_desktop.ui.bundles.export_dialog import BundleExportDialog
from capnum_desktop.ui.bundles.import_dialog import ImportDialog
from capnum_desktop.ui.bundles.keys_dialog import CoordinatorKeyDialog
from capnum_desktop.ui.bundles.sync_dialog import SyncDialog


def open_import_dialog(window: Any, paths: list[Path]) -> ImportDialog:
    """Verification summary first; nothing is imported until the user presses Import."""
    dialog = ImportDialog(window.store, window.jobs, paths, window)
    window.bundle_import_dialog = dialog  # kept alive (and reachable by tests) while open
    dialog.show()
    return dialog


def _choose_bundles(window: Any) -> None:
    names, _ = QFileDialog.getOpenFileNames(
        window,
        QCoreApplication.translate("BundlesMenu", "Bundles to import"),
        "",
        QCoreApplication.translate("BundlesMenu", "CapNum bundles (*.capnum);;All files (*)"),
    )
    if names:
        open_import_dialog(window, [Path(n) for n in names])


def install(window: Any) -> None:
    menu = window.data_menu.addMenu(QCoreApplication.translate("BundlesMenu", "&Sync and bundles"))
    items = (
        (
            QCoreApplication.translate("BundlesMenu", "&Sync now…"),
            "Ctrl+Shift+S",
            lambda: SyncDialog(window.store, window.jobs, parent=window).exec(),
        ),
        (
            QCoreApplication.translate("BundlesMenu", "&Export a bundle…"),
            None,
            lambda: BundleExportDialog(window.store, window.jobs, window).exec(),
        ),
        (QCoreApplication.translate("BundlesMenu", "&Import bundles…"), "Ctrl+I", lambda: _choose_bundles(window)),
        (
            QCoreApplication.translate("BundlesMenu", "Import from &folder…"),
            None,
            lambda: SyncDialog(window.store, window.jobs, coordinator=True, parent=window).exec(),
        ),
        (
            QCoreApplication.translate("BundlesMenu", "&Conflicts…"),
            None,
            lambda: ConflictsDialog(window.store, window).exec(),
        ),
        (
            QCoreApplication.translate("BundlesMenu", "Coordinator &key…"),
            None,
            lambda: CoordinatorKeyDialog(window.store, window).exec(),
        ),
    )
    actions = []
    for label, shortcut, slot in items:
        action = QAction(label, window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        actions.append(action)
    menu.insertSeparator(actions[4])
    window.sync_menu = menu
    window.bundle_drop_handler = lambda paths: open_import_dialog(window, list(paths))
