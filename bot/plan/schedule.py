"""Phase dates from the plan's start date, and the plan items (one per activity and phase) with due dates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

INITIATION = 0
PHASES = (0, 1, 2, 3)
PHASE_NAMES = {0: "Project initiation", 1: "Phase 1", 2: "Phase 2", 3: "Phase 3"}
INITIATION_GROUP = "project-initiation"
OBJECTIVES_GROUP = "phase"  # activity-phase-N: what a phase aims at, not something to tick off


class ActivityEntry(Protocol):
    """What the plan needs of bot.knowledge.schema.ActivityEntry (kept structural: no knowledge import)."""

    @property
    def id(self) -> str: ...

    @property
    def group(self) -> str: ...

    @property
    def phases(self) -> Sequence[int]: ...


@dataclass(frozen=True)
class PhaseWindow:
    """One phase of the plan: its first and last day (both inclusive)."""

    phase: int
    start: date
    end: date

    @property
    def name(self) -> str:
        """The phase's display name, e.g. "Phase 1"."""
        return PHASE_NAMES[self.phase]

    @property
    def days(self) -> int:
        """How many days the phase lasts."""
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """Whether the day falls within the phase."""
        return self.start <= day <= self.end


@dataclass(frozen=True)
class PlanItem:
    """An activity to finish by the end of one phase."""

    activity_id: str
    phase: int
    due: date


def phase_windows(start: date, weeks: tuple[int, int, int], initiation_weeks: int = 4) -> list[PhaseWindow]:
    """Project initiation from `start`, then phases 1-3, back to back, each a whole number of weeks."""
    lengths = (initiation_weeks, *weeks)
    if len(lengths) != 4 or any(n < 1 for n in lengths):
        raise ValueError("project initiation and three phases, each at least one week long")
    windows = []
    first = start
    for phase, length in zip(PHASES, lengths, strict=True):
        last = first + timedelta(weeks=length) - timedelta(days=1)
        windows.append(PhaseWindow(phase, first, last))
        first = last + timedelta(days=1)
    return windows


def item_phases(activity: ActivityEntry) -> tuple[int, ...]:
    """The phases in which an activity is due: 0 for project initiation, none for phase objectives."""
    if activity.group == OBJECTIVES_GROUP:
        return ()
    if activity.group == INITIATION_GROUP:
        return (INITIATION,)
    return tuple(sorted(set(activity.phases)))


def plan_items(activities: Iterable[ActivityEntry], windows: Sequence[PhaseWindow]) -> list[PlanItem]:
    """One item per activity and phase it belongs to, due on that phase's last day, by (due, id)."""
    ends = {window.phase: window.end for window in windows}
    items = [
        PlanItem(activity.id, phase, ends[phase])
        for activity in activities
        if getattr(activity, "kind", "activity") == "activity"
        for phase in item_phases(activity)
    ]
    return sorted(items, key=lambda item: (item.due, item.activity_id))


def current_phase(windows: Sequence[PhaseWindow], today: date) -> int | None:
    """The phase `today` falls in, or None before the plan starts and after it ends."""
    return next((window.phase for window in windows if window.contains(today)), None)


def window_of(windows: Sequence[PhaseWindow], phase: int) -> PhaseWindow:
    """The window of one phase."""
    return next(window for window in windows if window.phase == phase)
