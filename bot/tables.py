"""Rows as CSV or JSON with fixed columns, for audit exports: pure, shared by the plan and the assessment."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO 8601, enums as their value, lists and tuples as lists."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def cell(value: Any) -> str:
    """A CSV cell: lists joined with "; ", None empty, text a spreadsheet would run as a formula quoted with '."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_text(rows: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> str:
    """The rows as CSV with a header of `fields` (other keys are left out)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for row in rows:
        writer.writerow([cell(row.get(field)) for field in fields])
    return out.getvalue()


def json_text(rows: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> str:
    """The rows as a JSON array of objects with exactly the `fields` keys."""
    return json.dumps(
        [{field: plain(row.get(field)) for field in fields} for row in rows], ensure_ascii=False, indent=2
    )
