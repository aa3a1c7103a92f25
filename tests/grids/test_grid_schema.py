"""The shipped JSON Schema is the one generated from the pydantic model."""

from __future__ import annotations

import json
from pathlib import Path

from capnum_desktop.grids.schema import SCHEMA_FILE, grid_json_schema, grid_json_schema_text, main

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "schemas" / "capnum-grid-1.schema.json"


def test_shipped_schema_is_up_to_date() -> None:
    assert SCHEMA_FILE == SHIPPED
    assert SHIPPED.read_text("utf-8") == grid_json_schema_text(), (
        "regenerate with: uv run python -m capnum_desktop.grids.schema"
    )


def test_schema_describes_the_format() -> None:
    schema = grid_json_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"format", "id", "version", "title", "language", "sections"}
    assert schema["properties"]["format"]["const"] == "capnum-grid/1"
    question = schema["$defs"]["QuestionModel"]
    assert question["properties"]["type"]["enum"][:2] == ["text", "long_text"]
    json.dumps(schema)


def test_entry_point_writes_the_schema(tmp_path: Path) -> None:
    target = tmp_path / "out" / "schema.json"
    assert main([str(target)]) == 0
    assert json.loads(target.read_text("utf-8")) == grid_json_schema()
