"""Plan, changing: start or reschedule, done, undo, snooze, skip, assign, time zone; every change recorded."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy.orm import Session

from bot.chat import plan_state
from bot.chat.context import Context
from bot.chat.outcome import Ephemeral, Form, Outcome, Post, say
from bot.chat.plan_read import NO_PLAN, activity_id_of, state_of
from bot.chat.plan_state import PlanState
from bot.chat.services import Services
from bot.plan import (
    PHASE_NAMES,
    PlanInputError,
    describe,
    match_role,
    parse_plan_start,
    parse_snooze,
    parse_time_zone,
    parse_user_mention,
    phase_windows,
    plan_items,
)
from bot.storage import plans as store
from bot.storage.models import Plan
from bot.views import plan as view

# ----- changing ----------------------------------------------------------------------------------------------


def start(services: Services, rest: str, ctx: Context, *, confirmed: bool = False) -> Outcome:
    """`plan start YYYY-MM-DD [--weeks a,b,c] [--initiation N]`: create, or reschedule after a confirm."""
    args = parse_plan_start(rest)
    now = services.clock()
    with services.sessions.begin() as session:
        existing = store.get_plan(session=session, team_id=ctx.team_id, channel_id=ctx.channel_id or "")
        if existing is not None and not confirmed:
            kept = sum(1 for r in store.items(session=session, plan_id=existing.id) if r.status != "open" or r.owner)
            return Outcome(
                [Ephemeral("This channel already has a plan", view.replace_question(rest, progress_kept=kept))]
            )
        if existing is not None and not _may_replace(services, existing, ctx):
            return say(
                f"Only the plan's creator (<@{existing.created_by}>) or a workspace admin can reschedule it.",
                private=True,
            )
        zone = existing.time_zone if existing else _zone_of(services, ctx)
        windows = phase_windows(args.start, args.weeks, args.initiation_weeks)
        due = plan_items(plan_state.activities(services.catalog), windows)
        schedule = store.Schedule(
            start=args.start,
            initiation_weeks=args.initiation_weeks,
            weeks=args.weeks,
            items=[(i.activity_id, i.phase, i.due) for i in due],
        )
        plan, replaced = store.save_plan(
            session=session,
            team_id=ctx.team_id,
            channel_id=ctx.channel_id or "",
            schedule=schedule,
            time_zone=zone,
            user_id=ctx.user_id or "console",
            now=now,
        )
        count = len(schedule.items)
    verb = "rescheduled" if replaced else "started"
    activities = len({activity_id for activity_id, _, _ in schedule.items})
    lines = [
        f"<@{ctx.user_id}> {verb} the implementation plan of this channel: {activities} activities, "
        f"{count} due dates across the phases."
    ]
    lines += [f"• *{w.name}*: {w.start:%a %d %b %Y} – {w.end:%a %d %b %Y}" for w in windows]
    lines += [
        f"Weekly nudge: {describe(plan_state.reminder_of(plan), zone)}. Next: `/iso20k plan assign top management "
        "@someone`, then `/iso20k plan` to see progress."
    ]
    text = "\n".join(lines)
    effects: list = [Post(text, view.bk.message(view.bk.sections(text)), thread=not ctx.private)]
    if ctx.private:
        effects.append(Ephemeral(f"Plan {verb}.", replace=confirmed))
    return Outcome(effects)


def _may_replace(services: Services, plan: Plan, ctx: Context) -> bool:
    return ctx.user_id == plan.created_by or (
        ctx.user_id is not None and services.people.is_admin(ctx.team_id, ctx.user_id)
    )


def _zone_of(services: Services, ctx: Context) -> str:
    zone = services.people.time_zone(ctx.team_id, ctx.user_id) if ctx.user_id else None
    try:
        return parse_time_zone(zone) if zone else "UTC"
    except PlanInputError:
        return "UTC"


class Unchanged(str):
    """A reply that says nothing changed: only the requester sees it."""


def _change(services: Services, ctx: Context, text: str, act: Callable[[Session, PlanState, str, str], str]) -> Outcome:
    """Run one change of one activity in a transaction; the reply says what changed, for the channel."""
    activity_id = activity_id_of(services, text)
    rest = text.split(" ", 1)[1].strip() if " " in text.strip() else ""
    with services.sessions.begin() as session:
        state = state_of(services, session, ctx, to_change=True)
        if state is None:
            return say(NO_PLAN, private=ctx.private)
        message = act(session, state, activity_id, rest)
    return say(message, private=ctx.private or isinstance(message, Unchanged))


def _first(state: PlanState, activity_id: str, status: str, *, last: bool = False):
    rows = [r for r in state.rows if r.activity_id == activity_id and r.status == status]
    if not rows:
        return None
    return rows[-1] if last else rows[0]


def done(services: Services, text: str, ctx: Context, *, phase: int | None = None) -> Outcome:
    """`plan done ACTIVITY-ID [evidence]`: the earliest open phase of the activity is done."""
    marked: list[str] = []

    def act(session: Session, state: PlanState, activity_id: str, evidence: str) -> str:
        row = state.row(activity_id, phase) if phase is not None else _first(state, activity_id, "open")
        if row is None or row.status != "open":
            return Unchanged(
                f"{activity_id} has nothing open in this plan (`/iso20k plan {activity_id}` shows its status)."
            )
        marked.append(view.item_value(state.plan.id, activity_id, row.phase))
        now = services.clock()
        store.change_items(
            session=session,
            plan_id=state.plan.id,
            activity_id=activity_id,
            phases=[row.phase],
            values={
                "status": "done",
                "done_by": ctx.user_id,
                "done_at": now,
                "evidence": evidence.removeprefix("evidence:").strip() or None,
            },
            user_id=ctx.user_id or "",
            now=now,
            action=f"done ({PHASE_NAMES[row.phase]})",
            detail=evidence,
        )
        proof = f" Evidence: {evidence}" if evidence else " Add evidence with the button below."
        return f":white_check_mark: <@{ctx.user_id}> marked *{activity_id}* done for {PHASE_NAMES[row.phase]}.{proof}"

    outcome = _change(services, ctx, text, act)
    if not marked:
        return outcome
    [reply] = outcome.effects
    text = getattr(reply, "text", "")
    return say(text, view.done_message(text, marked[0]), private=ctx.private)


def save_evidence(services: Services, value: str, ctx: Context) -> Outcome:
    """The evidence form: a link or note kept with a done activity, for the auditor."""
    try:
        submitted = json.loads(value)
        plan_id, activity_id, phase = view.parse_item_value(submitted["context"])
        evidence = " ".join(str(submitted["values"].get("evidence", "")).split())[:2000]
    except (ValueError, KeyError, TypeError, AttributeError):
        return say("That form no longer works.", private=True)
    if not evidence:
        return say("No evidence was entered, so nothing changed.", private=True)
    with services.sessions.begin() as session:
        state = state_of(services, session, ctx)
        row = state.row(activity_id, phase) if state is not None and state.plan.id == plan_id else None
        if state is None or row is None:
            return say("That plan no longer exists in this channel.", private=True)
        store.change_items(
            session=session,
            plan_id=plan_id,
            activity_id=activity_id,
            phases=[phase],
            values={"evidence": evidence},
            user_id=ctx.user_id or "",
            now=services.clock(),
            action="evidence",
            detail=evidence,
        )
    return say(f":paperclip: <@{ctx.user_id}> added evidence to *{activity_id}* ({PHASE_NAMES[phase]}): {evidence}")


def evidence_form(services: Services, value: str, ctx: Context) -> Outcome:
    """The `Add evidence` button: a form for a link or a note."""
    try:
        _, activity_id, _ = view.parse_item_value(value)
    except ValueError:
        return say("That button no longer works.", private=True)
    return Outcome(
        [
            Form(
                callback="plan:evidence",
                title="Add evidence",
                context=value,
                submit="Save",
                intro=f"Evidence that *{activity_id}* is done: a link to the document, ticket or record, "
                "or a short note. Auditors see it in `plan export`.",
                fields=(("evidence", "Link or note", "https://wiki.example.com/..."),),
            )
        ]
    )


def undo(services: Services, text: str, ctx: Context) -> Outcome:
    """`plan undo ACTIVITY-ID`: the latest done (or skipped) phase is open again."""

    def act(session: Session, state: PlanState, activity_id: str, _: str) -> str:
        row = _first(state, activity_id, "done", last=True) or _first(state, activity_id, "skipped", last=True)
        if row is None:
            return Unchanged(f"{activity_id} has nothing done or skipped to undo.")
        store.change_items(
            session=session,
            plan_id=state.plan.id,
            activity_id=activity_id,
            phases=[row.phase],
            values={"status": "open", "done_by": None, "done_at": None, "skip_reason": None},
            user_id=ctx.user_id or "",
            now=services.clock(),
            action=f"reopened ({PHASE_NAMES[row.phase]})",
        )
        return f"<@{ctx.user_id}> reopened *{activity_id}* ({PHASE_NAMES[row.phase]}); its evidence is kept."

    return _change(services, ctx, text, act)


def snooze(services: Services, text: str, ctx: Context, *, phase: int | None = None) -> Outcome:
    """`plan snooze ACTIVITY-ID 1w|2w|YYYY-MM-DD`: the open phase is due later."""

    def act(session: Session, state: PlanState, activity_id: str, until_text: str) -> str:
        row = state.row(activity_id, phase) if phase is not None else _first(state, activity_id, "open")
        if row is None or row.status != "open":
            return Unchanged(f"{activity_id} has nothing open to snooze.")
        until = parse_snooze(until_text or "1w", state.today(services.clock()))
        store.change_items(
            session=session,
            plan_id=state.plan.id,
            activity_id=activity_id,
            phases=[row.phase],
            values={"snoozed_until": until},
            user_id=ctx.user_id or "",
            now=services.clock(),
            action="snoozed",
            detail=f"until {until.isoformat()}",
        )
        return f":zzz: <@{ctx.user_id}> snoozed *{activity_id}* until {until:%a %d %b %Y}."

    return _change(services, ctx, text, act)


def skip(services: Services, text: str, ctx: Context) -> Outcome:
    """`plan skip ACTIVITY-ID REASON`: out of the plan's scope, never nagged about."""

    def act(session: Session, state: PlanState, activity_id: str, reason: str) -> str:
        if not reason:
            raise PlanInputError(f"Say why {activity_id} is out of scope: `plan skip {activity_id} REASON`.")
        phases = [r.phase for r in state.rows if r.activity_id == activity_id and r.status == "open"]
        store.change_items(
            session=session,
            plan_id=state.plan.id,
            activity_id=activity_id,
            phases=phases,
            values={"status": "skipped", "skip_reason": reason},
            user_id=ctx.user_id or "",
            now=services.clock(),
            action="out of scope",
            detail=reason,
        )
        return f"<@{ctx.user_id}> put *{activity_id}* out of scope: {reason}"

    return _change(services, ctx, text, act)


def assign(services: Services, text: str, ctx: Context) -> Outcome:
    """`plan assign ROLE @user` or `plan assign ACTIVITY-ID @user`."""
    target, _, mention = text.rpartition(" ")
    if not target:
        raise PlanInputError("Use `plan assign ROLE @person` or `plan assign ACTIVITY-ID @person`.")
    user = parse_user_mention(mention)
    now = services.clock()
    with services.sessions.begin() as session:
        state = state_of(services, session, ctx)
        if state is None:
            return say(NO_PLAN, private=ctx.private)
        if target.lower().startswith("activity-") or target.lower().count("-") >= 2:
            activity_id = activity_id_of(services, target)
            phases = [r.phase for r in state.rows if r.activity_id == activity_id]
            store.change_items(
                session=session,
                plan_id=state.plan.id,
                activity_id=activity_id,
                phases=phases,
                values={"owner": user},
                user_id=ctx.user_id or "",
                now=now,
                action="assigned",
                detail=f"<@{user}>",
            )
            return say(f"<@{user}> now owns *{activity_id}* (assigned by <@{ctx.user_id}>).", private=ctx.private)
        role = match_role(target, plan_state.plan_roles(services.catalog))
        store.assign_role(
            session=session, plan_id=state.plan.id, role=role, user_id=user, by=ctx.user_id or "", now=now
        )
        owned = sum(1 for i in state.items if role in i.roles and not i.owner)
    return say(
        f"<@{user}> is now *{role}* of this plan: {owned} activities (assigned by <@{ctx.user_id}>).",
        private=ctx.private,
    )


def set_time_zone(services: Services, text: str, ctx: Context) -> Outcome:
    """`plan tz ZONE`: the plan's dates and reminder are in this zone."""
    zone = parse_time_zone(text)
    with services.sessions.begin() as session:
        plan = store.get_plan(session=session, team_id=ctx.team_id, channel_id=ctx.channel_id or "")
        if plan is None:
            return say(NO_PLAN, private=ctx.private)
        plan.time_zone = zone
        store.record_change(
            session=session,
            plan_id=plan.id,
            activity_id=None,
            user_id=ctx.user_id or "",
            now=services.clock(),
            action="time zone",
            detail=zone,
        )
    return say(f"The plan's dates and weekly nudge are now in {zone}.", private=ctx.private)
