"""Installs Data ▸ Sync and bundles, and the drop of `.capnum` files on the window (see FEATURE_MODULES)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

if TYPE_CHECKING:
    from capnum_desktop.ui.bundles.import_dialog import ImportDialog

# The dialogs (and through them the bundle engine, pydantic and pyrage) load when first opened, not at start-up.


def _exec(module: str, name: str, *args: Any, **kwargs: Any) -> None:
    dialog_class = getattr(importlib.import_module(f"capnum_desktop.ui.bundles.{module}"), name)
    dialog_class(*args, **kwargs).exec()


def open_import_dialog(window: Any, paths: list[Path]) -> ImportDialog:
    """Verification summary first; nothing is imported until the user presses Import."""
    from capnum_desktop.ui.bundles.import_dialog import ImportDialog

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
            "F9",  # as "Send/Receive" in mail programs; Ctrl+Shift+S marks a question skipped
            lambda: _exec("sync_dialog", "SyncDialog", window.store, window.jobs, parent=window),
        ),
        (
            QCoreApplication.translate("BundlesMenu", "&Export a bundle…"),
            None,
            lambda: _exec("export_dialog", "BundleExportDialog", window.store, window.jobs, window),
        ),
        (QCoreApplication.translate("BundlesMenu", "&Import bundles…"), "Ctrl+I", lambda: _choose_bundles(window)),
        (
            QCoreApplication.translate("BundlesMenu", "Import from &folder…"),
            None,
            lambda: _exec("sync_dialog", "SyncDialog", window.store, window.jobs, coordinator=True, parent=window),
        ),
        (
            QCoreApplication.translate("BundlesMenu", "&Conflicts…"),
            None,
            lambda: _exec("conflicts_dialog", "ConflictsDialog", window.store, window),
        ),
        (
            QCoreApplication.translate("BundlesMenu", "Coordinator &key…"),
            None,
            lambda: _exec("keys_dialog", "CoordinatorKeyDialog", window.store, window),
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
