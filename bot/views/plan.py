"""Block Kit of the implementation plan: progress, one activity, the weekly nudge, the replace question."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from slack_sdk.models.blocks import Block

from bot.knowledge.schema import ActivityEntry
from bot.plan import PHASE_NAMES, Nudge, NudgeLine, PhaseProgress, PhaseWindow, bar
from bot.views import blocks as bk

ACTION_DONE = "plan:done"
ACTION_SNOOZE = "plan:snooze"
ACTION_REPLACE = "plan:replace"
ACTION_KEEP = "plan:keep"
ACTION_ALL = "plan:all"
LISTED = 10


ACTION_EVIDENCE_FORM = "plan:evidence_form"


def item_value(plan_id: int, activity_id: str, phase: int) -> str:
    """The button value naming one item of one plan."""
    return f"{plan_id}|{activity_id}|{phase}"


def parse_item_value(value: str) -> tuple[int, str, int]:
    """(plan id, activity id, phase) from a button value; ValueError for anything else."""
    plan_id, activity_id, phase = value.split("|")
    return int(plan_id), activity_id, int(phase)


def done_message(text: str, value: str) -> list[dict]:
    """An activity marked done, with a button to add (or replace) its evidence."""
    return bk.message([*bk.sections(text), bk.actions([bk.button("Add evidence", ACTION_EVIDENCE_FORM, value)])])


def _who(user: str | None) -> str:
    return f"<@{user}>" if user else "_no owner yet_"


def _day(day: date) -> str:
    return day.strftime("%a %d %b %Y")


def _late(days: int) -> str:
    return "1 day late" if days == 1 else f"{days} days late"


def line_text(line: NudgeLine, *, late: bool = True) -> str:
    """One item: id, title, owner and how late (or when due)."""
    when = _late(line.days_overdue) if late else f"due {_day(line.due)}"
    flag = " :rotating_light:" if late and line.escalated else ""
    return f"*{bk.escape(line.activity_id)}* {bk.escape(line.title)}\n{_who(line.owner)} · {when}{flag}"


def _item_buttons(plan_id: int, line: NudgeLine, n: int) -> Block:
    value = item_value(plan_id, line.activity_id, line.phase)
    return bk.actions(
        [
            bk.button("Done", f"{ACTION_DONE}:{n}", value, "primary"),
            bk.button("Snooze 1 week", f"{ACTION_SNOOZE}:{n}", value),
        ]
    )


def _listed(plan_id: int, lines: Sequence[NudgeLine], *, limit: int = LISTED) -> list[Block]:
    out: list[Block] = []
    phase = None
    for n, line in enumerate(lines[:limit]):
        if line.phase != phase:
            phase = line.phase
            out += bk.sections(f"*{PHASE_NAMES[phase]}*")
        out += [*bk.sections(line_text(line)), _item_buttons(plan_id, line, n)]
    return out


def progress_lines(progress: Sequence[PhaseProgress], windows: Sequence[PhaseWindow]) -> str:
    ends = {w.phase: w for w in windows}
    rows = []
    for p in progress:
        window = ends[p.phase]
        rows.append(
            f"`{bar(p.percent)}` *{PHASE_NAMES[p.phase]}* {p.percent}% · {p.done} done, {p.open} open"
            f"{f', {p.overdue} overdue' if p.overdue else ''}{f', {p.skipped} out of scope' if p.skipped else ''}"
            f" · {window.start:%d %b} – {window.end:%d %b %Y}"
        )
    return "\n".join(rows)


def overview_message(
    *,
    plan_id: int,
    title: str,
    percent: int,
    progress: Sequence[PhaseProgress],
    windows: Sequence[PhaseWindow],
    late: Sequence[NudgeLine],
    upcoming: Sequence[NudgeLine],
    footer: str,
) -> list[dict]:
    """`plan`, `plan phase N`, `plan mine`: progress by phase, what is overdue (with Done buttons), what is next."""
    out: list[Block] = [bk.header(title), *bk.sections(f"*{percent}% done*\n" + progress_lines(progress, windows))]
    if late:
        owners: dict[str, int] = {}
        for line in late:
            owners[_who(line.owner)] = owners.get(_who(line.owner), 0) + 1
        by_owner = ", ".join(f"{who} {count}" for who, count in owners.items())
        out += [bk.divider(), *bk.sections(f"*Overdue: {len(late)}* (by owner: {by_owner})")]
        out += _listed(plan_id, late)
        if len(late) > LISTED:
            out.append(bk.context(f"…and {len(late) - LISTED} more overdue: `/iso20k plan phase N` lists one phase."))
    if upcoming:
        out += [
            bk.divider(),
            *bk.sections(
                "*Next due*\n" + "\n".join(f"• {line_text(line, late=False)}".replace("\n", " · ") for line in upcoming)
            ),
        ]
    out.append(bk.context(footer))
    return bk.message(out)


def activity_message(
    entry: ActivityEntry, rows: Sequence[tuple[int, date, str, str | None, str]], history: Sequence[str], plan_id: int
) -> list[dict]:
    """One activity of the plan: what it is, who, each phase's due date and status, its history."""
    out: list[Block] = [
        bk.header(f"{entry.id} · {entry.title}"),
        *bk.sections(bk.escape(bk.clip(entry.summary, 1500))),
        bk.context(f"Who: {', '.join(entry.who) or '-'} · clauses {', '.join(entry.clauses)}"),
    ]
    for phase, due, status, owner, note in rows:
        out += bk.sections(
            f"*{PHASE_NAMES[phase]}* · due {_day(due)} · *{status}* · {_who(owner)}" + (f"\n{note}" if note else "")
        )
    open_rows = [r for r in rows if r[2] == "open"]
    if open_rows:
        phase = open_rows[0][0]
        value = item_value(plan_id, entry.id, phase)
        out.append(
            bk.actions(
                [
                    bk.button("Done", f"{ACTION_DONE}:0", value, "primary"),
                    bk.button("Snooze 1 week", f"{ACTION_SNOOZE}:0", value),
                ]
            )
        )
    if history:
        out.append(bk.context("History: " + " · ".join(history[:8])))
    out.append(bk.context(f"Ask about it: `@iso20k {entry.id}` · related clauses: {', '.join(entry.clauses)}"))
    return bk.message(out)


def nudge_message(nudge: Nudge, plan_id: int, *, show_all: bool = False, lines: Sequence[NudgeLine] = ()) -> list[dict]:
    """The weekly nudge: how the plan stands, the overdue items by phase with Done / Snooze buttons."""
    where = PHASE_NAMES[nudge.phase] if nudge.phase is not None else "outside the plan's phases"
    out: list[Block] = [
        bk.header(f"Weekly plan check · {nudge.week}"),
        *bk.sections(f"`{bar(nudge.percent)}` *{nudge.percent}% done* · now in {where}"),
    ]
    if nudge.on_track:
        text = "*On track:* nothing is overdue. :tada:"
        if nudge.upcoming:
            text += "\n*Next due*\n" + "\n".join(
                f"• {line_text(u, late=False)}".replace("\n", " · ") for u in nudge.upcoming
            )
        return bk.message([*out, *bk.sections(text)])
    count = "1 activity is" if nudge.total_overdue == 1 else f"{nudge.total_overdue} activities are"
    out += bk.sections(f"*{count} overdue*, the longest first.")
    if nudge.escalated:
        who = (
            f"<@{nudge.escalate_to}>"
            if nudge.escalate_to
            else "top management (no one holds the role yet: `/iso20k plan assign top management @someone`)"
        )
        out += bk.sections(
            f":rotating_light: {nudge.escalated} overdue four weeks or more: {who}, please help clear them."
        )
    shown = list(lines) if show_all else list(nudge.lines)
    out += _listed(plan_id, shown, limit=len(shown) if show_all else LISTED)
    if nudge.hidden and not show_all:
        out += [
            bk.context(f"…and {nudge.hidden} more overdue."),
            bk.actions([bk.button(f"See all {nudge.total_overdue}", ACTION_ALL, str(plan_id))]),
        ]
    return bk.message(out)


def replace_question(start_text: str, *, progress_kept: int) -> list[dict]:
    """The confirm before a plan is rescheduled: what happens to recorded progress."""
    text = (
        f"This channel already has an implementation plan. Reschedule it as `plan start {bk.escape(start_text)}`?"
        f" The {progress_kept} activities already done, skipped or assigned keep their status and evidence;"
        " only the due dates move."
    )
    return bk.message(
        [
            *bk.sections(text),
            bk.actions(
                [
                    bk.button("Reschedule", ACTION_REPLACE, start_text, "danger"),
                    bk.button("Keep the current plan", ACTION_KEEP, "keep"),
                ]
            ),
        ]
    )


def home_section(rows: Sequence[tuple[str, int, int, str]]) -> list[Block]:
    """The workspace's plans on the Home tab: channel, % done, overdue count, current phase."""
    if not rows:
        return [*bk.sections("*Implementation plans*\nNo plan yet: `/iso20k plan start YYYY-MM-DD` in a channel.")]
    lines = [
        f"• <#{channel}> `{bar(percent)}` {percent}% · {overdue} overdue · {phase}"
        for channel, percent, overdue, phase in rows[:20]
    ]
    return [*bk.sections("*Implementation plans*\n" + "\n".join(lines))]
