"""Assessment results: the summary and chart, the channel's history, the CSV export and the Home tab section."""

from __future__ import annotations

from collections.abc import Sequence

from bot.assessment import Choice, Phase, Response, Result, advise, level_name, score, summary_lines, to_csv
from bot.assessment.report import element_title
from bot.chat.assess_state import Run, answers_of, responses, run_of
from bot.chat.context import Context
from bot.chat.outcome import Effect, Ephemeral, Outcome, Post, Upload, say
from bot.chat.services import Services
from bot.storage import assessments as store
from bot.storage import plans as plan_store
from bot.storage.models import Assessment
from bot.views import assessment as view
from bot.views.assessment import HistoryRow

HISTORY_LIMIT = 20
_STATUS = {Phase.ASKING: "running", Phase.FINISHED: "finished", Phase.STOPPED: "stopped early"}


def summary_effects(services: Services, run: Run) -> list[Effect]:
    """The summary in the thread, then the chart: a failed upload never loses the summary."""
    with services.sessions() as session:
        row = store.get(session=session, assessment_id=run.id, team_id=run.team_id)
        assert row is not None
        given = responses(store.answers(session=session, assessment_ids=[run.id])[run.id])
        previous = store.previous_finished(session=session, assessment=row)
        before: dict[str, int | None] = {}
        if previous is not None:
            earlier = run_of(previous)
            old = responses(store.answers(session=session, assessment_ids=[previous.id])[previous.id])
            before = {e.element_id: e.level for e in score(earlier.state.posted, old).elements}
        open_activities = _open_activities(session, run)
    result = score(run.state.posted, given, before)  # stopped early: only the elements asked so far
    advice = advise(result, services.catalog, open_activities)
    previous_at = previous.finished_at if previous is not None else None
    lines = summary_lines(result, services.catalog, advice, scope=run.scope, previous_at=previous_at)
    stopped = run.state.phase is Phase.STOPPED
    blocks = view.summary_message(lines, advice, stopped=stopped, compared=previous is not None)
    return [Post("\n".join(lines), blocks), _chart(services, run, result, compared=previous is not None)]


def _open_activities(session, run: Run) -> list[str]:
    """The open activities of the channel's implementation plan, if it has one."""
    plan = plan_store.get_plan(session=session, team_id=run.team_id, channel_id=run.channel_id)
    if plan is None:
        return []
    return [item.activity_id for item in plan_store.items(session=session, plan_id=plan.id) if item.status == "open"]


def _chart(services: Services, run: Run, result: Result, *, compared: bool) -> Upload:
    """The profile as a PNG, rendered after the commit (matplotlib is loaded on first use)."""
    from bot.assessment.chart import render_profile

    rows = [(element_title(e.element_id, services.catalog), e.level, e.previous) for e in result.elements]
    title = "Maturity profile" + (f": {run.scope}" if run.scope else "")
    when = (run.finished_at or run.started_at).date().isoformat()
    beside = " (grey: the previous assessment)" if compared else ""
    return Upload(
        f"maturity-profile-{run.id}.png",
        lambda: render_profile(rows, f"{title} ({when})"),
        title,
        comment=f"The levels listed above as a chart{beside}.",
    )


def history_rows(rows: Sequence[Assessment], answers: dict[int, list[Response]]) -> list[HistoryRow]:
    """Listed assessments: day, scope, status, respondents and overall level."""
    out = []
    for row in rows:
        run = run_of(row)
        result = score(run.state.posted, answers.get(row.id, []))
        out.append(
            HistoryRow(
                day=row.started_at.date().isoformat(),
                scope=row.scope,
                status=_STATUS[run.state.phase],
                respondents=result.respondents,
                overall=level_name(result.overall),
            )
        )
    return out


def history(services: Services, ctx: Context) -> Outcome:
    """`assess history`: the channel's assessments, latest first."""
    with services.sessions() as session:
        rows = store.history(session=session, team_id=ctx.team_id, channel_id=ctx.channel_id or "", limit=HISTORY_LIMIT)
    listed = history_rows(rows, answers_of(services, [r.id for r in rows]))
    text = f"{len(listed)} assessments in this channel" if listed else "No assessment in this channel yet"
    return say(text, view.history_message(ctx.channel_id, listed), private=ctx.private)


def export_rows(services: Services, *, team_id: str | None, channel_id: str | None) -> list[dict]:
    """Every answer as a row of the export: assessment, element, respondent, level, time."""
    with services.sessions() as session:
        found = store.answer_rows(session=session, team_id=team_id, channel_id=channel_id)
    return [
        {
            "assessment_id": r.assessment_id,
            "team": r.team_id,
            "channel": r.channel_id,
            "scope": r.scope or "",
            "started_at": r.started_at,
            "element_id": r.element_id,
            "element": element_title(r.element_id, services.catalog),
            "respondent": r.user_id,
            "level": Choice(r.choice),
            "answered_at": r.answered_at,
        }
        for r in found
    ]


def export(services: Services, ctx: Context) -> Outcome:
    """`assess export`: every answer given in the channel, as a CSV sent to the requester alone."""
    rows = export_rows(services, team_id=ctx.team_id, channel_id=ctx.channel_id or "")
    if not rows:
        return say("No assessment answers in this channel yet: nothing to export.", private=True)
    assessments = len({row["assessment_id"] for row in rows})
    return Outcome(
        [
            Upload(
                f"assessments-{ctx.channel_id}.csv",
                to_csv(rows).encode(),
                "Assessment answers",
                private=True,
                comment=f"Every answer of the {assessments} assessment(s) in <#{ctx.channel_id}>: {len(rows)} rows.",
            ),
            Ephemeral("I sent you the answers as a CSV file in a direct message."),
        ]
    )


def home_section(services: Services, ctx: Context) -> list:
    """App Home: each channel's latest ended assessment."""
    with services.sessions() as session:
        rows = store.latest_per_channel(session=session, team_id=ctx.team_id)
    listed = history_rows(rows, answers_of(services, [r.id for r in rows]))
    return view.home_section([(row.channel_id, item) for row, item in zip(rows, listed, strict=True)])
