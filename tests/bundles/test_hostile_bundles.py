"""Every hostile or broken bundle: one clear message, exit 2, and the data folder exactly as before."""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from capnum_desktop.bundles.limits import BundleLimits
from capnum_desktop.bundles.reader import BundleReader
from capnum_desktop.bundles.safety import BundleError
from capnum_desktop.cli.main import main
from capnum_desktop.services.bundle_export import export_bundle
from capnum_desktop.storage.datastore import DataStore
from tests.bundles import hostile as H
from tests.bundles.conftest import StoreFactory, copy_laptops, snapshot

Mutation = Callable[[H.Members], H.Members]


@pytest.fixture(scope="module")
def good_bundle(field_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from capnum_desktop.storage.datastore import open_data_store

    root = tmp_path_factory.mktemp("good")
    copy_laptops(field_template, root, "i1")
    store = open_data_store(root / "i1")
    try:
        return export_bundle(store, root / "good.capnum", encrypt=False).path
    finally:
        store.close()


@pytest.fixture(scope="module")
def target_template(field_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The coordinator with some data already imported, so that "unchanged" means something."""
    from capnum_desktop.services.bundle_import import import_bundle
    from capnum_desktop.storage.datastore import open_data_store

    root = tmp_path_factory.mktemp("target")
    copy_laptops(field_template, root, "coord", "i2")
    coord, i2 = open_data_store(root / "coord"), open_data_store(root / "i2")
    try:
        import_bundle(coord, export_bundle(i2, root / "i2.capnum", encrypt=False).path)
    finally:
        coord.close()
        i2.close()
    return root


@pytest.fixture
def target(target_template: Path, tmp_path: Path, make_store: StoreFactory) -> DataStore:
    copy_laptops(target_template, tmp_path, "coord")
    return make_store("coord")


def _random_uuid(rows: list[dict], key: str) -> list[dict]:  # type: ignore[type-arg]
    rows[0][key] = str(uuid.uuid4())
    return rows


def _bad_json_line(rows: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    return rows


CASES: dict[str, tuple[Mutation, str]] = {
    "absolute path": (lambda m: H.add_member(m, "/etc/cron.d/evil", b"x"), "absolute path"),
    "dot-dot path": (lambda m: H.add_member(m, "audio/../../evil.sh", b"x"), "unsafe path"),
    "symlink": (lambda m: H.add_member(m, "audio/link", b"/etc/passwd", mode=0o120777), "symbolic link"),
    "duplicate names": (lambda m: [*m, m[0]], "duplicate member"),
    "zip bomb ratio": (
        lambda m: H.add_member(m, "records/zeros.jsonl", b"\0" * (40 * 1024 * 1024), deflate=True),
        "zip bomb",
    ),
    "sha256 differs, CRC valid": (
        lambda m: H.replace_member(
            m,
            H.first_member(m, "audio/"),
            b"\1" * len(dict((i.filename, d) for i, d in m)[H.first_member(m, "audio/")]),
            fix_manifest=False,
        ),
        "does not match its sha256",
    ),
    "manifest lies about size": (
        lambda m: H.set_manifest(
            m, {**H.manifest_of(m), "members": [{**e, "size": e["size"] + 1} for e in H.manifest_of(m)["members"]]}
        ),
        "but the manifest says",
    ),
    "future format": (lambda m: H.set_manifest(m, {**H.manifest_of(m), "format": "capnum-bundle/2"}), "not supported"),
    "not a bundle": (lambda m: H.set_manifest(m, {"format": "something-else"}), "not a CapNum bundle"),
    "manifest missing": (lambda m: [(i, d) for i, d in m if i.filename != "manifest.json"], "manifest.json is missing"),
    "member not listed": (lambda m: H.add_member(m, "grids/extra.yaml", b"a: 1"), "not in the manifest"),
    "malformed JSON Lines": (
        lambda m: H.replace_member(
            m, "records/note.jsonl", dict((i.filename, d) for i, d in m)["records/note.jsonl"] + b"{not json\n"
        ),
        "is not valid JSON",
    ),
    "record schema": (
        lambda m: H.edit_records(m, "answer", lambda rows: [{**rows[0], "revision": "deux"}, *rows[1:]]),
        "records/answer.jsonl line 1",
    ),
    "unknown column": (
        lambda m: H.edit_records(m, "note", lambda rows: [{**rows[0], "sneaky": 1}, *rows[1:]]),
        "Extra inputs are not permitted",
    ),
    "missing grid": (
        lambda m: H.edit_records(
            H.edit_records(m, "grid_version", lambda r: []), "interview", lambda r: _random_uuid(r, "grid_version_id")
        ),
        "grid_version",
    ),
    "missing participant": (
        lambda m: H.edit_records(m, "interview", lambda r: _random_uuid(r, "participant_id")),
        "point at participant",
    ),
    "counts lie": (
        lambda m: H.set_manifest(m, {**H.manifest_of(m), "counts": {**H.manifest_of(m)["counts"], "note": 999}}),
        "counts 999",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_bundle_refused_and_nothing_changes(
    case: str, good_bundle: Path, target: DataStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mutate, message = CASES[case]
    bad = tmp_path / f"{case.replace(' ', '_')}.capnum"
    H.write_members(bad, mutate(H.read_members(good_bundle)))
    before = snapshot(target)
    data_dir = str(target.data_dir)
    assert main(["--data-dir", data_dir, "bundle", "verify", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) <= 3, err  # one clear message
    assert main(["--data-dir", data_dir, "bundle", "import", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert message in out and "ERROR" in out
    assert snapshot(target) == before


@pytest.mark.parametrize("cut", [0.5, 0.99])
def test_truncated_zip(
    good_bundle: Path, target: DataStore, tmp_path: Path, cut: float, capsys: pytest.CaptureFixture[str]
) -> None:
    data = good_bundle.read_bytes()
    bad = tmp_path / "truncated.capnum"
    bad.write_bytes(data[: int(len(data) * cut)])
    before = snapshot(target)
    assert main(["--data-dir", str(target.data_dir), "bundle", "import", str(bad)]) == 2
    out, _ = capsys.readouterr()
    assert "damaged or truncated" in out
    assert snapshot(target) == before


def test_random_bytes_are_not_a_bundle(target: DataStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "noise.capnum"
    bad.write_bytes(bytes(range(256)) * 40)
    assert main(["--data-dir", str(target.data_dir), "bundle", "verify", str(bad)]) == 2
    assert "not a readable bundle" in capsys.readouterr().err


def _zip_with(tmp_path: Path, count: int, size: int) -> Path:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for n in range(count):
            zf.writestr(f"grids/f{n}.yaml", b"a" * size)
    return path


def test_member_count_and_total_size_caps(tmp_path: Path) -> None:
    path = _zip_with(tmp_path, 30, 100)
    with (
        BundleReader(path, BundleLimits(max_members=20)) as reader,
        pytest.raises(BundleError, match="more than the limit"),
    ):
        reader.open_checked()
    with (
        BundleReader(path, BundleLimits(max_total_uncompressed=1000)) as reader,
        pytest.raises(BundleError, match="uncompressed size"),
    ):
        reader.open_checked()
    with (
        BundleReader(path, BundleLimits(max_member_size=50)) as reader,
        pytest.raises(BundleError, match="larger than"),
    ):
        reader.open_checked()
