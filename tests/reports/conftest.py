"""Fixtures of the report tests: a seeded study, and PDFs read back as text with pdftotext."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from capnum_desktop.services.demo_seed import SeedOptions
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Interview
from tests.helpers import copied_store, seeded_folder


@pytest.fixture(scope="session")
def report_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeded_folder(tmp_path_factory.mktemp("reports"), SeedOptions(interviews=10, seed=11, with_contacts=True))


@pytest.fixture
def report_store(report_template: Path, tmp_path: Path) -> Iterator[DataStore]:
    with copied_store(report_template, tmp_path / "data-copy") as store:
        yield store


def completed_id(store: DataStore) -> str:
    with store.session() as session:
        found = session.scalar(select(Interview.id).where(Interview.status == "completed").order_by(Interview.id))
    assert found
    return found


def pdf_text(path: Path) -> str:
    assert path.read_bytes().startswith(b"%PDF")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def maps_character(path: Path, code_point: int) -> bool:
    """True when an embedded font's ToUnicode map has `code_point`: the glyph was drawn from our font.

    (pdftotext prints U+202F as a plain space, so the text alone cannot show it.)
    """
    import re
    import zlib

    wanted = f"<{code_point:04X}>".encode()
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", path.read_bytes(), re.S):
        try:
            data = zlib.decompress(match.group(1))
        except zlib.error:
            continue
        if b"beginbfchar" in data and wanted in data.upper():
            return True
    return False
