"""Folder sync (USB key, Nextcloud/Syncthing folder, network share).

Role rule: this data folder acts as the **coordinator** when an identity is given (`--identity`), or remembered
(`capnum keys use FILE` / the GUI's coordinator key setting), or `--coordinator` is passed. Otherwise it is an
**interviewer** laptop.

- Interviewer: take the study package the coordinator published there (grids, recipient, erasures), then write
  this laptop's incremental bundle there (encrypted to the coordinator when the study has a recipient).
- Coordinator: publish the study package there, then import every bundle not imported yet (remembered by sha256);
  one bad bundle is reported and never blocks the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from capnum_desktop.domain.messages import _
from capnum_desktop.services.bundle_export import ExportResult, clock_went_back_message, export_bundle
from capnum_desktop.services.bundle_import import BundleSummary, already_imported, import_bundles
from capnum_desktop.services.bundle_open import identity_path
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.settings import SYNC_FOLDER, get_setting
from capnum_desktop.services.study_package import (
    PACKAGE_SUFFIX,
    export_study_package,
    import_study_package,
)
from capnum_desktop.storage.datastore import DataStore

Progress = Callable[[int, int], None]
BUNDLE_SUFFIX = ".capnum"


@dataclass
class SyncResult:
    role: str  # interviewer | coordinator
    folder: Path
    exported: ExportResult | None = None
    published: Path | None = None
    imported: list[BundleSummary] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def sync_role(store: DataStore, identity: Path | None, coordinator: bool) -> str:
    return "coordinator" if coordinator or identity_path(store, identity) is not None else "interviewer"


def sync_folder(
    store: DataStore,
    folder: Path | None = None,
    *,
    identity: Path | None = None,
    coordinator: bool = False,
    progress: Progress | None = None,
) -> SyncResult:
    if folder is None:
        remembered = get_setting(store, SYNC_FOLDER)
        if not remembered:
            raise ServiceError(_("No sync folder: choose one (GUI settings) or pass --folder DIR."))
        folder = Path(remembered)
    if not folder.is_dir():
        raise ServiceError(_("The sync folder {folder} does not exist or is not mounted.").format(folder=folder))
    role = sync_role(store, identity, coordinator)
    result = SyncResult(role, folder)
    if role == "coordinator":
        result.published = export_study_package(store, folder).path
        bundles = sorted(p for p in folder.iterdir() if p.name.endswith(BUNDLE_SUFFIX) and not p.name.startswith("."))
        result.imported = import_bundles(store, bundles, identity, progress, skip_known=True)
        return result
    for package in sorted(folder.glob(f"*{PACKAGE_SUFFIX}")):
        if package.name.startswith(".") or already_imported(store, package):
            continue
        try:
            result.imported.append(import_study_package(store, package))
        except ServiceError as exc:
            result.imported.append(BundleSummary(file=package.name, error=str(exc)))
    exported = export_bundle(store, folder, since_last_sync=True, progress=progress)
    if exported.clock_went_back:
        result.warnings.append(clock_went_back_message())
    if exported.empty:
        exported.path.unlink(missing_ok=True)
    elif not exported.encrypted:
        result.warnings.append(_("The study has no coordinator key: the bundle was written unencrypted."))
    result.exported = exported
    return result
