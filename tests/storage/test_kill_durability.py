"""A process killed with SIGKILL while saving answers never corrupts the database nor loses a committed answer."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from capnum_desktop.services.queries import show_session
from capnum_desktop.storage.datastore import open_data_store

WRITER = """
import sys
from pathlib import Path
from capnum_desktop.domain.grid import QuestionType
from capnum_desktop.domain.status import NoteFlag
from capnum_desktop.services.answers import AnswerInput, add_note, save_answer
from capnum_desktop.services.grid_versions import grid_of
from capnum_desktop.services.interviews import ConsentInput, start_interview
from capnum_desktop.services.participants import create_participant, ensure_interviewer
from capnum_desktop.services.studies import list_studies, load_embedded_study
from capnum_desktop.storage.datastore import open_data_store
from capnum_desktop.storage.models import Interview

store = open_data_store(Path(sys.argv[1]))
study_id = load_embedded_study(store)
site = list_studies(store)[0].sites[0]
participant = create_participant(store, site_id=site.id, profile={"age_range": "25-39"})
interviewer = ensure_interviewer(store, "Test", study_id)
interview = start_interview(store, participant_id=participant, interviewer_id=interviewer,
                            consent=ConsentInput(True, True, True, False))
with store.session() as s:
    grid = grid_of(s, s.get(Interview, interview).grid_version_id)
questions = [q.id for q in grid.all_questions() if q.type is QuestionType.LONG_TEXT][:7]
print("interview", interview, ",".join(questions), flush=True)
i = 0
while True:
    q = questions[i % len(questions)]
    save_answer(store, interview, q, AnswerInput(value=f"réponse numéro {i} — « élève »"))
    if i % 5 == 0:
        add_note(store, interview, f"note {i}", question_id=q, flags=[NoteFlag.QUOTE])
    print(i, flush=True)
    i += 1
"""


@pytest.mark.slow
def test_sigkill_while_saving_answers_loses_nothing_committed(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = tmp_path / "d"
    for round_ in range(4):
        round_data = data / str(round_)
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(round_data)], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        header = child.stdout.readline().split()
        assert header[0] == "interview", header
        interview_id, questions = header[1], header[2].split(",")
        deadline = time.monotonic() + rng.uniform(0.8, 2.0)
        last = -1
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            last = int(line)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert last > 10, f"round {round_}: the writer made too little progress to test anything"

        db = round_data / "capnum.sqlite3"
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        store = open_data_store(round_data)
        try:
            shown = show_session(store, interview_id)
        finally:
            store.close()
        stored = {a["question_id"]: int(a["value"].split()[2]) for a in shown["answers"]}
        for index, question in enumerate(questions):
            written = [i for i in range(index, last + 1, len(questions))]
            if written:
                # The newest value printed as committed (or a later one committed just before the kill).
                assert stored[question] >= written[-1], (round_, question, stored[question], written[-1])
        notes = {int(n["text"].split()[1]) for n in shown["notes"]}
        assert set(range(0, last + 1, 5)) <= notes
