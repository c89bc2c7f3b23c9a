"""The weekly nudge as data: what is overdue (grouped by phase), who owns it, who it escalates to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from bot.plan.schedule import PHASE_NAMES, PhaseWindow, current_phase
from bot.plan.status import (
    ItemState,
    is_escalated,
    next_due,
    overall_percent,
    overdue,
    owner_of,
)

MAX_LISTED = 10
TOP_MANAGEMENT = "top management"


class NudgeLine(NamedTuple):
    """One item in a nudge; days_overdue is negative for an item not yet due (days left)."""

    activity_id: str
    title: str
    phase: int
    due: date
    days_overdue: int
    owner: str | None
    escalated: bool


@dataclass(frozen=True)
class Nudge:
    """A week's nudge of one plan: the overdue items listed (at most MAX_LISTED) and what is due next."""

    week: str
    percent: int
    phase: int | None
    lines: tuple[NudgeLine, ...]
    hidden: int
    total_overdue: int
    escalate_to: str | None
    next_due: tuple[ItemState, ...]
    on_track: bool
    escalated: int = 0
    upcoming: tuple[NudgeLine, ...] = ()

    def groups(self) -> list[tuple[int, tuple[NudgeLine, ...]]]:
        """The listed lines grouped by phase, in phase order, longest overdue first within a phase."""
        phases = sorted({line.phase for line in self.lines})
        return [(phase, tuple(line for line in self.lines if line.phase == phase)) for phase in phases]


def _line(item: ItemState, titles: Mapping[str, str], assignments: Mapping[str, str], today: date) -> NudgeLine:
    due = item.effective_due
    days = (today - due).days
    # positional, in NudgeLine's order: the weekly sweep makes a hundred thousand of these
    return NudgeLine(
        item.activity_id,
        titles.get(item.activity_id, item.activity_id),
        item.phase,
        due,
        days,
        owner_of(item, assignments),
        is_escalated(days),
    )


class OverdueCounts(NamedTuple):
    """How many items of a plan are overdue, and how many of those for four weeks or more."""

    total: int
    escalated: int


def compose_nudge(
    *,
    items: Iterable[ItemState],
    titles: Mapping[str, str],
    assignments: Mapping[str, str],
    today: date,
    week: str,
    windows: Sequence[PhaseWindow],
    percent: int | None = None,
    counts: OverdueCounts | None = None,
) -> Nudge:
    """This week's nudge: the longest overdue items first, escalated to top management after 4 weeks.

    The weekly sweep of many plans passes only the items a nudge lists (the longest overdue, the next
    due), with the plan's `percent` done and its overdue `counts`, counted where the items are stored.
    """
    items = list(items)
    late = overdue(items, today)
    total, escalated = counts or OverdueCounts(len(late), sum(is_escalated(days) for _, days in late))
    listed = [_line(item, titles, assignments, today) for item, _ in late[:MAX_LISTED]]
    upcoming = next_due(items, today)
    return Nudge(
        week=week,
        percent=overall_percent(items) if percent is None else percent,
        phase=current_phase(windows, today),
        lines=tuple(listed),
        hidden=max(0, total - len(listed)),
        total_overdue=total,
        escalate_to=assignments.get(TOP_MANAGEMENT) if escalated else None,
        next_due=tuple(upcoming),
        on_track=not total,
        escalated=escalated,
        upcoming=tuple(_line(item, titles, assignments, today) for item in upcoming),
    )


def overdue_for(
    items: Iterable[ItemState], *, titles: Mapping[str, str], assignments: Mapping[str, str], user: str, today: date
) -> list[NudgeLine]:
    """One person's overdue items (own or through an assigned role), longest overdue first, all of them."""
    lines = [_line(item, titles, assignments, today) for item, _ in overdue(items, today)]
    return [line for line in lines if line.owner == user]


def should_post(nudge: Nudge, on_track_notes: bool = True) -> bool:
    """Whether the nudge is worth a message: something is overdue, or the team wants on-track notes."""
    return not nudge.on_track or on_track_notes


def _days(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def _who(owner: str | None) -> str:
    return f"<@{owner}>" if owner else "no owner yet"


def nudge_text(nudge: Nudge) -> list[str]:
    """The nudge as plain lines (owners as <@U…>), for notification text and --dry-run."""
    where = PHASE_NAMES[nudge.phase] if nudge.phase is not None else "outside the plan's phases"
    text = [f"Plan check for {nudge.week}: {nudge.percent}% done, {where}."]
    if nudge.on_track:
        text.append("On track: nothing is overdue.")
        if nudge.upcoming:
            text.append("Next due:")
            text += [
                f"• {line.activity_id} {line.title} ({PHASE_NAMES[line.phase]}), due {line.due.isoformat()}, "
                f"{_who(line.owner)}"
                for line in nudge.upcoming
            ]
        return text
    count = "1 item is" if nudge.total_overdue == 1 else f"{nudge.total_overdue} items are"
    text.append(f"{count} overdue.")
    for phase, lines in nudge.groups():
        text.append(f"{PHASE_NAMES[phase]}:")
        for line in lines:
            flag = " (4+ weeks)" if line.escalated else ""
            text.append(
                f"• {line.activity_id} {line.title}: {_days(line.days_overdue)} overdue{flag} "
                f"(due {line.due.isoformat()}), {_who(line.owner)}"
            )
    if nudge.hidden:
        text.append(f"…and {nudge.hidden} more overdue: /iso20k plan lists them all.")
    if nudge.escalated:
        many = "1 item has" if nudge.escalated == 1 else f"{nudge.escalated} items have"
        if nudge.escalate_to:
            text.append(f"<@{nudge.escalate_to}> {many} been overdue for 4 weeks or more.")
        else:
            text.append(
                f"{many.capitalize()} been overdue for 4 weeks or more: "
                f"assign top management with /iso20k plan assign top management @someone."
            )
    return text
