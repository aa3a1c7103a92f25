"""`capnum db check`: SQLite integrity, foreign keys, and every audio file referenced is present and intact."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, text

from capnum_desktop.domain.messages import _
from capnum_desktop.domain.status import RecordingState
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Recording


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked_files: int = 0
    unreferenced_files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def check_database(store: DataStore, *, verify_hashes: bool = True) -> CheckReport:
    report = CheckReport()
    with store.session() as session:
        integrity = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
        if integrity != ["ok"]:
            report.problems.extend(_("integrity: {detail}").format(detail=line) for line in integrity)
        for row in session.execute(text("PRAGMA foreign_key_check")):
            report.problems.append(
                _("foreign key: table {table} row {row} points at a missing {target}").format(
                    table=row[0], row=row[1], target=row[2]
                )
            )
        referenced: set[Path] = set()
        for rec in session.scalars(select(Recording)):
            path = store.data_dir / rec.path
            referenced.add(path.resolve())
            if not path.exists():
                report.problems.append(
                    _("missing audio file: {path} (recording {id})").format(path=rec.path, id=rec.id)
                )
                continue
            report.checked_files += 1
            hashed = verify_hashes and rec.state == RecordingState.READY.value and rec.sha256
            if hashed and sha256_file(path) != rec.sha256:
                report.problems.append(
                    _("audio file changed or damaged: {path} (sha256 mismatch)").format(path=rec.path)
                )
    if store.audio_dir.exists():
        for path in store.audio_dir.rglob("*"):
            if path.is_file() and path.resolve() not in referenced and not path.name.endswith(".tmp"):
                report.unreferenced_files.append(str(path.relative_to(store.data_dir)))
    return report
