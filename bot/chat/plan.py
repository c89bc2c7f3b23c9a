"""Plan: a channel's implementation plan, its activities, owners and evidence, and the weekly reminder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from bot.chat import plan_state
from bot.chat.context import Context
from bot.chat.outcome import Ephemeral, Outcome, Post, Upload, say
from bot.chat.plan_state import PlanState
from bot.chat.router import Command, Feature
from bot.chat.services import Services
from bot.knowledge.schema import ActivityEntry
from bot.plan import (
    PHASE_NAMES,
    PlanInputError,
    compose_nudge,
    current_phase,
    describe,
    match_role,
    next_due,
    normalize_activity_id,
    overall_percent,
    overdue,
    parse_plan_start,
    parse_reminder,
    parse_snooze,
    parse_time_zone,
    parse_user_mention,
    phase_windows,
    plan_items,
    progress,
    week_key,
)
from bot.plan import export as plan_export
from bot.plan.nudge import NudgeLine
from bot.plan.status import days_overdue, is_escalated, owner_of
from bot.storage import plans as store
from bot.storage.models import Plan
from bot.views import plan as view

NO_PLAN = "This channel has no implementation plan yet: start one with `/iso20k plan start YYYY-MM-DD`."
SubCommand = Callable[[Services, str, Context], Outcome]


# ----- reading -----------------------------------------------------------------------------------------------


def _lines(state: PlanState, services: Services, items, today: date) -> list[NudgeLine]:
    titles = plan_state.titles(services.catalog)
    return [
        NudgeLine(
            activity_id=i.activity_id,
            title=titles.get(i.activity_id, i.activity_id),
            phase=i.phase,
            due=i.effective_due,
            days_overdue=days_overdue(i, today),
            owner=owner_of(i, state.roles),
            escalated=is_escalated(days_overdue(i, today)),
        )
        for i in items
    ]


def _overview(services: Services, ctx: Context, *, phase: int | None = None, mine: bool = False) -> Outcome:
    with services.sessions() as session:
        state = _state(services, session, ctx)
        if state is None:
            return say(NO_PLAN, private=ctx.private)
    today = state.today(services.clock())
    items = [
        i
        for i in state.items
        if (phase is None or i.phase == phase) and (not mine or owner_of(i, state.roles) == ctx.user_id)
    ]
    late = _lines(state, services, [i for i, _ in overdue(items, today)], today)
    upcoming = _lines(state, services, next_due(items, today), today)
    title = (
        "Implementation plan" + (f" · {PHASE_NAMES[phase]}" if phase is not None else "") + (" · mine" if mine else "")
    )
    nudge = describe(plan_state.reminder_of(state.plan), state.plan.time_zone)
    footer = f"Dates in {state.plan.time_zone} · weekly nudge: {nudge} · `/iso20k plan ACTIVITY-ID` shows one activity"
    blocks = view.overview_message(
        plan_id=state.plan.id,
        title=title,
        percent=overall_percent(items),
        progress=progress(items, today),
        windows=state.windows,
        late=late,
        upcoming=upcoming,
        footer=footer,
    )
    return say(f"{title}: {overall_percent(items)}% done, {len(late)} overdue", blocks, private=ctx.private)


def _state(services: Services, session: Session, ctx: Context) -> PlanState | None:
    plan = store.get_plan(session=session, team_id=ctx.team_id, channel_id=ctx.channel_id or "")
    return plan_state.load(session, plan, services.catalog) if plan else None


def show(services: Services, rest: str, ctx: Context) -> Outcome | None:
    """`plan`, `plan phase N`, `plan mine` or `plan ACTIVITY-ID`."""
    word, _, arg = rest.partition(" ")
    if not rest:
        return _overview(services, ctx)
    if word.lower() == "mine":
        return _overview(services, ctx, mine=True)
    if word.lower() == "phase":
        number = arg.strip().removeprefix("0") if arg.strip() != "0" else "0"
        if number not in ("0", "1", "2", "3"):
            raise PlanInputError("Name a phase from 0 (project initiation) to 3, e.g. `plan phase 2`.")
        return _overview(services, ctx, phase=int(number))
    if not _looks_like_activity(services, word):
        return None  # "plan contents?" is a question, not a command
    return _activity(services, rest, ctx)


def _looks_like_activity(services: Services, word: str) -> bool:
    try:
        _activity_id(services, word)
    except PlanInputError:
        return word.lower().startswith("activity-")
    return True


def _activity(services: Services, text: str, ctx: Context) -> Outcome:
    activity_id = _activity_id(services, text)
    entry = services.catalog.get(activity_id)
    assert isinstance(entry, ActivityEntry)
    with services.sessions() as session:
        state = _state(services, session, ctx)
        if state is None:
            return say(NO_PLAN, private=ctx.private)
        changes = store.history(session=session, plan_id=state.plan.id, activity_id=activity_id)
    rows = []
    for row in [r for r in state.rows if r.activity_id == activity_id]:
        item = next(i for i in state.items if i.activity_id == row.activity_id and i.phase == row.phase)
        note = f"done by <@{row.done_by}> on {row.done_at:%d %b %Y}" if row.done_at and row.status == "done" else ""
        note += f" · evidence: {row.evidence}" if row.evidence and row.status == "done" else ""
        note += f"out of scope: {row.skip_reason}" if row.status == "skipped" else ""
        note += f"snoozed until {row.snoozed_until:%d %b %Y}" if row.snoozed_until and row.status == "open" else ""
        rows.append((row.phase, item.effective_due, row.status, owner_of(item, state.roles), note))
    history = [f"{c.at:%d %b} <@{c.user_id}> {c.action}" for c in changes]
    blocks = view.activity_message(entry, rows, history, state.plan.id)
    return say(f"{entry.id} {entry.title}", blocks, private=ctx.private)


def _activity_id(services: Services, text: str) -> str:
    known = [e.id for e in services.catalog.of_kind("activity") if getattr(e, "group", "") != "phase"]
    return normalize_activity_id(text.split(" ", 1)[0], known)


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
    activity_id = _activity_id(services, text)
    rest = text.split(" ", 1)[1].strip() if " " in text.strip() else ""
    with services.sessions.begin() as session:
        state = _state(services, session, ctx)
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

    def act(session: Session, state: PlanState, activity_id: str, evidence: str) -> str:
        row = state.row(activity_id, phase) if phase is not None else _first(state, activity_id, "open")
        if row is None or row.status != "open":
            return Unchanged(
                f"{activity_id} has nothing open in this plan (`/iso20k plan {activity_id}` shows its status)."
            )
        now = services.clock()
        store.update_items(
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
        )
        store.record_change(
            session=session,
            plan_id=state.plan.id,
            activity_id=activity_id,
            user_id=ctx.user_id or "",
            now=now,
            action=f"done ({PHASE_NAMES[row.phase]})",
            detail=evidence,
        )
        proof = f" Evidence: {evidence}" if evidence else " Add evidence next time: `plan done ID <link or note>`."
        return f":white_check_mark: <@{ctx.user_id}> marked *{activity_id}* done for {PHASE_NAMES[row.phase]}.{proof}"

    return _change(services, ctx, text, act)


def undo(services: Services, text: str, ctx: Context) -> Outcome:
    """`plan undo ACTIVITY-ID`: the latest done (or skipped) phase is open again."""

    def act(session: Session, state: PlanState, activity_id: str, _: str) -> str:
        row = _first(state, activity_id, "done", last=True) or _first(state, activity_id, "skipped", last=True)
        if row is None:
            return Unchanged(f"{activity_id} has nothing done or skipped to undo.")
        store.update_items(
            session=session,
            plan_id=state.plan.id,
            activity_id=activity_id,
            phases=[row.phase],
            values={"status": "open", "done_by": None, "done_at": None, "skip_reason": None},
        )
        store.record_change(
            session=session,
            plan_id=state.plan.id,
            activity_id=activity_id,
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
        store.update_items(
            session=session,
            plan_id=state.plan.id,
            activity_id=activity_id,
            phases=[row.phase],
            values={"snoozed_until": until},
        )
        store.record_change(
            session=session,
            plan_id=state.plan.id,
            activity_id=activity_id,
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
        store.update_items(
            session=session,
            plan_id=state.plan.id,
            activity_id=activity_id,
            phases=phases,
            values={"status": "skipped", "skip_reason": reason},
        )
        store.record_change(
            session=session,
            plan_id=state.plan.id,
            activity_id=activity_id,
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
        state = _state(services, session, ctx)
        if state is None:
            return say(NO_PLAN, private=ctx.private)
        if target.lower().startswith("activity-") or target.lower().count("-") >= 2:
            activity_id = _activity_id(services, target)
            phases = [r.phase for r in state.rows if r.activity_id == activity_id]
            store.update_items(
                session=session, plan_id=state.plan.id, activity_id=activity_id, phases=phases, values={"owner": user}
            )
            store.record_change(
                session=session,
                plan_id=state.plan.id,
                activity_id=activity_id,
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


def export(services: Services, _: str, ctx: Context) -> Outcome:
    """`plan export`: every activity with phase, clauses, owner, due date, status and evidence, as CSV."""
    with services.sessions() as session:
        state = _state(services, session, ctx)
        if state is None:
            return say(NO_PLAN, private=ctx.private)
        rows = export_rows(services, state)
    content = plan_export.to_csv(rows).encode()
    return Outcome(
        [
            Upload(
                f"plan-{ctx.channel_id}.csv",
                content,
                "Implementation plan export",
                private=True,
                comment=f"The implementation plan of <#{ctx.channel_id}>: {len(rows)} rows.",
            ),
            Ephemeral("I sent you the plan as a CSV file in a direct message."),
        ]
    )


def export_rows(services: Services, state: PlanState) -> list[dict]:
    """The auditor's view: one row per activity and phase."""
    out = []
    for row, item in zip(state.rows, state.items, strict=True):
        entry = services.catalog.get(row.activity_id)
        out.append(
            {
                "activity_id": row.activity_id,
                "title": entry.title if entry else "",
                "group": getattr(entry, "group", ""),
                "phase": PHASE_NAMES[row.phase],
                "clauses": " ".join(entry.clauses) if entry else "",
                "owner": owner_of(item, state.roles) or "",
                "due": item.effective_due.isoformat(),
                "status": row.status,
                "done_by": row.done_by or "",
                "done_at": row.done_at.isoformat() if row.done_at else "",
                "evidence": row.evidence or "",
                "skip_reason": row.skip_reason or "",
            }
        )
    return out


# ----- the weekly reminder -----------------------------------------------------------------------------------


def remind(services: Services, text: str, ctx: Context) -> Outcome | None:
    """`remind DAY HH:MM [TZ]`, `remind off`, `remind` (the setting), `remind me` / `remind me off`,
    `remind on-track on|off` (the note in weeks with nothing overdue)."""
    words = text.lower().split()
    with services.sessions.begin() as session:
        plan = store.get_plan(session=session, team_id=ctx.team_id, channel_id=ctx.channel_id or "")
        if plan is None:
            return say(NO_PLAN, private=ctx.private)
        if words[:1] == ["me"]:
            on = words[1:2] != ["off"]
            store.subscribe(session=session, plan_id=plan.id, user_id=ctx.user_id or "", on=on)
            return say(
                "You will get your own overdue list by DM with each weekly nudge."
                if on
                else "You will no longer get your own list by DM.",
                private=True,
            )
        if words[:1] == ["on-track"]:
            plan.on_track_note = words[1:2] != ["off"]
            state = "a short on-track note" if plan.on_track_note else "nothing"
            return say(f"Weeks with nothing overdue now get {state}.", private=ctx.private)
        if text.strip():
            reminder = parse_reminder(text)
            store.set_reminder(
                session=session,
                plan_id=plan.id,
                weekday=reminder.weekday,
                at=reminder.at.strftime("%H:%M"),
                time_zone=reminder.tz,
                enabled=reminder.enabled,
            )
            store.record_change(
                session=session,
                plan_id=plan.id,
                activity_id=None,
                user_id=ctx.user_id or "",
                now=services.clock(),
                action="reminder",
                detail=text,
            )
            session.refresh(plan)
        setting = describe(plan_state.reminder_of(plan), plan.time_zone)
    prefix = "Weekly nudge" if not text.strip() else f"<@{ctx.user_id}> set the weekly nudge to"
    return say(
        f"{prefix}: {setting}. Change it with `/iso20k remind DAY HH:MM [TZ]` or `/iso20k remind off`.",
        private=ctx.private,
    )


def preview_nudge(services: Services, rest: str, ctx: Context) -> Outcome:
    """`nudge`: this week's nudge of the channel's plan, shown only to the asker; nothing is claimed."""
    from bot.chat import nudges

    with services.sessions() as session:
        plan = store.get_plan(session=session, team_id=ctx.team_id, channel_id=ctx.channel_id or "")
    if plan is None:
        return say(NO_PLAN, private=True)
    now = services.clock()
    [message] = nudges.compose(services, [(plan, week_key(plan_state.today_of(plan, now)))], now=now)
    if not message.outcome:
        return say("This week's nudge would be quiet: nothing is overdue and on-track notes are off.", private=True)
    post = message.outcome.effects[0]
    assert isinstance(post, Post)
    return Outcome([Ephemeral(post.text, post.blocks)])


# ----- buttons -----------------------------------------------------------------------------------------------


def _item_of(value: str) -> tuple[int, str, int]:
    plan_id, activity_id, phase = value.split("|")
    return int(plan_id), activity_id, int(phase)


def _clicked_plan_matches(services: Services, ctx: Context, plan_id: int) -> bool:
    with services.sessions() as session:
        plan = store.get_plan(session=session, team_id=ctx.team_id, channel_id=ctx.channel_id or "")
        return plan is not None and plan.id == plan_id


def click_done(services: Services, value: str, ctx: Context) -> Outcome:
    """Done on a listed activity: that phase is done; a repeated click says so and changes nothing."""
    return _click(services, value, ctx, lambda activity_id, phase: done(services, activity_id, ctx, phase=phase))


def click_snooze(services: Services, value: str, ctx: Context) -> Outcome:
    return _click(
        services, value, ctx, lambda activity_id, phase: snooze(services, f"{activity_id} 1w", ctx, phase=phase)
    )


def _click(services: Services, value: str, ctx: Context, act: Callable[[str, int], Outcome]) -> Outcome:
    try:
        plan_id, activity_id, phase = _item_of(value)
    except ValueError:
        return say("That button no longer works.", private=True)
    if not _clicked_plan_matches(services, ctx, plan_id):
        return say("That plan no longer exists in this channel.", private=True)
    return act(activity_id, phase)


def click_replace(services: Services, value: str, ctx: Context) -> Outcome:
    """Reschedule confirmed: the plan's dates move, its progress stays."""
    try:
        return start(services, value, ctx, confirmed=True)
    except PlanInputError as exc:
        return say(str(exc), private=True)


def click_keep(services: Services, value: str, ctx: Context) -> Outcome:
    return Outcome([Ephemeral("Kept the current plan.", replace=True)])


def click_all(services: Services, value: str, ctx: Context) -> Outcome:
    """See all: every overdue activity of the plan, privately, with their buttons."""
    with services.sessions() as session:
        state = _state(services, session, ctx)
    if state is None or str(state.plan.id) != value:
        return say("That plan no longer exists in this channel.", private=True)
    now = services.clock()
    today = state.today(now)
    nudge = compose_nudge(
        items=state.items,
        titles=plan_state.titles(services.catalog),
        assignments=state.roles,
        today=today,
        week=week_key(today),
        windows=state.windows,
    )
    lines = _lines(state, services, [i for i, _ in overdue(state.items, today)], today)
    blocks = view.nudge_message(nudge, state.plan.id, show_all=True, lines=lines[:20])
    return Outcome([Ephemeral(f"{len(lines)} overdue activities", blocks)])


# ----- the feature -------------------------------------------------------------------------------------------

SUBCOMMANDS: dict[str, SubCommand] = {
    "start": start,
    "done": done,
    "undo": undo,
    "snooze": snooze,
    "skip": skip,
    "assign": assign,
    "export": export,
    "tz": set_time_zone,
}


def run_plan(services: Services, rest: str, ctx: Context) -> Outcome | None:
    """`plan ...`: a subcommand; bad input gets a reply that says what was expected and changes nothing."""
    word, _, arg = rest.partition(" ")
    if ctx.channel_id is None:
        return say("Plans live in channels: use this in your project's channel.", private=True)
    try:
        command = SUBCOMMANDS.get(word.lower())
        return command(services, arg.strip(), ctx) if command else show(services, rest, ctx)
    except PlanInputError as exc:
        return say(str(exc), private=True)


def run_remind(services: Services, rest: str, ctx: Context) -> Outcome | None:
    try:
        return remind(services, rest, ctx)
    except PlanInputError as exc:
        return say(str(exc), private=True)


def home_section(services: Services, ctx: Context) -> list:
    """The workspace's plans: channel, % done, overdue, current phase."""
    now = services.clock()
    rows = []
    with services.sessions() as session:
        for plan in store.plans(session=session, team_id=ctx.team_id):
            state = plan_state.load(session, plan, services.catalog)
            today = state.today(now)
            phase = current_phase(state.windows, today)
            rows.append(
                (
                    plan.channel_id,
                    overall_percent(state.items),
                    len(overdue(state.items, today)),
                    PHASE_NAMES[phase] if phase is not None else "outside its phases",
                )
            )
    return view.home_section(rows)


FEATURE = Feature(
    name="plan",
    title="Plan",
    blurb="run the three-phase implementation plan from your project channel; I post a weekly nudge with what is "
    "overdue.",
    commands=(
        Command(
            "plan",
            run_plan,
            "plan start YYYY-MM-DD [--weeks 12,12,12] [--initiation 4]",
            "create the channel's plan: project initiation, then phases 1-3 (rerun to reschedule; progress is kept)",
        ),
        Command("nudge", preview_nudge, "nudge", "preview this week's nudge of the channel's plan (only you see it)"),
        Command(
            "remind",
            run_remind,
            "remind [DAY HH:MM [TZ] | off | me | on-track off]",
            "the weekly nudge (default Monday 09:00 in the plan's time zone); `remind me` adds your own DM",
        ),
    ),
    actions={
        "done": click_done,
        "snooze": click_snooze,
        "replace": click_replace,
        "keep": click_keep,
        "all": click_all,
    },
    examples=(
        "plan",
        "plan phase 1",
        "plan mine",
        "plan done activity-incident-management-a https://wiki/x",
        "plan assign top management @dana",
        "plan snooze activity-change-management-c 2w",
        "plan export",
    ),
    home=home_section,
    guide=(
        (
            "plan [phase N | mine | ACTIVITY-ID]",
            "progress by phase and what is overdue, one phase, yours, or one activity",
        ),
        ("plan done ACTIVITY-ID [evidence]", "mark it done, with a link or note as evidence (`plan undo ID` reopens)"),
        ("plan snooze ACTIVITY-ID 1w|2w|YYYY-MM-DD", "due later"),
        ("plan skip ACTIVITY-ID REASON", "out of scope: never nagged about"),
        ("plan assign ROLE|ACTIVITY-ID @person", "who owns a role (top management, project team ...) or one activity"),
        ("plan export", "every activity with owner, due date, status and evidence, as CSV, for auditors"),
        ("plan tz ZONE", "the plan's time zone, e.g. Europe/Paris"),
    ),
)
