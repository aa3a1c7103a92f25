"""The recorder strip hosted by the interview page: record/stop, pause, elapsed time, level, device, warnings.

Every failure stops cleanly and keeps what was recorded: no microphone (button disabled, reason shown), no
audio consent (same), microphone unplugged, disk nearly full, write error. After "Stop", the post-processing job
(Opus + verification) runs in the background with progress and cancel; a cancelled job leaves the WAV, which the
next start-up (or the next stop) processes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from capnum_desktop.domain.status import RecordingKind
from capnum_desktop.services import settings
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.recording_processing import ProcessedRecording, process_recording
from capnum_desktop.services.recordings import (
    ActiveRecording,
    pause_recording,
    recording_blocker,
    resume_recording,
    start_recording,
    stop_recording,
)
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.audio.capture import QtAudioCapture, default_input, device_key, input_devices
from capnum_desktop.ui.audio.level_meter import LevelMeter
from capnum_desktop.ui.jobs import JobHandle, JobRunner

CaptureFactory = Callable[[QAudioDevice], QtAudioCapture]


def format_elapsed(ms: int) -> str:
    seconds = ms // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class RecorderPanel(QWidget):
    recording_started = Signal(str)
    recording_stopped = Signal(str)  # recording id (the file is complete and valid)
    processed = Signal(str)

    def __init__(
        self,
        store: DataStore,
        jobs: JobRunner | None,
        interview_id: str,
        parent: QWidget | None = None,
        *,
        kind: RecordingKind = RecordingKind.INTERVIEW,
        question_id: str | None = None,
        note_id: str | None = None,
        devices: Callable[[], list[QAudioDevice]] = input_devices,
        capture_factory: CaptureFactory = QtAudioCapture,
        process_after_stop: bool = True,
    ) -> None:
        super().__init__(parent)
        self.store, self.jobs, self.interview_id = store, jobs, interview_id
        self.kind, self.question_id, self.note_id = kind, question_id, note_id
        self._devices = devices
        self._capture_factory = capture_factory
        self._process_after_stop = process_after_stop
        self.active: ActiveRecording | None = None
        self.capture: QtAudioCapture | None = None
        self.job: JobHandle | None = None
        self.last_message = ""
        self._build()
        self._media = QMediaDevices(self)
        self._media.audioInputsChanged.connect(self._devices_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._tick)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.refresh()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        self.record_button = QPushButton(self.tr("● Record"), self)
        self.record_button.clicked.connect(self.toggle)
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._pause_toggled)
        self.elapsed = QLabel(format_elapsed(0), self)
        self.elapsed.setAccessibleName(self.tr("Recorded time"))
        self.meter = LevelMeter(self)
        self.device_box = QComboBox(self)
        self.device_box.setAccessibleName(self.tr("Microphone"))
        self.device_box.setMinimumContentsLength(14)
        self.device_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.device_box.activated.connect(self._device_chosen)
        for widget in (self.record_button, self.pause_button, self.elapsed):
            row.addWidget(widget)
        row.addWidget(self.meter, 1)
        row.addWidget(self.device_box)
        outer.addLayout(row)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        job_row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_processing)
        job_row.addWidget(self.progress, 1)
        job_row.addWidget(self.cancel_button)
        outer.addLayout(job_row)
        self._show_job(False)

    # --- the contract with the interview page ----------------------------------------------------------------
    @property
    def recording(self) -> bool:
        return self.active is not None

    def offset_ms(self) -> tuple[str, int] | None:
        """(recording id, ms of recorded audio) while recording, else None: what notes and markers store."""
        if self.active is None:
            return None
        return self.active.recording_id, self.active.offset_ms

    def toggle(self) -> None:
        if self.active is None:
            self.start()
        else:
            self.stop()

    # --- availability ----------------------------------------------------------------------------------------
    def blocker(self) -> str | None:
        try:
            reason = recording_blocker(self.store, self.interview_id, self.kind)
        except ServiceError as exc:
            return str(exc)
        if reason is not None:
            return reason
        if not self._devices():
            return self.tr("No microphone found: plug one in (it will be detected) or check the system sound settings.")
        return None

    def refresh(self) -> None:
        """Fill the device list and enable or disable the controls, saying why when disabled."""
        devices = self._devices()
        wanted = settings.get_setting(self.store, settings.AUDIO_INPUT_DEVICE)
        current = self.device_box.currentData()
        self.device_box.clear()
        for device in devices:
            self.device_box.addItem(device.description(), device_key(device))
        default = default_input()
        keys = [device_key(d) for d in devices]
        for key in (current, wanted, device_key(default) if default else None):
            if key in keys:
                self.device_box.setCurrentIndex(keys.index(key))
                break
        if self.active is not None:
            self.device_box.setEnabled(False)
            return
        reason = self.blocker()
        self.record_button.setEnabled(reason is None)
        self.record_button.setToolTip(reason or self.tr("Start recording"))
        self.pause_button.setEnabled(False)
        self.device_box.setEnabled(bool(devices))
        if reason is not None:
            self._say(reason)
        elif not self.last_message:
            self._say(self.tr("Ready to record."))

    def _chosen_device(self) -> QAudioDevice | None:
        key = self.device_box.currentData()
        for device in self._devices():
            if device_key(device) == key:
                return device
        return None

    def _device_chosen(self, _index: int) -> None:
        settings.set_setting(self.store, settings.AUDIO_INPUT_DEVICE, self.device_box.currentData())

    # --- recording -------------------------------------------------------------------------------------------
    def start(self) -> None:
        if self.active is not None:
            return
        device = self._chosen_device()
        if device is None:
            self.refresh()
            return
        capture = self._capture_factory(device)
        try:
            active = start_recording(
                self.store,
                self.interview_id,
                kind=self.kind,
                question_id=self.question_id,
                note_id=self.note_id,
                sample_rate=capture.sample_rate,
                channels=capture.channels,
                device=device.description(),
            )
        except ServiceError as exc:
            self._say(str(exc), error=True)
            self.refresh()
            return
        try:
            capture.start(active)
        except OSError as exc:
            stop_recording(self.store, active, reason=str(exc))
            self._say(str(exc), error=True)
            return
        capture.failed.connect(self._capture_failed)
        self.active, self.capture = active, capture
        self.record_button.setText(self.tr("■ Stop"))
        self.record_button.setToolTip(self.tr("Stop recording"))
        self.pause_button.setEnabled(True)
        self.device_box.setEnabled(False)
        self._say(self.tr("Recording — saved to disk every second."))
        self._timer.start()
        self.recording_started.emit(active.recording_id)

    def stop(self, message: str | None = None, *, error: bool = False) -> str | None:
        """Stop, keep the file, start post-processing; returns the recording id."""
        active, capture = self.active, self.capture
        if active is None:
            return None
        self.active, self.capture = None, None
        self._timer.stop()
        if capture is not None:
            capture.stop()
            capture.deleteLater()
        try:
            stopped = stop_recording(self.store, active, reason=message)
        except ServiceError as exc:
            self._say(str(exc), error=True)
            return active.recording_id
        self.meter.reset()
        self.pause_button.blockSignals(True)
        self.pause_button.setChecked(False)
        self.pause_button.blockSignals(False)
        self.record_button.setText(self.tr("● Record"))
        length = format_elapsed(stopped.duration_ms)
        if message:
            kept = self.tr("%1 The recording so far (%2) was kept.")
            self._say(kept.replace("%1", message).replace("%2", length), error)
        else:
            self._say(self.tr("Recording stopped (%1), kept safely.").replace("%1", length))
        self.refresh()
        self.recording_stopped.emit(stopped.recording_id)
        if self._process_after_stop and stopped.duration_ms > 0:
            self.process(stopped.recording_id)
        return stopped.recording_id

    def shutdown(self) -> None:
        """The page or the application is closing: stop without post-processing (the next start does it)."""
        self._process_after_stop = False
        if self.active is not None:
            self.stop()

    def _pause_toggled(self, paused: bool) -> None:
        if self.active is None or self.capture is None:
            return
        if paused:
            self.capture.suspend()
            pause_recording(self.store, self.active)
            self.pause_button.setText(self.tr("Resume"))
            self._say(self.tr("Paused: nothing is being recorded."))
        else:
            resume_recording(self.store, self.active)
            self.capture.resume()
            self.pause_button.setText(self.tr("Pause"))
            self._say(self.tr("Recording — saved to disk every second."))

    def _capture_failed(self, message: str) -> None:
        self.stop(message, error=True)

    def _devices_changed(self) -> None:
        if self.active is not None and self.capture is not None:
            keys = {device_key(d) for d in self._devices()}
            if device_key(self.capture.device) not in keys:
                self.stop(self.tr("The microphone was disconnected: recording stopped."), error=True)
                return
        self.refresh()

    def _tick(self) -> None:
        active = self.active
        if active is None:
            return
        elapsed = format_elapsed(active.offset_ms)
        if elapsed != self.elapsed.text():  # changes once a second; a relabel costs a relayout
            self.elapsed.setText(elapsed)
        if self.capture is not None and not active.paused:
            self.meter.set_level(self.capture.take_level())
        if active.failure:
            self.stop(active.failure, error=True)
        elif active.low_disk:
            free = (active.writer.free_bytes_at_last_flush or 0) // (1024 * 1024)
            self._say(
                self.tr("Only %1 MB free on the disk: the recording will stop by itself before it is full.").replace(
                    "%1", str(free)
                ),
                error=True,
            )

    def _say(self, text: str, error: bool = False) -> None:
        if text == self.last_message and self.status.text() == text:
            return
        self.last_message = text
        self.status.setText(text)
        self.status.setStyleSheet("color: #b71c1c;" if error else "")

    # --- post-processing -------------------------------------------------------------------------------------
    def process(self, recording_id: str) -> None:
        if self.jobs is None:
            return
        self._show_job(True)
        self.progress.setValue(0)
        self.job = self.jobs.start(
            lambda ctx: process_recording(self.store, recording_id, ctx.progress),
            on_done=self._processed,
            on_error=self._process_failed,
            on_progress=lambda done, total: self.progress.setValue(done * 1000 // max(1, total)),
            on_cancelled=self._process_cancelled,
        )

    def cancel_processing(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _processed(self, result: ProcessedRecording) -> None:
        self._show_job(False)
        size = f"{result.size_bytes / (1024 * 1024):.1f}"
        self._say(
            self.tr("Recording compressed and verified (%1, %2 MB).")
            .replace("%1", format_elapsed(result.duration_ms))
            .replace("%2", size)
        )
        self.processed.emit(result.recording_id)

    def _process_failed(self, message: str, _expected: bool) -> None:
        self._show_job(False)
        self._say(message, error=True)

    def _process_cancelled(self) -> None:
        self._show_job(False)
        self._say(self.tr("Compression cancelled: the full-quality recording is kept and will be compressed later."))

    def _show_job(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
