"""From answers to levels: each element's level, the spread between respondents, the overall level and the trend."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.assessment.flow import Choice

MAX_WEAKEST = 3
DISAGREEMENT = 2  # respondents this many levels apart are shown in the summary

_LEVEL_NAMES = {3: "Level III", 2: "Level II", 1: "Level I", 0: "Not yet (below Level I)"}


@dataclass(frozen=True)
class Response:
    """One click: who answered which element how, and when."""

    element_id: str
    user: str
    choice: Choice
    at: datetime


@dataclass(frozen=True)
class ElementScore:
    """An element's level (None when nobody gave one), each person's answer, the spread and the trend."""

    element_id: str
    level: int | None
    answers: dict[str, Choice]
    spread: int
    disagreement: bool
    previous: int | None
    change: int | None


@dataclass(frozen=True)
class Result:
    """All elements' scores in order, the overall level, who answered, and the weakest elements."""

    elements: tuple[ElementScore, ...]
    overall: int | None
    respondents: tuple[str, ...]
    weakest: tuple[str, ...]

    def get(self, element_id: str) -> ElementScore | None:
        """The score of one element, or None when it was not part of the assessment."""
        return next((e for e in self.elements if e.element_id == element_id), None)


def level_name(level: int | None) -> str:
    """A level as words: "Level II", "Not yet (below Level I)", "not assessed" for None."""
    return _LEVEL_NAMES.get(level, "not assessed") if level is not None else "not assessed"


def latest_responses(responses: Iterable[Response]) -> list[Response]:
    """Each person's latest answer per element (on equal times the one given later wins), in first-answer order."""
    latest: dict[tuple[str, str], Response] = {}
    for response in responses:
        key = (response.element_id, response.user)
        if key not in latest or response.at >= latest[key].at:
            latest[key] = response
    return list(latest.values())


def _level(scores: Sequence[int]) -> int | None:
    """The median rounded down.

    Rounding down is conservative: a level is a claim that auditors will test, and "II or III" between two
    people is not yet III. The median (not the mean) keeps one outlier from moving the level.
    """
    if not scores:
        return None
    ordered = sorted(scores)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) // 2


def _element(element_id: str, responses: Sequence[Response], previous: Mapping[str, int | None]) -> ElementScore:
    answers = {r.user: r.choice for r in sorted(responses, key=lambda r: r.at)}
    scores = [s for s in (choice.score for choice in answers.values()) if s is not None]
    level = _level(scores)
    spread = max(scores) - min(scores) if scores else 0
    before = previous.get(element_id)
    change = level - before if level is not None and before is not None else None
    return ElementScore(element_id, level, answers, spread, spread >= DISAGREEMENT, before, change)


def score(
    element_ids: Sequence[str],
    responses: Iterable[Response],
    previous: Mapping[str, int | None] | None = None,
) -> Result:
    """Score an assessment: the overall level is the lowest element level (Skip and unanswered left out)."""
    wanted = set(element_ids)
    given = sorted((r for r in responses if r.element_id in wanted), key=lambda r: r.at)
    kept = latest_responses(given)
    by_element: dict[str, list[Response]] = {element_id: [] for element_id in element_ids}
    for response in kept:
        by_element[response.element_id].append(response)
    elements = tuple(_element(eid, by_element[eid], previous or {}) for eid in dict.fromkeys(element_ids))
    levels = [e.level for e in elements if e.level is not None]
    overall = min(levels) if levels else None
    weakest = tuple(e.element_id for e in elements if overall is not None and e.level == overall)[:MAX_WEAKEST]
    respondents = tuple(dict.fromkeys(r.user for r in given))  # in the order of their first answer
    return Result(elements, overall, respondents, weakest)
