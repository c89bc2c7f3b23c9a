"""Phase windows and plan items: contiguous dates, items due at the end of each of their phases."""

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.plan.schedule import PHASE_NAMES, PhaseWindow, current_phase, phase_windows, plan_items

START = date(2026, 1, 5)
WEEKS = st.tuples(*[st.integers(1, 52)] * 3)
DAYS = st.dates(date(1990, 1, 1), date(2100, 12, 31))


def test_default_windows():
    windows = phase_windows(START, (12, 12, 12))
    assert windows == [
        PhaseWindow(0, date(2026, 1, 5), date(2026, 2, 1)),
        PhaseWindow(1, date(2026, 2, 2), date(2026, 4, 26)),
        PhaseWindow(2, date(2026, 4, 27), date(2026, 7, 19)),
        PhaseWindow(3, date(2026, 7, 20), date(2026, 10, 11)),
    ]
    assert [w.name for w in windows] == ["Project initiation", "Phase 1", "Phase 2", "Phase 3"]
    assert PHASE_NAMES[0] == "Project initiation"


@pytest.mark.parametrize("bad", [((12, 12, 0), 4), ((12, 12, 12), 0)])
def test_windows_need_whole_weeks(bad):
    with pytest.raises(ValueError, match="at least one week"):
        phase_windows(START, *bad)


@given(start=DAYS, weeks=WEEKS, initiation=st.integers(1, 26))
def test_windows_are_contiguous_and_cover_every_week(start, weeks, initiation):
    windows = phase_windows(start, weeks, initiation)
    assert [w.phase for w in windows] == [0, 1, 2, 3]
    assert windows[0].start == start
    for before, after in zip(windows, windows[1:], strict=False):
        assert after.start == before.end + timedelta(days=1)
    assert [w.days for w in windows] == [7 * n for n in (initiation, *weeks)]
    assert (windows[-1].end - start).days + 1 == 7 * (initiation + sum(weeks))
    # each window starts on the start date's weekday and ends the day before it
    assert all(w.start.weekday() == start.weekday() for w in windows)


@given(start=DAYS, weeks=WEEKS, initiation=st.integers(1, 26), offset=st.integers(-30, 5 * 52 * 7))
def test_current_phase_is_the_window_holding_today(start, weeks, initiation, offset):
    windows = phase_windows(start, weeks, initiation)
    today = start + timedelta(days=offset)
    phase = current_phase(windows, today)
    if today < start or today > windows[-1].end:
        assert phase is None
    else:
        window = windows[phase]
        assert window.start <= today <= window.end


def test_current_phase_at_the_edges():
    windows = phase_windows(START, (12, 12, 12))
    assert current_phase(windows, START - timedelta(days=1)) is None
    assert current_phase(windows, START) == 0
    assert current_phase(windows, date(2026, 2, 1)) == 0
    assert current_phase(windows, date(2026, 2, 2)) == 1
    assert current_phase(windows, date(2026, 10, 11)) == 3
    assert current_phase(windows, date(2026, 10, 12)) is None


def test_catalog_plan_items(catalog):
    activities = catalog.of_kind("activity")
    windows = phase_windows(START, (12, 12, 12))
    items = plan_items(activities, windows)
    ends = {w.phase: w.end for w in windows}
    initiation = sorted(a.id for a in activities if a.group == "project-initiation")
    assert len(initiation) == 9
    assert sorted(i.activity_id for i in items if i.phase == 0) == initiation
    assert not [i for i in items if i.activity_id.startswith("activity-phase-")]
    others = [a for a in activities if a.group not in ("project-initiation", "phase")]
    assert len(items) == 9 + sum(len(set(a.phases)) for a in others)
    per_activity = Counter(i.activity_id for i in items)
    for activity in others:
        assert per_activity[activity.id] == len(set(activity.phases))
        assert {i.phase for i in items if i.activity_id == activity.id} == set(activity.phases)
    assert all(i.due == ends[i.phase] for i in items)
    assert items == sorted(items, key=lambda i: (i.due, i.activity_id))


def test_an_activity_in_two_phases_is_due_at_the_end_of_each(catalog):
    windows = phase_windows(START, (12, 12, 12))
    items = plan_items([catalog.get("activity-incident-management-b")], windows)
    assert [(i.phase, i.due) for i in items] == [(2, windows[2].end), (3, windows[3].end)]


@given(start=DAYS, weeks=WEEKS, initiation=st.integers(1, 26))
def test_every_due_date_is_a_window_end(catalog, start, weeks, initiation):
    windows = phase_windows(start, weeks, initiation)
    ends = {w.end for w in windows}
    items = plan_items(catalog.of_kind("activity"), windows)
    assert items and all(item.due in ends for item in items)
    assert all(item.due == windows[item.phase].end for item in items)
