"""Replacing people's names in free text for pseudonymized exports.

Names are matched as whole words, case-insensitively, ignoring accents ("Inès" also catches "Ines" and
"INÈS"), and the longest names first so that "Marie-Claire" is not left as "[prénom]-Claire".

A known name (a contact's full name, a declared name, a guardian's name) is redacted whole everywhere. Its single
parts are redacted everywhere too, except name particles and very short words: "Marie de La Tour" must not blank
out every "de" and "la" of the study. See docs/exports.md (Pseudonymization) for the choices.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import overload

NAME_PLACEHOLDER = "[prénom]"
MIN_NAME_LENGTH = 2  # a one-letter "name" would eat every "a" and "y" of the French language
MIN_PART_LENGTH = 3  # a part of a longer name ("Ba" of "Awa Ba") is redacted alone only when written capitalized
# Name particles, and short French words that start sentences (folded: lower case, no accents). Never redacted
# alone; kept with the part that follows them ("de La Tour", "N'Diaye") when that sequence is written out.
# fmt: off
PARTICLES = frozenset({
    "ait", "al", "ap", "au", "aux", "ben", "bin", "bint", "da", "das", "de", "del", "della", "den", "der", "des", "di",
    "do", "dos", "du", "el", "et", "la", "las", "le", "les", "lo", "los", "op", "ou", "san", "st", "ste", "te", "ten",
    "ter", "van", "von", "zu",
    "ca", "ce", "en", "il", "je", "ma", "me", "ne", "ni", "on", "sa", "se", "si", "ta", "tu", "un",
})
# fmt: on


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
_JOINER = re.compile(r"[\s'’]+")  # what may separate the words of a name written out: spaces, an apostrophe


def _is_part(word: str) -> bool:
    return len(word) >= MIN_PART_LENGTH and word not in PARTICLES and not word.isdigit()


class NameRedactor:
    """Replaces known names. Words are looked up in sets and dicts (not one regex of hundreds of names tried at
    every position), so the cost grows with the text, not with the number of participants."""

    def __init__(self, names: Iterable[str], placeholder: str = NAME_PLACEHOLDER) -> None:
        self._single: set[str] = set()  # redacted as a word or a piece of a hyphenated word, in any case
        self._capitalized: set[str] = set()  # short parts: redacted only when written with a capital
        phrases: set[tuple[str, ...]] = set()
        for name in names:
            words = tuple(_WORD.findall(_fold(unicodedata.normalize("NFC", name or ""))))
            if len(words) > 1:
                phrases.add(words)
            elif words and len(words[0]) >= MIN_NAME_LENGTH and not words[0].isdigit():
                self._single.add(words[0])
            for index, word in enumerate(words):
                self._add_part(word)
                start = index
                while start > 0 and not _is_part(words[start - 1]):
                    start -= 1
                if start < index and _is_part(word):
                    phrases.add(words[start : index + 1])  # "de La Tour" as one name, not "de La [prénom]"
        self._phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(phrases, key=len, reverse=True):
            self._phrases.setdefault(phrase[0], []).append(phrase)
        self._placeholder = placeholder

    def _add_part(self, word: str) -> None:
        for part in {word, *word.split("-")}:
            if _is_part(part):
                self._single.add(part)
            elif len(part) >= MIN_NAME_LENGTH and part not in PARTICLES and not part.isdigit():
                self._capitalized.add(part)

    def _is_name(self, folded: str, original: str) -> bool:
        return folded in self._single or (folded in self._capitalized and original[:1].isupper())

    def _token(self, folded: str, original: str) -> str:
        if self._is_name(folded, original):
            return self._placeholder
        if "-" not in folded:
            return original
        return "-".join(self._placeholder if self._is_name(part, orig) else orig
                        for part, orig in zip(folded.split("-"), original.split("-"), strict=True))  # fmt: skip

    def _phrase_length(self, folded: str, tokens: list[re.Match[str]], index: int) -> int:
        """How many tokens from `index` on spell a known name of several words (0: none)."""
        for phrase in self._phrases.get(tokens[index].group(0), ()):
            end = index + len(phrase)
            if end <= len(tokens) and all(
                tokens[index + k].group(0) == phrase[k]
                and _JOINER.fullmatch(folded, tokens[index + k - 1].end(), tokens[index + k].start())
                for k in range(1, len(phrase))
            ):
                return len(phrase)
        return 0

    @overload
    def redact(self, text: str) -> str: ...
    @overload
    def redact(self, text: None) -> None: ...
    def redact(self, text: str | None) -> str | None:
        if not text or not (self._single or self._capitalized or self._phrases):
            return text
        text = unicodedata.normalize("NFC", text)
        folded = _fold(text)  # same length as text: one character for one
        tokens = list(_WORD.finditer(folded))
        pieces: list[str] = []
        last = 0
        index = 0
        while index < len(tokens):
            match = tokens[index]
            pieces.append(text[last : match.start()])
            length = self._phrase_length(folded, tokens, index)
            if length:
                pieces.append(self._placeholder)
                last = tokens[index + length - 1].end()
                index += length
                continue
            pieces.append(self._token(match.group(0), text[match.start() : match.end()]))
            last = match.end()
            index += 1
        pieces.append(text[last:])
        return "".join(pieces)
