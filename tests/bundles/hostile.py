"""Builders of hostile bundles: take a real bundle apart, change one thing, put it back together."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

Members = list[tuple[zipfile.ZipInfo, bytes]]


def read_members(path: Path) -> Members:
    with zipfile.ZipFile(path) as zf:
        return [(info, zf.read(info.filename)) for info in zf.infolist()]


def write_members(path: Path, members: Members) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are on purpose here
        with zipfile.ZipFile(path, "w") as zf:
            for info, data in members:
                zf.writestr(info, data)


def manifest_of(members: Members) -> dict:  # type: ignore[type-arg]
    return json.loads(next(d for i, d in members if i.filename == "manifest.json"))


def set_manifest(members: Members, manifest: dict) -> Members:  # type: ignore[type-arg]
    return [(i, json.dumps(manifest).encode() if i.filename == "manifest.json" else d) for i, d in members]


def replace_member(members: Members, name: str, data: bytes, *, fix_manifest: bool = True) -> Members:
    out = [(i, data if i.filename == name else d) for i, d in members]
    if fix_manifest:
        manifest = manifest_of(out)
        for entry in manifest["members"]:
            if entry["path"] == name:
                entry["size"] = len(data)
                entry["sha256"] = hashlib.sha256(data).hexdigest()
        out = set_manifest(out, manifest)
    return out


def edit_records(members: Members, entity: str, edit: Callable[[list[dict]], list[dict]]) -> Members:  # type: ignore[type-arg]
    name = f"records/{entity}.jsonl"
    data = next(d for i, d in members if i.filename == name)
    rows = edit([json.loads(line) for line in data.splitlines() if line.strip()])
    new = b"".join(json.dumps(r).encode() + b"\n" for r in rows)
    out = replace_member(members, name, new)
    manifest = manifest_of(out)
    manifest["counts"][entity] = len(rows)
    return set_manifest(out, manifest)


def add_member(members: Members, name: str, data: bytes, *, mode: int = 0o100644, deflate: bool = False) -> Members:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    info.create_system = 3
    info.external_attr = mode << 16
    return [*members, (info, data)]


def first_member(members: Members, prefix: str) -> str:
    return next(i.filename for i, _ in members if i.filename.startswith(prefix))
