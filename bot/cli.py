"""The iso20k command: parse, call, print."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from bot.config import ConfigError, load_settings
from bot.knowledge import KnowledgeError, SearchIndex, build_index
from bot.knowledge.text import printable
from bot.views.text import render_answer


def _index() -> SearchIndex:
    settings = load_settings()
    return build_index(settings.iso20k_knowledge_dir, settings.index_cache_dir)


def cmd_ask(args: argparse.Namespace) -> int:
    index = _index()
    if args.batch is not None:
        for line in _batch_lines(args.batch):
            print(json.dumps(index.search(line).to_json(), ensure_ascii=False), flush=False)
        sys.stdout.flush()
        return 0
    question = " ".join(args.question)
    answer = index.search(printable(question))
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        print(render_answer(answer, index.catalog))
    return 0


def _batch_lines(source: str) -> Iterable[str]:
    stream = sys.stdin.buffer if source == "-" else _open_batch(source)
    with stream:
        for raw in stream:
            yield printable(raw.decode("utf-8", errors="replace").rstrip("\r\n"))


def _open_batch(path: str):
    try:
        return open(path, "rb")  # noqa: SIM115 - closed by the caller's with
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def cmd_knowledge(args: argparse.Namespace) -> int:
    index = _index()
    catalog = index.catalog
    if args.action == "check":
        counts: dict[str, int] = {}
        for entry in catalog.entries:
            counts[entry.kind] = counts.get(entry.kind, 0) + 1
        summary = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
        print(f"knowledge OK: {len(catalog)} entries ({summary})")
        return 0
    if not args.json:
        for entry in catalog.entries:
            print(f"{entry.kind:<10} {entry.id:<45} {entry.title}")
        return 0
    rows = [
        {"id": e.id, "kind": e.kind, "title": e.title, "clauses": list(e.clauses), "source": e.source}
        for e in catalog.entries
    ]
    print(json.dumps(rows, ensure_ascii=False, indent=1))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.knowledge.evaluate import QuestionFileError, evaluate, load_questions

    path = Path(args.heldout or args.file)
    if not path.is_file():
        raise UsageError(f"no question set at {path}: pass --file tests/questions.yaml from the project folder")
    try:
        questions = load_questions(path)
    except QuestionFileError as error:
        raise UsageError(str(error)) from None
    report = evaluate(_index(), questions)
    print("\n".join(report.lines()))
    if args.curve or args.heldout:
        print("\nanswered: precision / recall by confidence threshold")
        print("\n".join(report.curve_lines()))
    if args.verbose:
        print("\nmisses:")
        for question, ids in report.misses:
            print(f"  [{question.kind}] {question.q!r} expected {question.expect} got {ids[:3]}")
    return 0


def cmd_console(args: argparse.Namespace) -> int:
    from bot.console import PROMPT, run_console
    from bot.runtime import build_runtime

    settings = load_settings()
    # the embedded SQLite file is the console's own: create it on first use; a shared database is not touched
    runtime = build_runtime(settings, migrate=args.migrate or settings.database_url.startswith("sqlite"))

    def typed_lines():
        interactive = sys.stdin.isatty()
        while True:
            try:
                yield input(PROMPT) if interactive else next(sys.stdin)
            except (EOFError, StopIteration):
                return

    run_console(
        runtime.router,
        typed_lines(),
        lambda text: print(text, end="", flush=True),
        files_dir=Path.cwd() / "iso20k-files",
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from bot.serve import serve

    return serve(load_settings(), migrate=args.migrate, scheduler=not args.no_scheduler)


def cmd_clock(args: argparse.Namespace) -> int:
    from bot.serve import clock

    return clock(load_settings())


def cmd_db(args: argparse.Namespace) -> int:
    from bot.runtime import open_database

    settings = load_settings()
    engine = open_database(settings.database_url, migrate=True)
    print(f"database {engine.url.render_as_string(hide_password=True)} is up to date")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from bot.reports import format_question_report
    from bot.runtime import open_database
    from bot.storage.db import make_session_factory
    from bot.storage.queries import question_report

    engine = open_database(load_settings().database_url, migrate=False)
    with make_session_factory(engine)() as session:
        report = question_report(session=session, team_id=args.team, limit=args.limit)
    print(format_question_report(report))
    return 0


def cmd_nudge(args: argparse.Namespace) -> int:
    from bot.chat.nudges import nudge_now
    from bot.runtime import build_runtime

    if not args.now:
        raise UsageError("say --now: the clock (`iso20k clock` or `iso20k serve`) sends the weekly nudges by itself")
    settings = load_settings()
    poster = None
    if not args.dry_run:
        from bot.serve import slack_poster

        runtime, poster = slack_poster(settings)
    else:
        runtime = build_runtime(settings)
    messages, report = nudge_now(
        runtime.services, poster, channel_id=args.channel, dry_run=args.dry_run, force=args.force
    )
    if args.dry_run:
        print("\n\n".join(m.text() for m in messages if not m.quiet) or "nothing would be sent")
        return 0
    for where in report.sent:
        print(f"sent: {where}")
    for where in report.failed:
        print(f"failed (will be retried by the clock): {where}", file=sys.stderr)
    if not report.sent and not report.failed:
        print("nothing sent: every plan's nudge of this week was already sent (use --force to send again)")
    return 1 if report.failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    from bot.chat.exports import export_records
    from bot.runtime import build_runtime

    runtime = build_runtime(load_settings())
    print(
        export_records(runtime.services, args.subject, team_id=args.team, channel_id=args.channel, fmt=args.format),
        end="",
    )
    return 0


class UsageError(Exception):
    """Bad input on the command line."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iso20k", description="A Slack bot for implementing ISO/IEC 20000-1 (TS 20000-5 guidance)."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = sub.add_parser("ask", help="answer a question from the knowledge base")
    ask.add_argument("question", nargs="*", help='e.g. "what clause covers communication?"')
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    ask.add_argument("--batch", metavar="FILE", help="answer each line of FILE (- for stdin) as JSON Lines")
    ask.set_defaults(func=cmd_ask)

    knowledge = sub.add_parser("knowledge", help="check or list the knowledge base")
    knowledge.add_argument("action", choices=["check", "list"])
    knowledge.add_argument("--json", action="store_true", help="list as a JSON array")
    knowledge.set_defaults(func=cmd_knowledge)

    ev = sub.add_parser("eval", help="score the search on the project's question set")
    ev.add_argument("--file", default="tests/questions.yaml", help="question set (default: %(default)s)")
    ev.add_argument(
        "--heldout",
        metavar="FILE",
        help="score a blind question set kept outside the repository instead (prints the curve too)",
    )
    ev.add_argument("--curve", action="store_true", help="also print precision / recall of 'answered' by threshold")
    ev.add_argument("--verbose", "-v", action="store_true", help="also list the questions missed")
    ev.set_defaults(func=cmd_eval)

    console = sub.add_parser("console", help="the whole bot in a terminal, no Slack needed")
    console.add_argument("--migrate", action="store_true", help="migrate a non-SQLite database first")
    console.set_defaults(func=cmd_console)

    serve = sub.add_parser("serve", help="run the Slack app (Socket Mode with SLACK_APP_TOKEN, else HTTP on $PORT)")
    serve.add_argument("--migrate", action="store_true", help="bring the database schema up to date first")
    serve.add_argument(
        "--no-scheduler",
        action="store_true",
        help="do not run the scheduled jobs in this process (run `iso20k clock` instead)",
    )
    serve.set_defaults(func=cmd_serve)

    clock = sub.add_parser("clock", help="run the scheduled jobs alone (weekly nudges, upkeep)")
    clock.set_defaults(func=cmd_clock)

    nudge = sub.add_parser("nudge", help="send this week's nudge now, as if its weekly time had come")
    nudge.add_argument("--now", action="store_true", help="required: send now")
    nudge.add_argument("--channel", help="only the plan of this channel id")
    nudge.add_argument("--dry-run", action="store_true", help="print what would be sent; send and claim nothing")
    nudge.add_argument("--force", action="store_true", help="send even if this week's nudge was already sent")
    nudge.set_defaults(func=cmd_nudge)

    export = sub.add_parser("export", help="audit evidence: plans or assessments as CSV or JSON")
    export.add_argument("subject", choices=["plan", "assessments"])
    export.add_argument("--team", help="only this Slack workspace (team id)")
    export.add_argument("--channel", help="only this channel id")
    export.add_argument("--format", choices=["csv", "json"], default="csv", help="default: %(default)s")
    export.set_defaults(func=cmd_export)

    db = sub.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=["upgrade"], help="upgrade: apply the Alembic migrations up to head")
    db.set_defaults(func=cmd_db)

    report = sub.add_parser("report", help="what people ask: for knowledge owners")
    report.add_argument("subject", choices=["questions"])
    report.add_argument("--team", help="only this Slack workspace (team id)")
    report.add_argument("--limit", type=int, default=10, help="rows per list (default: %(default)s)")
    report.set_defaults(func=cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (ConfigError, KnowledgeError, UsageError) as exc:
        print(f"iso20k: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
