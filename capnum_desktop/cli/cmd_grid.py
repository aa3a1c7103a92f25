"""`capnum grid validate|import|export|schema`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from capnum_desktop.cli.context import CliContext
from capnum_desktop.grids import load_grid
from capnum_desktop.services.grid_versions import find_grid_version, import_grid_file
from capnum_desktop.storage.files import write_atomic


def register(sub: Any) -> None:
    grid = sub.add_parser("grid", help="interview grids (YAML)").add_subparsers(
        dest="grid_command", metavar="ACTION", required=True
    )
    p = grid.add_parser("validate", help="check a grid file; every error as FILE:LINE:COL: message")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_validate)
    p = grid.add_parser("import", help="add a grid version to the study")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_import)
    p = grid.add_parser("export", help="write a stored grid version as YAML")
    p.add_argument("grid_id")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--grid-version", type=int, default=None, help="default: the latest")
    p.set_defaults(func=cmd_export)
    p = grid.add_parser("schema", help="print the JSON Schema of the grid format")
    p.set_defaults(func=cmd_schema)


def cmd_validate(args: argparse.Namespace, ctx: CliContext) -> int:
    grid = load_grid(args.file)  # GridValidationError -> every error on stderr, exit 2
    count = sum(1 for _ in grid.all_questions())
    print(f"{args.file}: valid grid '{grid.id}' version {grid.version}: {len(grid.sections)} themes, {count} questions")
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    info = import_grid_file(ctx.store, args.file)
    state = "imported" if info.created else "already present (same content)"
    print(f"Grid '{info.grid_id}' version {info.version} {state}.")
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.store.session() as session:
        row = find_grid_version(session, args.grid_id, args.grid_version)
        source = row.source_yaml
    write_atomic(args.output, source.encode("utf-8"))
    print(f"Grid '{args.grid_id}' version {row.version} written to {args.output}")
    return 0


def cmd_schema(args: argparse.Namespace, ctx: CliContext) -> int:
    from capnum_desktop.grids.schema import grid_json_schema

    print(json.dumps(grid_json_schema(), ensure_ascii=False, indent=2))
    return 0
