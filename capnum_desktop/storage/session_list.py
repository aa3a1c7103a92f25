"""The session list, the dashboard's one query, as plain SQL shared by two drivers.

The services run it through SQLAlchemy; the start-up snapshot runs the same text through `sqlite3`, so the
dashboard can be shown before SQLAlchemy is imported (docs/decisions/startup-snapshot.md) and both paths
return exactly the same rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from capnum_desktop.domain.status import AnswerStatus
from capnum_desktop.storage.isotime import from_utc_text


@dataclass(frozen=True)
class SessionRow:
    id: str
    participant: str
    site: str
    interviewer: str
    status: str
    started_at: datetime
    ended_at: datetime | None
    answers: int
    notes: int
    recordings: int

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["started_at"] = self.started_at.isoformat()
        data["ended_at"] = self.ended_at.isoformat() if self.ended_at else None
        return data


# Correlated counts walk the covering indexes per interview (migration 0003); grouped subqueries would read
# whole tables. Filters are appended by `session_list_sql` as named parameters.
_SELECT = f"""
SELECT i.id, p.code, s.code, v.name, i.status, i.started_at, i.ended_at,
  (SELECT count(*) FROM answer a WHERE a.interview_id = i.id AND a.status != '{AnswerStatus.NOT_ASKED.value}'),
  (SELECT count(*) FROM note n WHERE n.interview_id = i.id),
  (SELECT count(*) FROM recording r WHERE r.interview_id = i.id)
FROM interview i
JOIN participant p ON p.id = i.participant_id
JOIN site s ON s.id = i.site_id
JOIN interviewer v ON v.id = i.interviewer_id
"""
_ORDER = "ORDER BY i.started_at DESC"

FILTER_CLAUSES = {
    "site_code": "s.code = :site_code",
    "interviewer": "v.name = :interviewer",
    "status": "i.status = :status",
}


def session_list_sql(filters: Sequence[str] = ()) -> str:
    """The query with a WHERE clause for each named filter of FILTER_CLAUSES (parameters of the same name)."""
    where = " AND ".join(FILTER_CLAUSES[name] for name in filters)
    return f"{_SELECT}{'WHERE ' + where if where else ''}\n{_ORDER}"


def session_row(raw: Sequence[Any]) -> SessionRow:
    """A SessionRow from one result row of `session_list_sql` (datetimes are stored as ISO text)."""
    ident, participant, site, interviewer, status, started, ended, answers, notes, recordings = raw
    return SessionRow(
        ident,
        participant,
        site,
        interviewer,
        status,
        from_utc_text(started),
        from_utc_text(ended) if ended else None,
        answers,
        notes,
        recordings,
    )
