"""Helpers shared by tests (import as `from tests.helpers import ...`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_capnum_process(data_dir: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The real console entry point in a child process (what users and scripts run)."""
    return subprocess.run(
        [sys.executable, "-m", "capnum_desktop.cli.main", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
