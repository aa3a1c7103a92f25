"""Voice memos on a question: record a short clip (a follow-up idea, a context the notes cannot hold) and play the
memos already recorded. A non-modal window, so it never blocks the interview page behind it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.domain.status import RecordingKind, RecordingState
from capnum_desktop.services.recording_queries import RecordingRow, list_recordings
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.audio.recorder_panel import RecorderPanel, format_elapsed
from capnum_desktop.ui.jobs import JobRunner


class VoiceMemoDialog(QDialog):
    def __init__(
        self,
        store: DataStore,
        jobs: JobRunner | None,
        interview_id: str,
        question_id: str,
        question_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.interview_id, self.question_id = store, interview_id, question_id
        self.setWindowTitle(self.tr("Voice memo"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        about = QLabel(question_text, self)
        about.setWordWrap(True)
        layout.addWidget(about)
        self.recorder = RecorderPanel(store, jobs, interview_id, self, kind=RecordingKind.MEMO, question_id=question_id)
        self.recorder.recording_stopped.connect(lambda _id: self.reload())
        self.recorder.processed.connect(lambda _id: self.reload())
        layout.addWidget(self.recorder)
        layout.addWidget(QLabel(self.tr("Memos on this question:"), self))
        self.memos = QListWidget(self)
        self.memos.itemActivated.connect(self._play)
        layout.addWidget(self.memos)
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.clicked.connect(lambda: self._play(self.memos.currentItem()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.addButton(self.play_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self._output = QAudioOutput(self)
        self.player = QMediaPlayer(self)
        self.player.setAudioOutput(self._output)
        self.reload()

    def memo_rows(self) -> list[RecordingRow]:
        rows = list_recordings(self.store, self.interview_id, RecordingKind.MEMO)
        return [r for r in rows if r.question_id == self.question_id]

    def reload(self) -> None:
        self.memos.clear()
        saving = self.tr("being saved…")
        for number, row in enumerate(self.memo_rows(), start=1):
            ready = row.state == RecordingState.READY.value
            label = self.tr("Memo %1 · %2").replace("%1", str(number)).replace("%2", format_elapsed(row.duration_ms))
            item = QListWidgetItem(label if ready else f"{label} · {saving}")
            item.setData(Qt.ItemDataRole.UserRole, str(row.path))
            self.memos.addItem(item)
        self.play_button.setEnabled(self.memos.count() > 0)
        if self.memos.count():
            self.memos.setCurrentRow(self.memos.count() - 1)

    def _play(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.player.setSource(QUrl.fromLocalFile(str(item.data(Qt.ItemDataRole.UserRole))))
        self.player.play()

    def closeEvent(self, event: object) -> None:
        self.recorder.shutdown()  # a memo being recorded is stopped and kept
        self.player.stop()
        super().closeEvent(event)  # type: ignore[arg-type]
