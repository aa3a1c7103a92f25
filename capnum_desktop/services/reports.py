"""Report use cases (`capnum report ...` and the Reports menu): gather the data, build the PDF, write it atomically."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from capnum_desktop.domain.answers import OTHER, section_coverage
from capnum_desktop.domain.conditions import visible_questions
from capnum_desktop.domain.grid import Question, QuestionType
from capnum_desktop.domain.messages import _
from capnum_desktop.domain.status import AnswerStatus
from capnum_desktop.exports.dataset import Dataset, ExportFilter, InterviewData
from capnum_desktop.services.errors import NotFoundError, ServiceError
from capnum_desktop.services.exports import final_progress, load_export_dataset
from capnum_desktop.services.grid_versions import grid_of, latest_grid_version
from capnum_desktop.services.interviews import get_interview
from capnum_desktop.services.queries import interview_coverage, show_session
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.files import write_atomic
from capnum_desktop.storage.models import Recording, Study

if TYPE_CHECKING:
    from capnum_desktop.reports.study import ClosedQuestionStats, StudyStats

Progress = Callable[[int, int], None]
REPORT_KINDS = ("summary", "grid", "notice", "study")


def _language(language: str | None) -> str:
    lang = language or "fr"
    if lang not in ("fr", "en"):
        raise ServiceError(_("Unknown report language '{lang}': use fr or en.").format(lang=lang))
    return lang


def _study(store: DataStore) -> Study:
    with store.session() as session:
        study = session.scalar(select(Study).order_by(Study.created_at).limit(1))
        if study is None:
            raise NotFoundError(_("No study in this data folder yet: run `capnum init --demo` first."))
        session.expunge(study)
        return study


def _title(study: Study, language: str) -> str:
    titles: dict[str, str] = study.title or {}
    return titles.get(language) or titles.get(study.language) or study.code


def summary_report(
    store: DataStore, interview_id: str, target: Path, *, language: str | None = None, progress: Progress | None = None
) -> Path:
    """One interview on paper (never shows contact details)."""
    from capnum_desktop.reports.summary import SummaryInput, build_summary

    lang = _language(language)
    with store.session() as session:
        interview = get_interview(session, interview_id)
        grid = grid_of(session, interview.grid_version_id)
        durations = session.scalars(
            select(Recording.duration_ms).where(
                Recording.interview_id == interview_id, Recording.kind == "interview", Recording.state == "ready"
            )
        )
        recording_ms = max(durations, default=None)
    session_data = show_session(store, interview_id, include_contact=False)
    values: dict[str, object] = dict(session_data.get("profile") or {})
    values.update({a["question_id"]: a["value"] for a in session_data["answers"] if a["status"] == "answered"})
    data = SummaryInput(
        study_title=_title(_study(store), lang),
        grid=grid,
        session=session_data,
        coverage=interview_coverage(store, interview_id),
        recording_ms=recording_ms,
        visible=frozenset(visible_questions(grid, values)),
    )
    return _write(target, build_summary(data, lang), progress)


def grid_report(
    store: DataStore, target: Path, *, language: str | None = None, progress: Progress | None = None
) -> Path:
    """The blank grid for a paper interview (when the battery dies)."""
    from capnum_desktop.reports.blank_grid import build_blank_grid

    lang = _language(language)
    study = _study(store)
    with store.session() as session:
        grid = grid_of(session, latest_grid_version(session, study.id).id)
    return _write(target, build_blank_grid(grid, _title(study, lang), lang), progress)


def notice_report(
    store: DataStore, target: Path, *, language: str | None = None, progress: Progress | None = None
) -> Path:
    """The information notice and the consent form, ready to print and sign."""
    from capnum_desktop.reports.notice import NoticeInput, build_notice

    lang = _language(language)
    study = _study(store)
    notices: dict[str, str] = study.notice or {}
    text = notices.get(lang) or notices.get(study.language) or ""
    data = NoticeInput(_title(study, lang), text, study.notice_version)
    return _write(target, build_notice(data, lang), progress)


def study_report(
    store: DataStore,
    target: Path,
    *,
    language: str | None = None,
    filters: ExportFilter | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> Path:
    """Counts per site, interviewer and status, theme coverage, charts of closed questions, durations."""
    from capnum_desktop.reports.study import build_study_report

    lang = _language(language)
    dataset = load_export_dataset(store, filters or ExportFilter(), pseudonymize=True, progress=_half(progress, 0))
    stats = study_stats(dataset, lang, today or date.today())
    pdf = build_study_report(stats, lang)
    return _write(target, pdf, progress)


def study_stats(dataset: Dataset, language: str, today: date) -> StudyStats:
    """The figures of the study overview, computed from the exported data."""
    from capnum_desktop.reports.study import StudyStats

    per_site: dict[str, Counter[str]] = {name: Counter() for name in sorted(dataset.sites.values())}
    per_interviewer: dict[str, Counter[str]] = defaultdict(Counter)
    grid = dataset.main_grid()
    coverage: dict[str, Counter[str]] = {s.id: Counter() for s in grid.sections}
    durations: list[float] = []
    for interview in dataset.interviews:
        per_site.setdefault(interview.site_name, Counter())[interview.status] += 1
        per_interviewer[interview.interviewer][interview.status] += 1
        if interview.duration_minutes is not None and interview.status != "in_progress":
            durations.append(interview.duration_minutes)
        interview_grid = dataset.grids[interview.grid_version_id]
        values: dict[str, object] = dict(interview.participant.profile)
        values.update({q: a.value for q, a in interview.answers.items() if a.status == AnswerStatus.ANSWERED.value})
        visible = visible_questions(interview_grid, values)
        statuses = {q: AnswerStatus(a.status) for q, a in interview.answers.items()}
        for section in interview_grid.sections:
            if section.id in coverage:
                coverage[section.id][section_coverage(section, statuses, visible).state.value] += 1
    return StudyStats(
        study_title=dataset.title(language),
        printed_on=today,
        total=len(dataset.interviews),
        per_site=[(name, dict(c)) for name, c in per_site.items()],
        per_interviewer=[(name, dict(c)) for name, c in sorted(per_interviewer.items())],
        theme_coverage=[(s.title.get(language), dict(coverage[s.id])) for s in grid.sections],
        closed=_closed_stats(dataset, language),
        durations_min=durations,
    )


def _closed_stats(dataset: Dataset, language: str) -> list[ClosedQuestionStats]:
    from capnum_desktop.reports.study import ClosedQuestionStats

    words = {"fr": ("Profil", "Oui", "Non", "Autre"), "en": ("Profile", "Yes", "No", "Other")}[language]
    out: list[ClosedQuestionStats] = []
    for section, question in dataset.questions():
        if not question.type.is_closed:
            continue
        if section is None:
            values = [i.participant.profile.get(question.id) for i in _one_per_participant(dataset)]
        else:
            values = [
                i.answers[question.id].value
                for i in dataset.interviews
                if question.id in i.answers and i.answers[question.id].status == AnswerStatus.ANSWERED.value
            ]
        values = [v for v in values if v is not None and v != []]
        counts: Counter[str] = Counter()
        for value in values:
            for item in value if isinstance(value, list) else [value]:
                counts[_bucket(question, item, words)] += 1
        labels = _ordered_labels(question, counts, words, language)
        theme = section.title.get(language) if section else words[0]
        out.append(
            ClosedQuestionStats(theme, question.text.get(language), len(values), [(k, counts[k]) for k in labels])
        )
    return out


def _one_per_participant(dataset: Dataset) -> list[InterviewData]:
    seen: dict[str, InterviewData] = {}
    for interview in dataset.interviews:
        seen.setdefault(interview.participant.id, interview)
    return list(seen.values())


def _bucket(question: Question, value: object, words: tuple[str, ...]) -> str:
    if question.type is QuestionType.YES_NO:
        return words[1] if value else words[2]
    if question.type is QuestionType.DATE:
        return str(value)[:4]
    if question.type is QuestionType.NUMBER and isinstance(value, int | float):
        low = int(value // 5 * 5) if value >= 10 else int(value)
        return str(low) if value < 10 else f"{low}–{low + 4}"
    return str(value)


def _ordered_labels(question: Question, counts: Counter[str], words: tuple[str, ...], language: str) -> list[str]:
    """Options in grid order with their labels (not their stored values), then anything else found."""
    if question.type.has_options:
        order = [o.value for o in question.options] + ([OTHER] if question.allow_other else [])
        labels = {o.value: o.label.get(language) for o in question.options} | {OTHER: words[3]}
        for key in list(counts):
            if key in labels and labels[key] != key:
                counts[labels[key]] += counts.pop(key)
        return [labels[v] for v in order] + sorted(k for k in counts if k not in labels.values())
    if question.type is QuestionType.YES_NO:
        return [words[1], words[2]]
    if question.type is QuestionType.SCALE:
        return [str(n) for n in range(question.scale_min, question.scale_max + 1)]
    return sorted(counts, key=lambda k: (len(k.split("–")[0]), k))


def _half(progress: Progress | None, index: int) -> Progress | None:
    if progress is None:
        return None
    callback: Progress = progress

    def report(done: int, total: int) -> None:
        callback(index * 50 + (50 * done // total if total else 50), 100)

    return report


def _write(target: Path, pdf: bytes, progress: Progress | None) -> Path:
    if target.is_dir():
        raise ServiceError(_("{path} is a folder: give the name of the PDF file to write.").format(path=target))
    write_atomic(target, pdf)
    final_progress(progress, 100)
    return target


def build_report(store: DataStore, kind: str, target: Path, **options: Any) -> Path:
    """One entry point for the GUI: `kind` is one of REPORT_KINDS; `interview_id` for a summary."""
    language = options.get("language")
    progress = options.get("progress")
    if kind == "summary":
        interview_id = options.get("interview_id")
        if not interview_id:
            raise ServiceError(_("Choose an interview first: a summary is about one interview."))
        return summary_report(store, interview_id, target, language=language, progress=progress)
    if kind == "grid":
        return grid_report(store, target, language=language, progress=progress)
    if kind == "notice":
        return notice_report(store, target, language=language, progress=progress)
    if kind == "study":
        return study_report(store, target, language=language, filters=options.get("filters"), progress=progress)
    raise ServiceError(
        _("Unknown report '{kind}': use one of {known}.").format(kind=kind, known=", ".join(REPORT_KINDS))
    )
