"""Fixtures of the export tests: a seeded study with contacts (canaries), tricky French text, a recording."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from capnum_desktop.domain.status import AUDIO_MARKER_EVENT
from capnum_desktop.services.answers import AnswerInput, save_answer
from capnum_desktop.services.demo_seed import SeedOptions
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Event, Interview, Recording, Site
from tests.helpers import copied_store, seeded_folder

SCHEMAS = Path(__file__).parent / "schemas"
# Accents, typographic apostrophe and quotes with narrow no-break spaces, an emoji made of several code points,
# a combining accent (e + U+0301), a Windows line ending: positions must survive all of them.
TRICKY = (
    "Là-bas, l’école m’a dit\u202f: «\u202fça ira\u202f». Très bien 👩🏽‍💻 !\r\n"
    "Deuxième ligne, café noir et cre\u0301pes, œuf, Ÿ."
)
TRICKY_LF = TRICKY.replace("\r\n", "\n")
LONG_QUESTION = "parcours_premier_souvenir"


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeded_folder(tmp_path_factory.mktemp("seeded"), SeedOptions(interviews=12, seed=7, with_contacts=True))


@pytest.fixture
def seeded(seeded_template: Path, tmp_path: Path) -> Iterator[DataStore]:
    with copied_store(seeded_template, tmp_path / "seeded-data") as store:
        yield store


def completed_interview(store: DataStore) -> str:
    with store.session() as session:
        interview_id = session.scalar(
            select(Interview.id).where(Interview.status == "completed").order_by(Interview.started_at).limit(1)
        )
    assert interview_id is not None
    return interview_id


@pytest.fixture
def tricky(seeded: DataStore) -> tuple[DataStore, str]:
    """One completed interview whose first open answer is TRICKY."""
    interview_id = completed_interview(seeded)
    save_answer(seeded, interview_id, LONG_QUESTION, AnswerInput(value=TRICKY))
    return seeded, interview_id


def add_recording(store: DataStore, interview_id: str, *, markers: list[tuple[str, int]], size: int = 4096) -> Path:
    """A ready interview recording (fake Opus bytes) and question markers as the audio engine writes them."""
    relative = Path("audio") / interview_id / "interview.opus"
    path = store.data_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"OggS" + bytes(range(256)) * (size // 256))
    with store.session_factory.begin() as session:
        session.add(
            Recording(
                interview_id=interview_id,
                kind="interview",
                path=relative.as_posix(),
                codec="opus",
                state="ready",
                duration_ms=600_000,
                size_bytes=path.stat().st_size,
                started_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
                origin_device=store.device_id,
            )
        )
        for question_id, offset in markers:
            session.add(
                Event(
                    interview_id=interview_id,
                    at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
                    kind=AUDIO_MARKER_EVENT,
                    payload={"question_id": question_id, "offset_ms": offset},
                    origin_device=store.device_id,
                )
            )
    return path


def new_interview(
    store: DataStore,
    *,
    contact_name: str | None = None,
    declared: list[str] | None = None,
    interviewer: str = "Alice",
    started_at: datetime | None = None,
) -> str:
    """One more interview (a new participant at the first site) in a study already loaded; returns its id."""
    from capnum_desktop.services.interviews import ConsentInput, start_interview
    from capnum_desktop.services.participants import ContactInput, create_participant, ensure_interviewer
    from capnum_desktop.services.studies import default_study_id

    with store.session() as session:
        site_id = session.scalar(select(Site.id).order_by(Site.code).limit(1))
    assert site_id is not None
    contact = ContactInput(full_name=contact_name) if contact_name else None
    participant = create_participant(store, site_id=site_id, contact=contact, declared_names=declared)
    interviewer_id = ensure_interviewer(store, interviewer, default_study_id(store))
    consent = ConsentInput(True, True, True, True)
    return start_interview(
        store, participant_id=participant, interviewer_id=interviewer_id, consent=consent, started_at=started_at
    )


def all_text_of(path: Path) -> str:
    """Every byte of an export as text: each file of a folder, each member of a zip (xlsx, qdpx)."""
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    chunks: list[str] = []
    for file in files:
        if zipfile.is_zipfile(file):
            with zipfile.ZipFile(file) as archive:
                chunks += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
        else:
            chunks.append(file.read_bytes().decode("utf-8", "replace"))
    return "\n".join(chunks)
