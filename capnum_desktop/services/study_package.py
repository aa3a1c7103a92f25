"""The study package: what a coordinator hands to every laptop so they share one study identity.

It is a bundle of kind `study` (same container, manifest and checks) holding the study (with the coordinator's
age recipient), its sites, its grid versions and the erasure tombstones. It holds no interview and no personal
data, so it is never encrypted: interviewers have no private key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from capnum_desktop import __version__
from capnum_desktop.bundles.manifest import FORMAT, RECORDS_PREFIX, BundleManifest
from capnum_desktop.bundles.records import encode_row, table_of, write_jsonl
from capnum_desktop.bundles.writer import BundleWriter
from capnum_desktop.domain.messages import _
from capnum_desktop.services.bundle_export import write_bundle_file
from capnum_desktop.services.bundle_import import BundleSummary, import_opened
from capnum_desktop.services.bundle_open import BundleRefused, known_grid_in, open_bundle
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.studies import default_study_id
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Device, Study
from capnum_desktop.storage.types import utcnow

Progress = Callable[[int, int], None]
STUDY_ENTITIES = ("study", "site", "grid_version", "tombstone")
PACKAGE_SUFFIX = ".capnum-study"


@dataclass(frozen=True)
class StudyPackageResult:
    path: Path
    counts: dict[str, int]


def package_file_name(study_code: str) -> str:
    return f"study-{study_code}{PACKAGE_SUFFIX}"


def export_study_package(store: DataStore, output: Path, study_id: str | None = None) -> StudyPackageResult:
    study_id = study_id or default_study_id(store)
    created_at = utcnow()
    counts: dict[str, int] = {}
    with store.session() as session, session.begin():
        study = session.get(Study, study_id)
        if study is None:
            raise ServiceError(_("No study {id}.").format(id=study_id))
        device = session.scalar(select(Device).where(Device.is_local.is_(True)))
        assert device is not None
        if output.is_dir():
            output = output / package_file_name(study.code)

        def rows(entity: str) -> Any:
            table = table_of(entity)
            query = select(table)
            if "study_id" in table.c:
                query = query.where(table.c.study_id == study_id)
            elif entity == "study":
                query = query.where(table.c.id == study_id)
            for row in session.execute(query.order_by(table.c.created_at, table.c.id)):
                record = encode_row(row._mapping, entity)
                if entity == "tombstone":
                    record["reason"] = None  # the reason may name the person; the erasure itself is enough
                yield record

        def write_members(writer: BundleWriter) -> None:
            for entity in STUDY_ENTITIES:
                with writer.member(f"{RECORDS_PREFIX}{entity}.jsonl") as sink:
                    counts[entity] = write_jsonl(sink, rows(entity))  # type: ignore[arg-type]

        def manifest(writer: BundleWriter) -> BundleManifest:
            return BundleManifest(
                format=FORMAT,
                app_version=__version__,
                study_id=study.id,
                study_code=study.code,
                device_id=device.id,
                device_name=device.name,
                created_at=created_at,
                kind="study",
                sequence=0,
                counts=counts,
                members=writer.members,
            )

        write_bundle_file(output, created_at, None, write_members, manifest)
    return StudyPackageResult(output, counts)


def import_study_package(store: DataStore, path: Path, progress: Progress | None = None) -> BundleSummary:
    with open_bundle(path, None, progress=progress, known_grid=known_grid_in(store)) as opened:
        if opened.manifest.kind != "study":
            raise BundleRefused(
                _("{file}: this is a data bundle, not a study package (use `capnum bundle import`)").format(
                    file=path.name
                )
            )
        extra = [e for e, rows in opened.records.items() if rows and e not in STUDY_ENTITIES]
        if extra:
            raise BundleRefused(
                _("{file}: a study package may not carry {kinds} records").format(
                    file=path.name, kinds=", ".join(extra)
                )
            )
        return import_opened(store, opened)
