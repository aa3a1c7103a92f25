"""The PyInstaller bundle runs on its own: copied away, no PYTHONPATH, the source tree hidden, a fresh HOME.

Slow (the build takes minutes): runs only with CAPNUM_BUILD_BUNDLE=1. It uses the bundle that
`bash packaging/build_linux.sh` left in build/dist/CapNum (or $CAPNUM_BUNDLE_DIR) and builds it if missing.
Evidence that nothing comes from the source tree, strongest first:
1. where the kernel allows it (root, mount namespaces), the source tree is covered by an empty tmpfs while the
   frozen programs run, so any read from it fails;
2. the bundle's hidden audit hook (packaging/rthooks) lists every file Python opened and every module's origin.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV_SITE = Path(next(p for p in sys.path if p.endswith("site-packages"))).resolve()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("CAPNUM_BUILD_BUNDLE") != "1", reason="set CAPNUM_BUILD_BUNDLE=1 (minutes)"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is tested on Linux"),
]


def _built_bundle() -> Path:
    bundle = Path(os.environ.get("CAPNUM_BUNDLE_DIR", ROOT / "build" / "dist" / "CapNum"))
    if not (bundle / "capnum").is_file():
        subprocess.run(
            ["bash", str(ROOT / "packaging" / "build_linux.sh")],
            cwd=ROOT,
            env={**os.environ, "CAPNUM_NO_TARBALL": "1"},
            check=True,
            timeout=1800,
        )
    return bundle


def _can_hide_source() -> bool:
    probe = ["unshare", "-m", "--propagation", "private", "sh", "-c", f"mount -t tmpfs none '{ROOT}'"]
    try:
        return shutil.which("unshare") is not None and subprocess.run(probe, capture_output=True).returncode == 0
    except OSError:
        return False


class Frozen:
    """Runs the copied bundle's programs in a bare environment and keeps each run's audit report."""

    def __init__(self, folder: Path, scratch: Path) -> None:
        self.folder = folder
        self.scratch = scratch
        self.hide_source = _can_hide_source()
        self.audits: list[dict[str, Any]] = []
        home = scratch / "home"
        home.mkdir()
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
        }

    def run(self, program: str, *args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
        audit = self.scratch / f"audit-{len(self.audits)}.json"
        env = {**self.env, "CAPNUM_BUNDLE_AUDIT": str(audit), **extra_env}
        command = [str(self.folder / program), *args]
        if self.hide_source:  # an empty tmpfs over the source tree, in a private mount namespace
            hider = 'mount -t tmpfs none "$0" && exec "$@"'
            command = ["unshare", "-m", "--propagation", "private", "sh", "-c", hider, str(ROOT), *command]
        done = subprocess.run(command, cwd=self.scratch, env=env, capture_output=True, text=True, timeout=300)
        if audit.exists():
            self.audits.append(json.loads(audit.read_text(encoding="utf-8")))
        return done


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Frozen]:
    scratch = tmp_path_factory.mktemp("frozen")
    copy = scratch / "KEY" / "CapNum"  # a copy, as if unpacked on a USB key: no path back to the build
    shutil.copytree(_built_bundle(), copy, symlinks=True)
    yield Frozen(copy, scratch)


def test_cli_version_is_the_project_version(frozen: Frozen) -> None:
    done = frozen.run("capnum", "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"capnum {version('capnum-desktop')}"


def test_cli_creates_migrates_and_checks_a_data_folder(frozen: Frozen) -> None:
    data = frozen.scratch / "cli-data"
    init = frozen.run("capnum", "--data-dir", str(data), "init", "--demo")
    assert init.returncode == 0, init.stderr
    assert (data / "capnum.sqlite3").is_file()
    check = frozen.run("capnum", "--data-dir", str(data), "db", "check")
    assert check.returncode == 0, check.stdout + check.stderr
    studies = frozen.run("capnum", "--data-dir", str(data), "study", "list", "--json")
    assert studies.returncode == 0, studies.stderr
    assert json.loads(studies.stdout), "the embedded study was not loaded"


def test_cli_drives_every_bundled_library(frozen: Frozen) -> None:
    """Audio transcode (pydub + ffmpeg), XLSX (openpyxl), PDF (reportlab + DejaVu), age bundle (pyrage)."""
    data, out = frozen.scratch / "lib-data", frozen.scratch / "lib-out"
    out.mkdir()
    steps = [
        ("init", "--demo"),
        ("demo", "seed", "--interviews", "1", "--audio-seconds", "2", "--seed", "1"),
        ("export", "xlsx", "-o", str(out / "study.xlsx")),
        ("report", "grid", "-o", str(out / "grid.pdf")),
        ("keys", "generate", "-o", str(out / "keys")),
        ("bundle", "export", "-o", str(out / "laptop.capnum"), "--recipient", str(out / "keys" / "recipient.txt")),
        ("bundle", "verify", str(out / "laptop.capnum"), "--identity", str(out / "keys" / "identity.txt")),
        ("db", "check"),
    ]
    for step in steps:
        done = frozen.run("capnum", "--data-dir", str(data), *step)
        assert done.returncode == 0, f"{step}: {done.stdout}{done.stderr}"
    assert list((data / "audio").rglob("*.opus")), "the demo recording was not transcoded by the bundled ffmpeg"
    assert (out / "grid.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "study.xlsx").read_bytes().startswith(b"PK")


def test_cli_bad_input_is_one_clear_message(frozen: Frozen) -> None:
    done = frozen.run("capnum", "--data-dir", str(frozen.scratch / "bad"), "grid", "validate", "missing.yaml")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "missing.yaml" in done.stderr


def test_gui_self_test_offscreen(frozen: Frozen) -> None:
    done = frozen.run("capnum-desktop", "--data-dir", str(frozen.scratch / "gui-data"), "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test ok" in done.stdout


def test_qt_runtime_pieces_are_inside(frozen: Frozen) -> None:
    report = frozen.scratch / "probe.json"
    done = frozen.run("capnum-desktop", CAPNUM_BUNDLE_PROBE=str(report))
    assert done.returncode == 0, done.stderr
    found = json.loads(report.read_text(encoding="utf-8"))
    internal = str(frozen.folder / "_internal")
    assert found["qtbase_fr_cancel"] == "Annuler"  # Qt's own French translation
    assert found["service_message_fr"].startswith("Le disque est plein"), found["service_message_fr"]  # ours
    assert found["plugins_path"].startswith(internal)
    # The FFmpeg multimedia backend plugin loaded: without it Qt knows no file format at all.
    assert {"Wave", "FLAC"} <= set(found["multimedia"]["encode"]), found["multimedia"]
    assert found["ffmpeg"].startswith(internal) and "ffmpeg version" in found["ffmpeg"]
    assert found["capnum"]["version"] == version("capnum-desktop")
    assert found["capnum"]["resources"].startswith(internal)
    assert found["capnum"]["migrations"].startswith(internal)


def test_portable_marker_keeps_data_beside_the_programs(frozen: Frozen) -> None:
    marker = frozen.folder / "capnum-portable.txt"
    marker.write_text("")
    try:
        init = frozen.run("capnum", "init", "--demo")
        assert init.returncode == 0, init.stderr
        assert (frozen.folder / "CapNumData" / "capnum.sqlite3").is_file()
        gui = frozen.run("capnum-desktop", "--self-test")
        assert gui.returncode == 0, gui.stdout + gui.stderr
        assert "self-test store ready" in gui.stdout  # a current folder: shown from the snapshot, store opened after
        assert not (Path(frozen.env["XDG_DATA_HOME"]) / "CapNum").exists(), "data went to the user folder"
    finally:
        marker.unlink()
        shutil.rmtree(frozen.folder / "CapNumData", ignore_errors=True)


def test_nothing_was_read_from_the_source_tree(frozen: Frozen) -> None:
    """Checks the audit reports of every run above (runs last in this module; alone, makes its own run)."""
    if not frozen.audits:
        assert frozen.run("capnum", "--data-dir", str(frozen.scratch / "audit-data"), "init", "--demo").returncode == 0
    assert frozen.audits, "the bundle's audit hook did not report"
    internal = (frozen.folder / "_internal").resolve()
    forbidden = (ROOT, VENV_SITE)
    for report in frozen.audits:
        assert report["meipass"] == str(internal)
        modules = report["modules"]
        assert isinstance(modules, dict)
        # Relative names (struct.py, pyimod*.py, shibokensupport/...) are modules embedded in the executables
        # and in shiboken's library, not files on disk; every real path must lie inside the bundle.
        on_disk = {name: Path(f) for name, f in modules.items() if Path(f).is_absolute()}
        assert any(name.startswith("capnum_desktop") for name in on_disk), "the audit saw none of our modules"
        strays = {name: f for name, f in on_disk.items() if not f.resolve().is_relative_to(internal)}
        assert not strays, f"modules loaded from outside the bundle: {strays}"
        opened = report["opened"]
        assert isinstance(opened, list)
        leaks = [p for p in opened if any(Path(p).is_relative_to(place) for place in forbidden)]
        assert not leaks, f"files read from the source tree or the venv: {leaks[:10]}"
        for started in report["started"]:  # programs started: ffmpeg is the bundled one, nothing from the tree
            program = Path(shutil.which(started[0], path=frozen.env["PATH"]) or started[0]).resolve()
            assert not any(program.is_relative_to(place) for place in forbidden), started
            if "ffmpeg" in program.name:
                assert program.is_relative_to(internal), started


def test_source_tree_is_really_hidden(frozen: Frozen) -> None:
    if not frozen.hide_source:
        pytest.skip("no mount namespace here (needs root/unshare): the audit hook alone is the evidence")
    hider = 'mount -t tmpfs none "$0" && exec ls -A "$0"'
    seen = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", hider, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert seen.stdout == "" and (ROOT / "pyproject.toml").is_file()


def test_bundle_contents(frozen: Frozen) -> None:
    internal = frozen.folder / "_internal"
    for required in (
        "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "capnum_desktop/storage/migrations/env.py",
        "capnum_desktop/storage/migrations/script.py.mako",
        "capnum_desktop/resources/study/grid.yaml",
        "capnum_desktop/resources/fonts/DejaVuSans.ttf",
    ):
        assert (internal / required).is_file(), required
    assert list(internal.glob("capnum_desktop/storage/migrations/versions/0001_*.py"))
    assert list(internal.glob("imageio_ffmpeg/binaries/ffmpeg-*"))
    assert list(internal.glob("capnum_desktop-*.dist-info/METADATA"))
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("libQt6WebEngineCore.so.6", "libQt6Quick3D.so.6", "libQt63DCore.so.6", "mypy", "hypothesis"):
        assert unwanted not in names, unwanted
    assert not list(internal.glob("PySide6/Qt/translations/qtbase_de.qm")), "only fr/en Qt translations"
