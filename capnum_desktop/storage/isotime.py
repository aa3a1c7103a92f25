"""How datetimes are stored: aware UTC as ISO 8601 text. Shared by the ORM column type and plain sqlite3 reads."""

from __future__ import annotations

from datetime import UTC, datetime


def to_utc_text(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime refused: store aware UTC datetimes")
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def from_utc_text(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
