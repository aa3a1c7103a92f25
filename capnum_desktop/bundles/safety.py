"""Zip safety checks on the central directory, done before a single byte of content is used."""

from __future__ import annotations

import stat
import zipfile

from capnum_desktop.bundles.limits import BundleLimits


class BundleError(ValueError):
    """A bundle that cannot be used as is: the message says why, in words a coordinator can act on."""


def check_member_name(name: str) -> None:
    if not name or "\x00" in name or "\\" in name:
        raise BundleError(f"unsafe member name {name!r} in the bundle")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise BundleError(f"absolute path {name!r} in the bundle")
    parts = name.split("/")
    if any(p in ("", ".", "..") for p in parts):
        raise BundleError(f"unsafe path {name!r} in the bundle (empty, '.' or '..' component)")


def check_zip_entries(zf: zipfile.ZipFile, limits: BundleLimits) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise BundleError(f"the bundle has {len(infos)} members, more than the limit of {limits.max_members}")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        check_member_name(name)
        folded = name.casefold()
        if folded in seen:
            raise BundleError(f"duplicate member {name!r} in the bundle")
        seen.add(folded)
        mode = info.external_attr >> 16
        if mode and stat.S_ISLNK(mode):
            raise BundleError(f"member {name!r} is a symbolic link; links are refused")
        if info.is_dir() or (stat.S_IFMT(mode) not in (0, stat.S_IFREG) and info.create_system == 3):
            raise BundleError(f"member {name!r} is not a regular file")
        if info.flag_bits & 0x1:
            raise BundleError(f"member {name!r} uses zip encryption, which bundles never do")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError(f"member {name!r} uses an unsupported compression method")
        if info.file_size > limits.max_member_size:
            raise BundleError(f"member {name!r} is larger than the limit ({info.file_size} bytes)")
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise BundleError(
                f"member {name!r} expands {info.file_size // max(info.compress_size, 1)}x: refused as a zip bomb"
            )
        total += info.file_size
        if total > limits.max_total_uncompressed:
            raise BundleError("the bundle's uncompressed size exceeds the limit: refused as a zip bomb")
    return infos
