"""Property: whatever happens to a real bundle's bytes (flips, truncation, swapped members), import either
succeeds or refuses it with one ServiceError, and a refusal leaves the data folder exactly as it was.

CI runs a bounded number of examples; set CAPNUM_FUZZ_EXAMPLES for a longer run (counts in docs/bundles.md).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capnum_desktop.services.bundle_export import export_bundle
from capnum_desktop.services.bundle_import import import_bundle
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.storage.datastore import DataStore, open_data_store
from tests.bundles import hostile as H
from tests.bundles.conftest import copy_laptops, snapshot

EXAMPLES = int(os.environ.get("CAPNUM_FUZZ_EXAMPLES", "60"))
OUTCOMES: Counter[str] = Counter()


@pytest.fixture(scope="module")
def fuzz_env(field_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    from capnum_desktop.services.keys import remember_identity

    root = tmp_path_factory.mktemp("fuzz")
    copy_laptops(field_template, root, "coord", "i1", "keys")
    i1 = open_data_store(root / "i1")
    plain = export_bundle(i1, root / "plain.capnum", encrypt=False).path
    sealed = export_bundle(i1, root / "sealed.capnum").path
    i1.close()
    coord = open_data_store(root / "coord")
    remember_identity(coord, root / "keys" / "identity.txt")
    yield {"coord": coord, "plain": plain.read_bytes(), "sealed": sealed.read_bytes(), "root": root}
    coord.close()
    print(f"\nfuzz outcomes over {sum(OUTCOMES.values())} examples: {dict(OUTCOMES)}")


def _swap_members(data: bytes, root: Path, a: int, b: int) -> bytes:
    src = root / "swap-src.capnum"
    src.write_bytes(data)
    members = H.read_members(src)
    a, b = a % len(members), b % len(members)
    (ia, da), (ib, db) = members[a], members[b]
    if da == db:  # the same member, or two empty record files: nothing would change
        return data
    members[a], members[b] = (ia, db), (ib, da)
    H.write_members(src, members)
    return src.read_bytes()


mutation = st.one_of(
    st.tuples(st.just("flip"), st.lists(st.tuples(st.floats(0, 0.9999), st.integers(1, 255)), min_size=1, max_size=4)),
    st.tuples(st.just("truncate"), st.floats(0, 0.9999)),
    st.tuples(st.just("swap"), st.tuples(st.integers(0, 40), st.integers(0, 40))),
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.sampled_from(["plain", "sealed"]), change=mutation)
def test_mutated_bundles_never_corrupt_the_data_folder(
    fuzz_env: dict[str, object], which: str, change: tuple[str, object]
) -> None:
    coord = fuzz_env["coord"]
    root = fuzz_env["root"]
    assert isinstance(coord, DataStore) and isinstance(root, Path)
    data = bytearray(fuzz_env[which])  # type: ignore[arg-type]
    kind, arg = change
    if kind == "flip":
        for where, xor in arg:  # type: ignore[union-attr]
            data[int(where * len(data))] ^= xor
    elif kind == "truncate":
        data = data[: int(arg * len(data))]  # type: ignore[operator]
    else:
        if which == "sealed":
            return  # members are only reachable in the plain zip
        data = bytearray(_swap_members(bytes(data), root, *arg))  # type: ignore[misc]
    if bytes(data) == fuzz_env[which]:
        OUTCOMES[f"{which}/{kind}/no-op"] += 1  # e.g. two flips of the same bit
        return
    path = root / "mutated.capnum"
    path.write_bytes(bytes(data))
    before = snapshot(coord)
    try:
        import_bundle(coord, path)
    except ServiceError as exc:
        assert str(exc).startswith("mutated.capnum: ") and "\n" not in str(exc).split(":", 2)[1]
        assert snapshot(coord) == before
        OUTCOMES[f"{which}/{kind}/refused"] += 1
    else:
        OUTCOMES[f"{which}/{kind}/imported"] += 1
