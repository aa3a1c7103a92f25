"""Conflicts: a record changed on two laptops. The local side stays in place until a person decides.

keep=local     the local record stays; the incoming version is set aside (and not proposed again).
keep=incoming  the incoming version replaces the local one, exactly as received.
keep=both      answers: the local answer stays, the incoming one is added as a note on the same question;
               notes: the incoming note is added as a second note; interviews: both memos are kept, joined, the
               furthest status (completed/abandoned over in progress) with its end time, the newer side's other
               fields, and this laptop's position.

With local and both, the decision is a local change newer than both versions (revision above both): the same
incoming version arriving again (an overlapping or a late bundle) is then stale and cannot undo it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select, update

from capnum_desktop.bundles.records import decode_record, payload_of, table_of
from capnum_desktop.domain.messages import _
from capnum_desktop.domain.status import InterviewStatus
from capnum_desktop.services.bundle_merge import SEEN_PREFIX
from capnum_desktop.services.errors import NotFoundError, ServiceError
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Conflict, Note, SyncState
from capnum_desktop.storage.types import new_uuid, utcnow

Keep = Literal["local", "incoming", "both"]
BOTH_ENTITIES = ("answer", "note", "interview")


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    entity: str
    entity_id: str
    detected_at: datetime
    source: str | None
    fields: list[str]  # what differs
    local: dict[str, Any]
    incoming: dict[str, Any]
    resolved_at: datetime | None
    resolution: str | None


def _differing(local: dict[str, Any], incoming: dict[str, Any]) -> list[str]:
    a, b = payload_of(local), payload_of(incoming)
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def list_conflicts(store: DataStore, *, include_resolved: bool = False) -> list[ConflictInfo]:
    with store.session() as session:
        query = select(Conflict).order_by(Conflict.detected_at, Conflict.id)
        if not include_resolved:
            query = query.where(Conflict.resolved_at.is_(None))
        return [
            ConflictInfo(
                c.id,
                c.entity,
                c.entity_id,
                c.detected_at,
                c.source,
                _differing(c.local, c.incoming),
                c.local,
                c.incoming,
                c.resolved_at,
                c.resolution,
            )
            for c in session.scalars(query)
        ]


def resolve_conflict(store: DataStore, conflict_id: str, keep: Keep) -> None:
    if keep not in ("local", "incoming", "both"):
        raise ServiceError(_("--keep must be local, incoming or both, not {keep!r}").format(keep=keep))
    with store.session_factory.begin() as session:
        conflict = session.get(Conflict, conflict_id)
        if conflict is None:
            matches = list(session.scalars(select(Conflict).where(Conflict.id.startswith(conflict_id)).limit(2)))
            if len(matches) != 1:
                raise NotFoundError(_("No conflict {id} (see `capnum conflicts list`).").format(id=conflict_id))
            conflict = matches[0]
        if conflict.resolved_at is not None:
            raise ServiceError(
                _("Conflict {id} was already resolved ({resolution}).").format(
                    id=conflict.id[:8], resolution=conflict.resolution
                )
            )
        table = table_of(conflict.entity)
        current = session.execute(select(table).where(table.c.id == conflict.entity_id)).first()
        if current is None:
            raise ServiceError(
                _("The {entity} of this conflict no longer exists here (erased?).").format(entity=conflict.entity)
            )
        incoming = conflict.incoming
        if keep == "incoming":
            # Taken exactly as received (revision and origin too): the record is back in the incoming device's
            # lineage, so that device's later edits arrive as plain updates.
            values = decode_record(conflict.entity, incoming)
            values.pop("id")
            values.pop("is_local", None)
            session.execute(update(table).where(table.c.id == conflict.entity_id).values(values))
        else:
            local = dict(current._mapping)
            if keep == "both":
                _keep_both(session, store.device_id, conflict.entity, local, incoming)
            revision = max(local["revision"], incoming["revision"]) + 1
            session.execute(
                update(table)
                .where(table.c.id == conflict.entity_id)
                .values(revision=revision, updated_at=utcnow(), origin_device=store.device_id)
            )
        state = session.get(SyncState, SEEN_PREFIX + conflict.entity_id)
        if state is None:
            session.add(SyncState(key=SEEN_PREFIX + conflict.entity_id, sequence=incoming["revision"]))
        else:
            state.sequence = max(state.sequence, incoming["revision"])
        conflict.resolved_at = utcnow()
        conflict.resolution = keep


def _keep_both(session: Any, device_id: str, entity: str, local: dict[str, Any], incoming: dict[str, Any]) -> None:
    if entity not in BOTH_ENTITIES:
        raise ServiceError(
            _("'both' applies to answers, notes and interviews; choose local or incoming for a {entity}.").format(
                entity=entity
            )
        )
    now = utcnow()
    source = incoming.get("origin_device", "")[:8]
    if entity == "interview":
        table = table_of("interview")
        session.execute(update(table).where(table.c.id == local["id"]).values(_merged_interview(local, incoming)))
        return
    if entity == "note":
        values = decode_record("note", incoming)
        text = values["text"]
        question_id = values["question_id"]
        extra = {k: values[k] for k in ("audio_offset_ms", "recording_id", "quote", "important", "follow_up")}
        noted_at = values["noted_at"]
    else:  # an answer: its other version becomes a note on the same question
        parts = [json.dumps(incoming.get("value"), ensure_ascii=False) if incoming.get("value") is not None else ""]
        parts += [incoming.get("free_text") or "", incoming.get("other_text") or ""]
        text = f"Other version of this answer (device {source}, {incoming.get('status')}): " + " — ".join(
            p for p in parts if p
        )
        question_id = incoming["question_id"]
        extra = {}
        noted_at = now
    session.add(
        Note(
            id=new_uuid(),
            interview_id=local["interview_id"],
            question_id=question_id,
            text=text,
            noted_at=noted_at,
            origin_device=device_id,
            **extra,
        )
    )


ENDED = (InterviewStatus.COMPLETED.value, InterviewStatus.ABANDONED.value)


def _merged_interview(local: dict[str, Any], incoming_record: dict[str, Any]) -> dict[str, Any]:
    """Both versions of an interview in one: nothing said or done on either side is lost."""
    incoming = decode_record("interview", incoming_record)
    newer = incoming if incoming["updated_at"] > local["updated_at"] else local
    fields = ("study_id", "site_id", "interviewer_id", "participant_id", "grid_version_id", "started_at", "place")
    values = {k: newer[k] for k in fields}
    ended = [side for side in (local, incoming) if side["status"] in ENDED]
    if ended:  # an interview ended on either side is ended; ended on both: the later end
        last = max(ended, key=lambda side: (side["ended_at"] is not None, side["ended_at"] or newer["updated_at"]))
        values |= {k: last[k] for k in ("status", "ended_at", "abandon_reason")}
    else:
        values |= {k: newer[k] for k in ("status", "ended_at", "abandon_reason")}
    values["memo"] = _joined(local.get("memo"), incoming.get("memo"))
    return values  # current_question_id: this laptop's own navigation stays


def _joined(mine: str | None, theirs: str | None) -> str | None:
    if not mine or not theirs or theirs in mine:
        return mine or theirs
    if mine in theirs:
        return theirs
    return f"{mine}\n\n{theirs}"
