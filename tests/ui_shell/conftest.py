"""Fixtures for the application shell: seeded data folders, a real main window, the real entry point."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from capnum_desktop.services.demo_seed import SeedOptions
from capnum_desktop.storage.datastore import DataStore
from tests.helpers import copied_store, seeded_folder

SEEDED_INTERVIEWS = 30
PYCACHE = str(Path(tempfile.gettempdir()) / "capnum-ui-shell-pycache")  # outside the checkout


@pytest.fixture(autouse=True)
def english_ui(qapp: object) -> Iterator[None]:
    """Each test starts and ends with the English source strings (translators are process-wide)."""
    from capnum_desktop.ui.i18n import apply_language

    apply_language("en")
    yield
    apply_language("en")


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeded once per run (seeding takes seconds); each test gets its own copy of the folder."""
    return seeded_folder(tmp_path_factory.mktemp("seeded"), SeedOptions(interviews=SEEDED_INTERVIEWS, seed=7))


@pytest.fixture
def seeded_store(seeded_template: Path, tmp_path: Path) -> Iterator[DataStore]:
    with copied_store(seeded_template, tmp_path / "seeded") as store:
        yield store


@pytest.fixture
def make_window(qtbot: object) -> Iterator[object]:
    from capnum_desktop.ui.main_window import MainWindow

    made: list[MainWindow] = []

    def make(store: DataStore) -> MainWindow:
        window = MainWindow(store)
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        made.append(window)
        return window

    yield make
    for window in made:
        window.jobs.wait_all()


def desktop_command() -> list[str]:
    """The installed `capnum-desktop` script when present (what users run), else the module."""
    script = Path(sys.executable).parent / "capnum-desktop"
    if script.exists() or shutil.which("capnum-desktop"):
        return [str(script) if script.exists() else "capnum-desktop"]
    return [sys.executable, "-m", "capnum_desktop.app"]


def run_desktop(data_dir: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": PYCACHE}
    env.pop("CAPNUM_DATA_DIR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # else every child recompiles SQLAlchemy & co. from source
    return subprocess.run(
        [*desktop_command(), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
