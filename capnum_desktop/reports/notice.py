"""The information notice and the consent form: the study's notice text, consent tick boxes, signatures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from capnum_desktop.reports.layout import PageInfo, esc, render_pdf, styles
from capnum_desktop.reports.texts import colon, words

BOX = "☐"


@dataclass(frozen=True)
class NoticeInput:
    study_title: str
    notice_text: str  # paragraphs separated by blank lines
    notice_version: str


def _agree_table(items: list[str], st: dict[str, Any], lang: str) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    text = words(lang)
    boxes = f"<font size=13>{BOX}</font> {esc(text['yes'])} &nbsp;&nbsp; <font size=13>{BOX}</font> {esc(text['no'])}"
    rows = [[Paragraph(esc(item), st["body"]), Paragraph(boxes, st["body"])] for item in items]
    table = Table(rows, colWidths=[135 * mm, 38 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#CCCCCC")),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _signatures(labels: list[str], st: dict[str, Any], lang: str) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    text = words(lang)
    place = f"{esc(text['done_at'])} ____________________ {esc(text['on'])} ____ / ____ / ________"
    cells = [[Paragraph(f"<b>{esc(label)}</b><br/><br/>{place}", st["cell"]) for label in labels]]
    table = Table(cells, colWidths=[174 / len(labels) * mm] * len(labels), rowHeights=[34 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def build_notice(data: NoticeInput, language: str = "fr") -> bytes:
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

    text = words(language)
    st = styles()
    story: list[Any] = [
        Paragraph(esc(data.study_title), st["title"]),
        Paragraph(esc(text["notice_title"]), st["h2"]),
        Paragraph(esc(f"{colon(text['notice_version'], language)} {data.notice_version}"), st["small"]),
        Spacer(1, 6),
    ]
    for paragraph in [p.strip() for p in data.notice_text.split("\n\n") if p.strip()]:
        story.append(Paragraph(esc(" ".join(paragraph.split())), st["body"]))
    story.append(Paragraph(f"<i>{esc(text['withdraw'])}</i>", st["body"]))
    story.append(CondPageBreak(140 * 2.8346))
    agree = [text["agree_participation"], text["agree_audio"], text["agree_quotation"], text["agree_recontact"]]
    story.append(
        KeepTogether(
            [
                Paragraph(esc(text["consent_form"]), st["h1"]),
                Paragraph(esc(f"{colon(text['code_box'], language)} ______________"), st["body"]),
                Paragraph(esc(text["consent_intro"]), st["body"]),
                _agree_table(agree, st, language),
                Spacer(1, 8),
                _signatures([text["signature_participant"], text["signature_interviewer"]], st, language),
            ]
        )
    )
    story.append(
        KeepTogether(
            [
                Paragraph(esc(text["guardian_block"]), st["h2"]),
                Paragraph(
                    esc(f"{colon(text['guardian_name'], language)} ________________________________"), st["body"]
                ),
                _agree_table([text["agree_participation"], text["agree_audio"]], st, language),
                Spacer(1, 6),
                _signatures([text["signature_guardian"]], st, language),
            ]
        )
    )
    info = PageInfo(data.study_title, text["notice_title"], text["confidential_blank"], language)
    return render_pdf(story, info, title=f"{data.study_title} – {text['notice_title']}")
