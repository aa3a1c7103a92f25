"""A progress bar with a Cancel button that runs one service call through the window's JobRunner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from capnum_desktop.ui.errors import show_job_error
from capnum_desktop.ui.jobs import JobContext, JobHandle, JobRunner


class JobPanel(QWidget):
    finished = Signal()

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._handle: JobHandle | None = None
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)

    @property
    def running(self) -> bool:
        return self._handle is not None and self._handle.running

    def start(self, label: str, fn: Callable[[JobContext], Any], on_done: Callable[[Any], None]) -> None:
        self.label.setText(label)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.setVisible(True)
        self.cancel_button.setEnabled(True)

        def done(result: Any) -> None:
            self._end()
            on_done(result)

        def failed(message: str, expected: bool) -> None:
            self._end()
            show_job_error(self.window(), message, expected)

        self._handle = self._jobs.start(
            fn, on_done=done, on_error=failed, on_progress=self._progress, on_cancelled=self._cancelled
        )

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def _cancelled(self) -> None:
        self._end()
        self.label.setText(self.tr("Cancelled: nothing was changed."))
        self.setVisible(True)
        self.bar.setVisible(False)
        self.cancel_button.setVisible(False)

    def _end(self) -> None:
        self._handle = None
        self.setVisible(False)
        self.bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.finished.emit()

    def cancel(self) -> None:
        if self._handle is not None:
            self.cancel_button.setEnabled(False)
            self._handle.cancel()
