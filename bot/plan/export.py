"""The plan as CSV or JSON, one row per item, with fixed columns."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

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
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO 8601, enums as their value, lists as lists."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _cell(value: Any) -> str:
    """A CSV cell: lists joined with "; ", None empty, text that a spreadsheet would run as a formula quoted."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def to_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """The rows as CSV with a header of PLAN_EXPORT_FIELDS (other keys are left out)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PLAN_EXPORT_FIELDS)
    for row in rows:
        writer.writerow([_cell(row.get(field)) for field in PLAN_EXPORT_FIELDS])
    return out.getvalue()


def to_json(rows: Iterable[Mapping[str, Any]]) -> str:
    """The rows as a JSON array of objects with exactly the PLAN_EXPORT_FIELDS keys."""
    data = [{field: _plain(row.get(field)) for field in PLAN_EXPORT_FIELDS} for row in rows]
    return json.dumps(data, ensure_ascii=False, indent=2)
