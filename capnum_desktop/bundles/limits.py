"""Caps that keep a hostile or broken bundle from exhausting memory or disk before it is refused."""

from __future__ import annotations

from dataclasses import dataclass

GIB = 1024**3


@dataclass(frozen=True)
class BundleLimits:
    max_members: int = 200_000
    max_total_uncompressed: int = 256 * GIB  # a whole fieldwork of audio fits; a zip bomb does not
    max_member_size: int = 64 * GIB
    max_records_member_size: int = 1 * GIB  # JSON Lines are read into memory row by row, kept per entity
    max_manifest_size: int = 64 * 1024 * 1024
    max_ratio: float = 200.0  # deflated JSON compresses ~10x; 200x only happens with crafted input
    ratio_floor_bytes: int = 1024 * 1024  # tiny members may compress well (e.g. an empty JSONL file)
    max_line_bytes: int = 16 * 1024 * 1024


DEFAULT_LIMITS = BundleLimits()
