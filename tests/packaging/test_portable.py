"""Portable mode (storage/portable.py + paths.resolve_data_dir): the data follows the program on a USB key."""

from __future__ import annotations

from pathlib import Path

import pytest

from capnum_desktop.storage import paths, portable
from capnum_desktop.storage.portable import (
    PORTABLE_DATA_DIR_NAME,
    PORTABLE_MARKER,
    PortableModeError,
    bundle_dir,
    forced_portable_data_dir,
    portable_data_dir,
)


@pytest.fixture
def key(tmp_path: Path) -> Path:
    """A USB key holding an unpacked CapNum folder."""
    folder = tmp_path / "KEY" / "CapNum"
    folder.mkdir(parents=True)
    (folder / "capnum-desktop").write_bytes(b"")
    return folder


def test_source_checkout_is_never_portable(key: Path) -> None:
    (key / PORTABLE_MARKER).write_text("")
    assert bundle_dir(key / "capnum-desktop", frozen=False) is None
    assert portable_data_dir(key / "capnum-desktop", frozen=False) is None
    with pytest.raises(PortableModeError, match="--data-dir"):
        forced_portable_data_dir(key / "capnum-desktop", frozen=False)


def test_plain_install_is_not_portable(key: Path) -> None:
    assert portable_data_dir(key / "capnum-desktop", frozen=True) is None


@pytest.mark.parametrize("how", ["marker", "folder"])
def test_marker_or_data_folder_turns_portable_on(key: Path, how: str) -> None:
    if how == "marker":
        (key / PORTABLE_MARKER).write_text("keep my data on this key\n")
    else:
        (key / PORTABLE_DATA_DIR_NAME).mkdir()
    assert portable_data_dir(key / "capnum-desktop", frozen=True) == key / PORTABLE_DATA_DIR_NAME


def test_a_folder_named_like_the_marker_does_not_count(key: Path) -> None:
    (key / PORTABLE_MARKER).mkdir()
    assert portable_data_dir(key / "capnum-desktop", frozen=True) is None


def test_flag_forces_portable_without_marker(key: Path) -> None:
    assert forced_portable_data_dir(key / "capnum-desktop", frozen=True) == key / PORTABLE_DATA_DIR_NAME


def test_macos_app_keeps_data_beside_the_app_not_inside(tmp_path: Path) -> None:
    macos = tmp_path / "KEY" / "CapNum.app" / "Contents" / "MacOS"
    macos.mkdir(parents=True)
    (tmp_path / "KEY" / PORTABLE_MARKER).write_text("")
    assert portable_data_dir(macos / "capnum-desktop", frozen=True) == tmp_path / "KEY" / PORTABLE_DATA_DIR_NAME


def _pretend_frozen(monkeypatch: pytest.MonkeyPatch, executable: Path) -> None:
    monkeypatch.setattr(portable.sys, "frozen", True, raising=False)
    monkeypatch.setattr(portable.sys, "executable", str(executable))


def test_resolve_data_dir_precedence(key: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _pretend_frozen(monkeypatch, key / "capnum-desktop")
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    beside = key / PORTABLE_DATA_DIR_NAME
    assert paths.resolve_data_dir() != beside  # no marker: the user data folder
    assert paths.resolve_data_dir(portable=True) == beside  # --portable
    (key / PORTABLE_MARKER).write_text("")
    assert paths.resolve_data_dir() == beside  # the marker
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "env"))
    assert paths.resolve_data_dir() == (tmp_path / "env").resolve()  # the environment beats the marker
    assert paths.resolve_data_dir(portable=True) == beside  # ... and --portable beats the environment
    assert paths.resolve_data_dir(tmp_path / "arg") == (tmp_path / "arg").resolve()  # --data-dir beats all


def test_resolve_data_dir_portable_from_source_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(portable.sys, "frozen", raising=False)
    with pytest.raises(PortableModeError):
        paths.resolve_data_dir(portable=True)
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    assert paths.resolve_data_dir().name  # no flag, no frozen app: the user data folder, no error
