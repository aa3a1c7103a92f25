"""Child of the kill soak: the real application offscreen, resumed from the dashboard, scripted like an interviewer.

Usage: python soak_child.py DATA_DIR INTERVIEW_ID SEED [--settle]

It starts as a user's launch does (`capnum_desktop.app.main`: folder lock, database, start-up recovery of cut
recordings, main window, post-processing of leftover recordings two seconds later), takes the dashboard's offer to
resume the unfinished interview, then records from the default microphone (the soak's virtual PulseAudio source)
with the recorder panel's own button while typing answers and notes, until it is killed. With `--settle` it only
starts, resumes, and waits for the post-processing of every recording to finish (the soak's last restart).

One line per fact on stdout, flushed; `<t>` is time.monotonic() (one clock for the whole machine):
    OFFERED <t> <n>                  the dashboard's banner offers n unfinished interviews for resumption
    NOT_OFFERED <t>                  it did not within 5 s (the page is then opened directly; the driver fails it)
    RESUMED <t> <interview id> <question id>   the interview page is open, in interview mode, at that question
    READY <t> <unix time>            scripting starts: every recording this child makes starts after this
    REC_CLICK <t> <recording id>     the record button was clicked and the recording row exists
    REC_START <t> <recording id> <ms>  the first PCM reached the writer at t, ms of audio (capture began at t - ms)
    CLOCK <t> <recording id> <ms>    every 250 ms while recording: the recorder's clock (audio received so far)
    REC_STOP <t> <recording id>      the stop button was clicked: file closed, row finished
    REC_BLOCKED <t> <json reason>    the record button was disabled (the driver fails the round)
    ANSWER <t> <question id> <json full text>
    NOTE <t> <recording id|-> <offset ms|-> <json text>   offset: the recorder's clock at the note's first key
    GOTO <t> <question id>           logged just before the page moves (and saves the position)
    ERROR <t> <json message>         the script itself failed, or the page did not move (the driver fails the round)
    SETTLED <t>                      (--settle) nothing left to post-process, no job running
"""

from __future__ import annotations

import faulthandler
import json
import os
import random
import signal
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from capnum_desktop import app as capnum_app
from capnum_desktop.domain.grid import QuestionType
from capnum_desktop.services.recording_processing import pending_recordings
from capnum_desktop.ui.main_window import MainWindow

WORDS = ["médiathèque", "wifi", "forfait", "démarches", "CAF", "« tutos »", "sœur", "Pronote", "l’école", "voisine"]
OFFER_WAIT_S = 5.0
SETTLE_WAIT_S = 120.0
CLOCK_EVERY_S = 0.25


def say(kind: str, *fields: object) -> None:
    print(kind, time.monotonic(), *fields, flush=True)


def type_text(target: QWidget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def guarded(fn: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        try:
            fn()
        except Exception:
            say("ERROR", json.dumps(traceback.format_exc()[-1500:]))

    return run


class Interviewer(QObject):
    """Waits for the window, resumes the interview from the dashboard, then records, types and takes notes."""

    def __init__(self, interview_id: str, rng: random.Random, settle: bool) -> None:
        super().__init__()
        self.interview_id, self.rng, self.settle = interview_id, rng, settle
        self.window: MainWindow | None = None
        self.page: Any = None
        self.panel: Any = None
        self.started = time.monotonic()
        self.asked_at = 0.0
        self.first_bytes_seen: set[str] = set()
        self.clock_at = 0.0
        self.poll = QTimer(self)
        self.poll.setInterval(20)
        self.poll.timeout.connect(guarded(self._tick))
        self.poll.start()
        self.phase = "window"

    # --- start-up: window, offer, page ------------------------------------------------------------------------
    def _tick(self) -> None:
        if self.phase == "window":
            self._find_window()
        elif self.phase == "offer":
            self._take_offer()
        elif self.phase == "page":
            self._find_page()
        elif self.phase == "recording":
            self._watch_first_bytes()
        elif self.phase == "settle":
            self._check_settled()

    def _find_window(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible() and self._store_ready(widget):
                self.window, self.phase, self.asked_at = widget, "offer", time.monotonic()
                return

    @staticmethod
    def _store_ready(window: MainWindow) -> bool:
        """The window may first show from a snapshot and get its store (opened, recordings recovered) just after.

        Wait for that rather than read `window.store`, which would open the store at once: the soak's checks of
        the previous kill run as soon as this child says READY, so recovery must be over by then.
        """
        ready = getattr(window, "store_ready", None)
        return bool(ready) if ready is not None else getattr(window, "store", None) is not None

    def _take_offer(self) -> None:
        assert self.window is not None
        banner = getattr(self.window.dashboard, "banner", None)
        if banner is not None and banner.isVisible():
            say("OFFERED", sum(1 for r in self.window.dashboard.model.rows if r.status == "in_progress"))
            banner.resume.click()  # the button a user presses; with one unfinished interview it opens it
            self.phase = "page"
        elif time.monotonic() - self.asked_at > OFFER_WAIT_S:
            say("NOT_OFFERED")
            self.window.open_interview(self.interview_id, review=False)
            self.phase = "page"

    def _find_page(self) -> None:
        assert self.window is not None
        page = self.window.interview_page
        if page is None:
            if time.monotonic() - self.asked_at > 2 * OFFER_WAIT_S:
                self.window.open_interview(self.interview_id, review=False)
            return
        self.page = page
        self.panel = getattr(page, "recorder_panel", None)
        say("RESUMED", getattr(page, "interview_id", "?"), getattr(page, "current_id", None) or "-")
        if self.settle:
            self.phase = "settle"
            return
        say("READY", time.time())
        self.phase = "recording"
        self._plan()

    # --- the script -------------------------------------------------------------------------------------------
    def _plan(self) -> None:
        page = self.page
        self.open_questions = [
            q.id
            for s in page.grid.sections
            for q in s.questions
            if q.type in (QuestionType.LONG_TEXT, QuestionType.TEXT) and not q.show_if
        ]
        roll = self.rng.random()
        if roll >= 0.15:  # most rounds record, from the start of the round
            self._record()
            if roll >= 0.7:  # some stop and start a second recording
                stop_after = self.rng.randint(400, 2500)
                QTimer.singleShot(stop_after, guarded(self._stop))
                QTimer.singleShot(stop_after + self.rng.randint(100, 600), guarded(self._record))
        QTimer.singleShot(0, guarded(self._step))

    def _record(self) -> None:
        panel = self.panel
        if panel is None or not panel.record_button.isEnabled():
            reason = panel.record_button.toolTip() if panel is not None else "no recorder panel on the page"
            say("REC_BLOCKED", json.dumps(reason))
            return
        panel.record_button.click()
        active = panel.active
        if active is None:
            say("REC_BLOCKED", json.dumps(panel.last_message))
            return
        say("REC_CLICK", active.recording_id)
        self._hook_first_write(active)

    def _hook_first_write(self, active: Any) -> None:
        """Log the moment the first PCM reaches the writer (wrapping this one object's write, nothing else)."""
        original = active.write

        def write(pcm: bytes) -> None:
            original(pcm)
            if pcm and active.recording_id not in self.first_bytes_seen:
                self.first_bytes_seen.add(active.recording_id)
                frames = len(pcm) // active.writer.frame_bytes
                say("REC_START", active.recording_id, frames * 1000 // active.writer.sample_rate)

        setattr(active, "write", write)  # noqa: B010 - an instance attribute shadows the method, for this object only

    def _watch_first_bytes(self) -> None:
        """Fallback should the capture ever feed the writer another way: the recorder's clock leaves zero."""
        offset = self.panel.offset_ms() if self.panel is not None else None
        if offset is None:
            return
        if offset[1] > 0 and offset[0] not in self.first_bytes_seen:
            self.first_bytes_seen.add(offset[0])
            say("REC_START", offset[0], offset[1])
        if time.monotonic() - self.clock_at >= CLOCK_EVERY_S:
            self.clock_at = time.monotonic()
            say("CLOCK", offset[0], offset[1])

    def _stop(self) -> None:
        active = self.panel.active if self.panel is not None else None
        if active is None:
            return
        self.panel.record_button.click()
        say("REC_STOP", active.recording_id)

    def _step(self) -> None:
        page, rng = self.page, self.rng
        if rng.random() < 0.3:
            offset = page.current_offset()  # what the note stores: the recorder's clock at its first key
            page.new_note()
            text = f"note {rng.randint(0, 10**6)} {rng.choice(WORDS)}"
            type_text(page.notes.field, text)
            type_text(page.notes.field, "\r")  # Enter closes the draft: the note is complete
            recording, ms = (offset[0], str(offset[1])) if offset else ("-", "-")
            say("NOTE", recording, ms, json.dumps(text))
        else:
            question = rng.choice(self.open_questions)
            say("GOTO", question)  # before: go_to commits the position, and a kill may fall between the two
            page.go_to(question)
            if page.current_id != question:
                say("ERROR", json.dumps(f"go_to({question}) left the page at {page.current_id}"))
            target = page.views[question].editor.focus_target()
            type_text(target, f" {rng.choice(WORDS)} {rng.randint(0, 999)}")
            say("ANSWER", question, json.dumps(page.views[question].editor.value()))
        QTimer.singleShot(rng.randint(20, 400), guarded(self._step))

    # --- --settle ---------------------------------------------------------------------------------------------
    def _check_settled(self) -> None:
        assert self.window is not None
        waited = time.monotonic() - self.started
        busy = bool(pending_recordings(self.window.store)) or bool(self.window.jobs.active)
        if waited > 3.0 and not busy:  # the app starts post-processing 2 s after the window
            say("SETTLED")
            self.phase = "done"
        elif waited > SETTLE_WAIT_S:
            say("ERROR", json.dumps("recordings still waiting for post-processing after 120 s"))
            self.phase = "done"


def main() -> None:
    data_dir, interview_id, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    settle = "--settle" in sys.argv[4:]
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # the driver asks for stacks when start-up hangs
    app = QApplication([sys.argv[0]])
    interviewer = Interviewer(interview_id, random.Random(seed), settle)
    code = capnum_app.main(["--data-dir", str(data_dir)])
    interviewer.poll.stop()
    app.processEvents()
    sys.exit(code)


if __name__ == "__main__":
    main()
