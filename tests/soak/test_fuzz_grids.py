"""A bounded mutation-fuzz run of grid validation in CI (the long run's counts are in docs/reliability.md)."""

from __future__ import annotations

from tests.soak.fuzz_grids import run


def test_damaged_grids_are_rejected_with_positions_never_crash() -> None:
    report = run(cases=150, seed=5)
    assert report.crashes == []
    assert report.bad_positions == []
    assert report.rejected > 50, "the mutations should break most copies: otherwise the fuzzer tests nothing"


def test_a_control_character_is_a_located_error_not_a_crash() -> None:
    # Found by the fuzzer: PyYAML refuses control characters while building its reader, before parsing.
    import pytest

    from capnum_desktop.grids import GridValidationError, parse_grid_text

    with pytest.raises(GridValidationError) as excinfo:
        parse_grid_text("format: capnum-grid/1\nid: x\x00y\n", "f.yaml")
    assert str(excinfo.value) == (
        "f.yaml:2:6: character U+0000 is not allowed in a grid file (a control character; retype this text)"
    )


def test_a_mapping_in_the_languages_list_is_a_located_error_not_a_crash() -> None:
    # Found by hypothesis in the full suite: `languages: [{fr: x}]` reached a set() and raised TypeError.
    import pytest

    from capnum_desktop.grids import GridValidationError, parse_grid_text

    text = "format: capnum-grid/1\nid: g\nversion: 1\ntitle: T\nlanguage: fr\nlanguages: [{fr: x}]\nsections: []\n"
    with pytest.raises(GridValidationError) as excinfo:
        parse_grid_text(text, "g.yaml")
    assert any(error.line == 6 for error in excinfo.value.errors), str(excinfo.value)
