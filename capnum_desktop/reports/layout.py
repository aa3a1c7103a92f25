"""Page layout shared by every report: A4, the study title on top, "page X / Y" and a confidentiality line below.

"page X / Y" needs the page count before the last page is drawn: the canvas keeps each page's state and draws
the footers when the document is saved (the classic reportlab "numbered canvas").
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from capnum_desktop.reports.fonts import FONT, FONT_BOLD, FONT_ITALIC, register_fonts
from capnum_desktop.reports.texts import words

MARGIN_MM = 18
HIGHLIGHT = "#FFF2A8"  # quotes
MUTED = "#666666"
# Control characters have no glyph (an empty box on paper): Word's manual line break \x0b is a line break,
# the others a space.
_CONTROL = re.compile("[\x00-\x08\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class PageInfo:
    header: str  # the study title
    subtitle: str  # the report kind (and participant)
    footer: str  # the confidentiality line
    language: str


def esc(text: object) -> str:
    """Text for a reportlab Paragraph (a small XML dialect): escape it, keep line breaks."""
    clean = _CONTROL.sub(" ", str(text).replace("\x0b", "\n"))
    return escape(clean).replace("\n", "<br/>")


def styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, spaceAfter=3)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.HexColor(MUTED)),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=17, leading=21, spaceAfter=8),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=FONT_BOLD, fontSize=13, leading=16, spaceBefore=10, spaceAfter=5,
            textColor=colors.HexColor("#1F3A5F"),
        ),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=10.5, leading=13, spaceBefore=6),
        "question": ParagraphStyle("question", parent=base, fontName=FONT_BOLD, spaceBefore=5, spaceAfter=1),
        "answer": ParagraphStyle("answer", parent=base, leftIndent=10),
        "muted": ParagraphStyle("muted", parent=base, leftIndent=10, textColor=colors.HexColor(MUTED)),
        "italic": ParagraphStyle("italic", parent=base, fontName=FONT_ITALIC),
        "quote": ParagraphStyle(
            "quote", parent=base, fontName=FONT_ITALIC, leftIndent=10, backColor=colors.HexColor(HIGHLIGHT),
            borderPadding=(2, 3, 2, 3), spaceBefore=2, spaceAfter=4,
        ),
        "note": ParagraphStyle("note", parent=base, leftIndent=10, fontSize=9, leading=11.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
    }  # fmt: skip


def _numbered_canvas(info: PageInfo) -> Any:
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    text = words(info.language)

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(pages)
                super().showPage()
            super().save()

        def _decorate(self, pages: int) -> None:
            width, height = self._pagesize
            margin = MARGIN_MM * 2.834645669
            self.saveState()
            self.setStrokeColor(colors.HexColor("#BBBBBB"))
            self.setLineWidth(0.5)
            self.line(margin, height - margin + 14, width - margin, height - margin + 14)
            self.line(margin, margin - 10, width - margin, margin - 10)
            self.setFillColor(colors.HexColor(MUTED))
            self.setFont(FONT, 8)
            self.drawString(margin, height - margin + 18, info.header)
            self.drawRightString(width - margin, height - margin + 18, info.subtitle)
            self.drawString(margin, margin - 20, info.footer)
            self.drawRightString(width - margin, margin - 20, text["page"].format(page=self._pageNumber, pages=pages))
            self.restoreState()

    return NumberedCanvas


def render_pdf(story: Sequence[Any], info: PageInfo, *, title: str) -> bytes:
    """Lay out `story` on A4 pages and return the PDF bytes (the caller writes them atomically)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=(MARGIN_MM + 4) * mm,
        bottomMargin=(MARGIN_MM + 2) * mm,
        title=title,
        author=info.header,
        creator="CapNum Desktop",
        lang="fr-FR" if info.language == "fr" else "en-GB",
    )
    doc.build(list(story), canvasmaker=_numbered_canvas(info))
    return buffer.getvalue()


def key_value_table(
    rows: Sequence[tuple[str, str]], st: dict[str, Any], widths: tuple[float, float] = (45, 130)
) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [[Paragraph(esc(k), st["cell_bold"]), Paragraph(esc(v), st["cell"])] for k, v in rows]
    table = Table(data, colWidths=[widths[0] * mm, widths[1] * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#DDDDDD")),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def grid_table(
    header: Sequence[str], rows: Sequence[Sequence[object]], st: dict[str, Any], widths: Sequence[float]
) -> Any:
    """A plain table with a shaded header row (counts per site, coverage...)."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [[Paragraph(esc(h), st["cell_bold"]) for h in header]]
    data += [[Paragraph(esc(c), st["cell"]) for c in row] for row in rows]
    table = Table(data, colWidths=[w * mm for w in widths], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF5")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#BBBBBB")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table
