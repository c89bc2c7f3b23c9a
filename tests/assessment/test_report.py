"""The summary text and the exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

from bot.assessment.advice import Advice, advise
from bot.assessment.export import EXPORT_FIELDS, to_csv, to_json
from bot.assessment.flow import Choice
from bot.assessment.report import summary_lines
from bot.assessment.scoring import Response, score

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
BEFORE = datetime(2024, 12, 2, 9, 0, tzinfo=UTC)
IDS = ("maturity-management-support", "maturity-risk", "maturity-communication", "maturity-process")


def _result():
    given = [
        Response("maturity-management-support", "U1", Choice.LEVEL_III, T0),
        Response("maturity-management-support", "U2", Choice.LEVEL_I, T0 + timedelta(minutes=1)),
        Response("maturity-risk", "U1", Choice.NOT_YET, T0),
        Response("maturity-communication", "U1", Choice.SKIP, T0),
    ]
    return score(IDS, given, previous={"maturity-management-support": 1})


def test_summary_says_levels_trend_spread_overall_and_what_next(catalog):
    result = _result()
    advice = advise(result, catalog, ["activity-management-responsibility-h-3"])
    lines = summary_lines(result, catalog, advice, scope="incident management", previous_at=BEFORE)
    text = "\n".join(lines)
    assert lines[0] == "Maturity assessment for incident management: 4 elements, 2 respondents."
    assert "Overall: Not yet (below Level I)" in lines[1]
    assert "Management support: Level II, up 1 since 2024-12-02" in lines
    assert "  respondents differ: <@U1> Level III, <@U2> Level I" in lines
    assert "Risk: Not yet (below Level I), new" in lines
    assert "Communication: not assessed (everyone skipped)" in lines
    assert "Process: not assessed (no answers)" in lines
    assert lines[lines.index("Work on next:") + 1].startswith("  Risk: clauses 6.1; ")
    assert "guidance-4.6" in text and "plan activity-management-responsibility-h-3" in text
    assert all(len(line) <= 160 for line in lines)


def test_summary_without_a_previous_run_or_scope(catalog):
    result = score(("maturity-risk",), [Response("maturity-risk", "U1", Choice.LEVEL_II, T0)])
    lines = summary_lines(result, catalog, [], scope=None, previous_at=None)
    assert lines[0] == "Maturity assessment: 1 elements, 1 respondent."
    assert "Risk: Level II" in lines
    assert not any("since" in line or "Work on next" in line for line in lines)


def test_summary_when_nothing_was_assessed(catalog):
    lines = summary_lines(score(IDS, []), catalog, [], scope=None, previous_at=BEFORE)
    assert lines[1].startswith("Overall: not assessed")


def test_advice_line_lists_only_non_empty_kinds(catalog):
    item = Advice("maturity-risk", (), ("guidance-6",), ("6.1",), ())
    lines = summary_lines(_result(), catalog, [item], scope=None, previous_at=None)
    assert lines[-1] == "  Risk: clauses 6.1; guidance guidance-6"


ROW = {
    "assessment_id": 7,
    "channel": "C1",
    "scope": "=cmd|' /C calc'!A0",
    "started_at": T0,
    "element_id": "maturity-risk",
    "element": "Risk",
    "respondent": "U1",
    "level": Choice.LEVEL_II,
    "answered_at": T0 + timedelta(minutes=3),
    "extra": "left out",
}


def test_csv_has_fixed_columns_and_is_safe_in_spreadsheets():
    rows = list(csv.reader(io.StringIO(to_csv([ROW, {"element_id": "maturity-process"}]))))
    assert rows[0] == list(EXPORT_FIELDS)
    assert rows[1][EXPORT_FIELDS.index("scope")].startswith("'=")
    assert rows[1][EXPORT_FIELDS.index("level")] == "Level II"
    assert rows[1][EXPORT_FIELDS.index("answered_at")] == "2025-03-01T09:03:00+00:00"
    assert rows[2][EXPORT_FIELDS.index("respondent")] == ""
    assert len(rows) == 3


def test_json_has_exactly_the_fields():
    data = json.loads(to_json([ROW]))
    assert list(data[0]) == list(EXPORT_FIELDS)
    assert data[0]["level"] == "Level II" and data[0]["assessment_id"] == 7
    assert data[0]["started_at"] == "2025-03-01T09:00:00+00:00"
    assert json.loads(to_json([])) == []
