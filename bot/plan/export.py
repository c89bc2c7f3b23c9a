"""The plan as CSV or JSON, one row per item, with fixed columns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot import tables

PLAN_EXPORT_FIELDS = (
    "activity_id",
    "title",
    "group",
    "phase",
    "clauses",
    "owner",
    "due",
    "status",
    "done_by",
    "done_at",
    "evidence",
    "skip_reason",
)


def to_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """The rows as CSV with a header of PLAN_EXPORT_FIELDS (other keys are left out)."""
    return tables.csv_text(rows, PLAN_EXPORT_FIELDS)


def to_json(rows: Iterable[Mapping[str, Any]]) -> str:
    """The rows as a JSON array of objects with exactly the PLAN_EXPORT_FIELDS keys."""
    return tables.json_text(rows, PLAN_EXPORT_FIELDS)
