"""Zip safety checks on the central directory, done before a single byte of content is used."""

from __future__ import annotations

import stat
import zipfile

from capnum_desktop.bundles.limits import BundleLimits
from capnum_desktop.domain.messages import _


class BundleError(ValueError):
    """A bundle that cannot be used as is: the message says why, in words a coordinator can act on."""


def check_member_name(name: str) -> None:
    if not name or "\x00" in name or "\\" in name:
        raise BundleError(_("unsafe member name {name!r} in the bundle").format(name=name))
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise BundleError(_("absolute path {name!r} in the bundle").format(name=name))
    parts = name.split("/")
    if any(p in ("", ".", "..") for p in parts):
        raise BundleError(_("unsafe path {name!r} in the bundle (empty, '.' or '..' component)").format(name=name))


def check_zip_entries(zf: zipfile.ZipFile, limits: BundleLimits) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise BundleError(
            _("the bundle has {count} members, more than the limit of {limit}").format(
                count=len(infos), limit=limits.max_members
            )
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        check_member_name(name)
        folded = name.casefold()
        if folded in seen:
            raise BundleError(_("duplicate member {name!r} in the bundle").format(name=name))
        seen.add(folded)
        mode = info.external_attr >> 16
        if mode and stat.S_ISLNK(mode):
            raise BundleError(_("member {name!r} is a symbolic link; links are refused").format(name=name))
        if info.is_dir() or (stat.S_IFMT(mode) not in (0, stat.S_IFREG) and info.create_system == 3):
            raise BundleError(_("member {name!r} is not a regular file").format(name=name))
        if info.flag_bits & 0x1:
            raise BundleError(_("member {name!r} uses zip encryption, which bundles never do").format(name=name))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError(_("member {name!r} uses an unsupported compression method").format(name=name))
        if info.file_size > limits.max_member_size:
            raise BundleError(
                _("member {name!r} is larger than the limit ({size} bytes)").format(name=name, size=info.file_size)
            )
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise BundleError(
                _("member {name!r} expands {ratio}x: refused as a zip bomb").format(
                    name=name, ratio=info.file_size // max(info.compress_size, 1)
                )
            )
        total += info.file_size
        if total > limits.max_total_uncompressed:
            raise BundleError(_("the bundle's uncompressed size exceeds the limit: refused as a zip bomb"))
    return infos
