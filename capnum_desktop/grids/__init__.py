"""Grid files: loading with `FILE:LINE:COL` errors, export, content hash and JSON Schema.

The loader (pydantic models, YAML) is imported on first use: the app opens its dashboard without parsing a grid,
so start-up does not pay for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from capnum_desktop.grids.errors import GridError, GridValidationError

if TYPE_CHECKING:
    from capnum_desktop.grids.dump import dump_grid_yaml, grid_content_hash, grid_to_dict
    from capnum_desktop.grids.loader import load_grid, parse_grid_text

_LAZY = {
    "dump_grid_yaml": "capnum_desktop.grids.dump",
    "grid_content_hash": "capnum_desktop.grids.dump",
    "grid_to_dict": "capnum_desktop.grids.dump",
    "load_grid": "capnum_desktop.grids.loader",
    "parse_grid_text": "capnum_desktop.grids.loader",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = [
    "GridError",
    "GridValidationError",
    "dump_grid_yaml",
    "grid_content_hash",
    "grid_to_dict",
    "load_grid",
    "parse_grid_text",
]
