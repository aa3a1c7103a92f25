"""`capnum export` from the command line: files written, clear errors with exit 2."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from capnum_desktop.cli.main import main
from capnum_desktop.storage.datastore import DataStore


def run(store: DataStore, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(store.data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_commands(seeded: DataStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(seeded, capsys, "export", "qdpx", "-o", str(tmp_path / "p.qdpx"), "--pseudonymize")
    assert code == 0 and "(pseudonymized)" in out and zipfile.is_zipfile(tmp_path / "p.qdpx")
    code, out, _ = run(seeded, capsys, "export", "csv", "--excel", "-o", str(tmp_path / "csv"), "--status", "completed")
    assert code == 0 and (tmp_path / "csv" / "interviews_wide.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    code, out, _ = run(seeded, capsys, "export", "qdc", "-o", str(tmp_path / "g.qdc"))
    assert code == 0 and "codebook" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-02-30"], "not a date"),
        (["--site", "NOPE"], "Unknown site"),
        (["--from", "2031-01-01"], "No interview matches"),
    ],
)
def test_export_errors(
    seeded: DataStore, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(seeded, capsys, "export", "xlsx", "-o", str(tmp_path / "x.xlsx"), *args)
    assert code == 2 and message in err and not (tmp_path / "x.xlsx").exists()
