"""Fixtures for bundle tests: seeded laptops, audio recordings, and an exact snapshot of a data folder."""

from __future__ import annotations

import hashlib
import math
import sqlite3
import struct
import wave
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from capnum_desktop.services.demo_seed import SeedOptions, seed_demo
from capnum_desktop.storage.datastore import DataStore, open_data_store
from capnum_desktop.storage.models import Interview, Recording
from capnum_desktop.storage.paths import DB_FILE_NAME
from capnum_desktop.storage.types import utcnow

StoreFactory = Callable[[str], DataStore]


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[StoreFactory]:
    opened: list[DataStore] = []

    def make(name: str) -> DataStore:
        store = open_data_store(tmp_path / name)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def write_wav(path: Path, seconds: float, freq: float = 440.0, rate: int = 16000) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = int(seconds * rate)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(
            b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * freq * i / rate))) for i in range(frames))
        )


def add_recordings(store: DataStore, seconds: float = 0.5, limit: int | None = None) -> list[str]:
    """A finished WAV recording (file under audio/<interview>/ and its row) for each interview."""
    ids: list[str] = []
    with store.session_factory.begin() as session:
        interviews = list(session.scalars(select(Interview).order_by(Interview.started_at)))[:limit]
        for n, interview in enumerate(interviews):
            rel = f"audio/{interview.id}/interview-{utcnow().strftime('%H%M%S%f')}-{n:03d}.wav"
            path = store.data_dir / rel
            write_wav(path, seconds, freq=300 + 40 * n)
            data = path.read_bytes()
            rec = Recording(
                interview_id=interview.id,
                kind="interview",
                path=rel,
                codec="pcm_s16le",
                state="ready",
                duration_ms=int(seconds * 1000),
                sample_rate=16000,
                channels=1,
                size_bytes=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                started_at=interview.started_at + timedelta(minutes=1),
                origin_device=store.device_id,
            )
            session.add(rec)
            session.flush()
            ids.append(rec.id)
    return ids


def seeded(make_store: StoreFactory, name: str, seed: int, interviews: int = 4, audio: bool = True) -> DataStore:
    store = make_store(name)
    seed_demo(store, SeedOptions(interviews=interviews, seed=seed, with_contacts=True))
    if audio:
        add_recordings(store)
    return store


def snapshot(store: DataStore) -> dict[str, Any]:
    """Every row of every table (sorted) and every file with its sha256: equal snapshots = nothing changed."""
    conn = sqlite3.connect(store.db_path)
    try:
        tables = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
        ]
        dump = {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in sorted(tables)}
    finally:
        conn.close()
    files = {
        str(p.relative_to(store.data_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(store.data_dir.rglob("*"))
        if p.is_file() and not p.name.startswith(DB_FILE_NAME) and "logs" not in p.parts and "backups" not in p.parts
    }
    return {"db": dump, "files": files}


def touch_now(obj: Any, device_id: str) -> None:
    obj.touch(device_id)
    obj.updated_at = utcnow()


@pytest.fixture(scope="session")
def field_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A coordinator (keys, recipient set) and two seeded interviewer laptops that took its study package.

    Built once per test session (seeding is the slow part); tests copy the folders they need.
    """
    from capnum_desktop.services.keys import generate_keys, set_study_recipient
    from capnum_desktop.services.studies import load_embedded_study
    from capnum_desktop.services.study_package import export_study_package, import_study_package

    root = tmp_path_factory.mktemp("field")
    coord = open_data_store(root / "coord")
    load_embedded_study(coord)
    keys = generate_keys(root / "keys")
    set_study_recipient(coord, str(keys.recipient_file))
    package = export_study_package(coord, root / "study.capnum-study").path
    coord.close()
    for name, seed in (("i1", 1), ("i2", 2)):
        store = open_data_store(root / name)
        import_study_package(store, package)
        seeded(lambda _n, s=store: s, name, seed)
        store.close()
    return root


def copy_laptops(template: Path, target: Path, *names: str) -> None:
    import shutil

    for name in names:
        shutil.copytree(template / name, target / name)
