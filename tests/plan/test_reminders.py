"""Week keys and reminder instants in the plan's zone, across DST gaps and folds."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.plan.parse import DEFAULT_REMINDER, Reminder
from bot.plan.reminders import describe, due_week, next_reminder, reminder_time, week_key, week_monday

ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kolkata", "UTC"]
REMINDERS = st.builds(
    Reminder, weekday=st.integers(0, 6), at=st.times().map(lambda t: t.replace(second=0, microsecond=0))
)
WEEKS = st.dates(date(1990, 1, 1), date(2100, 12, 24)).map(week_key)
NOWS = st.datetimes(datetime(1990, 1, 8), datetime(2100, 12, 1), timezones=st.just(UTC))


def test_week_keys():
    assert week_key(date(2026, 11, 23)) == "2026-W48"
    assert week_key(date(2026, 1, 1)) == "2026-W01"
    assert week_key(date(2027, 1, 1)) == "2026-W53"  # a Friday: still the last ISO week of 2026
    assert week_key(date(2024, 12, 30)) == "2025-W01"
    assert week_monday("2026-W48") == date(2026, 11, 23)
    with pytest.raises(ValueError, match="ISO week"):
        week_monday("2026-48")


def _valid_instants(naive: datetime, zone: ZoneInfo) -> list[datetime]:
    """Every instant whose wall time in the zone is `naive` (an oracle over the offsets of nearby days)."""
    offsets = {
        (naive + timedelta(hours=h)).replace(tzinfo=zone, fold=f).utcoffset() for h in range(-48, 49, 6) for f in (0, 1)
    }
    instants = {(naive - o).replace(tzinfo=UTC) for o in offsets if o is not None}
    return sorted(i for i in instants if i.astimezone(zone).replace(tzinfo=None) == naive)


@given(reminder=REMINDERS, week=WEEKS, tz=st.sampled_from(ZONES))
def test_reminder_time_is_in_the_week_at_the_wall_time_asked(reminder, week, tz):
    moment = reminder_time(reminder, week, tz)
    zone = ZoneInfo(tz)
    assert moment.tzinfo is not None and moment.utcoffset() is not None
    assert moment.tzinfo == zone
    assert week_key(moment.date()) == week
    naive = datetime.combine(week_monday(week) + timedelta(days=reminder.weekday), reminder.at)
    valid = _valid_instants(naive, zone)
    if valid:  # the wall time exists: that wall time, the first time it occurs
        assert moment.replace(tzinfo=None) == naive
        assert moment.astimezone(UTC) == valid[0]  # (== across zones is False for a repeated time)
    else:  # a gap: the first instant after it
        assert moment.replace(tzinfo=None) > naive
        just_before = (moment.astimezone(UTC) - timedelta(seconds=1)).astimezone(zone).replace(tzinfo=None)
        assert just_before < naive


def _transition_days(tz: str, years: range) -> list[tuple[str, date]]:
    """The days on which the zone's offset changes (DST and other shifts)."""
    zone = ZoneInfo(tz)
    day, last = date(years.start, 1, 1), date(years.stop, 1, 1)
    found = []
    while day < last:
        after = day + timedelta(days=1)
        if datetime.combine(day, time(), zone).utcoffset() != datetime.combine(after, time(), zone).utcoffset():
            found.append((tz, day))
        day = after
    return found


TRANSITIONS = [pair for tz in ZONES for pair in _transition_days(tz, range(2010, 2028))]


def test_the_tricky_zones_have_transitions():
    zones = {tz for tz, _ in TRANSITIONS}
    assert {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia"} <= zones


@given(transition=st.sampled_from(TRANSITIONS), at=st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_reminder_time_on_transition_days(transition, at):
    tz, day = transition
    test_reminder_time_is_in_the_week_at_the_wall_time_asked.hypothesis.inner_test(
        reminder=Reminder(day.weekday(), at), week=week_key(day), tz=tz
    )


@pytest.mark.parametrize(
    ("tz", "day", "at", "expected"),
    [
        ("Europe/Berlin", date(2026, 3, 29), time(2, 30), "2026-03-29T03:00:00+02:00"),
        ("America/New_York", date(2026, 3, 8), time(2, 30), "2026-03-08T03:00:00-04:00"),
        ("Australia/Lord_Howe", date(2026, 10, 4), time(2, 10), "2026-10-04T02:30:00+11:00"),
        ("Pacific/Apia", date(2011, 12, 30), time(9, 0), "2011-12-31T00:00:00+14:00"),  # a day that never was
    ],
)
def test_a_wall_time_in_a_gap_moves_to_the_end_of_the_gap(tz, day, at, expected):
    moment = reminder_time(Reminder(day.weekday(), at), week_key(day), tz)
    assert moment.isoformat() == expected


@pytest.mark.parametrize(
    ("tz", "day", "at", "expected"),
    [
        ("Europe/Berlin", date(2026, 10, 25), time(2, 30), "2026-10-25T02:30:00+02:00"),
        ("America/New_York", date(2026, 11, 1), time(1, 30), "2026-11-01T01:30:00-04:00"),
        ("Australia/Lord_Howe", date(2026, 4, 5), time(1, 45), "2026-04-05T01:45:00+11:00"),
    ],
)
def test_a_repeated_wall_time_takes_the_first(tz, day, at, expected):
    moment = reminder_time(Reminder(day.weekday(), at), week_key(day), tz)
    assert moment.isoformat() == expected
    assert moment.fold == 0


def test_the_reminder_zone_wins_over_the_plan_zone():
    reminder = Reminder(0, time(9, 0), "Asia/Kolkata")
    assert reminder_time(reminder, "2026-W10", "Europe/Paris").isoformat() == "2026-03-02T09:00:00+05:30"


def test_due_week_around_the_reminder_time():
    paris = ZoneInfo("Europe/Paris")
    monday = datetime(2026, 3, 2, 9, 0, tzinfo=paris)
    assert due_week(monday - timedelta(minutes=1), DEFAULT_REMINDER, "Europe/Paris") == "2026-W09"
    assert due_week(monday, DEFAULT_REMINDER, "Europe/Paris") == "2026-W10"
    assert due_week(monday + timedelta(days=6, hours=14), DEFAULT_REMINDER, "Europe/Paris") == "2026-W10"
    # the same instant seen from UTC
    assert due_week(monday.astimezone(UTC), DEFAULT_REMINDER, "Europe/Paris") == "2026-W10"


def test_a_week_missed_during_downtime_is_not_sent_separately():
    down_since = datetime(2026, 3, 1, tzinfo=UTC)
    back = down_since + timedelta(weeks=3)
    assert due_week(back, DEFAULT_REMINDER, "UTC") == week_key(back.date())


def test_no_week_is_due_when_reminders_are_off():
    off = Reminder(0, time(9, 0), None, enabled=False)
    now = datetime(2026, 3, 4, tzinfo=UTC)
    assert due_week(now, off, "UTC") is None
    assert next_reminder(now, off, "UTC") is None


def test_weeks_before_since_are_not_due():
    created = datetime(2026, 3, 3, 15, 0, tzinfo=UTC)  # a Tuesday, after Monday's reminder
    assert due_week(created + timedelta(hours=1), DEFAULT_REMINDER, "UTC", since=created) is None
    assert due_week(datetime(2026, 3, 9, 9, 0, tzinfo=UTC), DEFAULT_REMINDER, "UTC", since=created) == "2026-W11"


def test_due_week_compares_instants_not_wall_times_in_a_fold():
    new_york = ZoneInfo("America/New_York")
    reminder = Reminder(6, time(1, 30))  # Sunday 01:30, which happens twice on 2026-11-01
    second_pass = datetime(2026, 11, 1, 1, 15, tzinfo=new_york, fold=1)  # after the first 01:30
    assert due_week(second_pass, reminder, "America/New_York") == "2026-W44"
    assert next_reminder(second_pass, reminder, "America/New_York") == reminder_time(
        reminder, "2026-W45", "America/New_York"
    )


def test_now_must_be_aware():
    with pytest.raises(ValueError, match="aware"):
        due_week(datetime(2026, 3, 2, 9, 0), DEFAULT_REMINDER, "UTC")


@given(now=NOWS, reminder=REMINDERS, tz=st.sampled_from(ZONES))
def test_due_week_is_the_latest_week_whose_time_has_passed(now, reminder, tz):
    week = due_week(now, reminder, tz)
    assert week is not None
    assert reminder_time(reminder, week, tz) <= now
    following = week_key(week_monday(week) + timedelta(weeks=1))
    assert reminder_time(reminder, following, tz) > now
    upcoming = next_reminder(now, reminder, tz)
    assert upcoming is not None and upcoming > now
    assert upcoming == reminder_time(reminder, following, tz)


@given(first=NOWS, step=st.timedeltas(timedelta(0), timedelta(days=30)), reminder=REMINDERS, tz=st.sampled_from(ZONES))
def test_due_week_is_monotone_in_now(first, step, reminder, tz):
    earlier = due_week(first, reminder, tz)
    later = due_week(first + step, reminder, tz)
    assert earlier is not None and later is not None
    assert earlier <= later


def test_describe():
    assert describe(DEFAULT_REMINDER, "Europe/Paris") == "Mondays at 09:00 (Europe/Paris)"
    assert describe(Reminder(4, time(16, 30), "Europe/London"), "Europe/Paris") == "Fridays at 16:30 (Europe/London)"
    assert describe(Reminder(0, time(9, 0), None, enabled=False), "UTC") == "off"
