"""CSV and JSON exports with fixed columns."""

import csv
import io
import json
from datetime import date, datetime

from bot.plan.export import PLAN_EXPORT_FIELDS, to_csv, to_json
from bot.plan.status import ItemStatus

ROW = {
    "activity_id": "activity-incident-management-a",
    "title": "Start recording incidents",
    "group": "incident-management",
    "phase": 1,
    "clauses": ["8.6.1", "8.6.2"],
    "owner": "U123",
    "due": date(2026, 4, 26),
    "status": ItemStatus.DONE,
    "done_by": "U123",
    "done_at": datetime(2026, 4, 20, 10, 30),
    "evidence": '=HYPERLINK("http://x")',
    "extra": "left out",
}


def test_csv_has_the_fixed_columns_and_plain_cells():
    rows = list(csv.reader(io.StringIO(to_csv([ROW, {"activity_id": "b"}]))))
    assert tuple(rows[0]) == PLAN_EXPORT_FIELDS
    first = dict(zip(PLAN_EXPORT_FIELDS, rows[1], strict=True))
    assert first["clauses"] == "8.6.1; 8.6.2"
    assert first["due"] == "2026-04-26" and first["status"] == "done"
    assert first["done_at"] == "2026-04-20T10:30:00"
    assert first["evidence"].startswith("'=")  # not run as a formula by a spreadsheet
    assert first["skip_reason"] == ""
    assert rows[2][0] == "b" and len(rows) == 3


def test_json_has_exactly_the_fixed_keys():
    data = json.loads(to_json([ROW]))
    assert list(data[0]) == list(PLAN_EXPORT_FIELDS)
    assert data[0]["clauses"] == ["8.6.1", "8.6.2"]
    assert data[0]["due"] == "2026-04-26" and data[0]["status"] == "done" and data[0]["skip_reason"] is None
    assert data[0]["evidence"] == ROW["evidence"]
    assert json.loads(to_json([])) == []
