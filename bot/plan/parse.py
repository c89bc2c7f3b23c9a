"""Parsers for what people type about a plan; each raises PlanInputError saying what was expected."""

from __future__ import annotations

import functools
import re
import zoneinfo
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, time, timedelta

from rapidfuzz import fuzz, process

DEFAULT_WEEKS: tuple[int, int, int] = (12, 12, 12)
DEFAULT_INITIATION_WEEKS = 4
MAX_PHASE_WEEKS = 52
MAX_INITIATION_WEEKS = 26

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAYS = {name.lower(): i for i, name in enumerate(DAY_NAMES)} | {
    name[:3].lower(): i for i, name in enumerate(DAY_NAMES)
}
_DAYS |= {"tues": 1, "wed": 2, "weds": 2, "thur": 3, "thurs": 3}

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = re.compile(r"[0-9]{1,3}")
_SNOOZE = re.compile(r"([0-9]{1,3})\s*(w|wk|wks|week|weeks|d|day|days)")
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_MENTION = re.compile(r"<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>")
# Slack clients (and macOS) turn "--" into a dash: accept those too
_OPTION = re.compile(r"(?:--|\u2014|\u2013)([a-z-]+)(?:=(.*))?", re.IGNORECASE)
_ABBREVIATIONS = {
    "mgmt": "management",
    "mgt": "management",
    "mgr": "manager",
    "mngr": "manager",
    "hr": "human resources",
}


class PlanInputError(ValueError):
    """Text a person typed that does not say what the command needs."""


@dataclass(frozen=True)
class Reminder:
    """When the weekly nudge is posted: a weekday (0 = Monday), a wall time and an optional zone."""

    weekday: int
    at: time
    tz: str | None = None
    enabled: bool = True


DEFAULT_REMINDER = Reminder(0, time(9, 0), None)
REMINDER_OFF = Reminder(0, time(9, 0), None, enabled=False)


@dataclass(frozen=True)
class PlanStartArgs:
    """The arguments of `plan start`: the first day of project initiation and the phase lengths."""

    start: date
    weeks: tuple[int, int, int] = DEFAULT_WEEKS
    initiation_weeks: int = DEFAULT_INITIATION_WEEKS


def _q(text: str) -> str:
    """Quote what the user typed, shortened so an error message stays one line."""
    text = " ".join(str(text).split())
    return f"“{text[:40]}…”" if len(text) > 40 else f"“{text}”"


def parse_date(text: str) -> date:
    """A calendar date written YYYY-MM-DD."""
    cleaned = text.strip()
    if _DATE.fullmatch(cleaned):
        try:
            return date.fromisoformat(cleaned)
        except ValueError:
            pass
    raise PlanInputError(f"{_q(text)} is not a date: use YYYY-MM-DD, e.g. 2026-01-05.")


def _bounded(text: str, low: int, high: int, what: str, example: str) -> int:
    cleaned = text.strip()
    if _NUMBER.fullmatch(cleaned) and low <= int(cleaned) <= high:
        return int(cleaned)
    raise PlanInputError(f"{_q(text)} is not {what}: use a whole number from {low} to {high}, e.g. {example}.")


def parse_weeks(text: str) -> tuple[int, int, int]:
    """The lengths of phases 1-3 in weeks, e.g. "12,12,12"."""
    parts = text.split(",")
    usage = f"use three numbers of weeks from 1 to {MAX_PHASE_WEEKS}, one per phase, e.g. 12,12,12"
    if len(parts) != 3:
        raise PlanInputError(f"{_q(text)} is not three phase lengths: {usage}.")
    numbers = []
    for part in parts:
        cleaned = part.strip()
        if not (_NUMBER.fullmatch(cleaned) and 1 <= int(cleaned) <= MAX_PHASE_WEEKS):
            raise PlanInputError(f"{_q(text)} is not three phase lengths: {usage}.")
        numbers.append(int(cleaned))
    return numbers[0], numbers[1], numbers[2]


def parse_initiation_weeks(text: str) -> int:
    """The length of project initiation in weeks (1-26)."""
    return _bounded(text, 1, MAX_INITIATION_WEEKS, "a number of weeks for project initiation", "4")


def _one_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def parse_snooze(text: str, today: date) -> date:
    """Until when to snooze: "1w", "2 weeks", "3d" or a date YYYY-MM-DD, after today and within a year."""
    cleaned = " ".join(text.strip().lower().split())
    usage = "use 1w, 2w, 3d or a date YYYY-MM-DD within a year"
    until: date
    match = _SNOOZE.fullmatch(cleaned)
    if match:
        days = int(match.group(1)) * (7 if match.group(2).startswith("w") else 1)
        try:
            until = today + timedelta(days=days)
        except OverflowError:
            raise PlanInputError(f"{_q(text)} is too far ahead: {usage}.") from None
    elif _DATE.fullmatch(cleaned):
        until = parse_date(cleaned)
    else:
        raise PlanInputError(f"{_q(text)} is not a snooze: {usage}.")
    if until <= today:
        raise PlanInputError(f"{_q(text)} is not after today ({today.isoformat()}): {usage}.")
    if today.year < date.max.year and until > _one_year_after(today):
        raise PlanInputError(f"{_q(text)} is more than a year ahead: {usage}.")
    return until


@functools.cache
def _zones() -> dict[str, str]:
    names = zoneinfo.available_timezones() | {"UTC"}
    return {name.lower(): name for name in names}


def parse_time_zone(text: str) -> str:
    """An IANA time zone name such as Europe/Paris (any case), or UTC."""
    cleaned = text.strip().replace(" ", "_")
    found = _zones().get(cleaned.lower())
    if found is not None:
        return found
    guesses = process.extract(cleaned.lower(), list(_zones()), scorer=fuzz.ratio, limit=2, score_cutoff=70)
    hint = f"did you mean {' or '.join(_zones()[g[0]] for g in guesses)}? " if cleaned and guesses else ""
    raise PlanInputError(f"{_q(text)} is not a time zone: {hint}use an IANA name, e.g. Europe/Paris or UTC.")


def parse_weekday(text: str) -> int:
    """A day of the week (Monday, mon, MON ...) as 0 = Monday to 6 = Sunday."""
    lowered = text.strip().lower().rstrip(".")
    day = _DAYS.get(lowered, _DAYS.get(lowered.removesuffix("s")))
    if day is None:
        raise PlanInputError(f"{_q(text)} is not a day of the week: use Monday to Sunday, e.g. Mon.")
    return day


def parse_clock(text: str) -> time:
    """A 24-hour wall time written H:MM or HH:MM."""
    match = _CLOCK.fullmatch(text.strip())
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return time(int(match.group(1)), int(match.group(2)))
    raise PlanInputError(f"{_q(text)} is not a time of day: use 24-hour HH:MM, e.g. 09:00 or 16:30.")


def parse_reminder(text: str) -> Reminder:
    """The weekly reminder: "DAY HH:MM [TZ]" (e.g. "Mon 09:00 Europe/Paris") or "off"."""
    words = text.split()
    if [w.lower() for w in words] == ["off"]:
        return REMINDER_OFF
    if not 2 <= len(words) <= 3:
        raise PlanInputError(f"{_q(text)} is not a reminder: use DAY HH:MM [TIME ZONE], e.g. Mon 09:00, or off.")
    weekday = parse_weekday(words[0])
    at = parse_clock(words[1])
    tz = parse_time_zone(words[2]) if len(words) == 3 else None
    return Reminder(weekday, at, tz)


def _split_options(text: str) -> tuple[list[str], dict[str, str]]:
    """Positional words and `--name value` / `--name=value` options (values may hold spaces)."""
    positional: list[str] = []
    options: dict[str, str] = {}
    current: str | None = None
    for word in text.split():
        match = _OPTION.fullmatch(word)
        if match:
            name = match.group(1).lower()
            if name in options:
                raise PlanInputError(f"--{name} is given twice: give each option once.")
            options[name] = match.group(2) or ""
            current = name if match.group(2) is None else None
        elif current is not None:
            options[current] += word
        else:
            positional.append(word)
    return positional, options


def parse_plan_start(text: str) -> PlanStartArgs:
    """`plan start` arguments: "YYYY-MM-DD [--weeks a,b,c] [--initiation N]"."""
    usage = "use YYYY-MM-DD [--weeks 12,12,12] [--initiation 4], e.g. 2026-01-05 --weeks 12,12,12"
    positional, options = _split_options(text)
    unknown = sorted(set(options) - {"weeks", "initiation"})
    if unknown:
        raise PlanInputError(f"--{unknown[0]} is not an option of plan start: {usage}.")
    if len(positional) != 1:
        raise PlanInputError(f"{_q(text)} does not give one start date: {usage}.")
    start = parse_date(positional[0])
    weeks = parse_weeks(options["weeks"]) if "weeks" in options else DEFAULT_WEEKS
    initiation = parse_initiation_weeks(options["initiation"]) if "initiation" in options else DEFAULT_INITIATION_WEEKS
    return PlanStartArgs(start, weeks, initiation)


def normalize_activity_id(text: str, known_ids: Collection[str]) -> str:
    """The known activity id a person meant: with or without "activity-", any case."""
    cleaned = text.strip().strip("`*_").strip().lower()
    by_short = {_short(known): known for known in known_ids}
    by_full = {known.lower(): known for known in known_ids}
    found = by_full.get(cleaned) or by_short.get(_short(cleaned))
    if found is not None:
        return found
    guesses = process.extract(_short(cleaned), list(by_short), scorer=fuzz.ratio, limit=3, score_cutoff=60)
    if cleaned and guesses:
        hint = ", ".join(by_short[g[0]] for g in guesses)
        raise PlanInputError(f"{_q(text)} is not an activity of the plan: did you mean {hint}?")
    example = min(known_ids, default="activity-incident-management-a")
    raise PlanInputError(f"{_q(text)} is not an activity of the plan: use an id such as {example}.")


def _short(activity_id: str) -> str:
    lowered = activity_id.lower()
    return lowered.removeprefix("activity-")


def _role_words(text: str) -> str:
    words = text.lower().replace("@", " ").replace("-", " ").replace("_", " ").split()
    return " ".join(_ABBREVIATIONS.get(w.strip(".,;:!?"), w.strip(".,;:!?")) for w in words)


def match_role(text: str, roles: Collection[str]) -> str:
    """The role a person meant (exact, singular/plural, abbreviation, unique prefix or close spelling)."""
    by_words = {_role_words(role): role for role in roles}
    wanted = _role_words(text)
    valid = ", ".join(sorted(roles))
    if not wanted:
        raise PlanInputError(f"{_q(text)} is not a role: use one of {valid}.")
    for candidate in (wanted, wanted + "s", wanted.removesuffix("s")):
        if candidate in by_words:
            return by_words[candidate]
    prefixed = [role for words, role in by_words.items() if words.startswith(wanted)]
    if len(prefixed) == 1:
        return prefixed[0]
    scored = process.extract(wanted, list(by_words), scorer=fuzz.ratio, limit=2, score_cutoff=80)
    if scored and (len(scored) == 1 or scored[0][1] - scored[1][1] >= 5):
        return by_words[scored[0][0]]
    raise PlanInputError(f"{_q(text)} is not a role: use one of {valid}.")


def parse_user_mention(text: str) -> str:
    """The Slack user id of a mention such as <@U123ABC> or <@U123ABC|alice>."""
    match = _MENTION.fullmatch(text.strip())
    if match is None:
        raise PlanInputError(f"{_q(text)} is not a person: mention a person, e.g. @alice.")
    return match.group(1)
