"""`capnum study export|import|set-recipient` (registered into the `study` group of cmd_setup)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from capnum_desktop.cli.context import CliContext
from capnum_desktop.services.keys import set_study_recipient
from capnum_desktop.services.study_package import export_study_package, import_study_package


def register_study_verbs(study: Any) -> None:
    p = study.add_parser("export", help="write the study package to hand to every laptop")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.set_defaults(func=cmd_study_export)
    p = study.add_parser("import", help="take a study package (study, sites, grids, coordinator key)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_study_import)
    p = study.add_parser("set-recipient", help="the coordinator's age recipient; bundles are encrypted to it")
    p.add_argument("key", metavar="KEY_OR_FILE", help="age1… or a file holding it; '' clears it")
    p.set_defaults(func=cmd_study_set_recipient)


def cmd_study_export(args: argparse.Namespace, ctx: CliContext) -> int:
    result = export_study_package(ctx.store, args.output)
    counts = ", ".join(f"{k}: {v}" for k, v in result.counts.items())
    print(f"Study package written to {result.path} ({counts})")
    return 0


def cmd_study_import(args: argparse.Namespace, ctx: CliContext) -> int:
    s = import_study_package(ctx.store, args.file)
    print(f"Study package {s.file} of study {s.study}: new {s.new}, updated {s.updated}, unchanged {s.unchanged}")
    if s.conflicts:
        print(f"  {s.conflicts} conflict(s) to review: `capnum conflicts list`")
    return 0


def cmd_study_set_recipient(args: argparse.Namespace, ctx: CliContext) -> int:
    recipient = set_study_recipient(ctx.store, args.key or None)
    if recipient:
        print(f"Bundles of this study will be encrypted to {recipient}.")
        print("Hand the new study package (`capnum study export`) to every laptop.")
    else:
        print("Coordinator recipient cleared: bundles will not be encrypted.")
    return 0
