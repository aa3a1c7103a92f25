"""The REFI-QDA project document (project.qde, Project.xsd) and the files it points at under sources/.

Shaped for QualCoder's importer as well as the schema (see docs/decisions/refi-qda-mapping.md): `origin` on the
Project, `creationDateTime` on every note, text through `plainTextPath` files with LF line endings, unique code
names, question markers as AudioSelections. Every GUID is a uuid5 of our ids, every date comes from the data:
the same database exported twice gives byte-identical XML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from capnum_desktop.domain.grid import Question, QuestionType, Section
from capnum_desktop.exports.dataset import Dataset, InterviewData, NoteData, RecordingData
from capnum_desktop.exports.refi.codebook import code_elements, codebook_entries, question_code_guid
from capnum_desktop.exports.refi.guids import guid
from capnum_desktop.exports.refi.transcript import build_transcript, lf

NS = "urn:QDA-XML:project:1.0"
NOTE_SPAN_MS = 30_000  # how much audio a note's AudioSelection covers, from the moment it was typed
# The standard keeps sources over 2 GB outside the archive (relative:// from basePath).
MAX_INTERNAL_BYTES = 2 * 1024**3
Progress = Callable[[int, int], None]
# Characters XML 1.0 forbids (most C0 controls, e.g. Word's manual line break \x0b): ElementTree would write them
# and every reader would refuse the file. The plain-text sources keep them; the XML gets a space instead.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class SourceFile:
    name: str  # file name under sources/ (or in the external folder)
    data: bytes | None = None
    path: Path | None = None  # copied from disk (audio)
    external: bool = False  # too big for the archive: written beside it


@dataclass
class ProjectPackage:
    xml: bytes
    files: list[SourceFile]


def _tag(name: str) -> str:
    return name  # unprefixed: the root declares xmlns (ElementTree's default_namespace refuses plain attributes)


def _sub(parent: ET.Element, tag: str, /, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, _tag(tag), attrs)


def xml_datetime(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def mmss(offset_ms: int) -> str:
    seconds = offset_ms // 1000
    return (
        f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        if seconds >= 3600
        else (f"{seconds // 60:02d}:{seconds % 60:02d}")
    )


def _theme_sections(dataset: Dataset) -> list[tuple[Section, list[Question]]]:
    grouped: dict[str, tuple[Section, list[Question]]] = {}
    for section, question in dataset.questions():
        if section is not None:
            grouped.setdefault(section.id, (section, []))[1].append(question)
    return list(grouped.values())


class _Variables:
    """Case and source variables: the profile (typed), plus the participant code, site, interviewer and date."""

    FIXED = (("participant", "Participant", "Text"), ("site", "Site", "Text"), ("interviewer", "Interviewer", "Text"),
             ("date", "Date", "Date"))  # fmt: skip

    def __init__(self, dataset: Dataset, language: str) -> None:
        self.language = language
        self.profile: list[Question] = [q for s, q in dataset.questions() if s is None]
        self.kinds: dict[str, tuple[str, str]] = {key: (name, kind) for key, name, kind in self.FIXED}
        names = {name.casefold() for _, name, _ in self.FIXED}
        for q in self.profile:
            name = " ".join(q.text.get(language).split())
            if name.casefold() in names:
                name = f"{name} [{q.id}]"
            names.add(name.casefold())
            self.kinds[q.id] = (name, self._kind(q, dataset))

    @staticmethod
    def _kind(q: Question, dataset: Dataset) -> str:
        if q.type is QuestionType.YES_NO:
            return "Boolean"
        if q.type is QuestionType.DATE:
            return "Date"
        if q.type in (QuestionType.NUMBER, QuestionType.SCALE):
            values = [p.profile.get(q.id) for p in dataset.participants]
            return "Float" if any(isinstance(v, float) for v in values) else "Integer"
        return "Text"

    def element(self, parent: ET.Element) -> None:
        variables = _sub(parent, "Variables")
        for key, (name, kind) in self.kinds.items():
            _sub(variables, "Variable", guid=guid("variable", key), name=name, typeOfVariable=kind)

    def value(self, parent: ET.Element, key: str, value: Any) -> None:
        if value is None or value == "" or value == []:
            return
        kind = self.kinds[key][1]
        question = next((q for q in self.profile if q.id == key), None)
        if kind == "Text" and question is not None and question.type.has_options:
            values = value if isinstance(value, list) else [value]
            value = ", ".join(question.option_label(str(v), self.language) for v in values)
        if kind == "Boolean" and not isinstance(value, bool):
            return
        element = _sub(parent, "VariableValue")
        _sub(element, "VariableRef", targetGUID=guid("variable", key))
        text = ("true" if value else "false") if kind == "Boolean" else str(value)
        if kind == "Float":
            text = format(float(value), "f")  # xsd:decimal has no exponent
        _sub(element, f"{kind}Value").text = text


def build_project(
    dataset: Dataset,
    *,
    origin: str,
    language: str | None = None,
    max_internal_bytes: int | None = None,
    external_base: str | None = None,
    progress: Progress | None = None,
) -> ProjectPackage:
    lang = language or dataset.study_language
    limit = MAX_INTERNAL_BYTES if max_internal_bytes is None else max_internal_bytes
    stamps = [i.ended_at or i.started_at for i in dataset.interviews]
    created = max(stamps, default=datetime(2000, 1, 1, tzinfo=UTC))
    root = ET.Element("Project", {"xmlns": NS, "name": dataset.title(lang), "origin": origin})
    root.set("creationDateTime", xml_datetime(created))
    users = _sub(root, "Users")
    for name in sorted({i.interviewer for i in dataset.interviews}):
        _sub(users, "User", guid=guid("user", name), name=name)
    codebook = _sub(_sub(root, "CodeBook"), "Codes")
    themes = _theme_sections(dataset)
    code_elements(codebook, codebook_entries(themes, lang))
    coded = {q.id for _, questions in themes for q in questions}
    variables = _Variables(dataset, lang)
    variables.element(root)
    _cases(root, dataset, variables)
    sources = _sub(root, "Sources")
    notes_root = ET.Element(_tag("Notes"))
    files: list[SourceFile] = []
    title = dataset.title(lang)
    for n, interview in enumerate(dataset.interviews, 1):
        grid = dataset.grids[interview.grid_version_id]
        transcript = build_transcript(interview, grid, title, lang)
        text_guid = guid("text", interview.id)
        files.append(SourceFile(f"{text_guid}.txt", transcript.text.encode("utf-8")))
        user = guid("user", interview.interviewer)
        note_refs: dict[str | None, list[str]] = defaultdict(list)
        for note in interview.notes:
            note_refs[note.question_id].append(_note(notes_root, files, interview, note, user))
        memo_guid = _memo(notes_root, files, interview, user)
        source = _sub(sources, "TextSource", guid=text_guid, name=_source_name(interview, "entretien", lang))
        source.set("plainTextPath", f"internal://{text_guid}.txt")
        source.set("creatingUser", user)
        source.set("creationDateTime", xml_datetime(interview.started_at))
        for span in transcript.spans:
            answer = interview.answers[span.question_id]
            selection = _sub(source, "PlainTextSelection", guid=guid("selection", interview.id, span.question_id))
            selection.set("name", span.question_id)
            selection.set("startPosition", str(span.start))
            selection.set("endPosition", str(span.end))
            selection.set("creatingUser", user)
            selection.set("creationDateTime", xml_datetime(answer.updated_at))
            _coding(
                selection, guid("coding", interview.id, span.question_id), span.question_id, user, answer.updated_at
            )
            for ref in note_refs.pop(span.question_id, []):
                _sub(selection, "NoteRef", targetGUID=ref)
        for ref in [memo_guid] if memo_guid else []:
            _sub(source, "NoteRef", targetGUID=ref)
        _source_variables(source, variables, interview)
        recording = interview.main_recording()
        if recording is not None:
            _audio(sources, files, interview, recording, variables, user, limit, lang, coded)
        if progress:
            progress(n, len(dataset.interviews))
    if len(notes_root):
        root.append(notes_root)
    if external_base and any(f.external for f in files):
        root.set("basePath", external_base)
    _xml_safe(root)
    ET.indent(root)
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
    return ProjectPackage(xml, files)


def _xml_safe(root: ET.Element) -> None:
    for element in root.iter():
        if element.text and _NOT_XML.search(element.text):
            element.text = _NOT_XML.sub(" ", element.text)
        for key, value in element.attrib.items():
            if _NOT_XML.search(value):
                element.set(key, _NOT_XML.sub(" ", value))


def _source_name(interview: InterviewData, kind: str, language: str) -> str:
    word = {"entretien": "interview", "enregistrement": "recording"}.get(kind, kind) if language == "en" else kind
    return f"{interview.participant.code} {interview.started_at.date().isoformat()} {word}"


def _source_variables(source: ET.Element, variables: _Variables, interview: InterviewData) -> None:
    variables.value(source, "participant", interview.participant.code)
    variables.value(source, "site", interview.site_name)
    variables.value(source, "interviewer", interview.interviewer)
    variables.value(source, "date", interview.started_at.date().isoformat())


def _cases(root: ET.Element, dataset: Dataset, variables: _Variables) -> None:
    participants = dataset.participants
    if not participants:
        return
    by_participant: dict[str, list[InterviewData]] = defaultdict(list)
    for interview in dataset.interviews:
        by_participant[interview.participant.id].append(interview)
    cases = _sub(root, "Cases")
    for p in participants:
        case = _sub(cases, "Case", guid=guid("case", p.id), name=p.code)
        variables.value(case, "participant", p.code)
        variables.value(case, "site", dataset.sites.get(p.site_code, p.site_code))
        for q in variables.profile:
            variables.value(case, q.id, p.profile.get(q.id))
        for interview in by_participant[p.id]:
            _sub(case, "SourceRef", targetGUID=guid("text", interview.id))
            recording = interview.main_recording()
            if recording is not None:
                _sub(case, "SourceRef", targetGUID=guid("audio", recording.id))


def _coding(parent: ET.Element, coding_guid: str, question_id: str, user: str, when: datetime) -> None:
    coding = _sub(parent, "Coding", guid=coding_guid, creatingUser=user, creationDateTime=xml_datetime(when))
    _sub(coding, "CodeRef", targetGUID=question_code_guid(question_id))


def _note(root: ET.Element, files: list[SourceFile], interview: InterviewData, note: NoteData, user: str) -> str:
    note_guid = guid("note", note.id)
    where = f" {mmss(note.audio_offset_ms)}" if note.audio_offset_ms is not None else ""
    flags = f" ({', '.join(note.flags)})" if note.flags else ""
    element = _sub(root, "Note", guid=note_guid, name=f"{interview.participant.code} note{where}{flags}")
    element.set("plainTextPath", f"internal://{note_guid}.txt")
    element.set("creatingUser", user)
    element.set("creationDateTime", xml_datetime(note.noted_at))
    files.append(SourceFile(f"{note_guid}.txt", lf(note.text).encode("utf-8")))
    return note_guid


def _memo(root: ET.Element, files: list[SourceFile], interview: InterviewData, user: str) -> str | None:
    if not interview.memo:
        return None
    memo_guid = guid("memo", interview.id)
    element = _sub(root, "Note", guid=memo_guid, name=f"{interview.participant.code} mémo")
    element.set("plainTextPath", f"internal://{memo_guid}.txt")
    element.set("creatingUser", user)
    element.set("creationDateTime", xml_datetime(interview.ended_at or interview.started_at))
    files.append(SourceFile(f"{memo_guid}.txt", lf(interview.memo).encode("utf-8")))
    return memo_guid


def _audio(
    sources: ET.Element,
    files: list[SourceFile],
    interview: InterviewData,
    recording: RecordingData,
    variables: _Variables,
    user: str,
    max_internal_bytes: int,
    language: str,
    coded: set[str],
) -> None:
    audio_guid = guid("audio", recording.id)
    file_name = f"{audio_guid}{recording.path.suffix.lower()}"
    external = recording.path.stat().st_size > max_internal_bytes
    files.append(SourceFile(file_name, path=recording.path, external=external))
    source = _sub(sources, "AudioSource", guid=audio_guid, name=_source_name(interview, "enregistrement", language))
    source.set("path", f"relative://{file_name}" if external else f"internal://{file_name}")
    source.set("creatingUser", user)
    source.set("creationDateTime", xml_datetime(recording.started_at))
    duration = recording.duration_ms
    markers = sorted(
        (m for m in interview.markers if 0 <= m.offset_ms < duration and m.question_id in coded),
        key=lambda m: m.offset_ms,
    )
    for index, marker in enumerate(markers):
        end = markers[index + 1].offset_ms if index + 1 < len(markers) else duration
        if end <= marker.offset_ms:
            continue
        ident = f"{marker.question_id}@{marker.offset_ms}"
        selection = _sub(source, "AudioSelection", guid=guid("audio-selection", recording.id, ident))
        selection.set("name", f"{marker.question_id} {mmss(marker.offset_ms)}")
        selection.set("begin", str(marker.offset_ms))
        selection.set("end", str(end))
        selection.set("creatingUser", user)
        _coding(selection, guid("audio-coding", recording.id, ident), marker.question_id, user, recording.started_at)
    for note in interview.notes:
        offset = note.audio_offset_ms
        if offset is None or not 0 <= offset < duration or note.recording_id not in (None, recording.id):
            continue
        selection = _sub(source, "AudioSelection", guid=guid("audio-note", note.id))
        selection.set("name", f"note {mmss(offset)}")
        selection.set("begin", str(offset))
        selection.set("end", str(min(duration, offset + NOTE_SPAN_MS)))
        selection.set("creatingUser", user)
        _sub(selection, "NoteRef", targetGUID=guid("note", note.id))
    _source_variables(source, variables, interview)
