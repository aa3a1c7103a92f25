"""Interview summary: header, consent, then theme by theme the questions, answers (option labels), prompts used,
notes with their mm:ss place in the recording (quotes highlighted) and the theme's coverage."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from capnum_desktop.domain.answers import OTHER, SectionCoverage
from capnum_desktop.domain.grid import Grid, Question, QuestionType
from capnum_desktop.reports.layout import PageInfo, esc, key_value_table, render_pdf, styles
from capnum_desktop.reports.texts import colon, quoted, words


@dataclass(frozen=True)
class SummaryInput:
    study_title: str
    grid: Grid
    session: Mapping[str, Any]  # `services.queries.show_session` data, without contact details
    coverage: Sequence[SectionCoverage]
    recording_ms: int | None = None
    visible: frozenset[str] | None = None  # questions whose show_if holds; hidden unanswered ones are left out


def mmss(offset_ms: int) -> str:
    seconds = offset_ms // 1000
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def _when(iso: str | None) -> str:
    """A stored (UTC) time as the local time of the machine printing, like everywhere else in the app."""
    if not iso:
        return "—"
    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


def utc_offset(iso: str) -> str:
    """`UTC−03:00`: this machine's offset at that moment (a real minus sign, as typeset)."""
    offset = datetime.fromisoformat(iso).astimezone().utcoffset()
    minutes = round(offset.total_seconds() / 60) if offset else 0
    sign = "−" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _duration(start: str, end: str | None) -> str:
    if not end:
        return "—"
    minutes = round((datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds() / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def answer_display(question: Question, answer: Mapping[str, Any], language: str) -> str:
    """The answer in words: option labels (never raw values), Oui/Non, the "other" text."""
    text = words(language)
    value = answer.get("value")
    if value is None or value == "" or value == []:
        return ""
    if question.type is QuestionType.YES_NO:
        return text["yes"] if value else text["no"]
    if question.type.has_options:
        values = value if isinstance(value, list) else [value]
        other = answer.get("other_text")
        return ", ".join(
            (f"{text['other']} ({other})" if other else text["other"]) if v == OTHER
            else question.option_label(str(v), language)
            for v in values
        )  # fmt: skip
    if question.type is QuestionType.SCALE:
        return f"{value} / {question.scale_max}"
    return str(value)


def build_summary(data: SummaryInput, language: str = "fr") -> bytes:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    text = words(language)
    st = styles()
    s = data.session
    title = f"{text['summary_title']} – {s['participant']}"
    story: list[Any] = [Paragraph(esc(title), st["title"])]
    status = text.get(str(s["status"]), str(s["status"]))
    header = [
        (text["participant"], s["participant"]),
        (text["site"], s.get("site_name") or s["site"]),
        (text["interviewer"], s["interviewer"]),
        (text["started"], _when(s["started_at"])),
        (text["ended"], _when(s.get("ended_at"))),
        (text["time_zone"], text["local_time"].format(offset=utc_offset(s["started_at"]))),
        (text["duration"], _duration(s["started_at"], s.get("ended_at"))),
        (text["place"], s.get("place") or "—"),
        (text["status"], status),
        (text["grid"], f"{data.grid.title.get(language)} (v{data.grid.version})"),
    ]
    if data.recording_ms:
        header.append((text["recording"], mmss(data.recording_ms)))
    story.append(key_value_table(header, st))
    story += _consent(s.get("consent") or [], text, st, language)
    notes_by_question: dict[str | None, list[Mapping[str, Any]]] = defaultdict(list)
    for note in s.get("notes") or []:
        question_id = note.get("question_id")
        notes_by_question[question_id if data.grid.has_question(question_id or "") else None].append(note)
    answers = {a["question_id"]: a for a in s.get("answers") or []}
    coverage = {c.section_id: c for c in data.coverage}
    for section in data.grid.sections:
        cov = coverage.get(section.id)
        label = ""
        if cov is not None:
            label = f"{text['cov_' + cov.state.value]} – {cov.answered}/{cov.visible}"
        heading = Paragraph(
            f"{esc(section.title.get(language))} <font size=8.5 color='#555555'>({esc(label)})</font>", st["h1"]
        )
        block: list[Any] = [heading]
        for question in section.questions:
            hidden = data.visible is not None and question.id not in data.visible
            if hidden and question.id not in answers and question.id not in notes_by_question:
                continue
            block += _question(question, answers.get(question.id), notes_by_question.pop(question.id, []), st, language)
        story.append(KeepTogether(block[:3]))
        story += block[3:]
    leftover = [n for notes in notes_by_question.values() for n in notes]
    if leftover:
        story.append(Paragraph(esc(text["notes_general"]), st["h1"]))
        story += [_note(n, st, language) for n in leftover]
    if s.get("abandon_reason"):
        story += [Paragraph(esc(text["abandon_reason"]), st["h1"]), Paragraph(esc(s["abandon_reason"]), st["body"])]
    if s.get("memo"):
        story += [Paragraph(esc(text["memo"]), st["h1"]), Paragraph(esc(s["memo"]), st["body"])]
    story.append(Spacer(1, 4))
    info = PageInfo(data.study_title, title, text["confidential"], language)
    return render_pdf(story, info, title=title)


def _consent(consents: Sequence[Mapping[str, Any]], text: dict[str, str], st: dict[str, Any], lang: str) -> list[Any]:
    from reportlab.platypus import Paragraph

    out: list[Any] = [Paragraph(esc(text["consent"]), st["h1"])]
    if not consents:
        return [*out, Paragraph(esc(text["no_consent"]), st["muted"])]
    c = consents[-1]  # the latest consent is the one in force
    yes_no = {True: text["yes"], False: text["no"], None: "—"}
    rows = [
        (text["consent_participation"], yes_no[c.get("participation")]),
        (text["consent_audio"], yes_no[c.get("audio_recording")]),
        (text["consent_quotation"], yes_no[c.get("quotation")]),
        (text["consent_recontact"], yes_no[c.get("recontact")]),
        (text["consent_mode"], text.get(str(c.get("mode")), str(c.get("mode")))),
        (text["consent_given"], _when(c.get("given_at"))),
        (text["notice_version"], str(c.get("notice_version") or "—")),
    ]
    if c.get("guardian_consent") is not None:  # the guardian's name stays in the data, not on paper
        rows.append((text["guardian"], yes_no[c.get("guardian_consent")]))
    return [*out, key_value_table(rows, st)]


def _question(
    question: Question, answer: Mapping[str, Any] | None, notes: list[Mapping[str, Any]], st: dict[str, Any], lang: str
) -> list[Any]:
    from reportlab.platypus import Paragraph

    text = words(lang)
    out: list[Any] = [Paragraph(esc(question.text.get(lang)), st["question"])]
    status = answer.get("status") if answer else None
    if answer is None or status == "not_asked":
        out.append(Paragraph(f"<i>{esc(text['not_covered'])}</i>", st["muted"]))
    elif status in ("skipped", "refused"):
        out.append(Paragraph(f"<i>{esc(text[str(status)])}</i>", st["muted"]))
    else:
        shown = answer_display(question, answer, lang)
        if shown:
            out.append(Paragraph(esc(shown), st["answer"]))
        if answer.get("free_text"):
            label = colon(text["comment"], lang) + " " if shown else ""
            out.append(Paragraph(esc(label + str(answer["free_text"])), st["answer"]))
    used = [
        question.prompts[i].get(lang) for i in (answer or {}).get("prompts_used") or [] if i < len(question.prompts)
    ]
    if used:
        out.append(Paragraph(f"<i>{esc(colon(text['prompts_used'], lang))}</i> {esc(' · '.join(used))}", st["muted"]))
    out += [_note(n, st, lang) for n in notes]
    return out


def _note(note: Mapping[str, Any], st: dict[str, Any], lang: str) -> Any:
    from reportlab.platypus import Paragraph

    text = words(lang)
    flags = list(note.get("flags") or [])
    offset = note.get("audio_offset_ms")
    stamp = (
        f"[{mmss(int(offset))}]" if offset is not None else f"[{_when(note.get('noted_at'))[11:].replace(':', 'h')}]"
    )
    tags = f" <font color='#8A5A00'>({esc(', '.join(text.get(f, f) for f in flags))})</font>" if flags else ""
    body = str(note.get("text") or "")
    if "quote" in flags:
        inner = body.strip()
        if not inner.startswith(("«", "“", '"')):
            inner = quoted(inner, lang)
        return Paragraph(f"<b>{stamp}</b> {esc(inner)}{tags}", st["quote"])
    return Paragraph(f"<b>{stamp}</b> {esc(body)}{tags}", st["note"])
