"""What synchronisation needs: tombstones of erased records, conflicts to review, bundles seen."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from capnum_desktop.storage.models.base import Base, Synced
from capnum_desktop.storage.types import JSONText


class Tombstone(Synced, Base):
    """A participant erased (consent withdrawn): travels so that the erasure happens everywhere."""

    __tablename__ = "tombstone"

    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    erased_at: Mapped[datetime]
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class Conflict(Base):
    """A record changed on two machines: the incoming side waits here for a person to decide."""

    __tablename__ = "conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    local: Mapped[dict[str, Any]] = mapped_column(JSONText)
    incoming: Mapped[dict[str, Any]] = mapped_column(JSONText)
    detected_at: Mapped[datetime]
    source: Mapped[str | None] = mapped_column(String(400), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(nullable=True)
    resolution: Mapped[str | None] = mapped_column(String(20), nullable=True)


class ImportedBundle(Base):
    """A bundle already imported (by content hash), so a sync folder is read once per file."""

    __tablename__ = "imported_bundle"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    file_name: Mapped[str] = mapped_column(String(400))
    imported_at: Mapped[datetime]
    summary: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)


class SyncState(Base):
    """Per-peer sync bookkeeping: the last bundle sequence written and when."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_at: Mapped[datetime | None] = mapped_column(nullable=True)
