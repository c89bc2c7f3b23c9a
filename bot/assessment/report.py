"""The assessment summary as short plain-text lines: everything the chart shows, plus the spread and what to work on."""

from __future__ import annotations

from datetime import datetime

from bot.assessment.advice import Advice
from bot.assessment.scoring import ElementScore, Result, level_name
from bot.knowledge.catalog import Catalog

OVERALL_RULE = "the lowest element level"


def mention(user: str) -> str:
    """A user as Slack shows a mention (the console shows the id)."""
    return f"<@{user}>"


def element_title(element_id: str, catalog: Catalog) -> str:
    """The element's title from the catalog, or its id when the catalog does not know it."""
    entry = catalog.get(element_id)
    return entry.title if entry is not None else element_id


def trend(score: ElementScore, previous_at: datetime | None) -> str:
    """ "up 1 since 2024-05-01", "down 2 since ...", "unchanged", "new", or "" when there is nothing to compare."""
    if previous_at is None or score.level is None:
        return ""
    if score.previous is None:
        return "new"
    if not score.change:
        return "unchanged"
    direction = "up" if score.change > 0 else "down"
    return f"{direction} {abs(score.change)} since {previous_at.date().isoformat()}"


def spread_text(score: ElementScore) -> str:
    """ "respondents differ: <@U1> Level III, <@U2> Level I" (highest first), or "" when they roughly agree."""
    if not score.disagreement:
        return ""
    counted = [(user, choice) for user, choice in score.answers.items() if choice.score is not None]
    counted.sort(key=lambda item: -(item[1].score or 0))
    return "respondents differ: " + ", ".join(f"{mention(user)} {choice.label}" for user, choice in counted)


def _element_line(score: ElementScore, catalog: Catalog, previous_at: datetime | None) -> str:
    if score.level is None:
        why = "everyone skipped" if score.answers else "no answers"
        return f"{element_title(score.element_id, catalog)}: not assessed ({why})"
    change = trend(score, previous_at)
    return f"{element_title(score.element_id, catalog)}: {level_name(score.level)}" + (f", {change}" if change else "")


def advice_line(item: Advice, catalog: Catalog) -> str:
    """One weak element's ids to work on, kinds separated by "; "."""
    parts = [
        f"{label} {', '.join(ids)}"
        for label, ids in (
            ("clauses", item.clauses),
            ("challenges", item.challenges),
            ("guidance", item.guidance),
            ("plan", item.activities),
        )
        if ids
    ]
    return f"{element_title(item.element_id, catalog)}: " + ("; ".join(parts) if parts else "nothing linked")


def summary_lines(
    result: Result,
    catalog: Catalog,
    advice: list[Advice],
    *,
    scope: str | None,
    previous_at: datetime | None,
) -> list[str]:
    """The summary: header, overall level, one line per element (plus its spread), then "Work on next"."""
    people = len(result.respondents)
    header = f"Maturity assessment{f' for {scope}' if scope else ''}: {len(result.elements)} elements, "
    lines = [header + f"{people} respondent{'' if people == 1 else 's'}."]
    if result.overall is None:
        lines.append("Overall: not assessed (no element was given a level).")
    else:
        lines.append(f"Overall: {level_name(result.overall)}, {OVERALL_RULE}.")
    if previous_at is not None:
        lines.append(f"Compared with the assessment of {previous_at.date().isoformat()}.")
    for score in result.elements:
        lines.append(_element_line(score, catalog, previous_at))
        spread = spread_text(score)
        if spread:
            lines.append("  " + spread)
    if advice:
        lines.append("Work on next:")
        lines += ["  " + advice_line(item, catalog) for item in advice]
    return lines
