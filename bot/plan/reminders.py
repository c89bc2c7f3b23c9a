"""When the weekly nudge is due: ISO week keys and reminder instants in the plan's time zone (zoneinfo)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.plan.parse import DAY_NAMES, Reminder

_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")


def week_key(when_local: date) -> str:
    """The ISO week of a local date, e.g. "2026-W48" (keys sort in time order as strings)."""
    year, week, _ = when_local.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_monday(week: str) -> date:
    """The Monday of an ISO week key such as "2026-W48"."""
    match = _WEEK.fullmatch(week)
    if match is None:
        raise ValueError(f"{week!r} is not an ISO week key such as 2026-W48")
    return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)


def zone_of(reminder: Reminder, tz: str) -> str:
    """The zone the reminder runs in: its own when it names one, else the plan's."""
    return reminder.tz or tz


def _wall(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None, fold=0)


def localize(naive: datetime, zone: ZoneInfo) -> datetime:
    """The aware instant of a wall time: the first of two (fall back), the end of a gap (spring forward)."""
    candidates = sorted({(naive.replace(tzinfo=zone, fold=fold)).astimezone(UTC) for fold in (0, 1)})
    for instant in candidates:  # earliest first: the first occurrence of a repeated wall time
        local = instant.astimezone(zone)
        if _wall(local) == naive:
            return local
    # the wall time falls in a gap: find the transition between the two readings by bisection
    low, high = candidates[0], candidates[-1]
    before = low.astimezone(zone).utcoffset()
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if middle <= low:
            break
        if middle.astimezone(zone).utcoffset() == before:
            low = middle
        else:
            high = middle
    return high.astimezone(zone)


def reminder_time(reminder: Reminder, week: str, tz: str) -> datetime:
    """The aware moment of the reminder in an ISO week, in the reminder's zone (else `tz`)."""
    zone = ZoneInfo(zone_of(reminder, tz))
    day = week_monday(week) + timedelta(days=reminder.weekday)
    return localize(datetime.combine(day, reminder.at), zone)


def _utc(now: datetime) -> datetime:
    """`now` in UTC (comparing datetimes of one tzinfo would ignore fold), refusing naive datetimes."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")
    return now.astimezone(UTC)


def due_week(now: datetime, reminder: Reminder, tz: str, since: datetime | None = None) -> str | None:
    """The latest week whose reminder time is at or before `now` (None when off, or before `since`)."""
    now = _utc(now)
    if not reminder.enabled:
        return None
    zone = ZoneInfo(zone_of(reminder, tz))
    today = now.astimezone(zone).date()
    for back in (0, 7, 14):  # this week's reminder, else last week's (a gap can shift it a day)
        week = week_key(today - timedelta(days=back))
        moment = reminder_time(reminder, week, tz).astimezone(UTC)
        if moment <= now:
            return None if since is not None and moment < _utc(since) else week
    raise AssertionError("a reminder in one of the last three weeks has passed")  # pragma: no cover


def next_reminder(now: datetime, reminder: Reminder, tz: str) -> datetime | None:
    """The next reminder moment strictly after `now`, or None when reminders are off."""
    now = _utc(now)
    if not reminder.enabled:
        return None
    zone = ZoneInfo(zone_of(reminder, tz))
    today = now.astimezone(zone).date()
    for ahead in (-7, 0, 7, 14):
        moment = reminder_time(reminder, week_key(today + timedelta(days=ahead)), tz)
        if moment.astimezone(UTC) > now:
            return moment
    raise AssertionError("a reminder in one of the next two weeks is ahead")  # pragma: no cover


def describe(reminder: Reminder, tz: str) -> str:
    """The reminder in words, e.g. "Mondays at 09:00 (Europe/Paris)", or "off"."""
    if not reminder.enabled:
        return "off"
    return f"{DAY_NAMES[reminder.weekday]}s at {reminder.at:%H:%M} ({zone_of(reminder, tz)})"
