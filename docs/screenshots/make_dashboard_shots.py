"""Screenshots of the main window (dashboard, with the Data and Reports menus), in French and English, 1366x768.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb uv run python docs/screenshots/make_dashboard_shots.py fr en

Writes docs/screenshots/dashboard-{fr,en}.png from a throw-away data folder seeded with 30 interviews, a few of
them with a short real recording (the Audio column).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from capnum_desktop.services.demo_seed import SeedOptions, seed_demo
from capnum_desktop.storage.datastore import open_data_store
from capnum_desktop.ui.i18n import apply_language
from capnum_desktop.ui.jobs import JobRunner
from capnum_desktop.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent


def main(languages: list[str]) -> None:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        store = open_data_store(Path(tmp) / "data")
        seed_demo(store, SeedOptions(interviews=26, seed=7))
        seed_demo(store, SeedOptions(interviews=4, seed=8, audio_seconds=3))
        for language in languages:
            apply_language(language)
            window = MainWindow(store, JobRunner())
            window.resize(1366, 768)
            window.show()
            for _ in range(10):
                app.processEvents()
            target = OUT / f"dashboard-{language}.png"
            window.grab().save(str(target), "PNG")
            print(target)
            window.close()
            app.processEvents()
        store.close()


if __name__ == "__main__":
    main(sys.argv[1:] or ["fr", "en"])
