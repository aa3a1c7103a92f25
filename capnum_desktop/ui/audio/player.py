"""Review playback: QMediaPlayer with oTranscribe's keys, a waveform position bar with markers, play-from-note.

Keys (as in oTranscribe, so transcribers feel at home; they work anywhere in the window while the panel shows):
Esc play/pause · F1 back 5 s · F2 forward 5 s · F3 slower · F4 faster. Playing from a note starts 2 s before
the moment it was typed, since notes are typed just after the words they are about.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from capnum_desktop.audio.waveform import compute_peaks
from capnum_desktop.domain.status import RecordingKind
from capnum_desktop.services.recording_queries import (
    RecordingRow,
    list_recordings,
    note_offset,
    recording_markers,
)
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.audio.timeline import Timeline, clock
from capnum_desktop.ui.jobs import JobRunner

SKIP_MS = 5000
LEAD_IN_MS = 2000
SPEEDS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
KEYS = {"play_pause": "Esc", "back": "F1", "forward": "F2", "slower": "F3", "faster": "F4"}


class AudioPlayerPanel(QWidget):
    def __init__(self, parent: QWidget | None = None, jobs: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.store: DataStore | None = None
        self.recording: RecordingRow | None = None
        self.speed_index = SPEEDS.index(1.0)
        self.output = QAudioOutput(self)
        self.player = QMediaPlayer(self)
        self.player.setAudioOutput(self.output)
        self._build()
        self.player.positionChanged.connect(self._position_changed)
        self.player.durationChanged.connect(self._duration_changed)
        self.player.playbackStateChanged.connect(self._state_changed)
        self._shortcuts()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()

        def button(text: str, key: str, tip: str) -> QPushButton:
            b = QPushButton(text, self)
            b.setToolTip(f"{tip} ({KEYS[key]})")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the text being written
            row.addWidget(b)
            return b

        self.back_button = button("« 5 s", "back", self.tr("Back 5 seconds"))
        self.play_button = button(self.tr("▶ Play"), "play_pause", self.tr("Play / pause"))
        self.forward_button = button("5 s »", "forward", self.tr("Forward 5 seconds"))
        self.slower_button = button("−", "slower", self.tr("Slower"))
        self.speed_label = QLabel("1.0×", self)
        row.addWidget(self.speed_label)
        self.faster_button = button("+", "faster", self.tr("Faster"))
        self.time_label = QLabel("00:00 / 00:00", self)
        row.addWidget(self.time_label)
        self.status = QLabel(self)
        row.addWidget(self.status, 1)
        outer.addLayout(row)
        self.timeline = Timeline(self)
        outer.addWidget(self.timeline)
        self.back_button.clicked.connect(lambda: self.skip(-SKIP_MS))
        self.forward_button.clicked.connect(lambda: self.skip(SKIP_MS))
        self.play_button.clicked.connect(self.play_pause)
        self.slower_button.clicked.connect(lambda: self.change_speed(-1))
        self.faster_button.clicked.connect(lambda: self.change_speed(1))
        self.timeline.on_seek = self.seek

    def _shortcuts(self) -> None:
        actions = {
            "play_pause": self.play_pause,
            "back": lambda: self.skip(-SKIP_MS),
            "forward": lambda: self.skip(SKIP_MS),
            "slower": lambda: self.change_speed(-1),
            "faster": lambda: self.change_speed(1),
        }
        self.shortcuts: dict[str, QShortcut] = {}
        for name, slot in actions.items():
            shortcut = QShortcut(QKeySequence(KEYS[name]), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[name] = shortcut

    # --- content ---------------------------------------------------------------------------------------------
    @property
    def has_audio(self) -> bool:
        return self.recording is not None

    def load(self, store: DataStore, interview_id: str, recording_id: str | None = None) -> bool:
        """Open the interview's recording (the given one, else the latest); False when there is none."""
        self.store = store
        rows = [r for r in list_recordings(store, interview_id) if r.path.exists() and r.state != "recording"]
        interview_rows = [r for r in rows if r.kind == RecordingKind.INTERVIEW.value]
        candidates = interview_rows or rows
        chosen = next((r for r in rows if r.id == recording_id), None) or (candidates[-1] if candidates else None)
        self.recording = chosen
        self.setEnabled(chosen is not None)
        if chosen is None:
            self.status.setText(self.tr("No recording for this interview."))
            return False
        self.status.setText("")
        self.player.setSource(QUrl.fromLocalFile(str(chosen.path)))
        self.timeline.set_content(chosen.duration_ms, recording_markers(store, interview_id, chosen.id))
        self._duration_changed(chosen.duration_ms)
        self._load_waveform(chosen)
        return True

    def _load_waveform(self, row: RecordingRow) -> None:
        buckets = 1200
        if self.jobs is None:
            self.timeline.set_peaks(compute_peaks(row.path, duration_ms=row.duration_ms, buckets=buckets))
            return
        wanted = row.id
        self.jobs.start(
            lambda _ctx: compute_peaks(row.path, duration_ms=row.duration_ms, buckets=buckets),
            on_done=lambda peaks: self.timeline.set_peaks(peaks) if self._is_current(wanted) else None,
        )

    def _is_current(self, recording_id: str) -> bool:
        return self.recording is not None and self.recording.id == recording_id

    # --- transport -------------------------------------------------------------------------------------------
    def play_pause(self) -> None:
        if self.recording is None:
            return
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def seek(self, ms: int) -> None:
        self.player.setPosition(max(0, ms))
        self.timeline.set_position(max(0, ms))

    def skip(self, delta_ms: int) -> None:
        self.seek(self.player.position() + delta_ms)

    def change_speed(self, step: int) -> None:
        self.speed_index = max(0, min(len(SPEEDS) - 1, self.speed_index + step))
        rate = SPEEDS[self.speed_index]
        self.player.setPlaybackRate(rate)
        self.speed_label.setText(f"{rate:.2g}×")

    def seek_to_note(self, note_id: str) -> bool:
        """Play from 2 s before the note's moment; False when the note has no audio position."""
        if self.store is None:
            return False
        recording_id, offset = note_offset(self.store, note_id)
        if offset is None:
            self.status.setText(self.tr("This note was not taken during a recording."))
            return False
        if recording_id and (self.recording is None or self.recording.id != recording_id):
            interview = self.recording.interview_id if self.recording else None
            if interview is None or not self.load(self.store, interview, recording_id):
                return False
        self.seek(max(0, offset - LEAD_IN_MS))
        self.player.play()
        return True

    def stop(self) -> None:
        self.player.stop()

    # --- feedback --------------------------------------------------------------------------------------------
    def _position_changed(self, ms: int) -> None:
        self.timeline.set_position(ms)
        self.time_label.setText(f"{clock(ms)} / {clock(self.timeline.duration_ms)}")

    def _duration_changed(self, ms: int) -> None:
        if ms > 0:
            self.timeline.duration_ms = ms
            self.time_label.setText(f"{clock(self.player.position())} / {clock(ms)}")

    def _state_changed(self, *_args: object) -> None:
        playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("▶ Play"))
