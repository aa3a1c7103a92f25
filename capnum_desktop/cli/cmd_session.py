"""`capnum session list|show`."""

from __future__ import annotations

import argparse
from typing import Any

from capnum_desktop.cli.context import CliContext, print_json, print_table
from capnum_desktop.services.errors import NotFoundError
from capnum_desktop.services.queries import SessionFilter, list_sessions, show_session


def register(sub: Any) -> None:
    session = sub.add_parser("session", help="interviews").add_subparsers(
        dest="session_command", metavar="ACTION", required=True
    )
    p = session.add_parser("list", help="list interviews, newest first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--site", help="site code, e.g. BAG")
    p.add_argument("--status", choices=["in_progress", "completed", "abandoned"])
    p.add_argument("--interviewer")
    p.set_defaults(func=cmd_list)
    p = session.add_parser("show", help="one interview in full (an id or a unique id prefix)")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.add_argument("--with-contact", action="store_true", help="include the participant's contact details")
    p.set_defaults(func=cmd_show)


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = list_sessions(ctx.store, SessionFilter(args.site, args.interviewer, args.status))
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    print_table(
        [
            [
                r.id[:8],
                r.participant,
                r.site,
                r.interviewer,
                r.status,
                r.started_at.strftime("%Y-%m-%d %H:%M"),
                str(r.answers),
                str(r.notes),
                str(r.recordings),
            ]
            for r in rows
        ],
        ["id", "participant", "site", "interviewer", "status", "started", "answers", "notes", "audio"],
    )
    return 0


def _resolve_id(ctx: CliContext, prefix: str) -> str:
    matches = [r.id for r in list_sessions(ctx.store) if r.id.startswith(prefix)]
    if len(matches) != 1:
        raise NotFoundError(
            f"No interview with id {prefix}." if not matches else f"Id prefix {prefix} matches several interviews."
        )
    return matches[0]


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    data = show_session(ctx.store, _resolve_id(ctx, args.id), include_contact=args.with_contact)
    if args.json:
        print_json(data)
        return 0
    print(f"Interview {data['id']} — {data['participant']} at {data['site_name']} with {data['interviewer']}")
    print(f"Status: {data['status']}; started {data['started_at']}; ended {data['ended_at'] or '—'}")
    for answer in data["answers"]:
        shown = answer["value"] if answer["value"] is not None else ""
        extra = f" ({answer['free_text']})" if answer["free_text"] else ""
        print(f"  {answer['question_id']} [{answer['status']}]: {shown}{extra}")
    for note in data["notes"]:
        flags = f" [{', '.join(note['flags'])}]" if note["flags"] else ""
        print(f"  note{flags}: {note['text']}")
    if data["memo"]:
        print(f"Memo: {data['memo']}")
    return 0
