"""Where the plan stands on a given day: overdue items, progress per phase, what is due next, owners."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from bot.plan.schedule import PHASES

ESCALATION_DAYS = 28


class ItemStatus(StrEnum):
    """An item is open until it is done (with evidence) or skipped (out of scope)."""

    OPEN = "open"
    DONE = "done"
    SKIPPED = "skipped"


class ItemState(NamedTuple):
    """A plan item as it stands: status, snooze, its own owner (a Slack user id) and its activity's roles.

    A named tuple, not a dataclass: the weekly sweep builds hundreds of thousands of them.
    """

    activity_id: str
    phase: int
    due: date
    status: ItemStatus = ItemStatus.OPEN
    snoozed_until: date | None = None
    owner: str | None = None
    roles: tuple[str, ...] = ()

    @property
    def effective_due(self) -> date:
        """The due date, or the end of the snooze when the item is snoozed."""
        return self.snoozed_until or self.due

    @property
    def is_open(self) -> bool:
        """Whether the item still has to be done."""
        return self.status is ItemStatus.OPEN


@dataclass(frozen=True)
class PhaseProgress:
    """Counts of one phase's items, and the percentage done of those in scope."""

    phase: int
    total: int
    done: int
    skipped: int
    open: int
    overdue: int
    percent: int


def days_overdue(item: ItemState, today: date) -> int:
    """Days since the effective due date (negative: days left)."""
    return (today - item.effective_due).days


def overdue(items: Iterable[ItemState], today: date) -> list[tuple[ItemState, int]]:
    """Open items past their (snoozed) due date with days overdue, longest overdue first, then by id."""
    late = [(item, days_overdue(item, today)) for item in items if item.is_open]
    late = [(item, days) for item, days in late if days > 0]
    return sorted(late, key=lambda pair: (-pair[1], pair[0].activity_id, pair[0].phase))


def _percent(done: int, in_scope: int) -> int:
    return 100 if in_scope == 0 else done * 100 // in_scope


def progress(items: Iterable[ItemState], today: date) -> list[PhaseProgress]:
    """Progress of each phase that has items, in phase order."""
    items = list(items)
    late = {(item.activity_id, item.phase) for item, _ in overdue(items, today)}
    result = []
    for phase in PHASES:
        mine = [item for item in items if item.phase == phase]
        if not mine:
            continue
        done = sum(item.status is ItemStatus.DONE for item in mine)
        skipped = sum(item.status is ItemStatus.SKIPPED for item in mine)
        late_here = sum((item.activity_id, item.phase) in late for item in mine)
        result.append(
            PhaseProgress(
                phase,
                len(mine),
                done,
                skipped,
                len(mine) - done - skipped,
                late_here,
                _percent(done, len(mine) - skipped),
            )
        )
    return result


def overall_percent(items: Iterable[ItemState]) -> int:
    """Percentage of in-scope (not skipped) items done, 0 for an empty plan."""
    items = list(items)
    if not items:
        return 0
    done = sum(item.status is ItemStatus.DONE for item in items)
    return _percent(done, sum(item.status is not ItemStatus.SKIPPED for item in items))


def bar(percent: int, width: int = 10) -> str:
    """A text progress bar, e.g. ▓▓▓▓░░░░░░ for 40%."""
    filled = max(0, min(width, round(percent * width / 100)))
    return "▓" * filled + "░" * (width - filled)


def next_due(items: Iterable[ItemState], today: date, limit: int = 5) -> list[ItemState]:
    """The open items due next (today or later), soonest first."""
    upcoming = [item for item in items if item.is_open and item.effective_due >= today]
    return sorted(upcoming, key=lambda item: (item.effective_due, item.phase, item.activity_id))[:limit]


def is_escalated(days_overdue: int) -> bool:
    """Whether an item overdue this many days goes to top management (four weeks or more)."""
    return days_overdue >= ESCALATION_DAYS


def owner_of(item: ItemState, assignments: Mapping[str, str]) -> str | None:
    """The item's own owner, else the user assigned to the first of its roles that has one."""
    if item.owner:
        return item.owner
    for role in item.roles:
        if user := assignments.get(role):
            return user
    return None
