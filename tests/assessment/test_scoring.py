"""Levels from answers: lowest wins overall, Not yet counts below Level I, Skip not at all, latest answer wins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.assessment.flow import Choice
from bot.assessment.scoring import MAX_WEAKEST, Response, latest_responses, level_name, score

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
IDS = ("a", "b", "c")
I, II, III, NOT_YET, SKIP = Choice.LEVEL_I, Choice.LEVEL_II, Choice.LEVEL_III, Choice.NOT_YET, Choice.SKIP  # noqa: E741 - the level names


def answers(*items: tuple[str, str, Choice]) -> list[Response]:
    """Responses a minute apart, in the order given."""
    return [Response(e, u, c, T0 + timedelta(minutes=i)) for i, (e, u, c) in enumerate(items)]


def test_overall_is_the_lowest_element():
    result = score(IDS, answers(("a", "U1", III), ("b", "U1", I), ("c", "U1", II)))
    assert [e.level for e in result.elements] == [3, 1, 2]
    assert result.overall == 1
    assert result.weakest == ("b",)


def test_not_yet_is_below_level_one():
    result = score(IDS, answers(("a", "U1", III), ("b", "U1", NOT_YET), ("c", "U1", I)))
    assert result.get("b").level == 0
    assert result.overall == 0
    assert result.weakest == ("b",)


def test_skip_is_left_out():
    result = score(IDS, answers(("a", "U1", II), ("b", "U1", SKIP), ("c", "U1", III), ("c", "U2", SKIP)))
    assert result.get("b").level is None
    assert result.get("c").level == 3 and result.get("c").spread == 0
    assert result.overall == 2
    assert result.weakest == ("a",)


def test_all_skipped_or_unanswered_means_no_level():
    result = score(IDS, answers(("a", "U1", SKIP), ("b", "U2", SKIP)))
    assert all(e.level is None for e in result.elements)
    assert result.overall is None
    assert result.weakest == ()
    assert result.respondents == ("U1", "U2")


def test_spread_and_disagreement():
    result = score(
        IDS,
        answers(
            ("a", "U1", III), ("a", "U2", I), ("b", "U1", II), ("b", "U2", I), ("c", "U1", NOT_YET), ("c", "U2", II)
        ),
    )
    a, b, c = result.elements
    assert (a.spread, a.disagreement) == (2, True)
    assert (b.spread, b.disagreement) == (1, False)
    assert (c.spread, c.disagreement) == (2, True)
    assert a.answers == {"U1": III, "U2": I}


@pytest.mark.parametrize(
    ("choices", "level"),
    [
        ((III, I), 2),
        ((II, I), 1),
        ((III, II), 2),
        ((III, NOT_YET), 1),
        ((III, III, I), 3),
        ((I, II, III, III), 2),
        ((NOT_YET, I, III), 1),
        ((III, SKIP, SKIP, I), 2),
    ],
)
def test_median_rounded_down(choices, level):
    result = score(("a",), answers(*[("a", f"U{i}", c) for i, c in enumerate(choices)]))
    assert result.elements[0].level == level


def test_each_persons_latest_answer_wins():
    given = answers(("a", "U1", III), ("a", "U2", I), ("a", "U1", I), ("b", "U1", II))
    result = score(("a", "b"), given)
    assert result.get("a").answers == {"U2": I, "U1": I}
    assert result.get("a").level == 1
    kept = latest_responses(given)
    assert {(r.element_id, r.user, r.choice) for r in kept} == {("a", "U1", I), ("a", "U2", I), ("b", "U1", II)}


def test_latest_is_by_time_not_by_input_order():
    early, late = T0, T0 + timedelta(hours=1)
    given = [Response("a", "U1", I, late), Response("a", "U1", III, early)]
    assert latest_responses(given) == [Response("a", "U1", I, late)]
    assert score(("a",), given).overall == 1


def test_answers_to_other_elements_are_ignored():
    result = score(("a",), answers(("a", "U1", II), ("zzz", "U2", NOT_YET)))
    assert result.overall == 2
    assert result.respondents == ("U1",)


def test_trend_against_the_previous_run():
    result = score(
        IDS, answers(("a", "U1", III), ("b", "U1", I), ("c", "U1", II)), previous={"a": 1, "b": 2, "c": None}
    )
    assert [(e.previous, e.change) for e in result.elements] == [(1, 2), (2, -1), (None, None)]
    unanswered = score(IDS, [], previous={"a": 2})
    assert (unanswered.get("a").previous, unanswered.get("a").change) == (2, None)


def test_weakest_is_capped_and_in_element_order():
    ids = ("a", "b", "c", "d", "e")
    result = score(ids, answers(*[(e, "U1", I) for e in reversed(ids)]))
    assert result.overall == 1
    assert result.weakest == ("a", "b", "c")
    assert len(result.weakest) == MAX_WEAKEST


def test_level_names():
    assert [level_name(n) for n in (3, 2, 1, 0, None)] == [
        "Level III",
        "Level II",
        "Level I",
        "Not yet (below Level I)",
        "not assessed",
    ]
