"""QAudioSource -> PCM sink adapter (the only place that talks to the microphone).

Pull mode: QAudioSource fills its QIODevice, a 100 ms timer hands what arrived to the sink (the Qt-free WavWriter
behind `services.recordings.ActiveRecording`), whose `write()` only appends to memory; the writer's own thread
flushes and fsyncs once a second, so the GUI thread never waits on the disk.

Format: 16 kHz mono int16 is asked for first (speech band, 115 MB/h of WAV, 1/3 of the fsync traffic of 48 kHz);
if the device refuses it, 48 kHz mono, then the device's preferred rate/channels in int16. The writer stores
whatever was negotiated (the row keeps sample_rate/channels) and the transcode makes it mono Opus anyway.
"""

from __future__ import annotations

import time
from typing import Protocol

from PySide6.QtCore import QIODevice, QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSource, QMediaDevices, QtAudio

from capnum_desktop.audio.pcm import peak

PREFERRED_RATES = (16000, 48000)
BUFFER_US = 1_000_000  # Qt's ring buffer: 1 s of slack for a busy GUI thread before audio would be lost
READ_INTERVAL_MS = 100  # how often the GUI thread drains it (benchmarks/audio_capture.py, docs/performance.md)
SILENT_DEVICE_S = 3.0  # no data at all for this long while recording: the device is gone
# No Signal.emit() per audio block: with PySide6 6.12 on Python 3.11 every Python-side emit() drops a reference
# to True, and tens of thousands of emits over an interview would crash the interpreter. The panel polls instead.


class PcmSink(Protocol):
    def write(self, pcm: bytes) -> None: ...


def input_devices() -> list[QAudioDevice]:
    return list(QMediaDevices.audioInputs())


def default_input() -> QAudioDevice | None:
    device = QMediaDevices.defaultAudioInput()
    if not device.isNull():
        return device
    devices = input_devices()
    return devices[0] if devices else None


def device_key(device: QAudioDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def find_device(key: str | None) -> QAudioDevice | None:
    for device in input_devices():
        if key and device_key(device) == key:
            return device
    return None


def pick_format(device: QAudioDevice) -> QAudioFormat:
    for rate in PREFERRED_RATES:
        fmt = QAudioFormat()
        fmt.setSampleRate(rate)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if device.isFormatSupported(fmt):
            return fmt
    fmt = device.preferredFormat()
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


class QtAudioCapture(QObject):
    """Feeds one sink from one input device. `failed` fires once, after the capture has already stopped."""

    failed = Signal(str)  # emitted once; the level is polled (`take_level`), see below

    def __init__(self, device: QAudioDevice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        self.format = pick_format(device)
        self._source: QAudioSource | None = None
        self._io: QIODevice | None = None
        self._sink: PcmSink | None = None
        self._peak = 0.0
        self._last_data = 0.0
        self._suspended = False
        # stateChanged carries a QAudio::State that PySide 6.12 cannot convert for Python slots: poll instead.
        self._watch = QTimer(self)
        self._watch.setInterval(250)
        self._watch.timeout.connect(self._check_state)
        self._pull = QTimer(self)
        self._pull.setInterval(READ_INTERVAL_MS)
        self._pull.timeout.connect(self._read)

    @property
    def sample_rate(self) -> int:
        return self.format.sampleRate()

    @property
    def channels(self) -> int:
        return self.format.channelCount()

    @property
    def running(self) -> bool:
        return self._source is not None

    @property
    def buffer_bytes(self) -> int:
        """The ring buffer Qt allocated while running (0 when stopped)."""
        return self._source.bufferSize() if self._source is not None else 0

    def start(self, sink: PcmSink) -> None:
        self._sink = sink
        source = QAudioSource(self.device, self.format, self)
        source.setBufferSize(self.format.bytesForDuration(BUFFER_US))
        self._source = source
        io = source.start()
        if io is None or source.error() != QtAudio.Error.NoError:
            self._teardown()
            raise OSError(self.tr("The microphone “%1” could not be opened.").replace("%1", self.device.description()))
        self._io = io
        # Read on a timer rather than on every readyRead (one per server period, 4-64 ms): fewer Python calls;
        # the 1 s ring buffer leaves ample room. Qt still wakes this thread once per period (C++ only): the
        # period, set by the sound server and Qt's 1024-frame request, dominates the capture's CPU cost.
        self._pull.start()
        self._last_data = time.monotonic()
        self._watch.start()

    def suspend(self) -> None:
        if self._source is not None:
            self._read()  # keep what was captured up to the click
            self._source.suspend()
            self._suspended = True

    def resume(self) -> None:
        if self._source is not None:
            self._source.resume()
            self._suspended = False
            self._last_data = time.monotonic()

    def stop(self) -> None:
        """Stop and hand the sink what is still buffered in the device."""
        if self._source is None:
            return
        self._read()
        self._teardown()

    def _read(self) -> None:
        if self._io is None or self._sink is None:
            return
        data = bytes(self._io.readAll().data())
        if not data:
            return
        self._last_data = time.monotonic()
        try:
            self._sink.write(data)
        except Exception as exc:  # the sink stopped (disk full, write error): stop capturing, keep the file
            self._fail(str(exc))
            return
        self._peak = max(self._peak, peak(data))

    def take_level(self) -> float:
        """Peak 0..1 since the previous call (the meter polls it)."""
        level, self._peak = self._peak, 0.0
        return level

    def _check_state(self) -> None:
        """A device error, or a device that went silent at the driver level (not quiet: no data at all)."""
        source = self._source
        if source is None:
            return
        broken = source.error() in (QtAudio.Error.IOError, QtAudio.Error.FatalError, QtAudio.Error.OpenError)
        self._read()  # data may be waiting without a readyRead
        starved = not self._suspended and time.monotonic() - self._last_data > SILENT_DEVICE_S
        if broken or starved:
            message = self.tr("The microphone “%1” stopped working (unplugged?).")
            self._fail(message.replace("%1", self.device.description()))

    def _fail(self, message: str) -> None:
        self._teardown()
        self.failed.emit(message)

    def _teardown(self) -> None:
        source, self._source, self._io = self._source, None, None
        self._watch.stop()
        self._pull.stop()
        if source is not None:
            source.stop()
            source.deleteLater()
