"""Errors of a grid file, each with a `FILE:LINE:COL` position (1-based)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class GridError:
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class GridValidationError(Exception):
    """Every problem found in a grid file, sorted by position."""

    def __init__(self, errors: list[GridError]) -> None:
        self.errors = sorted(set(errors), key=lambda e: (e.line, e.column, e.message))
        super().__init__("\n".join(str(e) for e in self.errors))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
