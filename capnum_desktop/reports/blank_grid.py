"""The blank grid on paper, for an interview without the laptop: every theme and question, lines or boxes to
write in, options as tick boxes, prompts to tick when used."""

from __future__ import annotations

from typing import Any

from capnum_desktop.domain.grid import Grid, Question, QuestionType
from capnum_desktop.reports.layout import PageInfo, esc, render_pdf, styles
from capnum_desktop.reports.texts import colon, words

BOX = "☐"
LINE_MM = 7.5
LINES = {QuestionType.LONG_TEXT: 7, QuestionType.TEXT: 2}


def writing_lines(count: int) -> Any:
    """A flowable of `count` ruled lines across the frame: room to write by hand."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable

    class Lines(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, count * LINE_MM * mm + 2

        def draw(self) -> None:
            canvas = self.canv
            canvas.setStrokeColor(colors.HexColor("#9AA5B1"))
            canvas.setLineWidth(0.4)
            for n in range(count):
                y = n * LINE_MM * mm + 1
                canvas.line(10, y, self.width, y)

    return Lines()


def _choices(question: Question, lang: str) -> str:
    text = words(lang)
    if question.type is QuestionType.YES_NO:
        items = [text["yes"], text["no"]]
    elif question.type is QuestionType.SCALE:
        items = [str(n) for n in range(question.scale_min, question.scale_max + 1)]
        if question.scale_labels:
            low, high = (label.get(lang) for label in question.scale_labels)
            items[0], items[-1] = f"{items[0]} ({low})", f"{items[-1]} ({high})"
    else:
        items = [o.label.get(lang) for o in question.options]
        if question.allow_other:
            items.append(colon(text["other"], lang) + " ____________")
    # Non-breaking spaces inside an option keep its box and its words on one line.
    return "&nbsp;&nbsp;&nbsp; ".join(f"<font size=12>{BOX}</font>&nbsp;{esc(i).replace(' ', '&nbsp;')}" for i in items)


def _question(number: str, question: Question, st: dict[str, Any], lang: str) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph

    text = words(lang)
    block: list[Any] = [Paragraph(f"{number}&nbsp;&nbsp;{esc(question.text.get(lang))}", st["question"])]
    if question.help:
        block.append(Paragraph(f"<i>{esc(question.help.get(lang))}</i>", st["muted"]))
    if question.type.has_options or question.type in (QuestionType.YES_NO, QuestionType.SCALE):
        block.append(Paragraph(_choices(question, lang), st["answer"]))
        if question.type is QuestionType.MULTI_CHOICE or question.allow_other:
            block.append(writing_lines(1))
    elif question.type in (QuestionType.NUMBER, QuestionType.DATE):
        hint = "____ / ____ / ________" if question.type is QuestionType.DATE else "________"
        block.append(Paragraph(esc(hint), st["answer"]))
    else:
        block.append(writing_lines(LINES.get(question.type, 3)))
    if question.prompts:
        prompts = " ".join(f"<font size=11>{BOX}</font>&nbsp;{esc(p.get(lang))}&nbsp;&nbsp;" for p in question.prompts)
        block.append(Paragraph(f"<i>{esc(colon(text['prompts'], lang))}</i> {prompts}", st["muted"]))
    return [KeepTogether(block)]


def build_blank_grid(grid: Grid, study_title: str, language: str = "fr") -> bytes:
    from reportlab.platypus import Paragraph

    text = words(language)
    st = styles()
    title = f"{text['grid_title']} – {grid.title.get(language)}"
    story: list[Any] = [Paragraph(esc(grid.title.get(language)), st["title"])]
    story.append(Paragraph(esc(f"{text['grid_title']} · v{grid.version}"), st["small"]))
    if grid.description:
        story.append(Paragraph(f"<i>{esc(grid.description.get(language))}</i>", st["body"]))
    fields = [text["code_box"], text["site"], text["date"], text["interviewer"], text["place"], text["started"],
              text["ended"]]  # fmt: skip
    story.append(Paragraph(" &nbsp; ".join(f"{esc(colon(f, language))} ______________" for f in fields), st["body"]))
    if grid.profile:
        story.append(Paragraph(esc(text["profile"]), st["h1"]))
        for n, question in enumerate(grid.profile, 1):
            story += _question(f"P{n}.", question, st, language)
    for s_index, section in enumerate(grid.sections, 1):
        story.append(Paragraph(f"{s_index}. {esc(section.title.get(language))}", st["h1"]))
        if section.goal:
            story.append(Paragraph(f"<i>{esc(section.goal.get(language))}</i>", st["muted"]))
        for q_index, question in enumerate(section.questions, 1):
            story += _question(f"{s_index}.{q_index}", question, st, language)
    story.append(Paragraph(esc(text["notes_box"]), st["h1"]))
    story.append(writing_lines(10))
    info = PageInfo(study_title, text["grid_title"], text["confidential_blank"], language)
    return render_pdf(story, info, title=title)
