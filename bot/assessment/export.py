"""Assessment answers as CSV or JSON, one row per respondent and element, with fixed columns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot import tables
from bot.assessment.flow import Choice

EXPORT_FIELDS = (
    "assessment_id",
    "channel",
    "scope",
    "started_at",
    "element_id",
    "element",
    "respondent",
    "level",
    "answered_at",
)


def _labelled(rows: Iterable[Mapping[str, Any]]) -> Iterable[dict[str, Any]]:
    """A Choice is exported as its label ("Level II"), as people read it."""
    for row in rows:
        yield {key: value.label if isinstance(value, Choice) else value for key, value in row.items()}


def to_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """The rows as CSV with a header of EXPORT_FIELDS (other keys are left out)."""
    return tables.csv_text(_labelled(rows), EXPORT_FIELDS)


def to_json(rows: Iterable[Mapping[str, Any]]) -> str:
    """The rows as a JSON array of objects with exactly the EXPORT_FIELDS keys."""
    return tables.json_text(_labelled(rows), EXPORT_FIELDS)
