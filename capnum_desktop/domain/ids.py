"""Identifiers that every laptop computes alike."""

from __future__ import annotations

import uuid

# Fixed once: changing it would give every grid version a new id.
CAPNUM_NAMESPACE = uuid.UUID("0b6b1c52-7f1e-4c3a-9a57-5e2f1d0c9a11")


def grid_version_id(grid_id: str, version: int) -> str:
    """A grid version is immutable (same id + version, same content), so its id can be derived from them: the
    embedded study and every imported grid then have the same ids on every laptop."""
    return str(uuid.uuid5(CAPNUM_NAMESPACE, f"grid:{grid_id}:v{version}"))
