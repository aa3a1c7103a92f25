"""Screenshot of the bundle import dialog refusing a hostile and a truncated bundle, in French.

    QT_QPA_PLATFORM=offscreen uv run python docs/screenshots/make_bundle_shots.py

Writes docs/screenshots/bundle-import-refused-fr.png from throw-away data folders: a laptop's real bundle, the
same bundle with a member escaping the folder ("../../escape.txt"), and its first half (a cut copy).
"""

from __future__ import annotations

import sys
import tempfile
import time
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from capnum_desktop.services.bundle_export import export_bundle
from capnum_desktop.services.demo_seed import SeedOptions, seed_demo
from capnum_desktop.services.studies import load_embedded_study
from capnum_desktop.storage.datastore import open_data_store
from capnum_desktop.ui.bundles.import_dialog import ImportDialog
from capnum_desktop.ui.i18n import apply_language
from capnum_desktop.ui.jobs import JobRunner

OUT = Path(__file__).resolve().parent / "bundle-import-refused-fr.png"


def main() -> None:
    app = QApplication(sys.argv[:1])
    apply_language("fr")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        laptop = open_data_store(folder / "laptop")
        load_embedded_study(laptop)
        seed_demo(laptop, SeedOptions(interviews=3, seed=5))
        good = export_bundle(laptop, folder / "entretiens-bag.capnum", encrypt=False).path
        laptop.close()
        evil = folder / "evil.capnum"
        with zipfile.ZipFile(good) as source, zipfile.ZipFile(evil, "w") as target:
            for info in source.infolist():
                target.writestr(info, source.read(info))
            target.writestr("../../escape.txt", b"pwned")
        (folder / "coupe.capnum").write_bytes(good.read_bytes()[: good.stat().st_size // 2])
        coordinator = open_data_store(folder / "coordinator")
        load_embedded_study(coordinator)
        dialog = ImportDialog(coordinator, JobRunner(), [good, evil, folder / "coupe.capnum"])
        dialog.resize(1100, 420)
        dialog.show()
        deadline = time.monotonic() + 60
        while len(dialog.verified) < 3 and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        for _ in range(10):
            app.processEvents()
        dialog.grab().save(str(OUT))
        dialog.close()
        coordinator.close()
    print(OUT)


if __name__ == "__main__":
    main()
