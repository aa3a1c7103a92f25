"""A coordinator and one interviewer laptop that took its study package: the smallest real field setup."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from capnum_desktop.domain.grid import Grid, QuestionType
from capnum_desktop.services.bundle_export import export_bundle
from capnum_desktop.services.bundle_import import BundleSummary, import_bundle
from capnum_desktop.services.grid_versions import grid_of
from capnum_desktop.services.interviews import ConsentInput, get_interview, start_interview
from capnum_desktop.services.participants import ContactInput, create_participant, ensure_interviewer
from capnum_desktop.services.studies import load_embedded_study
from capnum_desktop.services.study_package import export_study_package, import_study_package
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Site
from tests.bundles.conftest import StoreFactory


@dataclass
class Pair:
    coord: DataStore
    laptop: DataStore
    study_id: str
    out: Path
    bundles: int = 0

    def first_site(self) -> str:
        with self.laptop.session() as session:
            site_id = session.scalar(select(Site.id).order_by(Site.code).limit(1))
        assert site_id is not None
        return site_id

    def new_interview(self, contact: ContactInput | None = None) -> tuple[str, str]:
        participant = create_participant(self.laptop, site_id=self.first_site(), contact=contact)
        interviewer = ensure_interviewer(self.laptop, "Alice", self.study_id)
        interview = start_interview(
            self.laptop,
            participant_id=participant,
            interviewer_id=interviewer,
            consent=ConsentInput(True, True, True, True),
        )
        return participant, interview

    def grid(self, interview_id: str) -> Grid:
        with self.laptop.session() as session:
            return grid_of(session, get_interview(session, interview_id).grid_version_id)

    def long_text_questions(self, interview_id: str) -> list[str]:
        return [q.id for q in self.grid(interview_id).all_questions() if q.type == QuestionType.LONG_TEXT]

    def sync(self, *, full: bool = False) -> BundleSummary:
        """The laptop's bundle (incremental unless `full`) imported at the coordinator."""
        self.bundles += 1
        target = self.out / f"b{self.bundles}.capnum"
        result = export_bundle(self.laptop, target, since_last_sync=not full, encrypt=False)
        return import_bundle(self.coord, result.path)


def make_pair(make_store: StoreFactory, tmp_path: Path) -> Pair:
    coord = make_store("coord")
    study_id = load_embedded_study(coord)
    package = export_study_package(coord, tmp_path / "study.capnum-study").path
    laptop = make_store("laptop")
    import_study_package(laptop, package)
    out = tmp_path / "out"
    out.mkdir()
    return Pair(coord, laptop, study_id, out)


def database_bytes(store: DataStore) -> bytes:
    """The database file and its WAL, as a person with the disk would read them."""
    wal = Path(f"{store.db_path}-wal")
    return store.db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
