"""Composition root of the GUI (`capnum-desktop`): QApplication, translators, lock, database, main window.

Exit codes: 0 normal end or self-test passed; 2 refused start (second instance, database too new or unreadable,
data folder unusable), with one clear message and nothing changed; 1 unexpected error (see the log file).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from capnum_desktop import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.storage.datastore import DataStore
    from capnum_desktop.ui.jobs import JobRunner
    from capnum_desktop.ui.main_window import MainWindow
    from capnum_desktop.ui.store_loader import StoreLoader

# Qt, SQLAlchemy and the services are imported inside main(), after the clock starts: the self-test's time then
# covers everything but the interpreter's own start, and `--help` / `--version` stay instant.
LANGUAGES = ("fr", "en")

EXIT_OK, EXIT_UNEXPECTED, EXIT_REFUSED = 0, 1, 2
log = logging.getLogger("capnum_desktop")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="capnum-desktop", description="CapNum Desktop: field interviews, offline.")
    parser.add_argument("--version", action="version", version=f"capnum-desktop {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="data folder (default: $CAPNUM_DATA_DIR, else the user one)")
    parser.add_argument("--portable", action="store_true", help="data folder CapNumData/ beside the program (USB key)")
    parser.add_argument("--self-test", action="store_true", help="start the full UI, show the window, exit 0")
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language (default: the saved setting)")
    return parser.parse_args(argv)


def make_application() -> QApplication:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.bundled import resource_path

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("CapNum")
    app.setOrganizationName("CapNum")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "capnum.svg"))))
    return app


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from capnum_desktop.storage.errors import StorageError
    from capnum_desktop.storage.paths import resolve_data_dir
    from capnum_desktop.ui import startup
    from capnum_desktop.ui.errors import set_headless, show_error, unexpected_error_text
    from capnum_desktop.ui.i18n import apply_language, system_language

    app = make_application()
    set_headless(args.self_test)
    # Before the database is open only --lang or the system can choose; the saved setting applies just after.
    apply_language(args.lang or system_language())
    try:
        data_dir = resolve_data_dir(args.data_dir, portable=args.portable)
    except StorageError as exc:  # --portable from a source checkout: there is no program folder to use
        show_error(None, str(exc))
        return EXIT_REFUSED
    try:
        startup.setup_logging(data_dir)
    except OSError as exc:
        show_error(None, f"{data_dir}: {exc.strerror or exc}")
        return EXIT_REFUSED
    startup.install_excepthook()
    lock = startup.acquire_lock(data_dir)
    if lock is None:
        return EXIT_REFUSED
    try:
        return _run(app, args, data_dir, started)
    except Exception as exc:
        log.exception("Unexpected error at start-up")
        show_error(None, unexpected_error_text(f"{type(exc).__name__}: {exc}"))
        return EXIT_UNEXPECTED
    finally:
        lock.release()


def _run(app: QApplication, args: argparse.Namespace, data_dir: Path, started: float) -> int:
    from capnum_desktop.storage.startup_snapshot import read_startup_snapshot
    from capnum_desktop.ui import startup
    from capnum_desktop.ui.jobs import JobRunner
    from capnum_desktop.ui.main_window import MainWindow
    from capnum_desktop.ui.store_loader import StoreLoader

    jobs = JobRunner(app)
    loader: StoreLoader | None = None
    store: DataStore | None = None
    # A current database with a study: show the window from a plain sqlite3 read, open the store just after.
    # Otherwise (first run, a migration, an unreadable file) the normal path does the work or says what is wrong.
    snapshot = read_startup_snapshot(data_dir)
    try:
        if snapshot is not None:
            _apply_saved_settings(args, snapshot.settings)
            loader = StoreLoader(data_dir, jobs, app)
            loader.failed.connect(lambda: app.exit(EXIT_REFUSED))
            window = MainWindow(None, jobs, loader=loader, snapshot=snapshot)
        else:
            store = startup.open_store(data_dir)
            if store is None:
                return EXIT_REFUSED
            _apply_saved_settings(args, startup.startup_settings(store))
            startup.ensure_study(store)
            window = MainWindow(store, jobs)
        window.show()
        app.processEvents()  # the first frame is painted before the background imports compete for the GIL
        if loader is not None:
            loader.start()
        if args.self_test:
            return _self_test(app, window, loader, started)
        from PySide6.QtCore import QTimer

        # Once the dashboard is up: compress recordings left uncompressed (recovered after a crash, or cancelled).
        QTimer.singleShot(2000, lambda: _process_pending_audio(window.store, jobs))
        return app.exec()
    finally:
        jobs.wait_all()
        opened = store or (loader.store if loader is not None else None)
        if opened is not None:
            opened.close()


def _apply_saved_settings(args: argparse.Namespace, settings: dict[str, object]) -> None:
    from capnum_desktop.ui import startup
    from capnum_desktop.ui.i18n import apply_language, current_language

    if not args.lang:
        saved = startup.saved_language(settings)
        if saved and saved != current_language():
            apply_language(saved)
    startup.apply_font_size(settings)


def _self_test(app: QApplication, window: MainWindow, loader: StoreLoader | None, started: float) -> int:
    """Report the time to a usable (painted) dashboard, then wait for the store and check it opened."""
    elapsed = time.perf_counter() - started
    if not (window.isVisible() and window.dashboard.table_is_filled()):
        print("self-test failed: the main window did not show the dashboard", file=sys.stderr)
        return EXIT_UNEXPECTED
    print(f"self-test ok: window shown in {elapsed:.3f} s", flush=True)
    if loader is not None:
        deadline = time.monotonic() + 60
        while not window.store_ready and not loader.has_failed and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.005)
        if not window.store_ready:
            return EXIT_REFUSED
        print(f"self-test store ready in {time.perf_counter() - started:.3f} s", flush=True)
    window.close()
    app.processEvents()
    return EXIT_OK


def _process_pending_audio(store: DataStore, jobs: JobRunner) -> None:
    from capnum_desktop.ui.audio.startup_recovery import process_pending_in_background

    process_pending_in_background(store, jobs)


if __name__ == "__main__":
    sys.exit(main())
