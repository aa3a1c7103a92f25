"""Studies: the embedded default study (fixed ids, the same on every laptop) and the list of studies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from sqlalchemy import func, select

from capnum_desktop import grids
from capnum_desktop.bundled import resource_path
from capnum_desktop.domain.messages import _
from capnum_desktop.services.errors import NotFoundError
from capnum_desktop.services.grid_versions import store_grid
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import GridVersion, Interview, Site, Study

EMBEDDED_STUDY_DIR = ("study",)


@dataclass(frozen=True)
class SiteInfo:
    id: str
    code: str
    name: str


@dataclass(frozen=True)
class StudySummary:
    id: str
    code: str
    title: str
    sites: list[SiteInfo]
    grids: list[str]  # "grid-id v1"
    interviews: int
    coordinator_recipient: str | None


def read_embedded_study() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(resource_path(*EMBEDDED_STUDY_DIR, "study.yaml").read_text("utf-8"))
    return data


def load_embedded_study(store: DataStore) -> str:
    """Create the default study if absent (idempotent); returns its id."""
    meta = read_embedded_study()
    study_meta = meta["study"]
    grid_file = resource_path(*EMBEDDED_STUDY_DIR, meta.get("grid", "grid.yaml"))
    grid_text = grid_file.read_text("utf-8")
    grid = grids.parse_grid_text(grid_text, str(grid_file))
    with store.session_factory.begin() as session:
        study = session.get(Study, study_meta["id"])
        if study is None:
            study = Study(
                id=study_meta["id"],
                code=study_meta["code"],
                title=_localized(study_meta["title"]),
                description=_localized(study_meta.get("description")),
                language=grid.language,
                notice_version=str(meta.get("notice_version", "1")),
                notice=_localized(meta.get("notice")),
                origin_device=store.device_id,
            )
            session.add(study)
            session.flush()
        for site_meta in meta.get("sites", []):
            if session.get(Site, site_meta["id"]) is None:
                session.add(
                    Site(
                        id=site_meta["id"],
                        study_id=study.id,
                        code=site_meta["code"],
                        name=site_meta["name"],
                        origin_device=store.device_id,
                    )
                )
        store_grid(session, grid, grid_text, study.id, store.device_id)
        return study.id


def _localized(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return {"fr": value}
    return {str(k): str(v) for k, v in value.items()}


def list_studies(store: DataStore) -> list[StudySummary]:
    with store.session() as session:
        result = []
        for study in session.scalars(select(Study).order_by(Study.code)):
            grids = session.scalars(
                select(GridVersion).where(GridVersion.study_id == study.id).order_by(GridVersion.grid_id)
            )
            count = session.scalar(select(func.count()).select_from(Interview).where(Interview.study_id == study.id))
            result.append(
                StudySummary(
                    id=study.id,
                    code=study.code,
                    title=(study.title or {}).get(study.language) or next(iter((study.title or {}).values()), ""),
                    sites=[SiteInfo(s.id, s.code, s.name) for s in study.sites],
                    grids=[f"{g.grid_id} v{g.version}" for g in grids],
                    interviews=count or 0,
                    coordinator_recipient=study.coordinator_recipient,
                )
            )
        return result


def default_study_id(store: DataStore) -> str:
    """The study the app works on: the only one, or the most recently created."""
    with store.session() as session:
        study_id = session.scalar(select(Study.id).order_by(Study.created_at.desc()).limit(1))
    if study_id is None:
        raise NotFoundError(_("No study in this data folder yet: run `capnum init --demo`."))
    return study_id
