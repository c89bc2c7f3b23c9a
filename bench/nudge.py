"""Nudge benchmark: the weekly sweep over many plans with all their activities, posting stubbed.

Creates --plans plans (each with every activity of the exemplar plan, about 500 items, some done,
some overdue, roles assigned) in a fresh SQLite file (or $DATABASE_URL, whose plan tables it empties),
then times one sweep at a Monday 09:00 when every plan is due: finding what is due, claiming each
(plan, week), reading the overdue and next items and composing every message. Goal: under 2 s for
10,000 plans on a 2-core machine.

Run: python bench/nudge.py [--plans 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# bench/http.py would shadow the standard library's http: keep this folder off the import path
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from sqlalchemy import delete, func, insert, select, text, update  # noqa: E402

from bot.chat import nudges, plan_state  # noqa: E402
from bot.chat.services import Services  # noqa: E402
from bot.knowledge import build_index  # noqa: E402
from bot.plan import phase_windows, plan_items  # noqa: E402
from bot.runtime import settle_heap  # noqa: E402
from bot.storage.db import make_engine, make_session_factory  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402
from bot.storage.models import NudgeClaim, Plan, PlanItem, PlanRole  # noqa: E402

NOW = datetime(2026, 11, 23, 8, 0, 30, tzinfo=UTC)  # Monday 09:00:30 in Paris: every plan's nudge is due


def populate(engine, index, plans: int) -> int:
    """Insert the plans, their items and roles in bulk; returns the number of items."""
    rng = random.Random(20000)
    activities = plan_state.activities(index.catalog)
    with engine.begin() as connection:
        for table in (NudgeClaim, PlanRole, PlanItem, Plan):
            connection.execute(delete(table))
        connection.execute(
            insert(Plan),
            [
                {
                    "id": n + 1,
                    "team_id": f"T{n % 50:04d}",
                    "channel_id": f"C{n:06d}",
                    "start_date": date(2026, 6, 1),
                    "initiation_weeks": 4,
                    "phase1_weeks": 12,
                    "phase2_weeks": 12,
                    "phase3_weeks": 12,
                    "time_zone": "Europe/Paris",
                    "remind_weekday": 0,
                    "remind_time": "09:00",
                    "remind_enabled": True,
                    "on_track_note": True,
                    "created_by": "U0",
                    "created_at": datetime(2026, 6, 1, tzinfo=UTC),
                }
                for n in range(plans)
            ],
        )
        items = plan_items(activities, phase_windows(date(2026, 6, 1), (12, 12, 12), 4))
        total = 0
        batch: list[dict] = []
        for plan_id in range(1, plans + 1):
            for item in items:
                done = item.due < date(2026, 11, 1) and rng.random() < 0.7
                batch.append(
                    {
                        "plan_id": plan_id,
                        "activity_id": item.activity_id,
                        "phase": item.phase,
                        "due": item.due,
                        "status": "done" if done else "open",
                    }
                )
            if len(batch) > 50_000:
                connection.execute(insert(PlanItem), batch)
                total += len(batch)
                batch = []
        connection.execute(insert(PlanItem), batch)
        total += len(batch)
        connection.execute(
            update(Plan).values(  # what storage keeps with every status change
                done_count=select(func.count())
                .where(PlanItem.plan_id == Plan.id, PlanItem.status == "done")
                .scalar_subquery(),
                scope_count=select(func.count()).where(PlanItem.plan_id == Plan.id).scalar_subquery(),
            )
        )
        connection.execute(
            insert(PlanRole),
            [
                {"plan_id": p, "role": role, "user_id": f"U{p}{i}"}
                for p in range(1, plans + 1)
                for i, role in enumerate(("top management", "project team", "incident manager"))
            ],
        )
    if engine.dialect.name == "postgresql":  # as autovacuum does after a bulk load: statistics, visibility map
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            for table in (Plan, PlanItem, PlanRole, NudgeClaim):
                connection.execute(text(f"VACUUM ANALYZE {table.__tablename__}"))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=10_000)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench-nudge.db"
    upgrade(url)
    engine = make_engine(url)
    index = build_index()
    started = time.perf_counter()
    items = populate(engine, index, args.plans)
    print(f"database:   {engine.url.render_as_string(hide_password=True)}")
    print(f"plans:      {args.plans:,} with {items:,} items (built in {time.perf_counter() - started:.1f} s)")
    services = Services(index=index, sessions=make_session_factory(engine), clock=lambda: NOW)
    settle_heap()  # as `iso20k clock` does once started
    posted: list[str] = []

    def stub(team_id, channel_id, outcome) -> bool:
        posted.append(channel_id)
        return True

    started = time.perf_counter()
    due = nudges.due_plans(services, now=NOW)
    found = time.perf_counter()
    won = nudges.claim(services, due, now=NOW)
    claimed = time.perf_counter()
    messages = nudges.compose(services, won, now=NOW)
    composed = time.perf_counter()
    report = nudges.deliver_all(services, messages, stub)
    delivered = time.perf_counter()
    overdue = sum(m.nudge.total_overdue for m in messages)
    print(f"find due:   {found - started:6.2f} s  ({len(due):,} plans due)")
    print(f"claim:      {claimed - found:6.2f} s  ({len(won):,} claims)")
    print(
        f"compose:    {composed - claimed:6.2f} s  ({len(messages):,} messages, {overdue:,} overdue items listed "
        f"or counted)"
    )
    print(f"sweep:      {composed - started:6.2f} s  to find, claim and compose (goal < 2 s)")
    print(f"record:     {delivered - composed:6.2f} s  to record {len(report.sent):,} nudges as sent (posting stubbed)")
    again = nudges.due_plans(services, now=NOW)
    print(f"second sweep finds {len(again)} plans due: each week's nudge is claimed once")
    engine.dispose()


if __name__ == "__main__":
    main()
