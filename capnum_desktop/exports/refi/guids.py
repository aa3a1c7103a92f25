"""Deterministic GUIDs: the same record exported twice gets the same GUID, so two exports diff cleanly."""

from __future__ import annotations

import hashlib
import uuid

# Fixed namespace of CapNum REFI-QDA exports (never change it: analysts may merge exports by GUID).
NAMESPACE = uuid.UUID("0c7f3f52-6a43-5b8e-9d0a-6b1f2e4c9a10")


_PREFIX = NAMESPACE.bytes


def guid(kind: str, *parts: str) -> str:
    """uuid5 of `kind:part1:part2...`; `kind` keeps a code and a source built from the same id apart.

    Same result as `str(uuid.uuid5(NAMESPACE, name))`, computed directly: a project has tens of thousands.
    """
    digest = bytearray(hashlib.sha1(_PREFIX + ":".join((kind, *parts)).encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
