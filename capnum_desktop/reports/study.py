"""Study overview: counts per site, interviewer and status, theme coverage, bar charts of closed questions and
interview durations. Takes plain figures (`StudyStats`), computed by the report service."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from capnum_desktop.reports.charts import horizontal_bars, vertical_bars
from capnum_desktop.reports.layout import PageInfo, esc, grid_table, render_pdf, styles
from capnum_desktop.reports.texts import colon, words

STATUSES = ("completed", "in_progress", "abandoned")
COVERAGE = ("covered", "partial", "skipped", "not_started")


@dataclass(frozen=True)
class ClosedQuestionStats:
    theme: str
    text: str
    answered: int
    counts: list[tuple[str, int]]  # option label (or value bin) -> answers


@dataclass
class StudyStats:
    study_title: str
    printed_on: date
    total: int
    per_site: list[tuple[str, dict[str, int]]]  # site name -> status -> count
    per_interviewer: list[tuple[str, dict[str, int]]]
    theme_coverage: list[tuple[str, dict[str, int]]]  # theme title -> coverage state -> interviews
    closed: list[ClosedQuestionStats] = field(default_factory=list)
    durations_min: list[float] = field(default_factory=list)


def _count_rows(rows: list[tuple[str, dict[str, int]]], keys: tuple[str, ...], total_label: str) -> list[list[object]]:
    out: list[list[object]] = [[name, *(counts.get(k, 0) for k in keys), sum(counts.values())] for name, counts in rows]
    totals = [sum(counts.get(k, 0) for _, counts in rows) for k in keys]
    return [*out, [total_label, *totals, sum(totals)]]


def duration_bins(minutes: list[float]) -> list[tuple[str, int]]:
    edges = [0, 30, 45, 60, 75, 90, 120]
    bins = [(f"{low}–{high}", 0) for low, high in itertools.pairwise(edges)] + [("120+", 0)]
    counts = [0] * len(bins)
    for value in minutes:
        index = next((i for i, high in enumerate(edges[1:]) if value < high), len(bins) - 1)
        counts[index] += 1
    return [(label, counts[i]) for i, (label, _) in enumerate(bins)]


def build_study_report(stats: StudyStats, language: str = "fr") -> bytes:
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph

    text = words(language)
    st = styles()
    status_names = [text[s] for s in STATUSES]
    story: list[Any] = [
        Paragraph(esc(stats.study_title), st["title"]),
        Paragraph(esc(text["study_title"]), st["h2"]),
        Paragraph(esc(text["generated"].format(date=stats.printed_on.isoformat())), st["small"]),
        Paragraph(esc(f"{colon(text['interviews'], language)} {stats.total}"), st["body"]),
    ]
    if not stats.total:
        story.append(Paragraph(esc(text["no_data"]), st["muted"]))
    widths = (64, 26, 26, 26, 22)
    story.append(Paragraph(esc(text["per_site"]), st["h1"]))
    header = [text["site"], *status_names, text["total"]]
    story.append(grid_table(header, _count_rows(stats.per_site, STATUSES, text["total"]), st, widths))
    story.append(Paragraph(esc(text["per_interviewer"]), st["h1"]))
    header = [text["interviewer"], *status_names, text["total"]]
    story.append(grid_table(header, _count_rows(stats.per_interviewer, STATUSES, text["total"]), st, widths))
    story.append(Paragraph(esc(text["theme_coverage"]), st["h1"]))
    header = [text["theme"], *(text[f"cov_{c}"] for c in COVERAGE)]
    rows = [[theme, *(counts.get(c, 0) for c in COVERAGE)] for theme, counts in stats.theme_coverage]
    story.append(grid_table(header, rows, st, (78, 24, 24, 24, 24)))
    heading = Paragraph(esc(text["durations"]), st["h1"])
    minutes = sorted(stats.durations_min)
    if minutes:
        median = minutes[len(minutes) // 2] if len(minutes) % 2 else (minutes[len(minutes) // 2 - 1] +
                                                                     minutes[len(minutes) // 2]) / 2  # fmt: skip
        summary = text["durations_text"].format(
            n=len(minutes), median=round(median), low=round(minutes[0]), high=round(minutes[-1])
        )
        chart = vertical_bars(duration_bins(minutes), text["minutes"])
        story.append(KeepTogether([heading, Paragraph(esc(summary), st["body"]), chart]))
    else:
        story += [heading, Paragraph(esc(text["no_data"]), st["muted"])]
    if stats.closed:
        story += [PageBreak(), Paragraph(esc(text["closed_questions"]), st["h1"])]
    theme = None
    for question in stats.closed:
        block: list[Any] = []
        if question.theme != theme:
            theme = question.theme
            block.append(Paragraph(esc(theme), st["h2"]))
        block.append(Paragraph(esc(question.text), st["question"]))
        block.append(Paragraph(esc(text["answered_n"].format(n=question.answered)), st["small"]))
        block.append(horizontal_bars(question.counts, question.answered))
        story.append(KeepTogether(block))
    info = PageInfo(stats.study_title, text["study_title"], text["confidential"], language)
    return render_pdf(story, info, title=f"{stats.study_title} – {text['study_title']}")
