"""Review of a finished interview: consent and profile summary, the memo, and the history of later edits."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QPlainTextEdit, QVBoxLayout, QWidget

from capnum_desktop.domain.grid import Grid
from capnum_desktop.services.interview_session import EditEvent, InterviewSession


class ReviewPanel(QWidget):
    memo_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(self.summary.textFormat().RichText)
        layout.addWidget(self.summary)
        memo_box = QGroupBox(self.tr("Post-interview memo"), self)
        memo_layout = QVBoxLayout(memo_box)
        self.memo = QPlainTextEdit(memo_box)
        self.memo.setTabChangesFocus(True)
        self.memo.setReadOnly(True)
        self.memo.textChanged.connect(self._memo_changed)
        memo_layout.addWidget(self.memo)
        layout.addWidget(memo_box, 1)
        history_box = QGroupBox(self.tr("Edits after the interview"), self)
        history_layout = QVBoxLayout(history_box)
        self.history = QListWidget(history_box)
        self.history.setWordWrap(True)
        self.history.setAccessibleName(self.tr("Edit history"))
        history_layout.addWidget(self.history)
        layout.addWidget(history_box, 1)
        self._loading = False

    def _memo_changed(self) -> None:
        if not self._loading and not self.memo.isReadOnly():
            self.memo_edited.emit()

    def load(self, session: InterviewSession, language: str) -> None:
        grid = session.grid
        yes, no = self.tr("yes"), self.tr("no")
        who = f"{escape(session.site_name)} · {escape(session.interviewer_name)}"
        lines = [f"<b>{escape(session.participant_code)}</b> · {who}"]
        for consent in session.consents:
            parts = [
                self.tr("participation: %1").replace("%1", yes if consent.participation else no),
                self.tr("audio: %1").replace("%1", yes if consent.audio_recording else no),
                self.tr("quotation: %1").replace("%1", yes if consent.quotation else no),
                self.tr("recontact: %1").replace("%1", yes if consent.recontact else no),
                self.tr("oral") if consent.mode == "oral" else self.tr("written"),
            ]
            if consent.guardian_name:
                parts.append(self.tr("guardian: %1").replace("%1", escape(consent.guardian_name)))
            lines.append(self.tr("Consent — %1").replace("%1", ", ".join(parts)))
        profile = [
            self.tr("%1: %2")
            .replace("%1", escape(q.text.get(language)))
            .replace("%2", escape(_profile_value(grid, q.id, session.profile.get(q.id), language)))
            for q in grid.profile
            if session.profile.get(q.id) not in (None, "", [])
        ]
        if profile:
            lines.append("<br>".join(profile))
        if session.abandon_reason:
            lines.append(self.tr("Abandoned: %1").replace("%1", escape(session.abandon_reason)))
        self.summary.setText("<br>".join(lines))
        self._loading = True
        self.memo.setPlainText(session.memo or "")
        self._loading = False

    def set_editable(self, on: bool) -> None:
        self.memo.setReadOnly(not on)

    def show_history(self, events: list[EditEvent], grid: Grid, language: str) -> None:
        self.history.clear()
        for event in reversed(events):
            when = event.at.astimezone().strftime("%d/%m/%Y %H:%M")
            who = event.actor or self.tr("unknown")
            payload = event.payload
            if event.kind == "edit_after_completion":
                question_id = payload.get("question_id", "")
                subject = grid.question(question_id).text.get(language) if grid.has_question(question_id) else ""
                old = _answer_text(payload.get("old"))
                new = _answer_text(payload.get("new"))
                what = self.tr("Answer “%1”: %2 → %3").replace("%1", subject).replace("%2", old).replace("%3", new)
            elif event.kind == "edit_note_after_completion":
                old = (payload.get("old") or {}).get("text", "")
                new = (payload.get("new") or {}).get("text", "")
                what = self.tr("Note: %1 → %2").replace("%1", old).replace("%2", new)
            else:
                what = self.tr("Memo edited")
            self.history.addItem(f"{when} · {who} — {what}")
        if not events:
            self.history.addItem(self.tr("No edit since the interview ended."))


def _answer_text(snapshot: Any) -> str:
    if not isinstance(snapshot, dict):
        return "—"
    value = snapshot.get("value")
    if value is None:
        text = "—"
    elif isinstance(value, list):
        text = ", ".join(map(str, value))
    else:
        text = str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def _profile_value(grid: Grid, question_id: str, value: Any, language: str) -> str:
    question = grid.question(question_id)
    if isinstance(value, list):
        return ", ".join(question.option_label(v, language) for v in value)
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, str):
        return question.option_label(value, language)
    return str(value)
