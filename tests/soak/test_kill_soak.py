"""A few rounds of the kill soak in CI, recording included (the 200-round run is in docs/reliability.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.soak.kill_soak import run
from tests.soak.virtual_mic import MicUnavailable


@pytest.mark.slow
def test_sigkill_at_random_moments_of_a_recorded_interview_loses_nothing_older_than_a_second(tmp_path: Path) -> None:
    try:
        report = run(rounds=5, seed=11, data_dir=tmp_path / "data")
    except MicUnavailable as exc:  # only this: every other failure to start is a failure of the test
        pytest.skip(str(exc))
    assert report.failures == []
    assert report.rounds == 5
    assert report.offered == 5, "every restart must offer the interview for resumption"
    assert report.texts.answers_checked + report.texts.notes_checked > 0, "nothing old enough to check: proved nothing"
    audio = report.audio
    assert audio.rounds_recording_at_kill > 0, "no round was killed while recording: the audio path was not soaked"
    assert audio.audio_recovered_s > 0
    assert audio.transcoded_checked > 0, "no recording went through post-processing after its recovery"
