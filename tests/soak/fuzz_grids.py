"""Mutation fuzzing of grid validation: damaged copies of the shipped grid must give GridValidationError or a
valid grid, never another exception, and every error must carry a position inside the file.

    uv run python tests/soak/fuzz_grids.py --cases 20000 [--seed 1]     # prints counts as JSON
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from capnum_desktop.bundled import resource_path
from capnum_desktop.grids import GridValidationError, parse_grid_text

TOKENS = [
    ":",
    "- ",
    "  ",
    "\t",
    "{",
    "}",
    "[",
    "]",
    "'",
    '"',
    "&a",
    "*a",
    "!!python/object:os.system",
    "?",
    "#",
    "show_if: \"__import__('os')\"",
    "type: colour",
    "id: q1",
    "version: -1",
    "é",
    "\u202f",
    "\x00",
    "\ufeff",
]


def mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(6)
        i = rng.randrange(len(lines))
        if kind == 0:  # delete a line
            del lines[i]
        elif kind == 1:  # duplicate a line (duplicate ids and keys)
            lines.insert(i, lines[i])
        elif kind == 2:  # insert a token somewhere in a line
            line = lines[i]
            at = rng.randrange(len(line) + 1)
            lines[i] = line[:at] + rng.choice(TOKENS) + line[at:]
        elif kind == 3:  # change indentation
            lines[i] = (" " * rng.randint(0, 12)) + lines[i].lstrip(" ")
        elif kind == 4:  # flip a character
            line = lines[i]
            if line:
                at = rng.randrange(len(line))
                lines[i] = line[:at] + chr(rng.randint(32, 0x2FF)) + line[at + 1 :]
        else:  # swap two lines
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        if not lines:
            lines = ["\n"]
    return "".join(lines)


@dataclass
class FuzzReport:
    cases: int = 0
    valid: int = 0
    rejected: int = 0
    errors_reported: int = 0
    crashes: list[str] = field(default_factory=list)
    bad_positions: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)


def run(cases: int, seed: int) -> FuzzReport:
    rng = random.Random(seed)
    source = resource_path("study", "grid.yaml").read_text("utf-8")
    report = FuzzReport()
    for n in range(cases):
        text = mutate(source, rng)
        report.cases += 1
        try:
            parse_grid_text(text, "fuzz.yaml")
            report.valid += 1
        except GridValidationError as exc:
            report.rejected += 1
            report.errors_reported += len(exc.errors)
            line_count = text.count("\n") + 2
            for error in exc.errors:
                report.kinds[error.message.split("'")[0][:40]] += 1
                if not (1 <= error.line <= line_count and error.column >= 1):
                    report.bad_positions.append(f"case {n}: {error}")
        except Exception as exc:  # anything else is a crash of the validator
            report.crashes.append(f"case {n}: {type(exc).__name__}: {exc}"[:300])
    return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.monotonic()
    report = run(args.cases, args.seed)
    print(
        json.dumps(
            {
                "cases": report.cases,
                "valid": report.valid,
                "rejected": report.rejected,
                "errors_reported": report.errors_reported,
                "crashes": len(report.crashes),
                "bad_positions": len(report.bad_positions),
                "examples": (report.crashes + report.bad_positions)[:10],
                "distinct_error_kinds": len(report.kinds),
                "seconds": round(time.monotonic() - started, 1),
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    sys.exit(1 if report.crashes or report.bad_positions else 0)


if __name__ == "__main__":
    main()
