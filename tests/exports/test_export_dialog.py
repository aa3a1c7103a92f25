"""The export and report dialogs run real jobs through the one job helper."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.exports.export_dialog import ExportDialog
from capnum_desktop.ui.exports.report_dialog import ReportDialog
from capnum_desktop.ui.jobs import JobRunner
from tests.exports.conftest import completed_interview


@pytest.fixture
def jobs(qtbot: QtBot) -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.wait_all()
    qtbot.wait(50)  # let the last queued signals arrive before the runner goes away
    runner.deleteLater()


def test_export_dialog_runs_a_real_export(seeded: DataStore, tmp_path: Path, qtbot: QtBot, jobs: JobRunner) -> None:
    dialog = ExportDialog(seeded, jobs)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findText("REFI-QDA", flags=_contains()))
    target = tmp_path / "projet.qdpx"
    dialog.path.setText(str(target))
    assert dialog.pseudonymize.isChecked()  # the safe choice is the default
    seen: list[int] = []
    dialog.progress_bar.valueChanged.connect(seen.append)
    dialog.start_export()
    assert not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.export_result is not None, timeout=60_000)
    assert zipfile.is_zipfile(target)
    assert dialog.progress_bar.value() == 100 and seen == sorted(seen) and len(seen) > 2
    assert dialog.export_button.isEnabled() and not dialog.open_button.isHidden()
    assert "12 interviews exported" in dialog.message.text()


def test_export_dialog_reports_errors_and_writes_nothing(
    seeded: DataStore, tmp_path: Path, qtbot: QtBot, jobs: JobRunner
) -> None:
    dialog = ExportDialog(seeded, jobs)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(0)  # xlsx
    dialog.use_from.setChecked(True)
    dialog.date_from.setDate(dialog.date_from.date().addYears(10))
    target = tmp_path / "none.xlsx"
    dialog.path.setText(str(target))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=60_000)
    assert dialog.export_result is None and not target.exists()
    assert "nothing was written" in dialog.message.text()


def test_export_dialog_cancel(seeded: DataStore, tmp_path: Path, qtbot: QtBot, jobs: JobRunner) -> None:
    dialog = ExportDialog(seeded, jobs)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(0)
    target = tmp_path / "cancelled.xlsx"
    dialog.path.setText(str(target))
    dialog.start_export()
    dialog.job.cancel()  # type: ignore[union-attr]  # cancelled before its first progress step
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=60_000)
    assert not target.exists() and "cancelled" in dialog.message.text()


def test_report_dialog_builds_a_summary(seeded: DataStore, tmp_path: Path, qtbot: QtBot, jobs: JobRunner) -> None:
    interview_id = completed_interview(seeded)
    dialog = ReportDialog(seeded, jobs, kind="summary", interview_id=interview_id, open_when_done=False)
    qtbot.addWidget(dialog)
    target = tmp_path / "synthese.pdf"
    dialog.path.setText(str(target))
    dialog.generate()
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=60_000)
    assert target.read_bytes().startswith(b"%PDF") and dialog.print_button.isEnabled()
    no_selection = ReportDialog(seeded, jobs, kind="summary", interview_id=None, open_when_done=False)
    qtbot.addWidget(no_selection)
    assert not no_selection.kind.model().item(0).isEnabled()  # type: ignore[attr-defined]


def _contains() -> object:
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchContains


def test_menu_installs_in_the_main_window(seeded: DataStore, qtbot: QtBot) -> None:
    from capnum_desktop.ui.main_window import MainWindow

    window = MainWindow(seeded)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Reports") == titles.index("&Help") - 1
    assert window.export_action in window.data_menu.actions()  # type: ignore[attr-defined]
    labels = [a.text() for a in window.reports_menu.actions()]  # type: ignore[attr-defined]
    assert "Study &overview…" in labels and "Blank &grid for paper…" in labels
