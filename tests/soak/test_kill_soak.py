"""A few rounds of the kill soak in CI (the 200-round run is documented in docs/reliability.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.soak.kill_soak import run


@pytest.mark.slow
def test_sigkill_at_random_moments_of_an_interview_loses_nothing_older_than_a_second(tmp_path: Path) -> None:
    report = run(rounds=5, seed=11, data_dir=tmp_path / "data")
    assert report.rounds == 5
    assert report.answers_checked + report.notes_checked > 0, "nothing was old enough to check: the soak proved nothing"
    assert report.failures == []
