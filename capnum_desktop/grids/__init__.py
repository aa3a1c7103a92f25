"""Grid files: loading with `FILE:LINE:COL` errors, export, content hash and JSON Schema."""

from capnum_desktop.grids.dump import dump_grid_yaml, grid_content_hash, grid_to_dict
from capnum_desktop.grids.errors import GridError, GridValidationError
from capnum_desktop.grids.loader import load_grid, parse_grid_text

__all__ = [
    "GridError",
    "GridValidationError",
    "dump_grid_yaml",
    "grid_content_hash",
    "grid_to_dict",
    "load_grid",
    "parse_grid_text",
]
