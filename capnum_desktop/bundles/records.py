"""Records as JSON Lines: one file per table (`records/<table>.jsonl`), one JSON object per line.

The schema of every record is derived from the SQLAlchemy table itself (pydantic models built from the columns),
so a new column travels and is validated without a second definition to keep in sync.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from functools import cache
from typing import IO, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError
from pydantic import create_model as _create_model
from sqlalchemy import Boolean, Column, Integer, String, Table, Text

from capnum_desktop.domain.messages import _
from capnum_desktop.storage.models import SYNCED_MODELS, Synced
from capnum_desktop.storage.types import JSONText, UTCDateTime

ENTITY_MODELS: dict[str, type[Synced]] = {m.__tablename__: m for m in SYNCED_MODELS}  # type: ignore[attr-defined]
ENTITY_ORDER: tuple[str, ...] = tuple(ENTITY_MODELS)
# Bookkeeping columns: they say who changed a record last, not what it holds.
META_COLUMNS = frozenset({"revision", "created_at", "updated_at", "origin_device"})
LOCAL_ONLY_COLUMNS = frozenset({"is_local"})  # Device.is_local describes the machine holding the row


class RecordError(ValueError):
    """A record line that is not valid JSON or does not match its table's schema."""


def table_of(entity: str) -> Table:
    table: Table = ENTITY_MODELS[entity].__table__  # type: ignore[attr-defined]
    return table


def encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    return value


def encode_row(row: Any, entity: str) -> dict[str, Any]:
    """An ORM object or a mapping of column values -> a JSON-ready dict with every column."""
    get = row.get if isinstance(row, Mapping) else lambda key: getattr(row, key)
    return {c.key: encode_value(get(c.key)) for c in table_of(entity).columns}


def payload_of(record: Mapping[str, Any]) -> dict[str, Any]:
    """The content of a record, without bookkeeping: two records with the same payload say the same thing."""
    return {k: v for k, v in record.items() if k not in META_COLUMNS and k not in LOCAL_ONLY_COLUMNS}


def _field_for(column: Column[Any]) -> tuple[Any, Any]:
    col_type = column.type
    annotation: Any
    if isinstance(col_type, UTCDateTime):
        annotation = AwareDatetime
    elif isinstance(col_type, JSONText):
        annotation = Any
    elif isinstance(col_type, Boolean):
        annotation = StrictBool
    elif isinstance(col_type, Integer):
        annotation = StrictInt
    elif isinstance(col_type, String | Text):
        # No max_length from VARCHAR(n): SQLite and the forms keep any length, so a long phone number or place
        # written on one laptop would make its bundles refused at every sync. Hostile sizes are stopped by the
        # reader's per-line cap (BundleLimits.max_line_bytes); ids are checked as UUIDs below.
        annotation = StrictStr
    else:  # pragma: no cover - a new column type must be taught here
        raise TypeError(f"no bundle schema for column {column} of type {col_type!r}")
    if column.nullable and not column.primary_key:
        return (annotation | None, Field(default=None))
    return (annotation, Field(...))


@cache
def record_schema(entity: str) -> type[BaseModel]:
    fields = {c.key: _field_for(c) for c in table_of(entity).columns}
    config = ConfigDict(extra="forbid")
    model: type[BaseModel] = _create_model(f"{entity.title()}Record", __config__=config, **fields)  # type: ignore[call-overload]
    return model


def _check_uuid(value: str, entity: str, field: str) -> None:
    try:
        uuid.UUID(value)
    except ValueError as exc:
        raise RecordError(
            _("{entity}.{field} is not a UUID: {value!r}").format(entity=entity, field=field, value=value[:60])
        ) from exc


def decode_record(entity: str, raw: Any) -> dict[str, Any]:
    """Validate one decoded JSON object; returns python values (aware datetimes, JSON values)."""
    if not isinstance(raw, dict):
        raise RecordError(_("a {entity} record is not a JSON object").format(entity=entity))
    try:
        model = record_schema(entity).model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RecordError(
            _("{entity} record {id!r}: {where}: {error}").format(
                entity=entity, id=str(raw.get("id"))[:40], where=where, error=first["msg"]
            )
        ) from exc
    values = model.model_dump()
    _check_uuid(values["id"], entity, "id")
    if values["revision"] < 1:
        raise RecordError(_("{entity} record {id}: revision must be at least 1").format(entity=entity, id=values["id"]))
    for column in table_of(entity).columns:
        if column.foreign_keys and values.get(column.key) is not None:
            _check_uuid(values[column.key], entity, column.key)
    return values


def write_jsonl(handle: IO[bytes], records: Iterable[dict[str, Any]]) -> int:
    count = 0
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode())
        handle.write(b"\n")
        count += 1
    return count


def read_jsonl(entity: str, lines: Iterable[bytes], max_line_bytes: int) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(lines, start=1):
        if len(line) > max_line_bytes:
            raise RecordError(
                _("records/{entity}.jsonl line {line} is longer than {limit} bytes").format(
                    entity=entity, line=number, limit=max_line_bytes
                )
            )
        stripped = line.strip()
        if not stripped:
            continue
        try:
            raw = json.loads(stripped.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise RecordError(
                _("records/{entity}.jsonl line {line} is not valid JSON ({error})").format(
                    entity=entity, line=number, error=exc
                )
            ) from exc
        try:
            yield decode_record(entity, raw)
        except RecordError as exc:
            raise RecordError(
                _("records/{entity}.jsonl line {line}: {error}").format(entity=entity, line=number, error=exc)
            ) from exc
