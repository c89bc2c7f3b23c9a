"""Keyword-only store functions of the implementation plans; they never commit (see queries.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Select, case, delete, func, select, true, union_all, update
from sqlalchemy.orm import Session, aliased

from bot.storage.models import NudgeClaim, Plan, PlanChange, PlanItem, PlanRole, PlanSubscriber
from bot.storage.queries import insert_for


@dataclass(frozen=True)
class Schedule:
    """What `plan start` decides: the first day, the phase lengths and each activity's due dates."""

    start: date
    initiation_weeks: int
    weeks: tuple[int, int, int]
    items: Sequence[tuple[str, int, date]]  # activity id, phase, due


def get_plan(*, session: Session, team_id: str, channel_id: str) -> Plan | None:
    """The channel's plan, or None."""
    return session.scalars(select(Plan).where(Plan.team_id == team_id, Plan.channel_id == channel_id)).one_or_none()


def lock_plan(*, session: Session, plan: Plan) -> None:
    """Hold the plan until the transaction ends and read it again: changes of one plan run one after another,
    each reading what the one before wrote, in whichever process they run.

    Postgres locks the row (FOR NO KEY UPDATE: inserts that only reference the plan, a nudge claim, need not
    wait); SQLite, which has no row locks, takes its one write lock with a write that changes nothing.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.refresh(plan, with_for_update={"key_share": True})
    else:
        session.execute(update(Plan).where(Plan.id == plan.id).values(done_count=Plan.done_count))
        session.refresh(plan)


def plans(*, session: Session, team_id: str | None = None, channel_id: str | None = None) -> list[Plan]:
    """Every plan (of a workspace, or one channel), oldest first."""
    statement = select(Plan).order_by(Plan.id)
    if team_id is not None:
        statement = statement.where(Plan.team_id == team_id)
    if channel_id is not None:
        statement = statement.where(Plan.channel_id == channel_id)
    return list(session.scalars(statement))


def save_plan(
    *, session: Session, team_id: str, channel_id: str, schedule: Schedule, time_zone: str, user_id: str, now: datetime
) -> tuple[Plan, bool]:
    """Create the channel's plan, or reschedule it keeping every item's progress; returns (plan, replaced)."""
    plan = get_plan(session=session, team_id=team_id, channel_id=channel_id)
    replaced = plan is not None
    if plan is None:
        plan = Plan(
            team_id=team_id,
            channel_id=channel_id,
            time_zone=time_zone,
            created_by=user_id,
            created_at=now,
            remind_weekday=0,
            remind_time="09:00",
            remind_enabled=True,
            on_track_note=True,
            start_date=schedule.start,
            initiation_weeks=0,
            phase1_weeks=0,
            phase2_weeks=0,
            phase3_weeks=0,
        )
        session.add(plan)
    plan.start_date = schedule.start
    plan.initiation_weeks = schedule.initiation_weeks
    plan.phase1_weeks, plan.phase2_weeks, plan.phase3_weeks = schedule.weeks
    session.flush()
    table = PlanItem.__table__
    upsert = insert_for(session, table)
    upsert = upsert.on_conflict_do_update(
        index_elements=[table.c.plan_id, table.c.activity_id, table.c.phase], set_={"due": upsert.excluded.due}
    )  # progress stays, dates move
    session.execute(
        upsert,
        [
            {"plan_id": plan.id, "activity_id": activity_id, "phase": phase, "due": due, "status": "open"}
            for activity_id, phase, due in schedule.items
        ],
    )
    refresh_counts(session=session, plan_id=plan.id)
    weeks = ",".join(str(w) for w in schedule.weeks)
    record_change(
        session=session,
        plan_id=plan.id,
        activity_id=None,
        user_id=user_id,
        now=now,
        action="rescheduled" if replaced else "created",
        detail=f"start {schedule.start.isoformat()}, initiation {schedule.initiation_weeks} weeks, "
        f"phases {weeks} weeks",
    )
    return plan, replaced


def items(*, session: Session, plan_id: int) -> list[PlanItem]:
    """The plan's items by due date."""
    return list(
        session.scalars(
            select(PlanItem)
            .where(PlanItem.plan_id == plan_id)
            .order_by(PlanItem.due, PlanItem.activity_id, PlanItem.phase)
        )
    )


def roles(*, session: Session, plan_id: int) -> dict[str, str]:
    """Role -> the person who holds it."""
    rows = session.execute(select(PlanRole.role, PlanRole.user_id).where(PlanRole.plan_id == plan_id))
    return {role: user for role, user in rows}


def roles_of_plans(*, session: Session, plan_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """Role assignments of many plans at once."""
    found: dict[int, dict[str, str]] = {}
    for chunk in _chunks(plan_ids):
        rows = session.execute(
            select(PlanRole.plan_id, PlanRole.role, PlanRole.user_id).where(PlanRole.plan_id.in_(chunk))
        )
        for plan_id, role, user in rows:
            found.setdefault(plan_id, {})[role] = user
    return found


def assign_role(*, session: Session, plan_id: int, role: str, user_id: str, by: str, now: datetime) -> None:
    """Give a role to a person (replacing whoever held it)."""
    table = PlanRole.__table__
    session.execute(
        insert_for(session, table)
        .values(plan_id=plan_id, role=role, user_id=user_id)
        .on_conflict_do_update(index_elements=[table.c.plan_id, table.c.role], set_={"user_id": user_id})
    )
    record_change(
        session=session,
        plan_id=plan_id,
        activity_id=None,
        user_id=by,
        now=now,
        action="assigned role",
        detail=f"{role} -> <@{user_id}>",
    )


def update_items(*, session: Session, plan_id: int, activity_id: str, phases: Iterable[int], values: dict) -> int:
    """Set fields on some phases of one activity; returns how many rows changed."""
    statement = (
        update(PlanItem)
        .where(PlanItem.plan_id == plan_id, PlanItem.activity_id == activity_id, PlanItem.phase.in_(list(phases)))
        .values(**values)
    )
    changed = int(getattr(session.execute(statement), "rowcount", 0) or 0)
    if "status" in values:
        refresh_counts(session=session, plan_id=plan_id)
    return changed


def change_items(
    *,
    session: Session,
    plan_id: int,
    activity_id: str,
    phases: Iterable[int],
    values: dict,
    user_id: str,
    now: datetime,
    action: str,
    detail: str = "",
) -> int:
    """Change some phases of one activity and keep who did it, when and why: one place for both."""
    changed = update_items(session=session, plan_id=plan_id, activity_id=activity_id, phases=phases, values=values)
    record_change(
        session=session,
        plan_id=plan_id,
        activity_id=activity_id,
        user_id=user_id,
        now=now,
        action=action,
        detail=detail,
    )
    return changed


def refresh_counts(*, session: Session, plan_id: int) -> None:
    """Recount a plan's done and in-scope items (kept on the plan for the weekly sweep)."""
    items = select(func.count()).where(PlanItem.plan_id == plan_id)
    session.execute(
        update(Plan)
        .where(Plan.id == plan_id)
        .values(
            done_count=items.where(PlanItem.status == "done").scalar_subquery(),
            scope_count=items.where(PlanItem.status != "skipped").scalar_subquery(),
        )
    )


def record_change(
    *,
    session: Session,
    plan_id: int,
    activity_id: str | None,
    user_id: str,
    now: datetime,
    action: str,
    detail: str = "",
) -> None:
    """Keep who changed what and when."""
    session.add(
        PlanChange(plan_id=plan_id, activity_id=activity_id, user_id=user_id, at=now, action=action, detail=detail)
    )


def history(*, session: Session, plan_id: int, activity_id: str | None = None, limit: int = 20) -> list[PlanChange]:
    """The latest changes of a plan (or of one activity), newest first."""
    statement = select(PlanChange).where(PlanChange.plan_id == plan_id)
    if activity_id is not None:
        statement = statement.where(PlanChange.activity_id == activity_id)
    return list(session.scalars(statement.order_by(PlanChange.at.desc(), PlanChange.id.desc()).limit(limit)))


def set_reminder(
    *, session: Session, plan_id: int, weekday: int, at: str, time_zone: str | None, enabled: bool
) -> None:
    """The weekly nudge's day, time and zone, or off."""
    session.execute(
        update(Plan)
        .where(Plan.id == plan_id)
        .values(remind_weekday=weekday, remind_time=at, remind_tz=time_zone, remind_enabled=enabled)
    )


def subscribe(*, session: Session, plan_id: int, user_id: str, on: bool) -> None:
    """Opt a person in (or out) of their own weekly list by DM."""
    table = PlanSubscriber.__table__
    if on:
        session.execute(
            insert_for(session, table)
            .values(plan_id=plan_id, user_id=user_id)
            .on_conflict_do_nothing(index_elements=[table.c.plan_id, table.c.user_id])
        )
    else:
        session.execute(
            delete(PlanSubscriber).where(PlanSubscriber.plan_id == plan_id, PlanSubscriber.user_id == user_id)
        )


def subscribers(*, session: Session, plan_id: int) -> list[str]:
    return list(
        session.scalars(
            select(PlanSubscriber.user_id).where(PlanSubscriber.plan_id == plan_id).order_by(PlanSubscriber.user_id)
        )
    )


def claim_nudges(*, session: Session, pairs: Iterable[tuple[int, str]], now: datetime) -> set[tuple[int, str]]:
    """The (plan, week) pairs this caller claimed: INSERT ... ON CONFLICT DO NOTHING RETURNING, many rows at once."""
    rows = [{"plan_id": plan_id, "week": week, "claimed_at": now} for plan_id, week in pairs]
    if not rows:
        return set()
    table = NudgeClaim.__table__
    statement = (
        insert_for(session, table)
        .on_conflict_do_nothing(index_elements=[table.c.plan_id, table.c.week])
        .returning(table.c.plan_id, table.c.week)
    )
    # SQLAlchemy's "insertmanyvalues": one compiled statement, sent in batches within the driver's limits
    return {(plan_id, week) for plan_id, week in session.execute(statement, rows)}


def nudges_sent(*, session: Session, pairs: Iterable[tuple[int, str]], now: datetime) -> None:
    """Record many claimed nudges as posted."""
    by_week: dict[str, list[int]] = {}
    for plan_id, week in pairs:
        by_week.setdefault(week, []).append(plan_id)
    for week, ids in by_week.items():
        for chunk in _chunks(ids):
            session.execute(
                update(NudgeClaim).where(NudgeClaim.week == week, NudgeClaim.plan_id.in_(chunk)).values(sent_at=now)
            )


def release_nudge(*, session: Session, plan_id: int, week: str) -> None:
    """Give a claim back after the post finally failed: the next sweep tries again."""
    session.execute(delete(NudgeClaim).where(NudgeClaim.plan_id == plan_id, NudgeClaim.week == week))


def claimed_weeks(*, session: Session, plan_ids: Iterable[int], stale_before: datetime) -> set[tuple[int, str]]:
    """(plan, week) pairs claimed and sent, or claimed since `stale_before`: the sweep skips them without a write.

    A claim older than that and never marked sent belongs to a process that died before posting.
    """
    found: set[tuple[int, str]] = set()
    live = (NudgeClaim.sent_at.is_not(None)) | (NudgeClaim.claimed_at >= stale_before)
    for chunk in _chunks(plan_ids):
        rows = session.execute(select(NudgeClaim.plan_id, NudgeClaim.week).where(NudgeClaim.plan_id.in_(chunk), live))
        found.update((plan_id, week) for plan_id, week in rows)
    return found


def take_over_nudge(*, session: Session, plan_id: int, week: str, stale_before: datetime, now: datetime) -> bool:
    """Claim a nudge whose claimer died before posting it; of several processes trying, one wins."""
    statement = (
        update(NudgeClaim)
        .where(
            NudgeClaim.plan_id == plan_id,
            NudgeClaim.week == week,
            NudgeClaim.sent_at.is_(None),
            NudgeClaim.claimed_at < stale_before,
        )
        .values(claimed_at=now)
        .returning(NudgeClaim.id)
    )
    return session.execute(statement).scalar_one_or_none() is not None


# ----- the weekly sweep reads many plans at once, and only the rows a nudge shows ----------------------------


def _chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def reminding_plans(*, session: Session, channel_id: str | None = None) -> list[Plan]:
    """Plans whose weekly nudge is on (or the one plan of a channel)."""
    statement = select(Plan).where(Plan.remind_enabled.is_(True)).order_by(Plan.id)
    if channel_id is not None:
        statement = statement.where(Plan.channel_id == channel_id)
    return list(session.scalars(statement))


class ItemRecord(NamedTuple):
    """A plan item as the sweep reads it: plain values, cheap to make and to read by the hundred thousand."""

    plan_id: int
    activity_id: str
    phase: int
    due: date
    status: str
    snoozed_until: date | None
    owner: str | None


# the sweep reads plain rows, not ORM objects: thousands of plans, tens of thousands of rows
_ITEM_COLUMNS = (  # in ItemRecord's order
    PlanItem.plan_id,
    PlanItem.activity_id,
    PlanItem.phase,
    PlanItem.due,
    PlanItem.status,
    PlanItem.snoozed_until,
    PlanItem.owner,
)


def _late(chunk: list[int], before: date):
    """Open items of some plans due (or snoozed until) before a day, as two index range scans."""
    open_in_chunk = (PlanItem.plan_id.in_(chunk), PlanItem.status == "open")
    unsnoozed = select(*_ITEM_COLUMNS).where(*open_in_chunk, PlanItem.due < before, PlanItem.snoozed_until.is_(None))
    snoozed = select(*_ITEM_COLUMNS).where(*open_in_chunk, PlanItem.snoozed_until < before)
    return union_all(unsnoozed, snoozed).subquery()


def _by_plan(rows: Iterable[Sequence], found: dict[int, list[ItemRecord]]) -> dict[int, list[ItemRecord]]:
    """Rows of _ITEM_COLUMNS added to each plan's list of records."""
    for row in rows:
        record = ItemRecord._make(row)
        found.setdefault(record.plan_id, []).append(record)
    return found


def late_items(*, session: Session, plan_ids: Iterable[int], before: date) -> dict[int, list[ItemRecord]]:
    """Every open item due (or snoozed until) before a day, per plan."""
    found: dict[int, list[ItemRecord]] = {}
    for chunk in _chunks(plan_ids):
        _by_plan(session.execute(select(_late(chunk, before))), found)
    return found


def late_summary(
    *, session: Session, plan_ids: Iterable[int], today: date, escalated_from: date, limit: int
) -> tuple[dict[int, tuple[int, int]], dict[int, list[ItemRecord]]]:
    """Per plan: (overdue, overdue since `escalated_from` or earlier) and the `limit` longest overdue items
    (in no particular order).

    Items never snoozed are counted inside the index and only each plan's `limit` earliest are read;
    the few snoozed past their snooze are read whole and merged in.
    """
    counts: dict[int, list[int]] = {}
    longest: dict[int, list[ItemRecord]] = {}
    merged: set[int] = set()  # plans with snoozed items added to their earliest: ranked again
    for chunk in _chunks(plan_ids):
        escalated = func.sum(case((PlanItem.due <= escalated_from, 1), else_=0))
        for plan_id, total, old in session.execute(
            select(PlanItem.plan_id, func.count(), escalated)
            .where(PlanItem.plan_id.in_(chunk), *_late_unsnoozed(PlanItem, today))
            .group_by(PlanItem.plan_id)
        ):
            counts[plan_id] = [int(total), int(old or 0)]
        _by_plan(session.execute(_earliest_late(session, chunk, today, limit)), longest)
        snoozed = select(*_ITEM_COLUMNS).where(
            PlanItem.plan_id.in_(chunk), PlanItem.status == "open", PlanItem.snoozed_until < today
        )
        for plan_id, rows in _by_plan(session.execute(snoozed), {}).items():
            tally = counts.setdefault(plan_id, [0, 0])
            tally[0] += len(rows)
            tally[1] += sum(row.snoozed_until <= escalated_from for row in rows if row.snoozed_until)
            longest.setdefault(plan_id, []).extend(rows)
            merged.add(plan_id)
    for plan_id in merged:
        longest[plan_id].sort(key=lambda row: (row.snoozed_until or row.due, row.activity_id, row.phase))
        del longest[plan_id][limit:]
    return {plan_id: (total, old) for plan_id, (total, old) in counts.items()}, longest


def _late_unsnoozed(item: type[PlanItem], today: date) -> tuple:
    """Open, never snoozed and due before `today`: all answered by ix_plan_items_late."""
    return item.status == "open", item.due < today, item.snoozed_until.is_(None)


def _earliest_late(session: Session, chunk: list[int], today: date, limit: int) -> Select:
    """Each plan's `limit` late, never snoozed items due first, each plan one short index scan.

    Postgres joins them LATERAL; SQLite, which has no LATERAL, takes the same subquery as a correlated IN.
    """
    inner = aliased(PlanItem)
    earliest = (
        select(inner.id)
        .where(inner.plan_id == Plan.id, *_late_unsnoozed(inner, today))
        .order_by(inner.due, inner.activity_id, inner.phase)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        top = earliest.lateral()
        joined = select(*_ITEM_COLUMNS).select_from(Plan).join(top, true()).join(PlanItem, PlanItem.id == top.c.id)
    else:
        joined = select(*_ITEM_COLUMNS).select_from(Plan).join(PlanItem, PlanItem.id.in_(earliest.correlate(Plan)))
    return joined.where(Plan.id.in_(chunk))


def next_items(
    *, session: Session, plan_ids: Iterable[int], since: date, limit: int = 5
) -> dict[int, list[ItemRecord]]:
    """The next open items due from a day on, per plan (at most `limit` each)."""
    found: dict[int, list[ItemRecord]] = {}
    effective = func.coalesce(PlanItem.snoozed_until, PlanItem.due)
    for chunk in _chunks(plan_ids):
        order = func.row_number().over(partition_by=PlanItem.plan_id, order_by=(effective, PlanItem.activity_id))
        ranked = (
            select(*_ITEM_COLUMNS, order.label("n"))
            .where(PlanItem.plan_id.in_(chunk), PlanItem.status == "open", effective >= since)
            .subquery()
        )
        columns = [ranked.c[column.key] for column in _ITEM_COLUMNS]
        _by_plan(session.execute(select(*columns).where(ranked.c.n <= limit)), found)
    return found


def subscribers_of_plans(*, session: Session, plan_ids: Iterable[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for chunk in _chunks(plan_ids):
        for plan_id, user in session.execute(
            select(PlanSubscriber.plan_id, PlanSubscriber.user_id).where(PlanSubscriber.plan_id.in_(chunk))
        ):
            found.setdefault(plan_id, []).append(user)
    return found
