"""Plan: a channel's implementation plan, its activities, owners and evidence, and the weekly reminder."""

from __future__ import annotations

from collections.abc import Callable

from bot.chat import plan_state
from bot.chat.context import Context
from bot.chat.outcome import Ephemeral, Outcome, say
from bot.chat.plan_read import NO_PLAN, export, home_section, lines_of, preview_nudge, show, state_of
from bot.chat.plan_write import (
    assign,
    done,
    evidence_form,
    save_evidence,
    set_time_zone,
    skip,
    snooze,
    start,
    undo,
)
from bot.chat.router import Command, Feature
from bot.chat.services import Services
from bot.plan import (
    PlanInputError,
    compose_nudge,
    describe,
    overdue,
    parse_reminder,
    week_key,
)
from bot.storage import plans as store
from bot.views import plan as view

SubCommand = Callable[[Services, str, Context], Outcome | None]


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


# ----- buttons -----------------------------------------------------------------------------------------------


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
        plan_id, activity_id, phase = view.parse_item_value(value)
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
        state = state_of(services, session, ctx)
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
    lines = lines_of(state, services, [i for i, _ in overdue(state.items, today)], today)
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
        "evidence_form": evidence_form,
        "evidence": save_evidence,
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
