"""The bundle manifest (`manifest.json`, format `capnum-bundle/1`): what is in the zip, and its checksums."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, field_validator

from capnum_desktop.domain.messages import _

FORMAT = "capnum-bundle/1"
FORMAT_FAMILY = "capnum-bundle/"
MANIFEST_NAME = "manifest.json"
RECORDS_PREFIX = "records/"
GRIDS_PREFIX = "grids/"
AUDIO_PREFIX = "audio/"

BundleKind = Literal["full", "incremental", "study"]
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class ManifestError(ValueError):
    """The manifest is missing, malformed, or of a format this version cannot read."""


class MemberEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str = Field(min_length=1, max_length=400)
    size: int = Field(ge=0)
    sha256: str

    @field_validator("sha256")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not _SHA256.match(value):
            raise ValueError("not a sha256 hex digest")
        return value


class InterviewerRef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str


class BundleManifest(BaseModel):
    # Unknown keys are refused: a field we do not understand could change the meaning of the bundle.
    model_config = ConfigDict(extra="forbid")

    format: str
    app_version: str
    study_id: str
    study_code: str
    device_id: str
    device_name: str
    interviewers: list[InterviewerRef] = Field(default_factory=list)
    created_at: AwareDatetime
    kind: BundleKind
    sequence: int = Field(ge=0)
    since: AwareDatetime | None = None  # incremental: records changed at or after this instant
    counts: dict[str, int] = Field(default_factory=dict)
    members: list[MemberEntry] = Field(default_factory=list)

    def member_map(self) -> dict[str, MemberEntry]:
        return {m.path: m for m in self.members}

    def to_json(self) -> bytes:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=1, sort_keys=True).encode()


def parse_manifest(raw: bytes) -> BundleManifest:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ManifestError(_("manifest.json is not valid JSON ({error})").format(error=exc)) from exc
    if not isinstance(data, dict):
        raise ManifestError(_("manifest.json is not a JSON object"))
    fmt = data.get("format")
    if not isinstance(fmt, str) or not fmt.startswith(FORMAT_FAMILY):
        raise ManifestError(_("not a CapNum bundle (format {format!r})").format(format=fmt))
    if fmt != FORMAT:
        raise ManifestError(
            _("bundle format {format} is not supported by this version (it reads {supported}); update CapNum").format(
                format=fmt, supported=FORMAT
            )
        )
    try:
        manifest = BundleManifest.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ManifestError(
            _("manifest.json is invalid at {where}: {error}").format(where=where, error=first["msg"])
        ) from exc
    paths = [m.path for m in manifest.members]
    if len(paths) != len(set(paths)):
        raise ManifestError(_("manifest.json lists a member twice"))
    return manifest


def bundle_file_name(study_code: str, device_id: str, sequence: int, created_at: datetime, kind: str) -> str:
    """`<study>_<device8>_<seq>_<kind>_<UTC time>.capnum`: sorts by device then sequence, says who and when."""
    safe_code = re.sub(r"[^A-Za-z0-9-]+", "-", study_code).strip("-") or "study"
    stamp = created_at.strftime("%Y%m%dT%H%M%SZ")
    return f"{safe_code}_{device_id[:8]}_{sequence:05d}_{kind}_{stamp}.capnum"
