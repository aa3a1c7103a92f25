"""`capnum keys generate|use`, `bundle export|verify|import`, `sync`, `conflicts list|resolve`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from capnum_desktop.cli.context import CliContext, print_json, print_table
from capnum_desktop.cli.progress import TerminalProgress
from capnum_desktop.services.bundle_export import clock_went_back_message, export_bundle
from capnum_desktop.services.bundle_import import BundleSummary, import_bundles, verify_bundle
from capnum_desktop.services.conflicts import list_conflicts, resolve_conflict
from capnum_desktop.services.keys import generate_keys, remember_identity
from capnum_desktop.services.sync import sync_folder


def register(sub: Any) -> None:
    keys = sub.add_parser("keys", help="age keys of the coordinator").add_subparsers(
        dest="keys_command", metavar="ACTION", required=True
    )
    p = keys.add_parser("generate", help="write DIR/identity.txt (private) and DIR/recipient.txt")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    p.set_defaults(func=cmd_keys_generate)
    p = keys.add_parser("use", help="remember the coordinator identity on this laptop (makes it the coordinator)")
    p.add_argument("identity", type=Path, nargs="?", help="identity file; omit with --forget")
    p.add_argument("--forget", action="store_true")
    p.set_defaults(func=cmd_keys_use)

    bundle = sub.add_parser("bundle", help="bundles (.capnum) carried to the coordinator").add_subparsers(
        dest="bundle_command", metavar="ACTION", required=True
    )
    p = bundle.add_parser("export", help="write this laptop's data as a bundle")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="a file, or a folder")
    p.add_argument("--since-last-sync", action="store_true", help="only what changed since the last sync")
    p.add_argument("--recipient", metavar="KEY_OR_FILE", help="default: the study's coordinator recipient")
    p.add_argument("--no-encrypt", action="store_true", help="write a plain zip even if a recipient is known")
    p.set_defaults(func=cmd_export)
    p = bundle.add_parser("verify", help="check a bundle completely without importing it")
    p.add_argument("file", type=Path)
    p.add_argument("--identity", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)
    p = bundle.add_parser("import", help="verify then import bundles")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.add_argument("--identity", type=Path, metavar="FILE")
    p.add_argument("--again", action="store_true", help="merge files already imported again (normally skipped)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("sync", help="sync through a shared folder (USB key, Nextcloud, network share)")
    p.add_argument("--folder", type=Path, metavar="DIR", help="default: the sync folder in settings")
    p.add_argument("--identity", type=Path, metavar="FILE", help="coordinator: decrypt bundles with this identity")
    p.add_argument("--coordinator", action="store_true", help="act as the coordinator (import every new bundle)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)

    conflicts = sub.add_parser("conflicts", help="records changed on two laptops").add_subparsers(
        dest="conflicts_command", metavar="ACTION", required=True
    )
    p = conflicts.add_parser("list", help="conflicts waiting for a decision")
    p.add_argument("--all", action="store_true", help="include resolved ones")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts_list)
    p = conflicts.add_parser("resolve", help="decide a conflict")
    p.add_argument("id", help="conflict id (or a unique prefix)")
    p.add_argument("--keep", choices=("local", "incoming", "both"), required=True)
    p.set_defaults(func=cmd_conflicts_resolve)


def cmd_keys_generate(args: argparse.Namespace, ctx: CliContext) -> int:
    keys = generate_keys(args.output)
    print(f"Identity (private, keep it safe, never share it): {keys.identity_file}")
    print(f"Recipient (public): {keys.recipient}  ->  {keys.recipient_file}")
    print("Next: `capnum study set-recipient RECIPIENT_FILE`, then hand `capnum study export` to the laptops.")
    return 0


def cmd_keys_use(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.forget:
        remember_identity(ctx.store, None)
        print("Identity forgotten: this laptop acts as an interviewer's again.")
        return 0
    if args.identity is None:
        print("capnum: error: give the identity file, or --forget")
        return 2
    remember_identity(ctx.store, args.identity)
    print(f"This laptop now decrypts bundles with {args.identity} (coordinator).")
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    result = export_bundle(
        ctx.store,
        args.output,
        since_last_sync=args.since_last_sync,
        recipient=args.recipient,
        encrypt=not args.no_encrypt,
        progress=TerminalProgress("Export"),
    )
    state = "encrypted" if result.encrypted else "NOT encrypted (no recipient)"
    print(f"{result.kind} bundle #{result.sequence} written to {result.path} ({result.size_bytes} bytes, {state})")
    print("  " + ", ".join(f"{k}: {v}" for k, v in result.counts.items() if v))
    for line in result.skipped:
        print(f"  skipped: {line}")
    if result.clock_went_back:
        print(f"  note: {clock_went_back_message()}")
    return 0


def _print_summary(s: BundleSummary, verb: str) -> None:
    if s.error:
        print(f"{s.file}: ERROR: {s.error}")
        return
    if s.already_imported:
        print(f"{s.file}: already imported")
        return
    print(
        f"{s.file}: {verb} — {s.kind} bundle #{s.sequence} of {s.device}, study {s.study}, {s.created_at}"
        f"{', encrypted' if s.encrypted else ''}; {s.interviews} interviews, {s.audio_files} audio files"
    )
    print(
        f"  new {s.new}, updated {s.updated}, unchanged {s.unchanged}, conflicts {s.conflicts}"
        + (f", dropped (erased) {s.dropped}" if s.dropped else "")
        + (f", participants erased {s.erased}" if s.erased else "")
        + (f", notes deleted {s.deleted_notes}" if s.deleted_notes else "")
    )
    for pid, code in s.renamed_codes.items():
        print(f"  participant {pid[:8]} took code {code} (its code was already used here)")


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    summary = verify_bundle(ctx.store, args.file, args.identity, TerminalProgress("Verify"))
    if args.json:
        print_json(summary.as_dict())
    else:
        _print_summary(summary, "valid, would import")
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    results = import_bundles(
        ctx.store, args.files, args.identity, TerminalProgress("Import"), skip_known=not args.again
    )
    if args.json:
        print_json([r.as_dict() for r in results])
    else:
        for r in results:
            _print_summary(r, "imported")
    return 2 if any(r.error for r in results) else 0


def cmd_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    result = sync_folder(
        ctx.store, args.folder, identity=args.identity, coordinator=args.coordinator, progress=TerminalProgress("Sync")
    )
    if args.json:
        print_json(
            {
                "role": result.role,
                "folder": str(result.folder),
                "exported": str(result.exported.path) if result.exported and not result.exported.empty else None,
                "published": str(result.published) if result.published else None,
                "imported": [r.as_dict() for r in result.imported],
                "warnings": result.warnings,
            }
        )
    else:
        print(f"Sync as {result.role} with {result.folder}")
        if result.published:
            print(f"  study package published: {result.published.name}")
        if result.exported:
            if result.exported.empty:
                print("  nothing new to send")
            else:
                print(f"  bundle written: {result.exported.path.name}")
        for r in result.imported:
            _print_summary(r, "imported")
        for w in result.warnings:
            print(f"  warning: {w}")
    return 2 if any(r.error for r in result.imported) else 0


def cmd_conflicts_list(args: argparse.Namespace, ctx: CliContext) -> int:
    conflicts = list_conflicts(ctx.store, include_resolved=args.all)
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "entity": c.entity,
                    "entity_id": c.entity_id,
                    "detected_at": c.detected_at.isoformat(),
                    "source": c.source,
                    "fields": c.fields,
                    "local": c.local,
                    "incoming": c.incoming,
                    "resolution": c.resolution,
                }
                for c in conflicts
            ]
        )
        return 0
    if not conflicts:
        print("No conflict to review.")
        return 0
    rows = [
        [c.id[:8], c.entity, c.entity_id[:8], ", ".join(c.fields), c.source or "", c.resolution or ""]
        for c in conflicts
    ]
    print_table(rows, ["id", "record", "record id", "differs in", "from bundle", "resolution"])
    return 0


def cmd_conflicts_resolve(args: argparse.Namespace, ctx: CliContext) -> int:
    resolve_conflict(ctx.store, args.id, args.keep)
    print(f"Conflict {args.id} resolved: kept {args.keep}.")
    return 0
