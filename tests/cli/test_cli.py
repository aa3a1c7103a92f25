"""The `capnum` command as scripts use it: outputs, JSON fields, exit codes, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from capnum_desktop import __version__
from capnum_desktop.bundled import resource_path
from tests.helpers import run_capnum_process

SESSION_FIELDS = {
    "id",
    "participant",
    "site",
    "interviewer",
    "status",
    "started_at",
    "ended_at",
    "answers",
    "notes",
    "recordings",
}


def test_init_demo_seed_and_session_list_in_a_real_process(tmp_path: Path) -> None:
    data = tmp_path / "d"
    init = run_capnum_process(data, "init", "--demo")
    assert init.returncode == 0, init.stderr
    assert "Embedded study loaded" in init.stdout
    seed = run_capnum_process(data, "demo", "seed", "--interviews", "6", "--with-contacts")
    assert seed.returncode == 0, seed.stderr
    listing = run_capnum_process(data, "session", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    rows = json.loads(listing.stdout)
    assert len(rows) == 6
    assert all(set(row) == SESSION_FIELDS for row in rows)
    assert {row["site"] for row in rows} == {"BAG", "BOB", "BES", "SLM"}
    assert all(row["answers"] > 0 for row in rows)
    shown = run_capnum_process(data, "session", "show", rows[0]["id"][:8], "--json", "--with-contact")
    assert shown.returncode == 0, shown.stderr
    detail = json.loads(shown.stdout)
    assert detail["id"] == rows[0]["id"]
    assert detail["contact"]["email"].endswith("@example.org")


def test_demo_seed_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from capnum_desktop.cli.main import main

    outputs = []
    for name in ("a", "b"):
        data = str(tmp_path / name)
        assert main(["--data-dir", data, "demo", "seed", "--interviews", "3", "--seed", "42"]) == 0
        capsys.readouterr()
        assert main(["--data-dir", data, "session", "list", "--json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        outputs.append([(r["participant"], r["status"], r["started_at"], r["answers"], r["notes"]) for r in rows])
    assert outputs[0] == outputs[1]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from capnum_desktop.cli.main import main

    with pytest.raises(SystemExit) as excinfo:
        main(["--version"])
    assert excinfo.value.code == 0
    assert capsys.readouterr().out.strip() == f"capnum {__version__}"


def test_grid_validate_accepts_the_shipped_grid(capnum, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    code, out, err = capnum("grid", "validate", str(resource_path("study", "grid.yaml")), capsys=capsys)
    assert code == 0, err
    assert "valid grid 'capital-numerique-habitants'" in out


def test_grid_validate_lists_every_error_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "format: capnum-grid/1\n"
        "id: essai\n"
        "version: 1\n"
        "title: Essai\n"
        "language: fr\n"
        "sections:\n"
        "  - id: theme\n"
        "    title: Thème\n"
        "    questions:\n"
        "      - id: q1\n"
        "        text: Première ?\n"
        "        type: single_choice\n"  # no options: line 12
        "      - id: q1\n"  # duplicate id: line 13
        "        text: Deuxième ?\n"
        "        type: colour\n",  # unknown type: line 15
        encoding="utf-8",
    )
    result = run_capnum_process(tmp_path / "d", "grid", "validate", str(broken))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(broken))]
    assert len(lines) >= 3, result.stderr
    numbers = {int(line.split(":")[1]) for line in lines}
    assert {13, 15} <= numbers
    assert any(n in numbers for n in (10, 12))


@pytest.mark.parametrize(
    "args, message",
    [
        (["session", "show", "nope"], "No interview"),
        (["grid", "validate", "/no/such/file.yaml"], "file.yaml"),
        (["grid", "export", "unknown-grid", "-o", "x.yaml"], "No grid"),
        (["demo", "seed", "--interviews", "0"], "at least 1"),
    ],
)
def test_bad_input_gives_one_message_and_exit_2(capnum, capsys, args, message) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = capnum(*args, capsys=capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    from capnum_desktop.cli.main import main

    with pytest.raises(SystemExit) as excinfo:
        main(["session", "frobnicate"])
    assert excinfo.value.code == 2


def test_grid_export_round_trips_the_stored_version(capnum, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert capnum("init", "--demo", capsys=capsys)[0] == 0
    target = tmp_path / "out.yaml"
    code, _out, err = capnum("grid", "export", "capital-numerique-habitants", "-o", str(target), capsys=capsys)
    assert code == 0, err
    assert target.read_text("utf-8") == resource_path("study", "grid.yaml").read_text("utf-8")
    assert capnum("grid", "validate", str(target), capsys=capsys)[0] == 0


def test_db_check_reports_a_missing_audio_file(capnum, capsys, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    assert capnum("demo", "seed", "--interviews", "1", capsys=capsys)[0] == 0
    code, out, _ = capnum("db", "check", capsys=capsys)
    assert code == 0 and "Database sound" in out
    from datetime import UTC, datetime

    from capnum_desktop.storage.datastore import open_data_store
    from capnum_desktop.storage.models import Interview, Recording

    store = open_data_store(data_dir)
    with store.session_factory.begin() as session:
        interview = session.query(Interview).first()
        assert interview is not None
        session.add(
            Recording(
                interview_id=interview.id,
                kind="interview",
                path=f"audio/{interview.id}/gone.opus",
                codec="opus",
                state="ready",
                started_at=datetime.now(UTC),
                origin_device="x",
            )
        )
    store.close()
    code, out, _ = capnum("db", "check", capsys=capsys)
    assert code == 2
    assert "missing audio file" in out


def test_study_list_json(capnum, capsys) -> None:  # type: ignore[no-untyped-def]
    assert capnum("init", "--demo", capsys=capsys)[0] == 0
    code, out, _ = capnum("study", "list", "--json", capsys=capsys)
    studies = json.loads(out)
    assert code == 0
    assert studies[0]["code"] == "capnum"
    assert [s["code"] for s in studies[0]["sites"]] == ["BAG", "BES", "BOB", "SLM"]
    assert studies[0]["grids"] == ["capital-numerique-habitants v1"]
