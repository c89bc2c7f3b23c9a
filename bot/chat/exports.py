"""Audit evidence from the command line: every plan activity, or every assessment answer, as CSV or JSON."""

from __future__ import annotations

from bot.assessment import export as assessment_export
from bot.chat import assess_report, plan_read, plan_state
from bot.chat.services import Services
from bot.plan import export as plan_export
from bot.storage import plans as store


def plan_rows(services: Services, *, team_id: str | None, channel_id: str | None) -> list[dict]:
    """One row per plan, activity and phase, with the plan's workspace and channel first."""
    rows: list[dict] = []
    with services.sessions() as session:
        for found in store.plans(session=session, team_id=team_id, channel_id=channel_id):
            state = plan_state.load(session, found, services.catalog)
            rows += [
                {"team": found.team_id, "channel": found.channel_id, **row}
                for row in plan_read.export_rows(services, state)
            ]
    return rows


def export_records(services: Services, subject: str, *, team_id: str | None, channel_id: str | None, fmt: str) -> str:
    """`iso20k export plan|assessments`: the rows in the chosen format."""
    if subject == "plan":
        rows = plan_rows(services, team_id=team_id, channel_id=channel_id)
        return plan_export.to_csv(rows) if fmt == "csv" else plan_export.to_json(rows) + "\n"
    if subject == "assessments":
        rows = assess_report.export_rows(services, team_id=team_id, channel_id=channel_id)
        return assessment_export.to_csv(rows) if fmt == "csv" else assessment_export.to_json(rows) + "\n"
    raise ValueError(f"unknown export {subject}")
