"""`capnum demo seed`: realistic synthetic interviews for trying the app, tests and benchmarks."""

from __future__ import annotations

import argparse
from typing import Any

from capnum_desktop.cli.context import CliContext
from capnum_desktop.cli.progress import TerminalProgress
from capnum_desktop.services.demo_seed import SeedOptions, seed_demo
from capnum_desktop.services.errors import ServiceError


def register(sub: Any) -> None:
    demo = sub.add_parser("demo", help="demonstration data").add_subparsers(
        dest="demo_command", metavar="ACTION", required=True
    )
    p = demo.add_parser("seed", help="add N realistic synthetic interviews to the embedded study")
    p.add_argument("--interviews", type=int, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="K", help="same K, same data (default 1)")
    p.add_argument("--with-contacts", action="store_true", help="fill participants' contact details (fake)")
    p.add_argument(
        "--audio-seconds",
        type=float,
        default=0,
        metavar="S",
        help="give each interview a real recording of S seconds (espeak-ng speech if installed, else a "
        "speech-like signal), transcoded to Opus like a live recording; implies audio consent",
    )
    p.set_defaults(func=cmd_seed)


def cmd_seed(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.interviews < 1:
        raise ServiceError("--interviews must be at least 1")
    options = SeedOptions(
        interviews=args.interviews,
        seed=args.seed,
        with_contacts=args.with_contacts,
        audio_seconds=args.audio_seconds,
    )
    ids = seed_demo(ctx.store, options, progress=TerminalProgress("Seeding"))
    print(f"{len(ids)} interviews added.")
    return 0
