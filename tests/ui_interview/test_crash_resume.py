"""Kill the app mid-interview (SIGKILL, no chance to save on exit): what was typed a second before is there,
and the interview resumes on the same theme and question."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from capnum_desktop.services.queries import interviews_in_progress
from capnum_desktop.storage.datastore import DataStore

CHILD = Path(__file__).with_name("crash_child.py")
TEXT = "Au début je n’avais qu’un vieux Nokia ; « c’était la galère » pour les démarches."


@pytest.mark.slow
def test_killed_mid_interview_nothing_typed_a_second_before_is_lost(demo_store: DataStore, start_interview, open_page):
    interview_id = start_interview()
    question_id = "equipement_partage"  # second theme, fourth question: not where a new interview opens
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path.cwd())}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(demo_store.data_dir), interview_id, question_id, TEXT],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "TYPED", child.stderr.read() if child.stderr else ""
        time.sleep(1.5)
        assert child.poll() is None, "the child must still be running when it is killed"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    assert [row.id for row in interviews_in_progress(demo_store)] == [interview_id]  # offered for resumption
    page = open_page(interview_id)
    assert page.current_id == question_id
    assert page.navigator.currentItem() is page.navigator._questions[question_id]
    assert page.views[question_id].editor.text.toPlainText() == TEXT
