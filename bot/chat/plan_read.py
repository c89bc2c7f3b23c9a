"""Plan, reading: progress by phase, one activity, the export, the Home tab and the nudge preview."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from bot.chat import plan_state
from bot.chat.context import Context
from bot.chat.outcome import Ephemeral, Outcome, Post, Upload, say
from bot.chat.plan_state import PlanState
from bot.chat.services import Services
from bot.knowledge.schema import ActivityEntry
from bot.plan import (
    PHASE_NAMES,
    PlanInputError,
    current_phase,
    describe,
    next_due,
    normalize_activity_id,
    overall_percent,
    overdue,
    progress,
    week_key,
)
from bot.plan import export as plan_export
from bot.plan.nudge import NudgeLine
from bot.plan.status import days_overdue, is_escalated, owner_of
from bot.storage import plans as store
from bot.views import plan as view

NO_PLAN = "This channel has no implementation plan yet: start one with `/iso20k plan start YYYY-MM-DD`."


# ----- reading -----------------------------------------------------------------------------------------------


def lines_of(state: PlanState, services: Services, items, today: date) -> list[NudgeLine]:
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
        state = state_of(services, session, ctx)
        if state is None:
            return say(NO_PLAN, private=ctx.private)
    today = state.today(services.clock())
    items = [
        i
        for i in state.items
        if (phase is None or i.phase == phase) and (not mine or owner_of(i, state.roles) == ctx.user_id)
    ]
    late = lines_of(state, services, [i for i, _ in overdue(items, today)], today)
    upcoming = lines_of(state, services, next_due(items, today), today)
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


def state_of(services: Services, session: Session, ctx: Context, *, to_change: bool = False) -> PlanState | None:
    """The channel's plan and its items; `to_change` holds the plan until the transaction ends.

    Changes of one plan then run one after the other, each reading what the one before wrote: a click that
    reaches two processes at once acts once.
    """
    plan = store.get_plan(session=session, team_id=ctx.team_id, channel_id=ctx.channel_id or "")
    if plan is None:
        return None
    if to_change:
        store.lock_plan(session=session, plan=plan)
    return plan_state.load(session, plan, services.catalog)


def show(services: Services, rest: str, ctx: Context) -> Outcome | None:
    """`plan`, `plan phase N`, `plan mine` or `plan ACTIVITY-ID`."""
    word, _, arg = rest.partition(" ")
    if not rest:
        return _overview(services, ctx)
    if word.lower() == "mine":
        return _overview(services, ctx, mine=True)
    if word.lower() == "phase":
        if arg.strip() not in ("0", "1", "2", "3"):
            raise PlanInputError("Name a phase from 0 (project initiation) to 3, e.g. `plan phase 2`.")
        return _overview(services, ctx, phase=int(arg.strip()))
    if not _looks_like_activity(services, word):
        return None  # "plan contents?" is a question, not a command
    return _activity(services, rest, ctx)


def _looks_like_activity(services: Services, word: str) -> bool:
    try:
        activity_id_of(services, word)
    except PlanInputError:
        return word.lower().startswith("activity-")
    return True


def _activity(services: Services, text: str, ctx: Context) -> Outcome:
    activity_id = activity_id_of(services, text)
    entry = services.catalog.get(activity_id)
    assert isinstance(entry, ActivityEntry)
    with services.sessions() as session:
        state = state_of(services, session, ctx)
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


def activity_id_of(services: Services, text: str) -> str:
    known = [e.id for e in services.catalog.of_kind("activity") if getattr(e, "group", "") != "phase"]
    return normalize_activity_id(text.split(" ", 1)[0], known)


def export(services: Services, _: str, ctx: Context) -> Outcome:
    """`plan export`: every activity with phase, clauses, owner, due date, status and evidence, as CSV."""
    with services.sessions() as session:
        state = state_of(services, session, ctx)
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


def preview_nudge(services: Services, rest: str, ctx: Context) -> Outcome:
    """`nudge`: this week's nudge of the channel's plan, shown only to the asker; nothing is claimed."""
    from bot.chat import nudges

    with services.sessions() as session:
        plan = store.get_plan(session=session, team_id=ctx.team_id, channel_id=ctx.channel_id or "")
    if plan is None:
        return say(NO_PLAN, private=True)
    now = services.clock()
    [message] = nudges.compose(services, [(plan, week_key(plan_state.today_of(plan, now)))], now=now)
    if message.quiet:
        return say("This week's nudge would be quiet: nothing is overdue and on-track notes are off.", private=True)
    post = message.outcome().effects[0]
    assert isinstance(post, Post)
    return Outcome([Ephemeral(post.text, post.blocks)])


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
