"""The study and who takes part in it: sites, interviewers, devices, grid versions, participants."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from capnum_desktop.storage.models.base import Base, Synced
from capnum_desktop.storage.types import JSONText


class Study(Synced, Base):
    __tablename__ = "study"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[dict[str, str]] = mapped_column(JSONText)
    description: Mapped[dict[str, str] | None] = mapped_column(JSONText, nullable=True)
    language: Mapped[str] = mapped_column(String(8), default="fr")
    notice_version: Mapped[str] = mapped_column(String(40), default="1")
    notice: Mapped[dict[str, str] | None] = mapped_column(JSONText, nullable=True)
    # age X25519 recipient (`age1...`) of the coordinator; bundles are encrypted to it when set.
    coordinator_recipient: Mapped[str | None] = mapped_column(String(128), nullable=True)

    sites: Mapped[list[Site]] = relationship(back_populates="study", order_by="Site.code")


class Site(Synced, Base):
    __tablename__ = "site"
    __table_args__ = (UniqueConstraint("study_id", "code"),)

    study_id: Mapped[str] = mapped_column(ForeignKey("study.id"))
    code: Mapped[str] = mapped_column(String(8))  # prefix of participant codes, e.g. BAG
    name: Mapped[str] = mapped_column(String(200))

    study: Mapped[Study] = relationship(back_populates="sites")


class Interviewer(Synced, Base):
    __tablename__ = "interviewer"

    study_id: Mapped[str] = mapped_column(ForeignKey("study.id"))
    name: Mapped[str] = mapped_column(String(200))


class Device(Synced, Base):
    """A laptop. `is_local` marks the row describing this machine (exactly one per database)."""

    __tablename__ = "device"

    name: Mapped[str] = mapped_column(String(200))
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)


class GridVersion(Synced, Base):
    """One version of a grid. Immutable once an interview used it: same grid id + version, same content."""

    __tablename__ = "grid_version"
    __table_args__ = (UniqueConstraint("grid_id", "version"),)

    study_id: Mapped[str] = mapped_column(ForeignKey("study.id"))
    grid_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    content_hash: Mapped[str] = mapped_column(String(64))
    source_yaml: Mapped[str] = mapped_column(Text)  # the file as written: validation re-reads it
    published: Mapped[bool] = mapped_column(Boolean, default=True)


class Participant(Synced, Base):
    """A resident met in interviews, known by a pseudonym code such as BAG-017."""

    __tablename__ = "participant"
    __table_args__ = (UniqueConstraint("study_id", "code"),)

    study_id: Mapped[str] = mapped_column(ForeignKey("study.id"))
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    code: Mapped[str] = mapped_column(String(20))
    profile: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)
    under_15: Mapped[bool] = mapped_column(Boolean, default=False)
    # Names the participant used about themselves or others, replaced when exporting pseudonymized text.
    declared_names: Mapped[list[str]] = mapped_column(JSONText, default=list)

    contact: Mapped[Contact | None] = relationship(
        back_populates="participant", uselist=False, cascade="all, delete-orphan"
    )


class Contact(Synced, Base):
    """Identifying details, kept apart so that exports can drop them whole."""

    __tablename__ = "contact"

    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), unique=True)
    full_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(60), nullable=True)
    email: Mapped[str | None] = mapped_column(String(200), nullable=True)
    address: Mapped[str | None] = mapped_column(Text, nullable=True)

    participant: Mapped[Participant] = relationship(back_populates="contact")


class LocalSetting(Base):
    """Per-machine settings (interviewer remembered, sync folder, language); never travels."""

    __tablename__ = "local_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSONText, nullable=True)
    updated_at: Mapped[datetime | None] = mapped_column(nullable=True)
