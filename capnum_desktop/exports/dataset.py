"""Everything an export needs, read from the database in a few bulk queries into plain data.

Writers (tables, JSON, REFI-QDA) only see a `Dataset`; when it was loaded pseudonymized, contact details and
guardians' names are absent and every free text has the participants' names replaced, so no writer can leak them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from capnum_desktop.domain.grid import Grid, Question, Section
from capnum_desktop.domain.status import AUDIO_MARKER_EVENT
from capnum_desktop.exports.pseudonymize import NameRedactor
from capnum_desktop.grids import parse_grid_text
from capnum_desktop.storage.models import (
    Answer,
    Consent,
    Contact,
    Event,
    GridVersion,
    Interview,
    Interviewer,
    Note,
    Participant,
    Recording,
    Site,
    Study,
)

CONTACT_FIELDS = ("full_name", "phone", "email", "address")


@dataclass(frozen=True)
class ExportFilter:
    sites: frozenset[str] = frozenset()  # site codes; empty = all
    statuses: frozenset[str] = frozenset()  # interview statuses; empty = all
    date_from: date | None = None  # on the interview's start date, local to this machine, inclusive
    date_to: date | None = None  # inclusive


@dataclass
class ParticipantData:
    id: str
    code: str
    site_code: str
    profile: dict[str, Any]
    under_15: bool
    created_at: datetime
    contact: dict[str, str | None] | None = None  # None when pseudonymized or unknown


@dataclass
class AnswerData:
    question_id: str
    value: Any
    free_text: str | None
    other_text: str | None
    status: str
    prompts_used: list[int]
    updated_at: datetime


@dataclass
class NoteData:
    id: str
    question_id: str | None
    text: str
    noted_at: datetime
    audio_offset_ms: int | None
    recording_id: str | None
    flags: list[str]


@dataclass
class RecordingData:
    id: str
    kind: str
    path: Path  # absolute
    codec: str
    state: str
    duration_ms: int
    size_bytes: int
    started_at: datetime


@dataclass(frozen=True)
class Marker:
    question_id: str
    offset_ms: int


@dataclass
class InterviewData:
    id: str
    participant: ParticipantData
    site_code: str
    site_name: str
    interviewer: str
    status: str
    started_at: datetime
    ended_at: datetime | None
    place: str | None
    memo: str | None
    abandon_reason: str | None
    grid_version_id: str
    answers: dict[str, AnswerData] = field(default_factory=dict)
    notes: list[NoteData] = field(default_factory=list)
    recordings: list[RecordingData] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    consents: list[dict[str, Any]] = field(default_factory=list)

    @property
    def duration_minutes(self) -> float | None:
        if self.ended_at is None:
            return None
        return round((self.ended_at - self.started_at).total_seconds() / 60, 1)

    def main_recording(self) -> RecordingData | None:
        """The interview recording that is ready (transcoded and verified), if any."""
        ready = [r for r in self.recordings if r.kind == "interview" and r.state == "ready" and r.path.is_file()]
        return max(ready, key=lambda r: r.duration_ms, default=None)


@dataclass
class Dataset:
    study_id: str
    study_code: str
    study_title: dict[str, str]
    study_language: str
    grids: dict[str, Grid]  # grid version id -> grid
    interviews: list[InterviewData]
    pseudonymized: bool
    sites: dict[str, str]  # code -> name

    @property
    def participants(self) -> list[ParticipantData]:
        seen: dict[str, ParticipantData] = {}
        for interview in self.interviews:
            seen.setdefault(interview.participant.id, interview.participant)
        return sorted(seen.values(), key=lambda p: p.code)

    def title(self, language: str | None = None) -> str:
        lang = language or self.study_language
        return self.study_title.get(lang) or next(iter(self.study_title.values()), self.study_code)

    def main_grid(self) -> Grid:
        """The newest grid version among the exported interviews (the study's grids when there are none)."""
        return max(self.grids.values(), key=lambda g: (g.id, g.version))

    def questions(self) -> list[tuple[Section | None, Question]]:
        """Every question of every grid used, the newest wording first; profile questions have no section.

        Options are the union over the versions (the newest version's order, then options only older versions
        had): an interview made with an older grid keeps a choice that a newer version dropped."""
        merged: dict[str, tuple[Section | None, Question]] = {}
        for grid in sorted(self.grids.values(), key=lambda g: -g.version):
            items = [(None, q) for q in grid.profile] + [(s, q) for s in grid.sections for q in s.questions]
            for section, question in items:
                if question.id in merged:
                    newer_section, newer = merged[question.id]
                    merged[question.id] = (newer_section, _with_older_options(newer, question))
                else:
                    merged[question.id] = (section, question)
        out = list(merged.values())
        profile = [item for item in out if item[0] is None]
        return profile + [item for item in out if item[0] is not None]


def _with_older_options(newer: Question, older: Question) -> Question:
    extra = tuple(o for o in older.options if newer.option(o.value) is None)
    if not extra and (newer.allow_other or not older.allow_other):
        return newer
    return replace(newer, options=newer.options + extra, allow_other=newer.allow_other or older.allow_other)


@lru_cache(maxsize=16)
def _parse_grid(content_hash: str, source_yaml: str) -> Grid:
    return parse_grid_text(source_yaml, f"<grid {content_hash[:8]}>")


def load_dataset(
    session: Session,
    data_dir: Path,
    filters: ExportFilter | None = None,
    *,
    pseudonymize: bool = False,
    progress: Callable[[int, int], None] | None = None,
    parse_grid: Callable[[str, str], Grid] | None = None,
) -> Dataset:
    """`parse_grid(content_hash, source_yaml)` lets the caller share its cache of parsed grids."""
    parse = parse_grid or _parse_grid
    filters = filters or ExportFilter()
    study = session.scalar(select(Study).order_by(Study.created_at).limit(1))
    if study is None:
        raise LookupError("no study in this data folder")
    sites = {s.id: s for s in session.scalars(select(Site))}
    interviewers = {i.id: i.name for i in session.scalars(select(Interviewer))}
    query = select(Interview).order_by(Interview.started_at, Interview.id)
    if filters.sites:
        query = query.where(Interview.site_id.in_([i for i, s in sites.items() if s.code in filters.sites]))
    if filters.statuses:
        query = query.where(Interview.status.in_(sorted(filters.statuses)))
    if filters.date_from:
        query = query.where(Interview.started_at >= local_midnight(filters.date_from))
    if filters.date_to:
        query = query.where(Interview.started_at < local_midnight(filters.date_to + timedelta(days=1)))
    rows = list(session.scalars(query))
    ids = [r.id for r in rows]
    participants = _participants(session, {r.participant_id for r in rows}, sites, pseudonymize)
    redactor = NameRedactor(_all_names(session)) if pseudonymize else None
    children = _children(session, ids, data_dir, redactor)
    grid_rows = {g.id: g for g in session.scalars(select(GridVersion))}
    used = {r.grid_version_id for r in rows} or {
        max((g for g in grid_rows.values() if g.study_id == study.id), key=lambda g: g.version).id
    }
    grids = {gid: parse(grid_rows[gid].content_hash, grid_rows[gid].source_yaml) for gid in used}
    clean = redactor.redact if redactor else _same
    interviews: list[InterviewData] = []
    for n, row in enumerate(rows, 1):
        site = sites[row.site_id]
        data = InterviewData(
            id=row.id,
            participant=participants[row.participant_id],
            site_code=site.code,
            site_name=site.name,
            interviewer=interviewers.get(row.interviewer_id, ""),
            status=row.status,
            started_at=row.started_at,
            ended_at=row.ended_at,
            place=clean(row.place),
            memo=clean(row.memo),
            abandon_reason=clean(row.abandon_reason),
            grid_version_id=row.grid_version_id,
        )
        for attr, values in children.items():
            setattr(data, attr, values.get(row.id, {} if attr == "answers" else []))
        interviews.append(data)
        if progress:
            progress(n, len(rows))
    return Dataset(
        study_id=study.id,
        study_code=study.code,
        study_title=dict(study.title or {}),
        study_language=study.language,
        grids=grids,
        interviews=interviews,
        pseudonymized=pseudonymize,
        sites={s.code: s.name for s in sites.values()},
    )


def local_midnight(day: date) -> datetime:
    """The start of `day` on this machine's clock: the dates people pick (dialog, --from/--to) are local dates,
    like the ones the dashboard shows; stored times are UTC."""
    return datetime.combine(day, time.min).astimezone()


def _same(text: str | None) -> str | None:
    return text


def _all_names(session: Session) -> list[str]:
    """Every name known for any participant: declared names, contact full names, guardians' names (whole: the
    redactor decides which of their parts are redacted alone)."""
    names: list[str] = []
    for declared in session.scalars(select(Participant.declared_names)):
        names.extend(declared or [])
    names.extend(n for n in session.scalars(select(Contact.full_name)) if n)
    names.extend(n for n in session.scalars(select(Consent.guardian_name)) if n)
    return names


def _participants(
    session: Session, ids: set[str], sites: dict[str, Site], pseudonymize: bool
) -> dict[str, ParticipantData]:
    out: dict[str, ParticipantData] = {}
    contacts: dict[str, Contact] = {}
    if not pseudonymize:
        contacts = {
            c.participant_id: c for c in session.scalars(select(Contact).where(Contact.participant_id.in_(ids)))
        }
    for p in session.scalars(select(Participant).where(Participant.id.in_(ids))):
        contact = contacts.get(p.id)
        out[p.id] = ParticipantData(
            id=p.id,
            code=p.code,
            site_code=sites[p.site_id].code,
            profile=dict(p.profile or {}),
            under_15=p.under_15,
            created_at=p.created_at,
            contact={k: getattr(contact, k) for k in CONTACT_FIELDS} if contact else None,
        )
    return out


def _children(
    session: Session, ids: list[str], data_dir: Path, redactor: NameRedactor | None
) -> dict[str, dict[str, Any]]:
    """Answers, notes, recordings, markers and consents of many interviews, grouped by interview id."""
    clean = redactor.redact if redactor else _same
    answers: dict[str, dict[str, AnswerData]] = defaultdict(dict)
    notes: dict[str, list[NoteData]] = defaultdict(list)
    recordings: dict[str, list[RecordingData]] = defaultdict(list)
    markers: dict[str, list[Marker]] = defaultdict(list)
    consents: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _chunks(ids, 500):
        for a in session.scalars(select(Answer).where(Answer.interview_id.in_(chunk))):
            value = clean(a.value) if isinstance(a.value, str) else a.value
            answers[a.interview_id][a.question_id] = AnswerData(
                a.question_id, value, clean(a.free_text), clean(a.other_text), a.status, list(a.prompts_used or []),
                a.updated_at,
            )  # fmt: skip
        for n in session.scalars(
            select(Note).where(Note.interview_id.in_(chunk)).order_by(Note.noted_at, Note.created_at, Note.id)
        ):
            flags = [f for f, on in (("quote", n.quote), ("important", n.important), ("follow_up", n.follow_up)) if on]
            text = clean(n.text) or ""
            notes[n.interview_id].append(
                NoteData(n.id, n.question_id, text, n.noted_at, n.audio_offset_ms, n.recording_id, flags)
            )
        for r in session.scalars(select(Recording).where(Recording.interview_id.in_(chunk)).order_by(Recording.id)):
            recordings[r.interview_id].append(
                RecordingData(
                    r.id, r.kind, data_dir / r.path, r.codec, r.state, r.duration_ms, r.size_bytes, r.started_at
                )
            )
        events = select(Event).where(Event.interview_id.in_(chunk), Event.kind == AUDIO_MARKER_EVENT).order_by(Event.at)
        for e in session.scalars(events):
            marker = _marker(e.payload)
            if marker and e.interview_id:
                markers[e.interview_id].append(marker)
        for c in session.scalars(select(Consent).where(Consent.interview_id.in_(chunk)).order_by(Consent.given_at)):
            consents[c.interview_id].append(_consent(c, keep_guardian=redactor is None))
    return {"answers": answers, "notes": notes, "recordings": recordings, "markers": markers, "consents": consents}


def _marker(payload: dict[str, Any] | None) -> Marker | None:
    """Markers come from the audio engine; a malformed one is skipped rather than failing the export."""
    if not isinstance(payload, dict):
        return None
    question, offset = payload.get("question_id"), payload.get("offset_ms")
    if not isinstance(question, str) or isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        return None
    return Marker(question, offset)


def _consent(c: Consent, *, keep_guardian: bool) -> dict[str, Any]:
    return {
        "participation": c.participation,
        "audio_recording": c.audio_recording,
        "quotation": c.quotation,
        "recontact": c.recontact,
        "mode": c.mode,
        "given_at": c.given_at,
        "notice_version": c.notice_version,
        "guardian_name": c.guardian_name if keep_guardian else None,
        "guardian_consent": c.guardian_consent,
    }


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
