"""The installed wheel carries everything the app reads at run time (nothing from the source tree)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is the project's build front-end (README); it is not on PATH")
    cmd = [uv, "build", "--wheel", "--out-dir", str(out), str(ROOT)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    return next(out.glob("capnum_desktop-*.whl"))


def test_wheel_holds_resources_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "capnum_desktop/resources/study/grid.yaml",
        "capnum_desktop/resources/study/study.yaml",
        "capnum_desktop/resources/schemas/capnum-grid-1.schema.json",
        "capnum_desktop/storage/migrations/env.py",
        "capnum_desktop/storage/migrations/script.py.mako",
        "capnum_desktop/storage/migrations/versions/0001_initial_schema.py",
    ):
        assert required in names, required
    assert not any(name.startswith("tests/") for name in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "capnum = capnum_desktop.cli.main:run" in text
    assert "capnum-desktop = capnum_desktop.app:main" in text


def test_installed_wheel_runs_from_its_own_files(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    # A pure-Python wheel installs by unpacking it; the dependencies come from the test environment.
    zipfile.ZipFile(wheel).extractall(target)
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = (
        "import json, capnum_desktop, capnum_desktop.bundled as b;"
        "print(json.dumps([capnum_desktop.__file__, str(b.resources_dir())]))"
    )
    # Run from an empty folder so that the source checkout cannot be picked up by accident.
    where = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    package_file, resources = json.loads(where.stdout)
    assert Path(package_file).is_relative_to(target)
    assert Path(resources).is_relative_to(target)
    init = subprocess.run(
        [
            sys.executable,
            "-m",
            "capnum_desktop.cli.main",
            "--data-dir",
            str(tmp_path / "d"),
            "init",
            "--demo",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert init.returncode == 0, init.stderr
