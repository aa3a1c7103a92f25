"""Export use cases (`capnum export ...` and Data ▸ Export…): tables, JSON, REFI-QDA project and codebook."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from capnum_desktop import __version__
from capnum_desktop.domain.messages import _, ngettext
from capnum_desktop.domain.status import InterviewStatus
from capnum_desktop.exports.dataset import Dataset, ExportFilter, load_dataset
from capnum_desktop.services.errors import NotFoundError, ServiceError
from capnum_desktop.services.grid_versions import find_grid_version, grid_of, latest_grid_version, parse_stored_grid
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Site, Study

Progress = Callable[[int, int], None]
FORMATS = ("csv", "xlsx", "json", "qdpx", "qdc")
ORIGIN = f"CapNum Desktop {__version__}"
PROGRESS_SCALE = 1000


@dataclass(frozen=True)
class ExportOptions:
    format: str
    pseudonymize: bool = False
    filters: ExportFilter = field(default_factory=ExportFilter)
    excel: bool = False  # CSV for Excel: `;`, BOM, decimal comma
    language: str | None = None  # REFI-QDA names and transcript words; default: the study's language


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    interviews: int
    files: tuple[Path, ...]  # every file written (a CSV export writes several)
    warnings: tuple[str, ...] = ()  # for the person: something was written, but not exactly as stored


class _Phases:
    """Maps the progress of successive phases onto one 0..PROGRESS_SCALE bar."""

    def __init__(self, progress: Progress | None, weights: tuple[int, ...]) -> None:
        self._progress = progress
        self._weights = weights
        self._phase = 0

    def __call__(self, done: int, total: int) -> None:
        if self._progress is None:
            return
        before = sum(self._weights[: self._phase])
        share = self._weights[self._phase] * (done / total if total else 1)
        self._progress(int(PROGRESS_SCALE * (before + share) / sum(self._weights)), PROGRESS_SCALE)

    def next(self) -> None:
        self(1, 1)
        self._phase = min(self._phase + 1, len(self._weights) - 1)

    def finish(self) -> None:
        final_progress(self._progress, PROGRESS_SCALE)


def final_progress(progress: Progress | None, total: int) -> None:
    """Report completion once the files are in place; a cancel arriving this late changes nothing."""
    if progress is None:
        return
    try:
        progress(total, total)
    except Exception:  # the GUI's JobCancelled: the work is already done and kept
        return


def parse_date(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ServiceError(_("{option}: '{text}' is not a date (YYYY-MM-DD)").format(option=what, text=text)) from None


def check_filters(store: DataStore, filters: ExportFilter) -> None:
    statuses = {s.value for s in InterviewStatus}
    unknown = sorted(filters.statuses - statuses)
    if unknown:
        raise ServiceError(
            _("Unknown status {unknown}: use one of {known}.").format(
                unknown=", ".join(unknown), known=", ".join(sorted(statuses))
            )
        )
    with store.session() as session:
        codes = set(session.scalars(select(Site.code)))
    unknown = sorted(filters.sites - codes)
    if unknown:
        raise ServiceError(
            _("Unknown site {unknown}: this study's sites are {known}.").format(
                unknown=", ".join(unknown), known=", ".join(sorted(codes))
            )
        )
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise ServiceError(_("The start date of the period comes after its end date."))


def load_export_dataset(
    store: DataStore, filters: ExportFilter, *, pseudonymize: bool, progress: Progress | None = None
) -> Dataset:
    check_filters(store, filters)
    with store.session() as session:
        if session.scalar(select(Study.id).limit(1)) is None:
            raise ServiceError(_("No study in this data folder yet: run `capnum init --demo` or import a study first."))
        dataset = load_dataset(
            session, store.data_dir, filters, pseudonymize=pseudonymize, progress=progress, parse_grid=parse_stored_grid
        )
    if not dataset.interviews:
        raise ServiceError(_("No interview matches these filters: nothing to export."))
    return dataset


def export_data(
    store: DataStore, target: Path, options: ExportOptions, progress: Progress | None = None
) -> ExportResult:
    """Write one export; on any error nothing is left at `target` (files are renamed into place at the end)."""
    if options.format not in FORMATS:
        raise ServiceError(
            _("Unknown export format '{format}': use one of {known}.").format(
                format=options.format, known=", ".join(FORMATS)
            )
        )
    if options.format != "csv" and target.is_dir():
        raise ServiceError(_("{path} is a folder: give the name of the file to write.").format(path=target))
    if options.format == "csv" and target.exists() and not target.is_dir():
        raise ServiceError(_("{path} is a file: a CSV export writes several files into a folder.").format(path=target))
    if options.format == "qdc":
        return export_codebook(store, target, language=options.language)
    phases = _Phases(progress, (3, 4, 3))
    dataset = load_export_dataset(store, options.filters, pseudonymize=options.pseudonymize, progress=phases)
    phases.next()
    files: list[Path]
    warnings: list[str] = []
    if options.format == "qdpx":
        files = _write_qdpx(dataset, target, options, phases)
    else:
        files = _write_tables(dataset, target, options, phases, warnings)
    phases.finish()
    return ExportResult(target, options.format, len(dataset.interviews), tuple(files), tuple(warnings))


def _write_tables(
    dataset: Dataset, target: Path, options: ExportOptions, phases: _Phases, warnings: list[str]
) -> list[Path]:
    from capnum_desktop.exports import tabular
    from capnum_desktop.exports.tables import build_tables

    tables = build_tables(dataset, progress=phases)
    phases.next()
    if options.format == "csv":
        return tabular.write_csv_folder(tables, target, excel=options.excel)
    if options.format == "xlsx":
        cut = tabular.write_xlsx(tables, target)
        if cut:
            warnings.append(
                ngettext(
                    "{count} text is longer than an Excel cell holds (32,767 characters): it was cut in the XLSX "
                    "file and ends with […]. The CSV and JSON exports keep it whole.",
                    "{count} texts are longer than an Excel cell holds (32,767 characters): they were cut in the "
                    "XLSX file and end with […]. The CSV and JSON exports keep them whole.",
                    cut,
                ).format(count=cut)
            )
    else:
        tabular.write_json(dataset, tables, target)
    return [target]


def _write_qdpx(dataset: Dataset, target: Path, options: ExportOptions, phases: _Phases) -> list[Path]:
    from capnum_desktop.exports.refi.package import external_folder, write_qdpx
    from capnum_desktop.exports.refi.project import build_project

    base = external_folder(target.resolve()).as_posix() + "/"
    package = build_project(dataset, origin=ORIGIN, language=options.language, external_base=base, progress=phases)
    phases.next()
    outside = write_qdpx(package, target, progress=phases)
    return [target, *outside]


def export_codebook(
    store: DataStore, target: Path, *, grid_id: str | None = None, language: str | None = None
) -> ExportResult:
    """The grid alone as a REFI-QDA codebook (.qdc): themes as categories, questions as codes."""
    from capnum_desktop.exports.refi.codebook import codebook_xml
    from capnum_desktop.storage.files import write_atomic

    with store.session() as session:
        if grid_id:
            row = find_grid_version(session, grid_id)
        else:
            study_id = session.scalar(select(Study.id).order_by(Study.created_at).limit(1))
            if study_id is None:
                raise NotFoundError(_("No study in this data folder yet: run `capnum init --demo` first."))
            row = latest_grid_version(session, study_id)
        grid = grid_of(session, row.id)
    write_atomic(target, codebook_xml(grid, ORIGIN, language))
    return ExportResult(target, "qdc", 0, (target,))
