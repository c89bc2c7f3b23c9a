"""The weekly nudge: which plans are due, claimed once per plan and week, composed, then posted.

A claim is a unique (plan, week) row inserted in the transaction that decides to send; the post
happens after the commit, and a post that finally fails gives the claim back so the next sweep
tries again. A week missed while no clock ran is sent once, not once per missed week.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from bot.chat import plan_state
from bot.chat.outcome import Outcome, Post
from bot.chat.services import Services
from bot.plan import (
    ESCALATION_DAYS,
    MAX_LISTED,
    Nudge,
    NudgeLine,
    OverdueCounts,
    compose_nudge,
    due_week,
    nudge_text,
    overdue_for,
    should_post,
    week_key,
)
from bot.storage import plans as store
from bot.storage.models import Plan
from bot.views import blocks as bk
from bot.views import plan as view

log = logging.getLogger(__name__)
ABANDONED = timedelta(minutes=10)  # a claim this old, never sent: its process died between claiming and posting

# (team id, channel id, outcome) -> True when Slack took every message
Poster = Callable[[str, str, Outcome], bool]


@dataclass(frozen=True)
class NudgeMessage:
    """One plan's nudge of one week, and the opted-in people's own lists; Block Kit is built when posted."""

    plan_id: int
    team_id: str
    channel_id: str
    week: str
    nudge: Nudge
    quiet: bool = False  # nothing worth saying: on track and the team turned on-track notes off
    direct: dict[str, list[NudgeLine]] = field(default_factory=dict)

    def outcome(self) -> Outcome:
        """The channel's message."""
        if self.quiet:
            return Outcome()
        text = "\n".join(nudge_text(self.nudge))
        return Outcome([Post(text, view.nudge_message(self.nudge, self.plan_id), thread=False)])

    def direct_outcomes(self) -> list[tuple[str, Outcome]]:
        """Each subscriber's own overdue list, by DM."""
        out = []
        for user, lines in self.direct.items():
            listed = "\n".join(f"• {view.line_text(line)}".replace("\n", " · ") for line in lines)
            text = f"Your overdue activities in <#{self.channel_id}> this week:\n{listed}"
            out.append((user, Outcome([Post(text, bk.message(bk.sections(text)), channel_id=user)])))
        return out

    def text(self) -> str:
        """What would be sent, as plain text (for --dry-run)."""
        lines = [f"#{self.channel_id} ({self.team_id}), week {self.week}:", *nudge_text(self.nudge)]
        lines += [f"  DM to <@{user}>: {len(own)} overdue" for user, own in self.direct.items()]
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
        claimed = store.claimed_weeks(session=session, plan_ids=[p.id for p in plans], stale_before=now - ABANDONED)
    due = []
    for plan in plans:
        if as_if_due:
            week: str | None = week_key(plan_state.today_of(plan, now))
        else:
            week = due_week(now, plan_state.reminder_of(plan), plan.time_zone, since=plan.created_at)
        if week is not None and (as_if_due or (plan.id, week) not in claimed):
            due.append((plan, week))
    return due


def claim(services: Services, due: Iterable[tuple[Plan, str]], *, now: datetime) -> list[tuple[Plan, str]]:
    """The pairs this process won: each claim is a unique row, whoever else tries at the same time.

    A pair claimed long ago and never sent (its process died before posting) is taken over, by one process.
    """
    due = list(due)
    with services.sessions.begin() as session:
        won = store.claim_nudges(session=session, pairs=[(plan.id, week) for plan, week in due], now=now)
        for plan, week in due:
            if (plan.id, week) not in won and store.take_over_nudge(
                session=session, plan_id=plan.id, week=week, stale_before=now - ABANDONED, now=now
            ):
                won.add((plan.id, week))
    return [(plan, week) for plan, week in due if (plan.id, week) in won]


def compose(services: Services, due: Iterable[tuple[Plan, str]], *, now: datetime) -> list[NudgeMessage]:
    """The nudges of the due plans, reading only what a nudge shows: counts, the longest overdue, the next due."""
    due = list(due)
    if not due:
        return []
    days = {plan.id: plan_state.today_of(plan, now) for plan, _ in due}
    by_day: dict[date, list[int]] = {}
    for plan_id, today in days.items():
        by_day.setdefault(today, []).append(plan_id)
    counts: dict[int, tuple[int, int]] = {}
    longest: dict[int, list] = {}
    with services.sessions() as session:
        for today, plan_ids in by_day.items():
            found, rows = store.late_summary(
                session=session,
                plan_ids=plan_ids,
                today=today,
                limit=MAX_LISTED,
                escalated_from=today - timedelta(days=ESCALATION_DAYS),
            )
            counts.update(found)
            longest.update(rows)
        on_track = [plan.id for plan, _ in due if plan.id not in counts]
        upcoming = store.next_items(session=session, plan_ids=on_track, since=min(days.values()))
        roles = store.roles_of_plans(session=session, plan_ids=list(days))
        subscribers = store.subscribers_of_plans(session=session, plan_ids=list(days))
        subscribed_late = store.late_items(
            session=session, plan_ids=list(subscribers), before=max(days.values()) + timedelta(days=1)
        )
    titles = plan_state.titles(services.catalog)
    activity_roles = plan_state.activity_roles(services.catalog)
    messages = []
    for plan, week in due:
        today, assignments = days[plan.id], roles.get(plan.id, {})
        items = plan_state.item_states(longest.get(plan.id, []) + upcoming.get(plan.id, []), activity_roles)
        nudge = compose_nudge(
            items=items,
            titles=titles,
            assignments=assignments,
            today=today,
            week=week,
            windows=plan_state.windows_of(plan),
            percent=_percent(plan),
            counts=OverdueCounts(*counts.get(plan.id, (0, 0))),
        )
        late = plan_state.item_states(subscribed_late.get(plan.id, []), activity_roles)
        direct = {
            user: own
            for user in subscribers.get(plan.id, [])
            if (own := overdue_for(late, titles=titles, assignments=assignments, user=user, today=today))
        }
        messages.append(
            NudgeMessage(
                plan.id,
                plan.team_id,
                plan.channel_id,
                week,
                nudge,
                quiet=not should_post(nudge, plan.on_track_note),
                direct=direct,
            )
        )
    return messages


def _percent(plan: Plan) -> int:
    return round(100 * plan.done_count / plan.scope_count) if plan.scope_count else 0


def deliver_all(services: Services, messages: Iterable[NudgeMessage], post: Poster) -> SweepReport:
    """Post each claimed nudge; a refused one gives its claim back at once, the sent ones are recorded."""
    report = SweepReport()
    quiet: list[tuple[int, str]] = []
    for message in messages:
        where = f"{message.channel_id} {message.week}"
        outcome = message.outcome()
        if not outcome:
            report.quiet += 1
            quiet.append((message.plan_id, message.week))
            continue
        delivered = post(message.team_id, message.channel_id, outcome)
        with services.sessions.begin() as session:  # recorded at once: a crash now cannot make it go out twice
            if delivered:
                store.nudges_sent(session=session, pairs=[(message.plan_id, message.week)], now=services.clock())
            else:
                store.release_nudge(session=session, plan_id=message.plan_id, week=message.week)
        if not delivered:
            log.error("nudge for %s not delivered; the next sweep tries again", where)
            report.failed.append(where)
            continue
        report.sent.append(where)
        for user, own in message.direct_outcomes():
            post(message.team_id, user, own)
    if quiet:  # nothing to say is settled too: no other process takes these over
        with services.sessions.begin() as session:
            store.nudges_sent(session=session, pairs=quiet, now=services.clock())
    return report


def sweep(services: Services, post: Poster) -> SweepReport:
    """The clock's job, about every minute: every plan whose weekly time has passed gets its nudge once."""
    now = services.clock()
    won = claim(services, due_plans(services, now=now), now=now)
    report = deliver_all(services, compose(services, won, now=now), post)
    level = logging.INFO if report.sent or report.failed else logging.DEBUG
    log.log(level, "nudge sweep: %d sent, %d failed, %d quiet", len(report.sent), len(report.failed), report.quiet)
    return report


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
    messages = compose(services, due if force else won, now=now)
    if post is None:
        raise ValueError("nudge_now needs a poster unless it is a dry run")
    return messages, deliver_all(services, messages, post)
