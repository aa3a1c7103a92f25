"""Merge rules: decide, for every incoming record, insert / update / unchanged / conflict / dropped.

Pure planning: reads the database, writes nothing. See docs/bundles.md § Merge rules.

- Same id, same content (bookkeeping aside) -> unchanged.
- Local row not changed since we last received it (its revision is the one last received, or its last change
  came from the incoming device) -> the incoming row replaces it when its revision is higher; else unchanged.
- Local row changed here since -> incoming revision we already saw: stale, unchanged; otherwise a Conflict:
  the local row is kept, the incoming one waits for review.
- Records of erased participants (tombstones, here or in the bundle) are dropped; so are deleted notes, and a
  note deleted on the other side is deleted here.
- A record with another id but the same natural key as a local one (an answer to the same question of the same
  interview, typed at the office and in the field) is the same logical record: compared with the local one.
- An interview differing only by its position (per-laptop navigation state) is no conflict.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from capnum_desktop.bundles.records import ENTITY_ORDER, encode_row, payload_of, table_of
from capnum_desktop.bundles.safety import BundleError
from capnum_desktop.domain.messages import _
from capnum_desktop.storage.models import Conflict, SyncState, Tombstone

SEEN_PREFIX = "seen:"  # SyncState key: last revision of a record accepted from a bundle (absent = 1)
PARTICIPANT = "participant"
INTERVIEW = "interview"
NOTE = "note"
CHUNK = 500
# Unique constraints besides the id: an incoming record matching a local one on these is the same logical record.
# (Study, site, grid version and participant codes have their own rules in `_insert`.)
NATURAL_KEYS: dict[str, tuple[str, ...]] = {"answer": ("interview_id", "question_id"), "contact": ("participant_id",)}
POSITION = "current_question_id"  # where an interview is open on one laptop: not content


@dataclass
class ConflictDraft:
    entity: str
    entity_id: str
    local: dict[str, Any]
    incoming: dict[str, Any]


@dataclass
class MergePlan:
    inserts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    updates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    conflicts: list[ConflictDraft] = field(default_factory=list)
    unchanged: int = 0
    dropped: int = 0  # records of erased participants and deleted notes
    erase_participants: list[str] = field(default_factory=list)
    delete_notes: list[str] = field(default_factory=list)  # notes here deleted on the other side
    seen: dict[str, int] = field(default_factory=dict)
    renamed_codes: dict[str, str] = field(default_factory=dict)  # participant id -> code given here

    @property
    def new(self) -> int:
        return sum(len(v) for v in self.inserts.values())

    @property
    def updated(self) -> int:
        return sum(len(v) for v in self.updates.values())


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def fetch_rows(session: Session, entity: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    table = table_of(entity)
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(sorted(set(ids))):
        for row in session.execute(select(table).where(table.c.id.in_(chunk))):
            found[row.id] = encode_row(row._mapping, entity)
    return found


def _seen(session: Session, ids: Iterable[str]) -> dict[str, int]:
    keys = [SEEN_PREFIX + i for i in ids]
    seen: dict[str, int] = {}
    for chunk in _chunks(keys):
        for key, seq in session.execute(select(SyncState.key, SyncState.sequence).where(SyncState.key.in_(chunk))):
            seen[key[len(SEEN_PREFIX) :]] = seq
    return seen


def participant_alias(code: str, participant_id: str) -> str:
    """The code an incoming participant gets when another participant here already uses its code."""
    return f"{code}-{participant_id[:4].upper()}"


class _Planner:
    def __init__(self, session: Session, records: dict[str, list[dict[str, Any]]]) -> None:
        self.session = session
        self.records = records
        self.plan = MergePlan()
        self.grid_alias: dict[str, str] = {}
        self.accepted: dict[str, set[str]] = {e: set() for e in ENTITY_ORDER}  # ids present after the merge
        self.erased: set[str] = set()
        self.erased_interviews: set[str] = set()
        self.deleted_notes: set[str] = set()

    def run(self) -> MergePlan:
        self._erasures()
        for entity in ENTITY_ORDER:
            incoming = [r for r in self.records[entity] if not self._is_erased(entity, r)]
            self.plan.dropped += len(self.records[entity]) - len(incoming)
            self._merge_entity(entity, incoming)
        self._check_references()
        return self.plan

    # --- erasure -------------------------------------------------------------------------------------------
    def _erasures(self) -> None:
        incoming = {t["entity_id"] for t in self.records["tombstone"] if t["entity"] == PARTICIPANT}
        local = set(self.session.scalars(select(Tombstone.entity_id).where(Tombstone.entity == PARTICIPANT)))
        self.erased = incoming | local
        interview_stones = {t["entity_id"] for t in self.records["tombstone"] if t["entity"] == INTERVIEW}
        interview_stones |= set(self.session.scalars(select(Tombstone.entity_id).where(Tombstone.entity == INTERVIEW)))
        present = fetch_rows(self.session, PARTICIPANT, incoming - local)
        self.plan.erase_participants = sorted(present)
        table = table_of(INTERVIEW)
        for chunk in _chunks(sorted(self.erased)):
            query = select(table.c.id).where(table.c.participant_id.in_(chunk))
            self.erased_interviews.update(self.session.scalars(query))
        self.erased_interviews |= interview_stones
        self.erased_interviews |= {i["id"] for i in self.records[INTERVIEW] if i["participant_id"] in self.erased}
        incoming_notes = {t["entity_id"] for t in self.records["tombstone"] if t["entity"] == NOTE}
        self.deleted_notes = incoming_notes | set(
            self.session.scalars(select(Tombstone.entity_id).where(Tombstone.entity == NOTE))
        )
        self.plan.delete_notes = sorted(fetch_rows(self.session, NOTE, incoming_notes))

    def _is_erased(self, entity: str, row: dict[str, Any]) -> bool:
        if entity == PARTICIPANT:
            return row["id"] in self.erased
        if row.get("participant_id") in self.erased:
            return True
        if entity == INTERVIEW:
            return row["id"] in self.erased_interviews
        if entity == NOTE and row["id"] in self.deleted_notes:
            return True
        return row.get("interview_id") in self.erased_interviews

    # --- per record ----------------------------------------------------------------------------------------
    def _merge_entity(self, entity: str, incoming: list[dict[str, Any]]) -> None:
        if not incoming:
            return
        local_rows = fetch_rows(self.session, entity, (r["id"] for r in incoming))
        twins = self._natural_twins(entity, [r for r in incoming if r["id"] not in local_rows])
        known = [r["id"] for r in incoming if r["id"] in local_rows] + [t["id"] for t in twins.values()]
        seen = _seen(self.session, known)
        for values in incoming:
            record = encode_row(values, entity)
            if entity == "device":
                record["is_local"] = False
            if entity == INTERVIEW and record["grid_version_id"] in self.grid_alias:
                record["grid_version_id"] = self.grid_alias[record["grid_version_id"]]
            local = local_rows.get(record["id"])
            twin = twins.get(tuple(record[k] for k in NATURAL_KEYS[entity])) if entity in NATURAL_KEYS else None
            if local is None and twin is not None:
                # Created on both sides under two ids: compared as one record, under the local id. Their revisions
                # share no history until a first decision (base 0): any difference is a conflict.
                record["id"] = twin["id"]
                base = seen.get(twin["id"], 0)
                self._compare(entity, record, twin, base)
                if record["revision"] > base and payload_of(record) == payload_of(twin):
                    self.plan.seen[twin["id"]] = record["revision"]
            elif local is None:
                self._insert(entity, record)
            else:
                self._compare(entity, record, local, seen.get(record["id"], 1))

    def _natural_twins(self, entity: str, records: list[dict[str, Any]]) -> dict[tuple[Any, ...], dict[str, Any]]:
        """Local rows sharing a natural key with incoming records of unknown id, by key."""
        keys = NATURAL_KEYS.get(entity)
        if not keys or not records:
            return {}
        table = table_of(entity)
        parent = table.c[keys[0]]
        twins: dict[tuple[Any, ...], dict[str, Any]] = {}
        for chunk in _chunks(sorted({r[keys[0]] for r in records})):
            for row in self.session.execute(select(table).where(parent.in_(chunk))):
                local = encode_row(row._mapping, entity)
                twins[tuple(local[k] for k in keys)] = local
        return twins

    def _insert(self, entity: str, record: dict[str, Any]) -> None:
        if entity == "grid_version":
            twin = self._unique_twin(entity, grid_id=record["grid_id"], version=record["version"])
            if twin is not None:
                if twin["content_hash"] != record["content_hash"]:
                    raise BundleError(
                        _(
                            "grid {grid} version {version} differs from the one in this data folder: a grid version "
                            "must never change; publish the change as a new version"
                        ).format(grid=record["grid_id"], version=record["version"])
                    )
                self.grid_alias[record["id"]] = twin["id"]  # same grid stored independently on both laptops
                self.accepted[entity].add(twin["id"])
                self.plan.unchanged += 1
                return
        unique_keys = {"study": ("code",), "site": ("study_id", "code")}.get(entity)
        if unique_keys and self._unique_twin(entity, **{k: record[k] for k in unique_keys}):
            raise BundleError(
                _(
                    "{entity} code {code!r} exists here under another id: import the coordinator's study "
                    "package on every laptop so that they share the study's identity"
                ).format(entity=entity, code=record["code"])
            )
        if entity == PARTICIPANT:
            twin = self._unique_twin(entity, study_id=record["study_id"], code=record["code"])
            if twin is not None:  # two laptops gave the same code to two different people
                record["code"] = participant_alias(record["code"], record["id"])
                self.plan.renamed_codes[record["id"]] = record["code"]
        self.plan.inserts.setdefault(entity, []).append(record)
        self.accepted[entity].add(record["id"])
        self._remember(record)

    def _unique_twin(self, entity: str, **where: Any) -> dict[str, Any] | None:
        table = table_of(entity)
        query = select(table)
        for key, value in where.items():
            query = query.where(table.c[key] == value)
        row = self.session.execute(query.limit(1)).first()
        if row is None:
            pending = [r for r in self.plan.inserts.get(entity, []) if all(r[k] == v for k, v in where.items())]
            return pending[0] if pending else None
        return encode_row(row._mapping, entity)

    def _compare(self, entity: str, record: dict[str, Any], local: dict[str, Any], base: int) -> None:
        self.accepted[entity].add(record["id"])
        if entity == PARTICIPANT and local["code"] == participant_alias(record["code"], record["id"]):
            record["code"] = local["code"]
        if payload_of(record) == payload_of(local):
            self.plan.unchanged += 1
            if record["revision"] > base:
                self._remember(record)
            return
        if entity == "grid_version":
            raise BundleError(
                _("grid version {id} arrives with content different from the one here").format(id=record["id"])
            )
        local_unchanged = local["revision"] <= base or local["origin_device"] == record["origin_device"]
        if entity == INTERVIEW and not local_unchanged and _only_position_differs(record, local):
            # Navigation on both laptops: take the incoming version (its lineage, so that its later changes arrive
            # as updates) and keep this laptop's position.
            if record["revision"] > base:
                self.plan.updates.setdefault(entity, []).append({**record, POSITION: local[POSITION]})
                self._remember(record)
            else:
                self.plan.unchanged += 1
            return
        if local_unchanged:
            if record["revision"] > local["revision"]:
                if entity == "device":
                    record["is_local"] = local["is_local"]
                self.plan.updates.setdefault(entity, []).append(record)
                self._remember(record)
            else:
                self.plan.unchanged += 1
        elif record["revision"] <= base:
            self.plan.unchanged += 1  # a version we already received and changed since
        elif self._conflict_known(record):
            self.plan.unchanged += 1
        else:
            self.plan.conflicts.append(ConflictDraft(entity, record["id"], local, record))

    def _conflict_known(self, record: dict[str, Any]) -> bool:
        rows = self.session.scalars(select(Conflict).where(Conflict.entity_id == record["id"]))
        return any(
            c.incoming.get("revision") == record["revision"] and payload_of(c.incoming) == payload_of(record)
            for c in rows
        )

    def _remember(self, record: dict[str, Any]) -> None:
        if record["revision"] > 1:
            self.plan.seen[record["id"]] = record["revision"]

    # --- references ----------------------------------------------------------------------------------------
    def _check_references(self) -> None:
        """Every foreign key of an inserted or updated record resolves here, after the merge."""
        for entity in ENTITY_ORDER:
            rows = self.plan.inserts.get(entity, []) + self.plan.updates.get(entity, [])
            for column in table_of(entity).columns:
                for fk in column.foreign_keys:
                    target = fk.column.table.name
                    wanted = {r[column.key] for r in rows if r.get(column.key) is not None}
                    missing = wanted - self.accepted[target]
                    if missing:
                        missing -= set(fetch_rows(self.session, target, missing))
                    if missing:
                        ref = sorted(missing)[0]
                        raise BundleError(self._missing_reference(entity, target, ref))

    @staticmethod
    def _missing_reference(entity: str, target: str, ref: str) -> str:
        if target == "grid_version":
            message = _(
                "{entity} records point at {target} {ref}, which is neither in the bundle nor in this data folder "
                "(import the study package with that grid first)"
            )
        elif target in ("interview", PARTICIPANT):
            message = _(
                "{entity} records point at {target} {ref}, which is neither in the bundle nor in this data folder "
                "(import this laptop's earlier bundles first, or ask it for a full bundle)"
            )
        else:
            message = _(
                "{entity} records point at {target} {ref}, which is neither in the bundle nor in this data folder"
            )
        return message.format(entity=entity, target=target, ref=ref)


def _only_position_differs(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return {**payload_of(a), POSITION: None} == {**payload_of(b), POSITION: None}


def plan_merge(session: Session, records: dict[str, list[dict[str, Any]]]) -> MergePlan:
    return _Planner(session, records).run()
