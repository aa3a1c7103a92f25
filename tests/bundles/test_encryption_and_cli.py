"""age encryption readable by the reference `age` tool; keys; the CLI verbs end to end."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest

from capnum_desktop.cli.main import main
from capnum_desktop.services.bundle_export import export_bundle
from capnum_desktop.storage.datastore import DataStore
from tests.bundles.conftest import StoreFactory, copy_laptops, snapshot


@pytest.fixture
def laptops(field_template: Path, tmp_path: Path, make_store: StoreFactory) -> dict[str, DataStore]:
    from capnum_desktop.services.keys import remember_identity

    copy_laptops(field_template, tmp_path, "coord", "i1", "i2", "keys")
    stores = {name: make_store(name) for name in ("coord", "i1", "i2")}
    remember_identity(stores["coord"], tmp_path / "keys" / "identity.txt")  # this one is the coordinator
    return stores


def run(store: DataStore, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(store.data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_keys_generate_private_mode_and_never_overwrite(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "keys", "generate", "-o", str(tmp_path / "k")]) == 0
    identity = tmp_path / "k" / "identity.txt"
    assert stat.S_IMODE(identity.stat().st_mode) == 0o600
    assert (tmp_path / "k" / "recipient.txt").read_text().startswith("age1")
    assert main(["--data-dir", str(data_dir), "keys", "generate", "-o", str(tmp_path / "k")]) == 2
    assert "never overwritten" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("age") is None, reason="the reference `age` tool is not installed")
def test_encrypted_bundle_opens_with_age_cli(laptops: dict[str, DataStore], tmp_path: Path) -> None:
    result = export_bundle(laptops["i1"], tmp_path / "b.capnum")
    assert result.encrypted
    assert result.path.read_bytes().startswith(b"age-encryption.org/v1\n")
    plain = tmp_path / "plain.zip"
    subprocess.run(
        ["age", "-d", "-i", str(tmp_path / "keys" / "identity.txt"), "-o", str(plain), str(result.path)], check=True
    )
    with zipfile.ZipFile(plain) as zf:
        assert zf.testzip() is None
        manifest = json.loads(zf.read("manifest.json"))
        audio = [i for i in zf.infolist() if i.filename.startswith("audio/")]
    assert manifest["format"] == "capnum-bundle/1" and manifest["device_id"] == laptops["i1"].device_id
    assert audio and all(i.compress_type == zipfile.ZIP_STORED for i in audio)
    assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in zf.infolist() if i.filename.startswith("records/"))


def test_wrong_key_and_altered_bytes(
    laptops: dict[str, DataStore], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coord = laptops["coord"]
    bundle = export_bundle(laptops["i1"], tmp_path / "b.capnum").path
    assert main(["--data-dir", str(tmp_path / "other"), "keys", "generate", "-o", str(tmp_path / "other-keys")]) == 0
    capsys.readouterr()
    before = snapshot(coord)
    code, _, err = run(
        coord, capsys, "bundle", "verify", str(bundle), "--identity", str(tmp_path / "other-keys" / "identity.txt")
    )
    assert code == 2 and "encrypted for another key" in err
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    altered = tmp_path / "altered.capnum"
    altered.write_bytes(bytes(data))
    code, out, _ = run(
        coord, capsys, "bundle", "import", str(altered), "--identity", str(tmp_path / "keys" / "identity.txt")
    )
    assert code == 2 and "damaged, truncated or was altered" in out
    truncated = tmp_path / "truncated.capnum"
    truncated.write_bytes(bundle.read_bytes()[:-100])
    code, out, _ = run(
        coord, capsys, "bundle", "import", str(truncated), "--identity", str(tmp_path / "keys" / "identity.txt")
    )
    assert code == 2 and "damaged, truncated or was altered" in out
    code, _, err = run(coord, capsys, "bundle", "verify", str(tmp_path / "missing.capnum"))
    assert code == 2 and "no such file" in err
    assert snapshot(coord) == before


def test_cli_export_import_summary_and_reimport(
    laptops: dict[str, DataStore], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, _ = run(laptops["i1"], capsys, "bundle", "export", "-o", str(out_dir))
    assert code == 0 and "full bundle #1" in out and "encrypted" in out
    [bundle] = list(out_dir.glob("capnum_*_00001_full_*.capnum"))
    assert laptops["i1"].device_id[:8] in bundle.name
    code, out, _ = run(laptops["coord"], capsys, "bundle", "import", str(bundle), "--json")
    [summary] = json.loads(out)
    assert code == 0 and summary["new"] > 0 and summary["error"] is None and summary["encrypted"]
    code, out, _ = run(laptops["coord"], capsys, "bundle", "import", str(bundle), "--json")
    [known] = json.loads(out)
    assert code == 0 and known["already_imported"]
    before = snapshot(laptops["coord"])
    code, out, _ = run(laptops["coord"], capsys, "bundle", "import", str(bundle), "--again", "--json")
    [again] = json.loads(out)
    assert (again["new"], again["updated"], again["conflicts"]) == (0, 0, 0) and again["unchanged"] > 0
    assert snapshot(laptops["coord"]) == before


def test_sync_one_bad_bundle_never_blocks_the_others(
    laptops: dict[str, DataStore], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    assert run(laptops["i1"], capsys, "sync", "--folder", str(share))[0] == 0
    (share / "zz_broken.capnum").write_bytes(b"age-encryption.org/v1\nnot really")
    assert run(laptops["i2"], capsys, "sync", "--folder", str(share))[0] == 0
    code, out, _ = run(laptops["coord"], capsys, "sync", "--folder", str(share), "--json")
    report = json.loads(out)
    assert code == 2 and report["role"] == "coordinator"
    assert [bool(r["error"]) for r in report["imported"]] == [False, False, True]
    assert (share / "study-capnum.capnum-study").is_file()
    # Next time: the two good ones are remembered, the broken one is tried again (and still reported).
    code, out, _ = run(laptops["coord"], capsys, "sync", "--folder", str(share), "--json")
    report = json.loads(out)
    assert [r["already_imported"] for r in report["imported"]] == [True, True, False]


def test_conflicts_cli(laptops: dict[str, DataStore], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import select

    from capnum_desktop.storage.models import Note

    i1, coord = laptops["i1"], laptops["coord"]
    first = export_bundle(i1, tmp_path / "1.capnum", since_last_sync=True).path
    assert run(coord, capsys, "bundle", "import", str(first))[0] == 0
    with i1.session() as session:
        note_id = session.scalar(select(Note.id).limit(1))
    for store, text in ((i1, "Note du terrain"), (coord, "Note du bureau")):
        with store.session_factory.begin() as session:
            note = session.get(Note, note_id)
            assert note is not None
            note.text = text
            note.touch(store.device_id)
    second = export_bundle(i1, tmp_path / "2.capnum", since_last_sync=True).path
    code, out, _ = run(coord, capsys, "bundle", "import", str(second))
    assert code == 0 and "conflicts 1" in out
    code, out, _ = run(coord, capsys, "conflicts", "list", "--json")
    [conflict] = json.loads(out)
    assert conflict["fields"] == ["text"] and conflict["incoming"]["text"] == "Note du terrain"
    assert run(coord, capsys, "conflicts", "resolve", "nope", "--keep", "local")[0] == 2
    code, _, err = run(coord, capsys, "conflicts", "resolve", conflict["id"], "--keep", "both")
    assert code == 0, err
    with coord.session() as session:
        texts = set(session.scalars(select(Note.text).where(Note.text.like("Note du %"))))
    assert texts == {"Note du terrain", "Note du bureau"}
    assert "No conflict" in run(coord, capsys, "conflicts", "list")[1]


def test_study_package_cli_and_recipient(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office, laptop = str(tmp_path / "office"), str(tmp_path / "laptop")
    assert main(["--data-dir", office, "init", "--demo"]) == 0
    assert main(["--data-dir", office, "keys", "generate", "-o", str(tmp_path / "k")]) == 0
    assert main(["--data-dir", office, "study", "set-recipient", str(tmp_path / "k" / "recipient.txt")]) == 0
    assert main(["--data-dir", office, "study", "set-recipient", "age1nope"]) == 2
    assert main(["--data-dir", office, "study", "export", "-o", str(tmp_path / "s.capnum-study")]) == 0
    assert main(["--data-dir", laptop, "init", "--demo"]) == 0
    assert main(["--data-dir", laptop, "study", "import", str(tmp_path / "s.capnum-study")]) == 0
    capsys.readouterr()
    assert main(["--data-dir", laptop, "study", "list", "--json"]) == 0
    [study] = json.loads(capsys.readouterr().out)
    assert study["coordinator_recipient"] == (tmp_path / "k" / "recipient.txt").read_text().strip()
