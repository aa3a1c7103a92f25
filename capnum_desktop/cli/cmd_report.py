"""`capnum report summary ID | grid | notice | study -o FILE.pdf [--lang fr|en]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from capnum_desktop.cli.cmd_export import add_filter_arguments, filters_from
from capnum_desktop.cli.context import CliContext
from capnum_desktop.cli.progress import TerminalProgress
from capnum_desktop.services import reports


def register(sub: Any) -> None:
    report = sub.add_parser("report", help="printable PDF reports").add_subparsers(
        dest="report_command", metavar="KIND", required=True
    )
    p = report.add_parser("summary", help="summary of one interview")
    p.add_argument("interview_id", metavar="ID")
    _common(p)
    p.set_defaults(func=cmd_summary)
    p = report.add_parser("grid", help="the blank grid, to interview on paper")
    _common(p)
    p.set_defaults(func=cmd_grid)
    p = report.add_parser("notice", help="information notice and consent form")
    _common(p)
    p.set_defaults(func=cmd_notice)
    p = report.add_parser("study", help="study overview: counts, coverage, charts, durations")
    _common(p)
    add_filter_arguments(p)
    p.set_defaults(func=cmd_study)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    parser.add_argument("--lang", choices=["fr", "en"], default="fr", help="language of the report (default fr)")


def _done(path: Path) -> int:
    print(f"Report written to {path}")
    return 0


def cmd_summary(args: argparse.Namespace, ctx: CliContext) -> int:
    return _done(reports.summary_report(ctx.store, args.interview_id, args.output, language=args.lang))


def cmd_grid(args: argparse.Namespace, ctx: CliContext) -> int:
    return _done(reports.grid_report(ctx.store, args.output, language=args.lang))


def cmd_notice(args: argparse.Namespace, ctx: CliContext) -> int:
    return _done(reports.notice_report(ctx.store, args.output, language=args.lang))


def cmd_study(args: argparse.Namespace, ctx: CliContext) -> int:
    progress = TerminalProgress("Building the study report")
    path = reports.study_report(
        ctx.store, args.output, language=args.lang, filters=filters_from(args), progress=progress
    )
    return _done(path)
