"""A recording compressed while a bundle is being written: one clear message, no bundle, nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from capnum_desktop.bundles import writer as bundle_writer
from capnum_desktop.services.bundle_export import export_bundle
from capnum_desktop.services.errors import ServiceError
from tests.bundles.conftest import StoreFactory, seeded


def test_a_recording_replaced_during_the_export_gives_one_message_and_no_bundle(
    make_store: StoreFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = seeded(make_store, "laptop", seed=3, interviews=2)
    original = bundle_writer.BundleWriter.add_file

    def compressed_meanwhile(self: bundle_writer.BundleWriter, name: str, source: Path, **kwargs: object) -> str:
        source.unlink()  # as the transcode job does once its Opus file is in place
        return original(self, name, source, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bundle_writer.BundleWriter, "add_file", compressed_meanwhile)
    target = tmp_path / "out" / "laptop.capnum"
    target.parent.mkdir()
    with pytest.raises(ServiceError, match="changed while the bundle was being written"):
        export_bundle(laptop, target, encrypt=False)
    assert list(target.parent.iterdir()) == []  # no bundle, no temporary file left
