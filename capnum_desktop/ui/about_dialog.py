"""About CapNum: versions of the app and of what it is built on, their licences, and the data folder."""

from __future__ import annotations

import html
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from capnum_desktop import __version__


def ffmpeg_version() -> str:
    """Version of the ffmpeg binary shipped by imageio-ffmpeg (asked only when this dialog opens)."""
    try:
        import imageio_ffmpeg

        return str(imageio_ffmpeg.get_ffmpeg_version())
    except Exception:  # a missing or broken binary must not prevent showing the dialog
        return "?"


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About CapNum"))
        rows = [
            (self.tr("CapNum Desktop"), __version__, self.tr("GNU GPL version 3 or later")),
            ("Python", platform.python_version(), self.tr("PSF licence")),
            ("Qt", qVersion(), self.tr("GNU LGPL version 3")),
            ("PySide6", PySide6.__version__, self.tr("GNU LGPL version 3")),
            (
                "FFmpeg (imageio-ffmpeg)",
                ffmpeg_version(),
                self.tr("GNU LGPL or GPL, depending on its build"),
            ),
            (self.tr("DejaVu fonts"), "", self.tr("Bitstream Vera licence (free)")),
        ]
        table = "".join(
            f"<tr><td>{html.escape(name)}</td><td>&nbsp;{html.escape(version)}&nbsp;</td>"
            f"<td>{html.escape(licence)}</td></tr>"
            for name, version, licence in rows
        )
        intro = self.tr("Run semi-structured field interviews offline, and never lose a word.")
        self.text = QLabel(
            f"<h2>CapNum {html.escape(__version__)}</h2><p>{html.escape(intro)}</p><table>{table}</table>"
            f"<p>{html.escape(self.tr('Data folder:'))}<br><code>{html.escape(str(data_dir))}</code></p>",
            self,
        )
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        open_folder = QPushButton(self.tr("Open the data folder"), self)
        buttons.addButton(open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir))))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
