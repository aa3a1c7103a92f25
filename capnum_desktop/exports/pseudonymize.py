"""Replacing people's names in free text for pseudonymized exports.

Names are matched as whole words, case-insensitively, ignoring accents ("Inès" also catches "Ines" and
"INÈS"), and the longest names first so that "Marie-Claire" is not left as "[prénom]-Claire".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import overload

NAME_PLACEHOLDER = "[prénom]"
MIN_NAME_LENGTH = 2  # a one-letter "name" would eat every "a" and "y" of the French language


def names_of(full_name: str | None) -> list[str]:
    """A full name and its parts ("Awa Diallo" -> ["Awa Diallo", "Awa", "Diallo"]); hyphenated parts kept whole."""
    if not full_name or not full_name.strip():
        return []
    parts = [p for p in re.split(r"[\s,]+", full_name.strip()) if p]
    return [full_name.strip(), *parts]


class _FoldTable(dict[int, str]):
    """`str.translate` table computed on demand: lower case without accents, one character for one."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        base = [c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)]
        folded = base[0].lower() if base else char
        value = folded if len(folded) == 1 else char
        self[code] = value
        return value


_FOLD = _FoldTable()


def _fold(text: str) -> str:
    return text.translate(_FOLD)


_WORD = re.compile(r"\w+(?:-\w+)*")


class NameRedactor:
    """Replaces every word of a known name. Words are looked up in a set (not one regex of hundreds of names
    tried at every position), so the cost grows with the text, not with the number of participants."""

    def __init__(self, names: Iterable[str], placeholder: str = NAME_PLACEHOLDER) -> None:
        words: set[str] = set()
        for name in names:
            for word in _WORD.findall(_fold(unicodedata.normalize("NFC", name or ""))):
                words.add(word)
                words.update(part for part in word.split("-") if part)
        self._words = {w for w in words if len(w) >= MIN_NAME_LENGTH and not w.isdigit()}
        self._placeholder = placeholder

    def _replace(self, text: str, folded: str, match: re.Match[str]) -> str:
        token = match.group(0)
        if token in self._words:
            return self._placeholder
        if "-" not in token:
            return text[match.start() : match.end()]
        original = text[match.start() : match.end()].split("-")
        return "-".join(self._placeholder if part in self._words else orig
                        for part, orig in zip(token.split("-"), original, strict=True))  # fmt: skip

    @overload
    def redact(self, text: str) -> str: ...
    @overload
    def redact(self, text: None) -> None: ...
    def redact(self, text: str | None) -> str | None:
        if not text or not self._words:
            return text
        text = unicodedata.normalize("NFC", text)
        folded = _fold(text)  # same length as text: one character for one
        pieces: list[str] = []
        last = 0
        for match in _WORD.finditer(folded):
            pieces.append(text[last : match.start()])
            pieces.append(self._replace(text, folded, match))
            last = match.end()
        pieces.append(text[last:])
        return "".join(pieces)
