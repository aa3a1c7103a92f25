"""The embedded Unicode font: DejaVu Sans renders accents, « », ’ and the narrow no-break space (U+202F)
that French typography puts before : ; ? ! (Helvetica has no U+202F)."""

from __future__ import annotations

import threading

from capnum_desktop.bundled import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf", FONT_ITALIC: "DejaVuSans-Oblique.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the fonts with reportlab once per process (safe from several threads)."""
    global _registered
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
        addMapping(FONT, 0, 0, FONT)
        addMapping(FONT, 1, 0, FONT_BOLD)
        addMapping(FONT, 0, 1, FONT_ITALIC)
        addMapping(FONT, 1, 1, FONT_BOLD)  # no bold oblique shipped: bold is closer than italic
        _keep_narrow_no_break_space()
        _registered = True


def _keep_narrow_no_break_space() -> None:
    """Make reportlab's paragraphs treat U+202F as what it is: a space that never breaks a line.

    reportlab (like Python's str.split) counts U+202F as breakable white space: "questions :" could wrap
    before its colon and the narrow space would print as a plain one. Word splitting is done by the module-level
    `split` function of reportlab.platypus.paragraph; ours splits on the same characters minus U+00A0 and U+202F.
    """
    import re

    from reportlab.platypus import paragraph

    breakable = "".join(c for c in paragraph._wsc if c not in "\u00a0\u202f")
    splitter = re.compile(f"[{re.escape(breakable)}]+").split

    def split(text: str, delim: str | None = None) -> list[str]:
        return splitter(text) if delim is None else text.split(delim)

    paragraph.split = split
