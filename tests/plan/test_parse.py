"""Parsers of what people type: the values they accept and the one error they raise."""

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.plan.parse import (
    DEFAULT_REMINDER,
    PlanInputError,
    PlanStartArgs,
    Reminder,
    match_role,
    normalize_activity_id,
    parse_date,
    parse_initiation_weeks,
    parse_plan_start,
    parse_reminder,
    parse_snooze,
    parse_time_zone,
    parse_user_mention,
    parse_weeks,
)

ROLES = [
    "top management",
    "process owners",
    "change manager",
    "incident manager",
    "service level manager",
    "service owner",
]
IDS = ["activity-incident-management-a", "activity-incident-management-b", "activity-change-management-a"]
TODAY = date(2026, 3, 2)


def test_dates_including_leap_days():
    assert parse_date(" 2026-01-05 ") == date(2026, 1, 5)
    assert parse_date("2024-02-29") == date(2024, 2, 29)


@pytest.mark.parametrize("text", ["2026-13-40", "2025-02-29", "05/01/2026", "2026-1-5", "", "tomorrow"])
def test_bad_dates_say_the_format(text):
    with pytest.raises(PlanInputError, match="YYYY-MM-DD"):
        parse_date(text)


def test_weeks():
    assert parse_weeks("12,12,12") == (12, 12, 12)
    assert parse_weeks(" 8, 10 ,52") == (8, 10, 52)


@pytest.mark.parametrize("text", ["12,12", "12,12,12,12", "0,12,12", "12,53,12", "a,b,c", "12;12;12", "-1,2,3"])
def test_bad_weeks(text):
    with pytest.raises(PlanInputError, match="12,12,12"):
        parse_weeks(text)


def test_initiation_weeks():
    assert parse_initiation_weeks("4") == 4
    assert parse_initiation_weeks("26") == 26
    for text in ("0", "27", "four", ""):
        with pytest.raises(PlanInputError, match="1 to 26"):
            parse_initiation_weeks(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1w", date(2026, 3, 9)),
        ("2w", date(2026, 3, 16)),
        ("3d", date(2026, 3, 5)),
        ("1 week", date(2026, 3, 9)),
        ("2 Weeks", date(2026, 3, 16)),
        ("2026-04-01", date(2026, 4, 1)),
        ("2027-03-02", date(2027, 3, 2)),
    ],
)
def test_snooze(text, expected):
    assert parse_snooze(text, TODAY) == expected


@pytest.mark.parametrize("text", ["0d", "2026-03-02", "2026-03-01", "2027-03-03", "60w", "soon", "2w2"])
def test_bad_snooze(text):
    with pytest.raises(PlanInputError, match="1w, 2w"):
        parse_snooze(text, TODAY)


def test_snooze_a_year_from_a_leap_day():
    assert parse_snooze("2025-02-28", date(2024, 2, 29)) == date(2025, 2, 28)
    with pytest.raises(PlanInputError):
        parse_snooze("2025-03-01", date(2024, 2, 29))


def test_time_zones_any_case():
    assert parse_time_zone("europe/paris") == "Europe/Paris"
    assert parse_time_zone("UTC") == "UTC"
    assert parse_time_zone("utc") == "UTC"
    assert parse_time_zone("America/New_York") == "America/New_York"


def test_unknown_time_zone_gives_an_example_and_a_guess():
    with pytest.raises(PlanInputError, match="e.g. Europe/Paris") as error:
        parse_time_zone("Europe/Pariss")
    assert "did you mean Europe/Paris" in str(error.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mon 09:00", Reminder(0, time(9, 0), None)),
        ("monday 9:00", Reminder(0, time(9, 0), None)),
        ("MONDAYS 07:05", Reminder(0, time(7, 5), None)),
        ("friday 16:30 Europe/London", Reminder(4, time(16, 30), "Europe/London")),
        ("Sun 23:59 utc", Reminder(6, time(23, 59), "UTC")),
        ("off", Reminder(0, time(9, 0), None, enabled=False)),
        (" OFF ", Reminder(0, time(9, 0), None, enabled=False)),
    ],
)
def test_reminder(text, expected):
    assert parse_reminder(text) == expected


def test_default_reminder_is_monday_nine():
    assert Reminder(0, time(9, 0), None, True) == DEFAULT_REMINDER


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Funday 09:00", "day of the week"),
        ("Mon 25:00", "HH:MM"),
        ("Mon 09:60", "HH:MM"),
        ("Mon 9am", "HH:MM"),
        ("Mon 09:00 Mars/Olympus", "time zone"),
        ("Mon", "DAY HH:MM"),
        ("", "DAY HH:MM"),
        ("Mon 09:00 Europe/Paris extra", "DAY HH:MM"),
    ],
)
def test_bad_reminder(text, says):
    with pytest.raises(PlanInputError, match=says):
        parse_reminder(text)


def test_plan_start():
    assert parse_plan_start("2026-01-05") == PlanStartArgs(date(2026, 1, 5), (12, 12, 12), 4)
    assert parse_plan_start("2026-01-05 --weeks 8,10,12") == PlanStartArgs(date(2026, 1, 5), (8, 10, 12), 4)
    assert parse_plan_start("--weeks=8,10,12 2026-01-05 --initiation 2") == PlanStartArgs(
        date(2026, 1, 5), (8, 10, 12), 2
    )
    assert parse_plan_start("2026-01-05 --weeks 8, 10, 12") == PlanStartArgs(date(2026, 1, 5), (8, 10, 12), 4)
    # Slack turns "--" into an em dash
    assert parse_plan_start("2026-01-05 \u2014weeks 6,6,6").weeks == (6, 6, 6)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "one start date"),
        ("2026-01-05 2026-02-01", "one start date"),
        ("2026-01-05 --days 3", "--days is not an option"),
        ("2026-01-05 --weeks 12,12", "three phase lengths"),
        ("2026-01-05 --weeks 1,1,1 --weeks 2,2,2", "twice"),
        ("2026-01-05 --initiation 30", "1 to 26"),
        ("next monday", "one start date"),
        ("2026-02-30", "not a date"),
    ],
)
def test_bad_plan_start(text, says):
    with pytest.raises(PlanInputError, match=says):
        parse_plan_start(text)


@pytest.mark.parametrize(
    "text",
    [
        "activity-incident-management-a",
        "incident-management-a",
        "Activity-Incident-Management-A",
        " `incident-management-a` ",
    ],
)
def test_activity_ids(text):
    assert normalize_activity_id(text, IDS) == "activity-incident-management-a"


def test_unknown_activity_suggests_the_closest():
    with pytest.raises(PlanInputError, match="did you mean activity-incident-management-a"):
        normalize_activity_id("incident-managment-a", IDS)
    with pytest.raises(PlanInputError, match="activity-change-management-a"):
        normalize_activity_id("zzz", IDS)  # no close id: an example of a real one


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("top management", "top management"),
        ("Top Management", "top management"),
        ("top mgmt", "top management"),
        ("top", "top management"),
        ("process owner", "process owners"),
        ("Change Manager", "change manager"),
        ("change mgr", "change manager"),
        ("incidnet manager", "incident manager"),
        ("service owners", "service owner"),
    ],
)
def test_roles(text, expected):
    assert match_role(text, ROLES) == expected


@pytest.mark.parametrize("text", ["janitor", "manager", "", "service"])
def test_unknown_role_lists_the_roles(text):
    with pytest.raises(PlanInputError) as error:
        match_role(text, ROLES)
    assert all(role in str(error.value) for role in ROLES)


def test_mentions():
    assert parse_user_mention("<@U123ABC>") == "U123ABC"
    assert parse_user_mention(" <@W0ABC|alice> ") == "W0ABC"
    for text in ("@alice", "U123ABC", "<#C123|general>", "<@U123ABC> <@U456>", ""):
        with pytest.raises(PlanInputError, match="mention a person, e.g. @alice"):
            parse_user_mention(text)


PARSERS = [
    parse_date,
    parse_weeks,
    parse_initiation_weeks,
    lambda text: parse_snooze(text, TODAY),
    lambda text: parse_snooze(text, date.max),
    parse_time_zone,
    parse_reminder,
    parse_plan_start,
    lambda text: normalize_activity_id(text, IDS),
    lambda text: match_role(text, ROLES),
    parse_user_mention,
]
WORDS = st.sampled_from(["--weeks", "--initiation", "—weeks", "=", ",", "12", "2026-01-05", "9:00", "Mon", "w", "1"])


@pytest.mark.parametrize("parser", PARSERS)
@given(text=st.text() | st.lists(WORDS | st.text(max_size=5)).map(" ".join))
def test_parsers_only_raise_plan_input_errors(parser, text):
    try:
        parser(text)
    except PlanInputError as error:
        message = str(error)
        assert message and "\n" not in message and message.endswith((".", "?"))
