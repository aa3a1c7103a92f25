"""Grid versions in the database: import (immutable once stored), look up, and parse back into a Grid."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from capnum_desktop import grids
from capnum_desktop.domain.grid import Grid
from capnum_desktop.domain.ids import grid_version_id
from capnum_desktop.domain.messages import _
from capnum_desktop.grids import GridValidationError
from capnum_desktop.services.errors import GridConflictError, NotFoundError, ServiceError
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import GridVersion, Interview, Study


@dataclass(frozen=True)
class GridVersionInfo:
    id: str
    grid_id: str
    version: int
    title: str
    created: bool  # False when the same content was already there


def store_grid(session: Session, grid: Grid, source_yaml: str, study_id: str, device_id: str) -> GridVersionInfo:
    """Add a grid version; the same id+version must have the same content (it may already be in use)."""
    content_hash = grids.grid_content_hash(grid)
    existing = session.scalar(
        select(GridVersion).where(GridVersion.grid_id == grid.id, GridVersion.version == grid.version)
    )
    if existing is not None:
        if existing.content_hash != content_hash:
            used = session.scalar(select(Interview.id).where(Interview.grid_version_id == existing.id).limit(1))
            if used:
                message = _(
                    "Grid '{grid}' version {version} already exists with different content and interviews already "
                    "use it. Give the changed grid a new version number (for example {next})."
                )
            else:
                message = _(
                    "Grid '{grid}' version {version} already exists with different content. "
                    "Give the changed grid a new version number (for example {next})."
                )
            raise GridConflictError(message.format(grid=grid.id, version=grid.version, next=grid.version + 1))
        return GridVersionInfo(existing.id, grid.id, grid.version, existing.title, False)
    row = GridVersion(
        id=grid_version_id(grid.id, grid.version),
        study_id=study_id,
        grid_id=grid.id,
        version=grid.version,
        title=grid.title.get(),
        content_hash=content_hash,
        source_yaml=source_yaml,
        origin_device=device_id,
    )
    session.add(row)
    session.flush()
    return GridVersionInfo(row.id, grid.id, grid.version, row.title, True)


def import_grid_file(store: DataStore, path: Path, study_id: str | None = None) -> GridVersionInfo:
    grid = grids.load_grid(path)  # raises GridValidationError with every FILE:LINE:COL error
    source = path.read_text(encoding="utf-8")
    with store.session_factory.begin() as session:
        study = session.get(Study, study_id) if study_id else session.scalar(select(Study).limit(1))
        if study is None:
            raise ServiceError(_("No study in this data folder yet: run `capnum init --demo` or import a study first."))
        return store_grid(session, grid, source, study.id, store.device_id)


def latest_grid_version(session: Session, study_id: str) -> GridVersion:
    row = session.scalar(
        select(GridVersion)
        .where(GridVersion.study_id == study_id, GridVersion.published.is_(True))
        .order_by(GridVersion.version.desc(), GridVersion.created_at.desc())
        .limit(1)
    )
    if row is None:
        raise NotFoundError(_("This study has no grid yet."))
    return row


def find_grid_version(session: Session, grid_id: str, version: int | None = None) -> GridVersion:
    query = select(GridVersion).where(GridVersion.grid_id == grid_id)
    if version is not None:
        query = query.where(GridVersion.version == version)
    row = session.scalar(query.order_by(GridVersion.version.desc()).limit(1))
    if row is None:
        if version is None:
            raise NotFoundError(_("No grid '{grid}' in this data folder.").format(grid=grid_id))
        raise NotFoundError(
            _("No grid '{grid}' version {version} in this data folder.").format(grid=grid_id, version=version)
        )
    return row


_GRIDS_BY_VERSION_ID: dict[str, Grid] = {}


def grid_of(session: Session, grid_version_id: str) -> Grid:
    """The parsed grid of a stored version (cached: a grid version never changes once stored)."""
    cached = _GRIDS_BY_VERSION_ID.get(grid_version_id)
    if cached is not None:
        return cached
    row = session.get(GridVersion, grid_version_id)
    if row is None:
        raise NotFoundError(_("Grid version {id} not found.").format(id=grid_version_id))
    grid = parse_stored_grid(row.content_hash, row.source_yaml)
    _GRIDS_BY_VERSION_ID[grid_version_id] = grid
    return grid


@lru_cache(maxsize=32)
def parse_stored_grid(content_hash: str, source_yaml: str) -> Grid:
    """Grids are immutable per hash, so parsing once per process is enough."""
    try:
        return grids.parse_grid_text(source_yaml, f"<grid {content_hash[:8]}>")
    except GridValidationError as exc:  # stored grids were validated on the way in
        raise ServiceError(_("A stored grid no longer validates:\n{errors}").format(errors=exc)) from exc
