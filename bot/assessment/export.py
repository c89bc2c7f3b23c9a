"""Assessment answers as CSV or JSON, one row per respondent and element, with fixed columns."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

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
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO 8601, a Choice as its label ("Level II"), other enums as their value."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Choice):
        return value.label
    if isinstance(value, Enum):
        return value.value
    return value


def _cell(value: Any) -> str:
    """A CSV cell: None empty, text that a spreadsheet would run as a formula quoted with a leading '."""
    value = _plain(value)
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def to_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """The rows as CSV with a header of EXPORT_FIELDS (other keys are left out)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_FIELDS)
    for row in rows:
        writer.writerow([_cell(row.get(field)) for field in EXPORT_FIELDS])
    return out.getvalue()


def to_json(rows: Iterable[Mapping[str, Any]]) -> str:
    """The rows as a JSON array of objects with exactly the EXPORT_FIELDS keys."""
    data = [{field: _plain(row.get(field)) for field in EXPORT_FIELDS} for row in rows]
    return json.dumps(data, ensure_ascii=False, indent=2)
