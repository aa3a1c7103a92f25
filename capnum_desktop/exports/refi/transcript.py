"""The readable text of one interview (question, then answer, theme by theme) and where each answer sits in it.

Positions are counted in Unicode code points of the final text, which is what REFI-QDA readers index (QualCoder
slices Python strings), after line endings were turned into LF (a CRLF shifts QualCoder's positions).
Nothing is normalized otherwise: "é" written as e + U+0301 stays two code points, in the file and in positions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from capnum_desktop.domain.answers import OTHER
from capnum_desktop.domain.grid import Grid, Question, QuestionType
from capnum_desktop.exports.dataset import AnswerData, InterviewData

LABELS = {
    "fr": {
        "interview": "Entretien du {date}",
        "site": "Site : {site}",
        "interviewer": "Enquêteur ou enquêtrice : {name}",
        "question": "Q. ",
        "answer": "R. ",
        "yes": "Oui",
        "no": "Non",
        "other": "Autre",
        "comment": "Commentaire : ",
        "skipped": "(question passée)",
        "refused": "(la personne n’a pas souhaité répondre)",
    },
    "en": {
        "interview": "Interview of {date}",
        "site": "Site: {site}",
        "interviewer": "Interviewer: {name}",
        "question": "Q. ",
        "answer": "A. ",
        "yes": "Yes",
        "no": "No",
        "other": "Other",
        "comment": "Comment: ",
        "skipped": "(question skipped)",
        "refused": "(the person preferred not to answer)",
    },
}


@dataclass(frozen=True)
class Span:
    question_id: str
    start: int  # code point offsets into Transcript.text, end exclusive
    end: int


@dataclass(frozen=True)
class Transcript:
    text: str
    spans: tuple[Span, ...]


def lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["fr"])


def answer_text(question: Question, answer: AnswerData, language: str) -> str:
    """The answer as a reader would write it: option labels, Oui/Non, then any comment on its own line."""
    words = labels(language)
    value: Any = answer.value
    if answer.status == "skipped":
        return words["skipped"]
    if answer.status == "refused":
        return words["refused"]
    parts: list[str] = []
    if value is None or value == "" or value == []:
        pass
    elif question.type is QuestionType.YES_NO:
        parts.append(words["yes"] if value else words["no"])
    elif question.type.has_options:
        values = value if isinstance(value, list) else [value]
        shown = [
            (f"{words['other']} : {answer.other_text}" if answer.other_text else words["other"])
            if v == OTHER
            else question.option_label(v, language)
            for v in values
        ]
        parts.append(", ".join(shown))
    else:
        parts.append(str(value))
    if answer.free_text:
        parts.append(words["comment"] + answer.free_text if parts else answer.free_text)
    return lf("\n".join(parts))


def build_transcript(interview: InterviewData, grid: Grid, title: str, language: str) -> Transcript:
    words = labels(language)
    pieces: list[str] = []
    length = 0
    spans: list[Span] = []

    def add(text: str) -> None:
        nonlocal length
        pieces.append(text)
        length += len(text)

    add(f"{interview.participant.code} — {lf(title)}\n")
    add(words["interview"].format(date=interview.started_at.date().isoformat()) + "\n")
    add(words["site"].format(site=interview.site_name) + "\n")
    add(words["interviewer"].format(name=interview.interviewer) + "\n")
    for section in grid.sections:
        answered = [q for q in section.questions if q.id in interview.answers]
        if not answered:
            continue
        add(f"\n# {lf(section.title.get(language))}\n")
        for question in answered:
            body = answer_text(question, interview.answers[question.id], language)
            add(f"\n{words['question']}{lf(question.text.get(language))}\n{words['answer']}")
            if body and interview.answers[question.id].status == "answered":
                spans.append(Span(question.id, length, length + len(body)))
            add(body + "\n")
    return Transcript("".join(pieces), tuple(spans))
