"""The weekly nudge as data and as plain text."""

from datetime import date, timedelta

from bot.plan.nudge import MAX_LISTED, compose_nudge, nudge_text, overdue_for, should_post
from bot.plan.schedule import phase_windows
from bot.plan.status import ItemState, ItemStatus

WINDOWS = phase_windows(date(2026, 1, 5), (12, 12, 12))
TODAY = date(2026, 5, 4)  # in phase 2
ASSIGNMENTS = {"top management": "UTOP", "incident manager": "UINC", "change manager": "UCHG"}


def item(activity_id, days_late, phase=1, **kwargs):
    return ItemState(activity_id, phase, TODAY - timedelta(days=days_late), **kwargs)


def titles_of(items):
    return {i.activity_id: f"Title of {i.activity_id}" for i in items}


def nudge_of(items, assignments=ASSIGNMENTS):
    return compose_nudge(
        items=items, titles=titles_of(items), assignments=assignments, today=TODAY, week="2026-W19", windows=WINDOWS
    )


def test_overdue_lines_grouped_by_phase_longest_first():
    items = [
        item("p1-a", 5, phase=1, roles=("incident manager",)),
        item("p0-a", 3, phase=0, owner="UALICE"),
        item("p1-b", 9, phase=1, roles=("process owners",)),
        item("p0-b", 20, phase=0),
        item("p1-done", 50, phase=1, status=ItemStatus.DONE),
        item("p1-skipped", 50, phase=1, status=ItemStatus.SKIPPED),
        item("p2-future", -10, phase=2),
    ]
    nudge = nudge_of(items)
    assert nudge.week == "2026-W19"
    assert nudge.phase == 2
    assert nudge.percent == 100 // 6
    assert not nudge.on_track
    assert nudge.total_overdue == 4 and nudge.hidden == 0
    assert [line.activity_id for line in nudge.lines] == ["p0-b", "p1-b", "p1-a", "p0-a"]
    groups = nudge.groups()
    assert [phase for phase, _ in groups] == [0, 1]
    assert [[line.activity_id for line in lines] for _, lines in groups] == [["p0-b", "p0-a"], ["p1-b", "p1-a"]]
    owners = {line.activity_id: line.owner for line in nudge.lines}
    assert owners == {"p0-b": None, "p1-b": None, "p1-a": "UINC", "p0-a": "UALICE"}
    assert nudge.lines[0].title == "Title of p0-b"
    assert nudge.escalate_to is None and nudge.escalated == 0


def test_escalation_at_four_weeks_mentions_top_management():
    nudge = nudge_of([item("a", 27), item("b", 28)])
    assert [(line.activity_id, line.escalated) for line in nudge.lines] == [("b", True), ("a", False)]
    assert nudge.escalate_to == "UTOP" and nudge.escalated == 1
    text = "\n".join(nudge_text(nudge))
    assert "<@UTOP> 1 item has been overdue for 4 weeks or more." in text
    assert not nudge_of([item("a", 27)]).escalate_to


def test_escalation_without_top_management_asks_to_assign_it():
    nudge = nudge_of([item("a", 40)], assignments={})
    assert nudge.escalate_to is None and nudge.escalated == 1
    assert any("assign top management" in line for line in nudge_text(nudge))


def test_beyond_max_listed_the_rest_is_counted():
    items = [item(f"a{n:02d}", 1 + n) for n in range(MAX_LISTED + 5)]
    items.append(item("oldest", 60))
    nudge = nudge_of(items)
    assert len(nudge.lines) == MAX_LISTED
    assert nudge.hidden == 6 and nudge.total_overdue == MAX_LISTED + 6
    assert nudge.lines[0].activity_id == "oldest"
    assert "…and 6 more overdue: /iso20k plan lists them all." in nudge_text(nudge)


def test_escalation_counts_hidden_items_and_follows_snoozes():
    late = [item(f"a{n:02d}", 30 + n) for n in range(MAX_LISTED + 2)]
    nudge = nudge_of(late)
    assert nudge.hidden == 2 and nudge.escalated == MAX_LISTED + 2 and nudge.escalate_to == "UTOP"
    snoozed = ItemState("b", 1, TODAY - timedelta(days=100), snoozed_until=TODAY - timedelta(days=1))
    assert nudge_of([snoozed]).lines[0].days_overdue == 1  # counted from the end of the snooze
    assert nudge_of([snoozed]).escalate_to is None


def test_on_track_note_with_next_due_dates():
    items = [item("done", 10, status=ItemStatus.DONE), item("soon", -3, roles=("change manager",)), item("later", -30)]
    nudge = nudge_of(items)
    assert nudge.on_track and nudge.lines == () and nudge.total_overdue == 0
    assert [i.activity_id for i in nudge.next_due] == ["soon", "later"]
    assert [line.days_overdue for line in nudge.upcoming] == [-3, -30]
    text = nudge_text(nudge)
    assert "On track: nothing is overdue." in text
    assert any(line.startswith("• soon Title of soon (Phase 1), due 2026-05-07, <@UCHG>") for line in text)
    assert should_post(nudge) and not should_post(nudge, on_track_notes=False)
    assert should_post(nudge_of([item("late", 2)]), on_track_notes=False)


def test_text_lists_owners_as_mentions_and_days():
    text = nudge_text(nudge_of([item("a", 1, roles=("incident manager",)), item("b", 2, phase=0)]))
    assert text[0] == "Plan check for 2026-W19: 0% done, Phase 2."
    assert "2 items are overdue." in text
    assert text.index("Project initiation:") < text.index("Phase 1:")
    assert "• a Title of a: 1 day overdue (due 2026-05-03), <@UINC>" in text
    assert "• b Title of b: 2 days overdue (due 2026-05-02), no owner yet" in text


def test_a_persons_own_overdue_items():
    items = [
        item("mine-by-role", 3, roles=("incident manager",)),
        item("mine-by-name", 8, owner="UINC"),
        item("someone-else", 9, owner="UBOB", roles=("incident manager",)),
        item("not-late", -1, owner="UINC"),
    ]
    lines = overdue_for(items, titles=titles_of(items), assignments=ASSIGNMENTS, user="UINC", today=TODAY)
    assert [line.activity_id for line in lines] == ["mine-by-name", "mine-by-role"]
    assert overdue_for(items, titles={}, assignments=ASSIGNMENTS, user="UNOBODY", today=TODAY) == []
