"""At start-up: recover recordings the app was writing when it died, tell the user, process leftovers.

`recover_at_startup(store)` is called by ui/startup.py right after the database opens (the folder lock is held,
so nothing is recording). `process_pending_in_background(store, jobs)` can be called once the main window and
its JobRunner exist, to transcode recordings that were recovered or whose post-processing was cancelled.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from capnum_desktop.services.recording_processing import pending_recordings, process_pending
from capnum_desktop.services.recording_recovery import RecoveredRecording, recover_unfinished_recordings
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.errors import is_headless
from capnum_desktop.ui.jobs import JobHandle, JobRunner

log = logging.getLogger(__name__)


def recover_at_startup(store: DataStore) -> list[RecoveredRecording]:
    try:
        recovered = recover_unfinished_recordings(store)
    except Exception:  # never block start-up: the rows stay in state `recording` for the next try
        log.exception("recording recovery failed")
        return []
    for item in recovered:
        log.warning("recording %s of interview %s: %s", item.recording_id, item.interview_id, item.message)
    kept = [r for r in recovered if not r.lost]
    if kept:
        # No %n plural here: pyside6-lupdate does not extract plural translate() calls, so they lost their French.
        text = QCoreApplication.translate(
            "AudioRecovery",
            "CapNum was closed while recording. Recordings recovered and attached to their interview: %1. "
            "At most the last second of each was lost.",
        ).replace("%1", str(len(kept)))
        if is_headless():
            print(text, flush=True)
        else:
            QMessageBox.information(None, QCoreApplication.translate("AudioRecovery", "Recordings recovered"), text)
    return recovered


def process_pending_in_background(store: DataStore, jobs: JobRunner) -> JobHandle | None:
    if not pending_recordings(store):
        return None
    return jobs.start(
        lambda ctx: process_pending(store, ctx.progress),
        on_error=lambda message, _expected: log.error("post-processing of recordings failed: %s", message),
    )
