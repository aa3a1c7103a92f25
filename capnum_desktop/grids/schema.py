"""JSON Schema of the grid format, generated from the pydantic model.

Regenerate the shipped file with `python -m capnum_desktop.grids.schema [OUTPUT]`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from capnum_desktop.domain.grid import GRID_FORMAT
from capnum_desktop.grids.model import GridModel

SCHEMA_ID = "https://capnum.invalid/schemas/capnum-grid-1.schema.json"
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "resources" / "schemas" / "capnum-grid-1.schema.json"


def grid_json_schema() -> dict[str, Any]:
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "description": f"CapNum Desktop interview grid, format '{GRID_FORMAT}' (YAML or JSON).",
    }
    schema.update(GridModel.model_json_schema(mode="validation"))
    return schema


def grid_json_schema_text() -> str:
    return json.dumps(grid_json_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else SCHEMA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(grid_json_schema_text(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
