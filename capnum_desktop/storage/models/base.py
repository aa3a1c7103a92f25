"""Declarative base, naming convention and the columns every travelling record carries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from capnum_desktop.storage.types import UTCDateTime, new_uuid, utcnow

# Stable constraint names keep Alembic batch migrations on SQLite predictable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}  # noqa: RUF012 (SQLAlchemy reads this class attribute)


class Synced:
    """Mixin for records that travel between machines in bundles.

    `revision` grows on every change; `updated_at` and `origin_device` tell the merge who changed it last.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    revision: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    origin_device: Mapped[str] = mapped_column(String(36), nullable=False, default="")

    def touch(self, device_id: str) -> None:
        """Mark a local change: call before committing any edit of a synced record."""
        self.revision = (self.revision or 0) + 1
        self.updated_at = utcnow()
        self.origin_device = device_id
