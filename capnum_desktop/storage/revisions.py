"""The schema revisions this code knows, read from the migration file names (no SQLAlchemy, no Alembic).

Kept apart from `database.py` so that the start-up snapshot can check a database is current without importing
SQLAlchemy.
"""

from __future__ import annotations

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def known_revisions() -> list[str]:
    """Revision ids in order, read from file names (`0001_initial.py` is revision `0001`)."""
    return sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


def head_revision() -> str:
    return known_revisions()[-1]
