"""`capnum init`, `study list`, `db check`, `search`, `participant erase`."""

from __future__ import annotations

import argparse
from typing import Any

from capnum_desktop.cli.context import CliContext, print_json, print_table
from capnum_desktop.services.db_check import check_database
from capnum_desktop.services.erasure import erase_participant_by_code
from capnum_desktop.services.queries import search_interviews
from capnum_desktop.services.studies import list_studies, load_embedded_study


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="create or open the data folder")
    p.add_argument("--demo", action="store_true", help="load the embedded study « Capital numérique »")
    p.set_defaults(func=cmd_init)

    study = sub.add_parser("study", help="studies in this data folder").add_subparsers(
        dest="study_command", metavar="ACTION", required=True
    )
    p = study.add_parser("list", help="list studies, their sites and grids")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_study_list)
    from capnum_desktop.cli.cmd_study_package import register_study_verbs  # export/import/set-recipient

    register_study_verbs(study)

    db = sub.add_parser("db", help="database maintenance").add_subparsers(
        dest="db_command", metavar="ACTION", required=True
    )
    p = db.add_parser("check", help="integrity, foreign keys, audio files present and intact")
    p.add_argument("--quick", action="store_true", help="do not re-hash audio files")
    p.set_defaults(func=cmd_db_check)

    p = sub.add_parser("search", help="full-text search in answers and notes")
    p.add_argument("query")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    participant = sub.add_parser("participant", help="participants").add_subparsers(
        dest="participant_command", metavar="ACTION", required=True
    )
    p = participant.add_parser("erase", help="erase a participant who withdrew consent (everywhere, via sync)")
    p.add_argument("code", help="pseudonym code, e.g. BAG-017")
    p.add_argument("--reason", default=None)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_erase)


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store
    print(f"Data folder: {store.data_dir}")
    if store.backup_path:
        print(f"Database migrated; backup of the previous version: {store.backup_path}")
    if args.demo:
        study_id = load_embedded_study(store)
        print(f"Embedded study loaded ({study_id}).")
    return 0


def cmd_study_list(args: argparse.Namespace, ctx: CliContext) -> int:
    studies = list_studies(ctx.store)
    if args.json:
        print_json(
            [
                {
                    "id": s.id,
                    "code": s.code,
                    "title": s.title,
                    "sites": [{"id": x.id, "code": x.code, "name": x.name} for x in s.sites],
                    "grids": s.grids,
                    "interviews": s.interviews,
                    "coordinator_recipient": s.coordinator_recipient,
                }
                for s in studies
            ]
        )
        return 0
    if not studies:
        print("No study yet. Run `capnum init --demo` to load « Capital numérique ».")
    for s in studies:
        print(f"{s.code}  {s.title}  ({s.interviews} interviews)  id={s.id}")
        print(f"  sites: {', '.join(f'{x.code} {x.name}' for x in s.sites)}")
        print(f"  grids: {', '.join(s.grids)}")
    return 0


def cmd_db_check(args: argparse.Namespace, ctx: CliContext) -> int:
    report = check_database(ctx.store, verify_hashes=not args.quick)
    for problem in report.problems:
        print(problem)
    for extra in report.unreferenced_files:
        print(f"note: file not referenced by any recording: {extra}")
    if report.ok:
        print(f"Database sound; {report.checked_files} audio files checked.")
        return 0
    print(f"{len(report.problems)} problem(s) found.")
    return 2


def cmd_search(args: argparse.Namespace, ctx: CliContext) -> int:
    hits = search_interviews(ctx.store, args.query)
    if args.json:
        print_json([{"interview": i, "kind": k, "snippet": s} for i, k, s in hits])
    else:
        print_table([[i, k, s] for i, k, s in hits], ["interview", "in", "text"])
    return 0


def cmd_erase(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.yes:
        reply = input(f"Erase participant {args.code} and all their interviews and recordings? [y/N] ")
        if reply.strip().lower() not in ("y", "yes", "o", "oui"):
            print("Nothing erased.")
            return 0
    erase_participant_by_code(ctx.store, args.code, args.reason)
    print(f"Participant {args.code} erased; the erasure will travel with the next bundle.")
    return 0
