"""A channel's plan read from storage into the plan domain's terms (items, roles, phase windows)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.knowledge import Catalog
from bot.knowledge.schema import ActivityEntry
from bot.plan import ItemState, ItemStatus, PhaseWindow, Reminder, phase_windows
from bot.storage import plans as store
from bot.storage.models import Plan, PlanItem

_STATUS = {status.value: status for status in ItemStatus}  # a dict lookup: cheaper than ItemStatus(...) per row


@dataclass(frozen=True)
class PlanState:
    """One plan with its items, who holds which role, and its phase windows."""

    plan: Plan
    items: list[ItemState]
    rows: list[PlanItem]
    roles: dict[str, str]
    windows: list[PhaseWindow]

    def today(self, now: datetime) -> date:
        """Today in the plan's time zone: due dates are days there."""
        return today_of(self.plan, now)

    def row(self, activity_id: str, phase: int) -> PlanItem | None:
        return next((r for r in self.rows if r.activity_id == activity_id and r.phase == phase), None)


def today_of(plan: Plan, now: datetime) -> date:
    """Today in the plan's time zone: due dates are days there."""
    return now.astimezone(ZoneInfo(plan.time_zone)).date()


def reminder_of(plan: Plan) -> Reminder:
    """The plan's weekly nudge setting in the plan domain's terms."""
    hours, minutes = (int(part) for part in plan.remind_time.split(":"))
    return Reminder(plan.remind_weekday, time(hours, minutes), plan.remind_tz, enabled=plan.remind_enabled)


def windows_of(plan: Plan) -> list[PhaseWindow]:
    """The plan's phase windows (the same start and lengths give the same windows: computed once)."""
    return list(
        _windows(plan.start_date, (plan.phase1_weeks, plan.phase2_weeks, plan.phase3_weeks), plan.initiation_weeks)
    )


@lru_cache(maxsize=4096)
def _windows(start: date, weeks: tuple[int, int, int], initiation_weeks: int) -> tuple[PhaseWindow, ...]:
    return tuple(phase_windows(start, weeks, initiation_weeks))


class ItemRow(Protocol):
    """A stored item: an ORM object or a plain record of the same columns (read only here)."""

    @property
    def activity_id(self) -> str: ...
    @property
    def phase(self) -> int: ...
    @property
    def due(self) -> date: ...
    @property
    def status(self) -> str: ...
    @property
    def snoozed_until(self) -> date | None: ...
    @property
    def owner(self) -> str | None: ...


def effective_due(row: ItemRow) -> date:
    """The day an item is due, counting a snooze."""
    return row.snoozed_until or row.due


def activity_roles(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Each activity's roles (its "who"), looked up once for many items."""
    return {e.id: tuple(e.who) for e in activities(catalog)}


def item_states(rows: Iterable[ItemRow], roles: Mapping[str, tuple[str, ...]]) -> list[ItemState]:
    """Stored items as the plan domain's items; one per activity and phase."""
    unique = {(r.activity_id, r.phase): r for r in rows}
    return [  # positional: the weekly sweep makes a hundred thousand of these
        ItemState(
            r.activity_id, r.phase, r.due, _STATUS[r.status], r.snoozed_until, r.owner, roles.get(r.activity_id, ())
        )
        for r in unique.values()
    ]


def load(session: Session, plan: Plan, catalog: Catalog) -> PlanState:
    """Everything the plan's commands and nudge need, in one read."""
    rows = store.items(session=session, plan_id=plan.id)
    return PlanState(
        plan=plan,
        items=item_states(rows, activity_roles(catalog)),
        rows=rows,
        roles=store.roles(session=session, plan_id=plan.id),
        windows=windows_of(plan),
    )


def activities(catalog: Catalog) -> list[ActivityEntry]:
    """The plan's activities (phase objectives included; the schedule leaves them out)."""
    return [e for e in catalog.of_kind("activity") if isinstance(e, ActivityEntry)]


def titles(catalog: Catalog) -> dict[str, str]:
    """Activity id -> title, for messages."""
    return {e.id: e.title for e in catalog.of_kind("activity")}


def plan_roles(catalog: Catalog) -> list[str]:
    """Every role named in the activities' "who", sorted."""
    return sorted({role for e in catalog.of_kind("activity") if isinstance(e, ActivityEntry) for role in e.who})
