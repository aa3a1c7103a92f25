"""Entry point of `capnum`. Exit codes: 0 success, 2 bad input or usage, 1 unexpected error (see the log)."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from capnum_desktop import __version__
from capnum_desktop.cli.context import CliContext
from capnum_desktop.grids.errors import GridValidationError
from capnum_desktop.services.errors import ServiceError
from capnum_desktop.storage.errors import StorageError
from capnum_desktop.storage.paths import LOG_DIR_NAME

# Each module adds its verbs with `register(subparsers)`; keeping them apart keeps this file small.
COMMAND_MODULES = (
    "capnum_desktop.cli.cmd_setup",
    "capnum_desktop.cli.cmd_grid",
    "capnum_desktop.cli.cmd_session",
    "capnum_desktop.cli.cmd_demo",
    "capnum_desktop.cli.cmd_export",
    "capnum_desktop.cli.cmd_report",
    "capnum_desktop.cli.cmd_bundle",
)

EXIT_OK, EXIT_UNEXPECTED, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"capnum: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="capnum", description="CapNum Desktop: field interviews, offline.")
    parser.add_argument("--version", action="version", version=f"capnum {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="data folder (default: $CAPNUM_DATA_DIR, else the user data folder)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _log_unexpected(ctx: CliContext) -> Path | None:
    try:
        log_dir = ctx.data_dir / LOG_DIR_NAME
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / "capnum-cli.log"
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat()} capnum {__version__} {sys.argv[1:]}\n")
            handle.write(traceback.format_exc())
        return path
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="capnum: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = CliContext(args.data_dir)
    try:
        code: int = args.func(args, ctx)
        return code
    except GridValidationError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except (ServiceError, StorageError) as exc:
        print(f"capnum: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `capnum session list | head`: the reader left early; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return EXIT_OK
    except OSError as exc:  # unreadable input, full disk, missing folder: the user can act on it
        where = f": {exc.filename}" if exc.filename else ""
        print(f"capnum: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("capnum: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        log = _log_unexpected(ctx)
        print(f"capnum: unexpected error: {exc!r}", file=sys.stderr)
        if log:
            print(f"capnum: details were written to {log}", file=sys.stderr)
        return EXIT_UNEXPECTED
    finally:
        ctx.close()


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
