"""The weekly nudge: which plans are due, claimed once per plan and week, composed, then posted.

A claim is a unique (plan, week) row inserted in the transaction that decides to send; the post
happens after the commit, and a post that finally fails gives the claim back so the next sweep
tries again. A week missed while no clock ran is sent once, not once per missed week.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.chat import plan_state
from bot.chat.outcome import Outcome, Post
from bot.chat.services import Services
from bot.plan import Nudge, compose_nudge, due_week, nudge_text, overdue_for, should_post, week_key
from bot.storage import plans as store
from bot.storage.models import Plan, PlanItem
from bot.views import blocks as bk
from bot.views import plan as view

log = logging.getLogger(__name__)

# (team id, channel id, outcome) -> True when Slack took every message
Poster = Callable[[str, str, Outcome], bool]


@dataclass(frozen=True)
class NudgeMessage:
    """One plan's nudge of one week: the channel's message and the opted-in people's own lists."""

    plan_id: int
    team_id: str
    channel_id: str
    week: str
    nudge: Nudge
    outcome: Outcome
    direct: list[tuple[str, Outcome]] = field(default_factory=list)

    def text(self) -> str:
        """What would be sent, as plain text (for --dry-run)."""
        lines = [f"#{self.channel_id} ({self.team_id}), week {self.week}:", *nudge_text(self.nudge)]
        lines += [f"  DM to <@{user}>: {len(o.effects)} message" for user, o in self.direct]
        return "\n".join(lines)


@dataclass
class SweepReport:
    sent: list[str] = field(default_factory=list)  # "channel week"
    failed: list[str] = field(default_factory=list)
    quiet: int = 0  # claimed, nothing worth saying (on track, notes off)


def due_plans(
    services: Services, *, now: datetime, channel_id: str | None = None, as_if_due: bool = False
) -> list[tuple[Plan, str]]:
    """(plan, week) pairs whose weekly time has come and whose week is not yet claimed.

    `as_if_due` (nudge --now) takes this week in each plan's zone, whether or not its time has come.
    """
    with services.sessions() as session:
        plans = store.reminding_plans(session=session, channel_id=channel_id)
        claimed = store.claimed_weeks(session=session, plan_ids=[p.id for p in plans])
    due = []
    for plan in plans:
        if as_if_due:
            week: str | None = week_key(plan_state.today_of(plan, now))
        else:
            week = due_week(now, plan_state.reminder_of(plan), plan.time_zone, since=plan.created_at)
        if week is not None and (as_if_due or (plan.id, week) not in claimed):
            due.append((plan, week))
    return due


def compose(services: Services, due: Iterable[tuple[Plan, str]], *, now: datetime) -> list[NudgeMessage]:
    """The messages of the due plans, reading only the rows a nudge shows."""
    due = list(due)
    ids = [plan.id for plan, _ in due]
    if not due:
        return []
    latest_today = max(plan_state.today_of(plan, now) for plan, _ in due) + timedelta(days=1)
    earliest_today = min(plan_state.today_of(plan, now) for plan, _ in due)
    with services.sessions() as session:
        counts = store.status_counts(session=session, plan_ids=ids)
        late = store.late_items(session=session, plan_ids=ids, before=latest_today)
        upcoming = store.next_items(session=session, plan_ids=ids, since=earliest_today, limit=10)
        roles = store.roles_of_plans(session=session, plan_ids=ids)
        subscribers = store.subscribers_of_plans(session=session, plan_ids=ids)
    titles = plan_state.titles(services.catalog)
    messages = []
    for plan, week in due:
        rows: list[PlanItem] = late.get(plan.id, []) + upcoming.get(plan.id, [])
        items = list({(r.activity_id, r.phase): plan_state.item_state(r, services.catalog) for r in rows}.values())
        today = plan_state.today_of(plan, now)
        nudge = compose_nudge(
            items=items,
            titles=titles,
            assignments=roles.get(plan.id, {}),
            today=today,
            week=week,
            windows=plan_state.windows_of(plan),
            percent=_percent(counts.get(plan.id, {})),
        )
        if not should_post(nudge, plan.on_track_note):
            messages.append(NudgeMessage(plan.id, plan.team_id, plan.channel_id, week, nudge, Outcome()))
            continue
        text = "\n".join(nudge_text(nudge))
        outcome = Outcome([Post(text, view.nudge_message(nudge, plan.id), thread=False)])
        direct = []
        for user in subscribers.get(plan.id, []):
            own = overdue_for(items, titles=titles, assignments=roles.get(plan.id, {}), user=user, today=today)
            if own:
                lines = "\n".join(f"• {view.line_text(line)}".replace("\n", " · ") for line in own)
                mine = f"Your overdue activities in <#{plan.channel_id}> this week:\n{lines}"
                direct.append((user, Outcome([Post(mine, bk.message(bk.sections(mine)), channel_id=user)])))
        messages.append(NudgeMessage(plan.id, plan.team_id, plan.channel_id, week, nudge, outcome, direct))
    return messages


def _percent(counts: dict[str, int]) -> int:
    in_scope = counts.get("open", 0) + counts.get("done", 0)
    return round(100 * counts.get("done", 0) / in_scope) if in_scope else 0


def claim(services: Services, due: Iterable[tuple[Plan, str]], *, now: datetime) -> list[tuple[Plan, str]]:
    """The pairs this process won: each claim is its own unique row, whoever else tries at the same time."""
    won = []
    with services.sessions.begin() as session:
        for plan, week in due:
            if store.claim_nudge(session=session, plan_id=plan.id, week=week, now=now):
                won.append((plan, week))
    return won


def deliver_all(services: Services, messages: Iterable[NudgeMessage], post: Poster) -> SweepReport:
    """Post each claimed nudge; record it sent, or give the claim back when Slack finally refused it."""
    report = SweepReport()
    for message in messages:
        where = f"{message.channel_id} {message.week}"
        if not message.outcome:
            report.quiet += 1
            continue
        ok = post(message.team_id, message.channel_id, message.outcome)
        with services.sessions.begin() as session:
            if ok:
                store.nudge_sent(session=session, plan_id=message.plan_id, week=message.week, now=services.clock())
            else:
                store.release_nudge(session=session, plan_id=message.plan_id, week=message.week)
        if not ok:
            log.error("nudge for %s not delivered; the next sweep tries again", where)
            report.failed.append(where)
            continue
        report.sent.append(where)
        for user, outcome in message.direct:
            post(message.team_id, user, outcome)
    return report


def sweep(services: Services, post: Poster) -> SweepReport:
    """The clock's job, about every minute: every plan whose weekly time has passed gets its nudge once."""
    now = services.clock()
    won = claim(services, due_plans(services, now=now), now=now)
    return deliver_all(services, compose(services, won, now=now), post)


def nudge_now(
    services: Services,
    post: Poster | None,
    *,
    channel_id: str | None = None,
    dry_run: bool = False,
    force: bool = False,
) -> tuple[list[NudgeMessage], SweepReport]:
    """`iso20k nudge --now`: this week's nudge to every plan (or one channel), counting as the week's nudge.

    Without --force a plan whose week was already claimed (by the clock or another --now) gets nothing;
    --dry-run composes and claims nothing.
    """
    now = services.clock()
    due = due_plans(services, now=now, channel_id=channel_id, as_if_due=True)
    if dry_run:
        return compose(services, due, now=now), SweepReport()
    won = claim(services, due, now=now)
    if force:
        won = due
    messages = compose(services, won, now=now)
    assert post is not None
    return messages, deliver_all(services, messages, post)
