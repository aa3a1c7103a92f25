"""Bundle benchmarks: export vs `zip -0` of the same files, import of N seeded interviews with audio, re-import,
and peak memory (RSS) of export and import for a bundle of several GB.

    uv run python benchmarks/bundles_bench.py --quick                # CI: 12 interviews, 1 MB of audio each
    uv run python benchmarks/bundles_bench.py --interviews 211 --audio-mb 11   # ~2.3 GB (1 h of Opus each)

Audio files are random bytes of the size of one hour of Opus at 24 kbit/s (incompressible, like real Opus);
`demo seed --audio-seconds` would give real ones once available, at the same size. Each phase runs in its own
process so that its peak RSS is its own. References: `zip -0 -q -r` (Info-ZIP, apt package `zip`) of the same
audio files plus the database file, and Python's zipfile STORED of the same files. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path


def phase(args: list[str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--phase", *args], check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _done(started: float, extra: dict[str, object] | None = None) -> None:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {"seconds": round(time.perf_counter() - started, 3), "peak_rss_mb": round(peak_mb, 1), **(extra or {})}
        )
    )


def run_phase(name: str, root: Path, interviews: int, audio_mb: float) -> None:
    from capnum_desktop.services.bundle_export import export_bundle
    from capnum_desktop.services.bundle_import import import_bundle
    from capnum_desktop.storage.datastore import open_data_store

    if name == "seed":
        seed(root, interviews, audio_mb)
        print(json.dumps({}))
        return
    if name in ("export", "export-encrypted"):
        store = open_data_store(root / "laptop")
        started = time.perf_counter()
        encrypted = name == "export-encrypted"
        target = root / ("bundle.age.capnum" if encrypted else "bundle.capnum")
        result = export_bundle(
            store, target, encrypt=encrypted, recipient=str(root / "keys" / "recipient.txt") if encrypted else None
        )
        _done(started, {"bytes": result.size_bytes})
        return
    if name in ("import", "reimport-merge"):  # the full path: decrypt, verify, merge (finds nothing to change)
        store = open_data_store(root / "office")
        started = time.perf_counter()
        summary = import_bundle(store, root / "bundle.age.capnum", root / "keys" / "identity.txt")
        _done(started, {"new": summary.new, "unchanged": summary.unchanged})
        return
    if name == "reimport":  # what `capnum bundle import` and folder sync do with a file seen before
        from capnum_desktop.services.bundle_import import import_bundles

        store = open_data_store(root / "office")
        started = time.perf_counter()
        [summary] = import_bundles(store, [root / "bundle.age.capnum"], root / "keys" / "identity.txt")
        _done(started, {"already_imported": summary.already_imported})
        return
    raise SystemExit(f"unknown phase {name}")


def seed(root: Path, interviews: int, audio_mb: float) -> None:
    import hashlib

    from sqlalchemy import select

    from capnum_desktop.services.demo_seed import SeedOptions, seed_demo
    from capnum_desktop.services.keys import generate_keys
    from capnum_desktop.storage.datastore import open_data_store
    from capnum_desktop.storage.models import Interview, Recording

    store = open_data_store(root / "laptop")
    seed_demo(store, SeedOptions(interviews=interviews, seed=7, with_contacts=True))
    size = int(audio_mb * 1024 * 1024)
    with store.session_factory.begin() as session:
        for interview in session.scalars(select(Interview)):
            rel = f"audio/{interview.id}/interview.opus"
            path = store.data_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            sha = hashlib.sha256()
            with path.open("wb") as out:
                left = size
                while left:
                    chunk = os.urandom(min(left, 4 * 1024 * 1024))
                    sha.update(chunk)
                    out.write(chunk)
                    left -= len(chunk)
            session.add(
                Recording(
                    interview_id=interview.id,
                    kind="interview",
                    path=rel,
                    codec="opus",
                    state="ready",
                    duration_ms=3_600_000,
                    sample_rate=48000,
                    channels=1,
                    size_bytes=size,
                    sha256=sha.hexdigest(),
                    started_at=interview.started_at,
                    origin_device=store.device_id,
                )
            )
    store.close()
    generate_keys(root / "keys")
    open_data_store(root / "office").close()


def reference_zip(root: Path) -> dict[str, float]:
    laptop = root / "laptop"
    out: dict[str, float] = {}
    if shutil.which("zip"):
        target = root / "ref-zip0.zip"
        started = time.perf_counter()
        subprocess.run(["zip", "-0", "-q", "-r", str(target), "audio", "capnum.sqlite3"], cwd=laptop, check=True)
        out["zip0_seconds"] = round(time.perf_counter() - started, 3)
        target.unlink()
    target = root / "ref-stored.zip"
    started = time.perf_counter()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        for path in [*sorted((laptop / "audio").rglob("*")), laptop / "capnum.sqlite3"]:
            if path.is_file():
                zf.write(path, str(path.relative_to(laptop)))
    out["python_stored_seconds"] = round(time.perf_counter() - started, 3)
    target.unlink()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--interviews", type=int, default=211)
    parser.add_argument("--audio-mb", type=float, default=11.0, help="per interview (1 h of Opus at 24 kbit/s)")
    parser.add_argument("--phase", nargs=4, metavar=("NAME", "ROOT", "N", "MB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        name, root, n, mb = args.phase
        run_phase(name, Path(root), int(n), float(mb))
        return
    if args.quick:
        args.interviews, args.audio_mb = 12, 1.0
    with tempfile.TemporaryDirectory(prefix="capnum-bundle-bench-") as tmp:
        root = Path(tmp)
        common = [str(root), str(args.interviews), str(args.audio_mb)]
        phase(["seed", *common])
        report: dict[str, object] = {"interviews": args.interviews, "audio_mb_each": args.audio_mb}
        report["reference"] = reference_zip(root)
        report["export_plain"] = phase(["export", *common])
        report["export_encrypted"] = phase(["export-encrypted", *common])
        report["import"] = phase(["import", *common])
        report["reimport"] = phase(["reimport", *common])
        report["reimport_merge"] = phase(["reimport-merge", *common])
        print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
