"""About CapNum: versions of the app and of what it is built on, their licences, and the data folder."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from capnum_desktop import __version__
from capnum_desktop.services.about import bundled_components


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About CapNum"))
        # One list for the dialog and the installers' licence notes: services.about (ffmpeg -version, ~0.1 s).
        rows = [(c.name, c.version, c.licence, c.url) for c in bundled_components()]
        table = "".join(
            f"<tr><td>{_linked(name, url)}</td><td>&nbsp;{html.escape(version)}&nbsp;</td>"
            f"<td>{html.escape(licence)}</td></tr>"
            for name, version, licence, url in rows
        )
        intro = self.tr("Run semi-structured field interviews offline, and never lose a word.")
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(True)
        folder_label = self.tr("Data folder:")
        built_with = self.tr("Built with (version, licence):")
        self.text.setHtml(
            f"<h2>CapNum {html.escape(__version__)}</h2><p>{html.escape(intro)}</p>"
            f"<p>{html.escape(folder_label)}<br><code>{html.escape(str(data_dir))}</code></p>"
            f"<p><b>{html.escape(built_with)}</b></p><table>{table}</table>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        open_folder = QPushButton(self.tr("Open the data folder"), self)
        buttons.addButton(open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir))))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 520)


def _linked(name: str, url: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(name)}</a>' if url else html.escape(name)
