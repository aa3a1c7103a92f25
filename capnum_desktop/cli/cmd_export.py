"""`capnum export {csv,xlsx,json,qdpx,qdc} -o PATH [--pseudonymize] [filters]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from capnum_desktop.cli.context import CliContext
from capnum_desktop.cli.progress import TerminalProgress
from capnum_desktop.exports.dataset import ExportFilter
from capnum_desktop.services.exports import FORMATS, ExportOptions, export_data, parse_date


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", action="append", default=[], metavar="CODE", help="only this site (repeatable)")
    parser.add_argument(
        "--status",
        action="append",
        default=[],
        choices=["in_progress", "completed", "abandoned"],
        help="only interviews with this status (repeatable)",
    )
    parser.add_argument(
        "--from", dest="date_from", metavar="DATE", help="interviews started on or after DATE (YYYY-MM-DD, local date)"
    )
    parser.add_argument(
        "--to", dest="date_to", metavar="DATE", help="interviews started on or before DATE (YYYY-MM-DD, local date)"
    )


def filters_from(args: argparse.Namespace) -> ExportFilter:
    return ExportFilter(
        sites=frozenset(args.site),
        statuses=frozenset(args.status),
        date_from=parse_date(args.date_from, "--from"),
        date_to=parse_date(args.date_to, "--to"),
    )


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="tables for Excel/R (csv, xlsx, json), REFI-QDA project (qdpx) or codebook (qdc)",
        description="csv writes a folder of CSV files; xlsx one workbook; json one document; "
        "qdpx a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder; qdc the grid as a codebook.",
    )
    p.add_argument("format", choices=FORMATS)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="PATH")
    p.add_argument(
        "--pseudonymize", action="store_true", help="drop contact details and replace people's names in free text"
    )
    p.add_argument("--excel", action="store_true", help="CSV for Excel: ';' separator, BOM, decimal comma")
    p.add_argument("--lang", choices=["fr", "en"], default=None, help="language of REFI-QDA names (default: study's)")
    add_filter_arguments(p)
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    options = ExportOptions(
        format=args.format,
        pseudonymize=args.pseudonymize,
        filters=filters_from(args),
        excel=args.excel,
        language=args.lang,
    )
    result = export_data(ctx.store, args.output, options, progress=TerminalProgress("Exporting"))
    what = "codebook" if result.format == "qdc" else f"{result.interviews} interviews"
    suffix = " (pseudonymized)" if args.pseudonymize and result.format != "qdc" else ""
    print(f"Exported {what} as {result.format}{suffix} to {result.path}")
    for extra in result.files[1:] if result.format == "qdpx" else ():
        print(f"  source too large for the archive, written beside it: {extra}")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0
