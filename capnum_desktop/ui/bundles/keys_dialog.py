"""Coordinator key: the study's recipient (public, travels to every laptop) and, on the coordinator's own
laptop, the identity file (private) that decrypts bundles."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.keys import generate_keys, remember_identity, remembered_identity, set_study_recipient
from capnum_desktop.services.studies import list_studies
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.errors import show_error


class CoordinatorKeyDialog(QDialog):
    def __init__(self, store: DataStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Coordinator key"))
        self.resize(680, 240)
        self.store = store
        studies = list_studies(store)
        self.recipient_edit = QLineEdit(studies[0].coordinator_recipient or "" if studies else "", self)
        self.recipient_edit.setPlaceholderText("age1…")
        load = QPushButton(self.tr("From file…"), self)
        load.clicked.connect(self._load_recipient)
        recipient_row = QHBoxLayout()
        recipient_row.addWidget(self.recipient_edit, 1)
        recipient_row.addWidget(load)
        identity = remembered_identity(store)
        self.identity_edit = QLineEdit(str(identity) if identity else "", self)
        self.identity_edit.setPlaceholderText(self.tr("Only on the coordinator's laptop"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse_identity)
        identity_row = QHBoxLayout()
        identity_row.addWidget(self.identity_edit, 1)
        identity_row.addWidget(browse)
        generate = QPushButton(self.tr("Generate a new key pair…"), self)
        generate.clicked.connect(self._generate)
        form = QFormLayout()
        form.addRow(self.tr("Study recipient (public):"), recipient_row)
        form.addRow(self.tr("Identity file (private):"), identity_row)
        help_text = QLabel(
            self.tr(
                "Bundles are encrypted to the recipient; only the identity file opens them. Keep the identity "
                "file safe and backed up: without it, encrypted bundles cannot be read. After a change, give the "
                "laptops the new study package (Sync now does it through the sync folder)."
            ),
            self,
        )
        help_text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(generate)
        layout.addWidget(help_text)
        layout.addWidget(buttons)

    def _load_recipient(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Recipient file"), "", self.tr("Text files (*.txt);;All files (*)")
        )
        if name:
            from capnum_desktop.bundles.crypto import read_recipient_text
            from capnum_desktop.bundles.safety import BundleError

            try:
                self.recipient_edit.setText(read_recipient_text(name))
            except BundleError as exc:
                show_error(self, str(exc))

    def _browse_identity(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Identity file"), "", self.tr("Text files (*.txt);;All files (*)")
        )
        if name:
            self.identity_edit.setText(name)

    def _generate(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the new keys (keep it private)"))
        if not folder:
            return
        try:
            keys = generate_keys(Path(folder))
        except ServiceError as exc:
            show_error(self, str(exc))
            return
        self.recipient_edit.setText(keys.recipient)
        self.identity_edit.setText(str(keys.identity_file))

    def save(self) -> None:
        try:
            set_study_recipient(self.store, self.recipient_edit.text().strip() or None)
            identity = self.identity_edit.text().strip()
            remember_identity(self.store, Path(identity) if identity else None)
        except ServiceError as exc:
            show_error(self, str(exc))
            return
        self.accept()
