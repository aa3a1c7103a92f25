"""REFI-QDA project and codebook: schema-valid, shaped for QualCoder, positions right, deterministic."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema
from sqlalchemy import select

from capnum_desktop.services.exports import ExportOptions, export_data
from capnum_desktop.services.grid_versions import grid_of
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Answer, Interview
from tests.exports.conftest import LONG_QUESTION, SCHEMAS, TRICKY_LF, add_recording, completed_interview

NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture(scope="module")
def project_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "Project.xsd"))


def export_qdpx(store: DataStore, target: Path, **options: object) -> tuple[zipfile.ZipFile, ET.Element]:
    export_data(store, target, ExportOptions("qdpx", **options))  # type: ignore[arg-type]
    archive = zipfile.ZipFile(target)
    return archive, ET.fromstring(archive.read("project.qde"))


def source_text(archive: zipfile.ZipFile, element: ET.Element, attribute: str = "plainTextPath") -> str:
    path = element.get(attribute, "")
    assert path.startswith("internal://")
    return archive.read("sources/" + path.removeprefix("internal://")).decode("utf-8")


def test_project_is_valid_and_shaped_for_qualcoder(
    tricky: tuple[DataStore, str], tmp_path: Path, project_schema: xmlschema.XMLSchema
) -> None:
    store, _ = tricky
    archive, root = export_qdpx(store, tmp_path / "p.qdpx")
    project_schema.validate(archive.read("project.qde").decode("utf-8"))
    assert root.get("origin", "").startswith("CapNum Desktop")
    names = set(archive.namelist())
    paths = re.findall(r'="internal://([^"]+)"', archive.read("project.qde").decode("utf-8"))
    assert paths and all(f"sources/{p}" in names for p in paths)
    for name in names - {"project.qde"}:
        assert b"\r" not in archive.read(name), name
    codes = root.findall(".//q:CodeBook//q:Code", NS)
    assert len({c.get("name", "").casefold() for c in codes}) == len(codes)
    themes = root.findall("./q:CodeBook/q:Codes/q:Code", NS)
    assert themes and all(t.get("isCodable") == "false" for t in themes)
    assert all(c.get("isCodable") == "true" for t in themes for c in t.findall("q:Code", NS))
    notes = root.findall("./q:Notes/q:Note", NS)
    assert notes and all(n.get("creationDateTime") and n.get("plainTextPath") for n in notes)
    guids = [e.get("guid") for e in root.iter() if e.get("guid")]
    assert len(guids) == len(set(guids))
    cases = root.findall(".//q:Case", NS)
    sources = root.findall(".//q:TextSource", NS)
    assert {c.get("name") for c in cases} <= {s.get("name", "").split()[0] for s in sources}
    assert all(c.findall("q:VariableValue", NS) for c in cases)


def test_coded_selections_point_at_the_answers(tricky: tuple[DataStore, str], tmp_path: Path) -> None:
    store, interview_id = tricky
    archive, root = export_qdpx(store, tmp_path / "p.qdpx")
    code_of = {c.get("guid"): c for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    checked = 0
    for source in root.findall(".//q:TextSource", NS):
        text = source_text(archive, source)
        for selection in source.findall("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition", "-1")), int(selection.get("endPosition", "-1"))
            assert 0 <= start < end <= len(text)
            code = code_of[selection.find("q:Coding/q:CodeRef", NS).get("targetGUID")]  # type: ignore[union-attr]
            assert f"{selection.get('name')} (" in (code.findtext("q:Description", "", NS))
            if selection.get("name") == LONG_QUESTION and text[start:end] == TRICKY_LF:
                checked += 1
    assert checked == 1  # the tricky answer, exactly, at its code-point positions
    with store.session() as session:
        answers = {a.question_id: a for a in session.scalars(select(Answer).where(Answer.interview_id == interview_id))}
        grid = grid_of(session, session.get(Interview, interview_id).grid_version_id)  # type: ignore[union-attr]
    open_questions = {q.id for s in grid.sections for q in s.questions if not q.type.is_closed}
    source = next(s for s in root.findall(".//q:TextSource", NS) if source_text(archive, s).count(TRICKY_LF))
    text = source_text(archive, source)
    for selection in source.findall("q:PlainTextSelection", NS):
        answer = answers[selection.get("name", "")]
        if selection.get("name") in open_questions and answer.free_text is None:
            start, end = int(selection.get("startPosition", "0")), int(selection.get("endPosition", "0"))
            assert text[start:end] == answer.value.replace("\r\n", "\n")


def test_same_data_same_bytes(seeded: DataStore, tmp_path: Path) -> None:
    export_data(seeded, tmp_path / "a.qdpx", ExportOptions("qdpx"))
    export_data(seeded, tmp_path / "b.qdpx", ExportOptions("qdpx"))
    assert (tmp_path / "a.qdpx").read_bytes() == (tmp_path / "b.qdpx").read_bytes()


def test_recording_becomes_an_audio_source(
    seeded: DataStore, tmp_path: Path, project_schema: xmlschema.XMLSchema
) -> None:
    interview_id = completed_interview(seeded)
    audio = add_recording(
        seeded, interview_id, markers=[("parcours_premier_souvenir", 5_000), ("equipement_appareils", 60_000)]
    )
    archive, root = export_qdpx(seeded, tmp_path / "p.qdpx")
    project_schema.validate(archive.read("project.qde").decode("utf-8"))
    (source,) = root.findall(".//q:AudioSource", NS)
    member = "sources/" + source.get("path", "").removeprefix("internal://")
    assert archive.read(member) == audio.read_bytes()
    assert archive.getinfo(member).compress_type == zipfile.ZIP_STORED
    spans = [(s.get("name"), s.get("begin"), s.get("end")) for s in source.findall("q:AudioSelection", NS)]
    assert ("parcours_premier_souvenir 00:05", "5000", "60000") in spans
    assert ("equipement_appareils 01:00", "60000", "600000") in spans


def test_audio_without_markers_and_over_the_size_limit(
    seeded: DataStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from capnum_desktop.exports.refi import project

    interview_id = completed_interview(seeded)
    audio = add_recording(seeded, interview_id, markers=[], size=8192)
    monkeypatch.setattr(project, "MAX_INTERNAL_BYTES", 4096)  # stands in for the standard's 2 GB
    result = export_data(seeded, tmp_path / "big.qdpx", ExportOptions("qdpx"))
    archive = zipfile.ZipFile(tmp_path / "big.qdpx")
    root = ET.fromstring(archive.read("project.qde"))
    (source,) = root.findall(".//q:AudioSource", NS)
    assert source.findall("q:AudioSelection", NS) == []
    assert source.get("path", "").startswith("relative://")
    outside = tmp_path / "big_sources" / source.get("path", "").removeprefix("relative://")
    assert outside.read_bytes() == audio.read_bytes() and outside in result.files
    assert root.get("basePath") == (tmp_path / "big_sources").resolve().as_posix() + "/"
    assert not any(n.endswith(".opus") for n in archive.namelist())


def test_codebook_alone_is_valid(seeded: DataStore, tmp_path: Path) -> None:
    export_data(seeded, tmp_path / "grid.qdc", ExportOptions("qdc"))
    schema = xmlschema.XMLSchema(str(SCHEMAS / "Codebook.xsd"))
    schema.validate(str(tmp_path / "grid.qdc"))
    root = ET.parse(tmp_path / "grid.qdc").getroot()
    assert root.get("origin", "").startswith("CapNum Desktop")
    names = [c.get("name") for c in root.iter("{urn:QDA-XML:codebook:1.0}Code")]
    assert len(names) > 20 and len(set(names)) == len(names)
