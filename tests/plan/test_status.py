"""Overdue items, progress and owners on a given day."""

from datetime import date, timedelta

from bot.plan.status import (
    ESCALATION_DAYS,
    ItemState,
    ItemStatus,
    PhaseProgress,
    bar,
    is_escalated,
    next_due,
    overall_percent,
    overdue,
    owner_of,
    progress,
)

TODAY = date(2026, 5, 4)


def item(activity_id, days_late=0, phase=1, **kwargs):
    return ItemState(activity_id, phase, TODAY - timedelta(days=days_late), **kwargs)


def test_overdue_longest_first_then_by_id():
    items = [item("b", 3), item("a", 3), item("c", 10), item("d", 0), item("e", -5)]
    assert [(i.activity_id, days) for i, days in overdue(items, TODAY)] == [("c", 10), ("a", 3), ("b", 3)]


def test_due_today_is_not_overdue():
    assert overdue([item("a", 0)], TODAY) == []
    assert overdue([item("a", 1)], TODAY) == [(item("a", 1), 1)]


def test_done_and_skipped_items_are_never_overdue():
    items = [item("a", 100, status=ItemStatus.DONE), item("b", 100, status=ItemStatus.SKIPPED)]
    assert overdue(items, TODAY) == []
    assert next_due(items, TODAY - timedelta(days=200)) == []


def test_snooze_moves_the_due_date():
    snoozed = item("a", 20, snoozed_until=TODAY + timedelta(days=7))
    assert snoozed.effective_due == TODAY + timedelta(days=7)
    assert overdue([snoozed], TODAY) == []
    assert overdue([snoozed], TODAY + timedelta(days=9)) == [(snoozed, 2)]
    assert next_due([snoozed], TODAY) == [snoozed]


def test_progress_per_phase():
    items = [
        item("a", 5, phase=0, status=ItemStatus.DONE),
        item("b", 5, phase=0),
        item("c", 5, phase=0, status=ItemStatus.SKIPPED),
        item("d", -3, phase=1),
        item("e", -3, phase=1, status=ItemStatus.DONE),
        item("f", -3, phase=1, status=ItemStatus.DONE),
        item("g", -3, phase=1, status=ItemStatus.DONE),
        item("h", -90, phase=3, status=ItemStatus.SKIPPED),
    ]
    assert progress(items, TODAY) == [
        PhaseProgress(0, total=3, done=1, skipped=1, open=1, overdue=1, percent=50),
        PhaseProgress(1, total=4, done=3, skipped=0, open=1, overdue=0, percent=75),
        PhaseProgress(3, total=1, done=0, skipped=1, open=0, overdue=0, percent=100),
    ]
    assert overall_percent(items) == 4 * 100 // 6
    assert overall_percent([]) == 0


def test_percent_rounds_down_and_stays_within_bounds():
    items = [item("a", status=ItemStatus.DONE), item("b"), item("c")]
    assert overall_percent(items) == 33
    assert overall_percent([item("a", status=ItemStatus.DONE)]) == 100


def test_bar():
    assert bar(40) == "▓▓▓▓░░░░░░"
    assert bar(0) == "░" * 10
    assert bar(100, width=5) == "▓▓▓▓▓"
    assert bar(150) == "▓" * 10
    assert bar(-5) == "░" * 10


def test_next_due_soonest_first_with_a_limit():
    items = [item(str(n), -n) for n in range(10, 0, -1)] + [item("late", 3)]
    assert [i.activity_id for i in next_due(items, TODAY, limit=3)] == ["1", "2", "3"]
    assert len(next_due(items, TODAY)) == 5


def test_escalation_at_four_weeks():
    assert ESCALATION_DAYS == 28
    assert not is_escalated(27)
    assert is_escalated(28)
    assert is_escalated(100)


def test_owner_is_the_item_owner_else_the_first_assigned_role():
    assignments = {"change manager": "UCHANGE", "process owners": "UOWNERS"}
    assert owner_of(item("a", owner="UALICE", roles=("change manager",)), assignments) == "UALICE"
    assert owner_of(item("a", roles=("top management", "process owners", "change manager")), assignments) == "UOWNERS"
    assert owner_of(item("a", roles=("top management",)), assignments) is None
    assert owner_of(item("a"), assignments) is None
