"""The grid as a REFI-QDA codebook: themes are non-codable categories, their questions are codes.

Code names must be unique across the whole codebook (QualCoder orphans the codings of a repeated name), so a
name already taken gets the question id appended.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from capnum_desktop.domain.grid import Grid, Question, Section
from capnum_desktop.exports.refi.guids import guid

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
MAX_NAME = 100
# Distinct, readable colours (QualCoder snaps colours to its palette anyway).
PALETTE = (
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B",
    "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF", "#393B79", "#AD494A",
)  # fmt: skip


@dataclass(frozen=True)
class CodeEntry:
    guid: str
    name: str
    description: str
    color: str
    codable: bool
    children: tuple[CodeEntry, ...] = ()


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1].rstrip() + "…"


def codebook_entries(sections: list[tuple[Section, list[Question]]], language: str) -> list[CodeEntry]:
    taken: set[str] = set()

    def unique(name: str, ident: str) -> str:
        candidate = name
        if candidate.casefold() in taken:
            candidate = f"{name} [{ident}]"
        n = 2
        while candidate.casefold() in taken:
            candidate, n = f"{name} [{ident} {n}]", n + 1
        taken.add(candidate.casefold())
        return candidate

    entries: list[CodeEntry] = []
    for index, (section, questions) in enumerate(sections):
        color = PALETTE[index % len(PALETTE)]
        goal = section.goal.get(language) if section.goal else ""
        theme_name = unique(_short(section.title.get(language)), section.id)
        children = tuple(
            CodeEntry(
                guid=question_code_guid(q.id),
                name=unique(_short(q.text.get(language)), q.id),
                description=f"{q.id} ({q.type.value}): {q.text.get(language)}",
                color=color,
                codable=True,
            )
            for q in questions
        )
        entries.append(
            CodeEntry(
                guid=guid("theme", section.id),
                name=theme_name,
                description=f"{section.id}: {goal}".rstrip(": "),
                color=color,
                codable=False,
                children=children,
            )
        )
    return entries


def question_code_guid(question_id: str) -> str:
    return guid("question", question_id)


def grid_sections(grid: Grid) -> list[tuple[Section, list[Question]]]:
    return [(s, list(s.questions)) for s in grid.sections]


def code_elements(parent: ET.Element, entries: list[CodeEntry]) -> None:
    """Code elements without a namespace prefix: the document root declares the default namespace."""
    for entry in entries:
        element = ET.SubElement(
            parent,
            "Code",
            {"guid": entry.guid, "name": entry.name, "isCodable": "true" if entry.codable else "false"},
        )
        element.set("color", entry.color)
        if entry.description:
            ET.SubElement(element, "Description").text = entry.description
        code_elements(element, list(entry.children))


def codebook_xml(grid: Grid, origin: str, language: str | None = None) -> bytes:
    """A standalone `.qdc` document (Codebook.xsd)."""
    root = ET.Element("CodeBook", {"xmlns": CODEBOOK_NS, "origin": origin})
    codes = ET.SubElement(root, "Codes")
    code_elements(codes, codebook_entries(grid_sections(grid), language or grid.language))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
