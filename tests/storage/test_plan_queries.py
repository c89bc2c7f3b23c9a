"""The sweep's stored summary of late items agrees with the plan domain's own reckoning, whatever the items."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert

from bot.plan import ESCALATION_DAYS, ItemState, ItemStatus, overdue
from bot.storage import plans as store
from bot.storage.models import Plan, PlanItem

TODAY = date(2026, 11, 23)
LIMIT = 2  # small, so that ties and snoozed items often straddle the cut

# a few days, as phase ends are: many ties; around the escalation's four weeks and today
DAYS = st.sampled_from([-40, -28, -27, -1, 0, 5]).map(lambda days: TODAY + timedelta(days=days))
items = st.dictionaries(
    keys=st.tuples(st.sampled_from(["activity-a", "activity-b", "activity-c"]), st.integers(1, 3)),
    values=st.tuples(
        DAYS,  # due
        st.sampled_from([ItemStatus.OPEN] * 4 + [ItemStatus.DONE, ItemStatus.SKIPPED]),  # mostly open
        st.none() | DAYS,  # snoozed until
    ),
    max_size=16,
)


def _store(session_factory, plans: list[dict]) -> list[int]:
    with session_factory.begin() as session:
        session.execute(delete(Plan))
        ids = []
        for n, plan_items in enumerate(plans):
            plan = Plan(
                team_id="T1",
                channel_id=f"C{n}",
                start_date=date(2026, 6, 1),
                initiation_weeks=4,
                phase1_weeks=12,
                phase2_weeks=12,
                phase3_weeks=12,
                time_zone="UTC",
                created_by="U1",
                created_at=datetime(2026, 6, 1, tzinfo=UTC),
            )
            session.add(plan)
            session.flush()
            ids.append(plan.id)
            rows = [
                {
                    "plan_id": plan.id,
                    "activity_id": activity,
                    "phase": phase,
                    "due": due,
                    "status": status.value,
                    "snoozed_until": snoozed,
                }
                for (activity, phase), (due, status, snoozed) in plan_items.items()
            ]
            if rows:
                session.execute(insert(PlanItem), rows)
    return ids


LATE = TODAY - timedelta(days=3)


@example(  # a tie at the cut: the earliest activity ids first, whatever their phase
    plans=[
        {
            ("activity-b", 1): (LATE, ItemStatus.OPEN, None),
            ("activity-a", 2): (LATE, ItemStatus.OPEN, None),
            ("activity-c", 1): (LATE, ItemStatus.OPEN, None),
        }
    ]
)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans=st.lists(items, min_size=1, max_size=3))
def test_late_summary_counts_and_ranks_as_the_domain_does(session_factory, plans):
    ids = _store(session_factory, plans)
    escalated_from = TODAY - timedelta(days=ESCALATION_DAYS)
    with session_factory() as session:
        counts, longest = store.late_summary(
            session=session, plan_ids=ids, today=TODAY, escalated_from=escalated_from, limit=LIMIT
        )
    for plan_id, plan_items in zip(ids, plans, strict=True):
        states = [
            ItemState(activity, phase, due, status, snoozed)
            for (activity, phase), (due, status, snoozed) in plan_items.items()
        ]
        late = overdue(states, TODAY)
        expected_counts = (len(late), sum(days >= ESCALATION_DAYS for _, days in late))
        assert counts.get(plan_id, (0, 0)) == expected_counts
        listed = {(row.activity_id, row.phase) for row in longest.get(plan_id, [])}
        assert listed == {(item.activity_id, item.phase) for item, _ in late[:LIMIT]}
