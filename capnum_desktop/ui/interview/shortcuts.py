"""The interview keyboard, in one place (docs/interviewing.md lists the same keys).

Ctrl+N (new interview) and Ctrl+Q (quit) belong to the main window, hence Ctrl+M/F2 and Ctrl+Shift+Q.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

NEXT_QUESTION = ("Ctrl+Down", "Alt+Right")
PREVIOUS_QUESTION = ("Ctrl+Up", "Alt+Left")
NEXT_THEME = ("Ctrl+PgDown",)
PREVIOUS_THEME = ("Ctrl+PgUp",)
FOCUS_ANSWER = ("Ctrl+E",)
NEW_NOTE = ("Ctrl+M", "F2")
FLAG_QUOTE = ("Ctrl+Shift+Q",)
FLAG_IMPORTANT = ("Ctrl+Shift+I",)
FLAG_FOLLOW_UP = ("Ctrl+Shift+U",)
SKIPPED = ("Ctrl+Shift+S",)
REFUSED = ("Ctrl+Shift+X",)
TOGGLE_RECORDING = ("Ctrl+R",)
VOICE_MEMO = ("Ctrl+Shift+M",)
FINISH = ("Ctrl+Shift+F",)
PROMPT = tuple(f"Ctrl+{n}" for n in range(1, 10))  # tick follow-up prompt n of the current question


def sequences(keys: tuple[str, ...]) -> list[QKeySequence]:
    return [QKeySequence(k) for k in keys]


def native(keys: tuple[str, ...]) -> str:
    """The first key as the platform writes it, for tooltips."""
    return QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
