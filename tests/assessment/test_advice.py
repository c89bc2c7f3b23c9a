"""What to work on: existing ids of the right kinds, linked to the weak element's clauses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.assessment.advice import (
    MAX_ACTIVITIES,
    MAX_CHALLENGES,
    MAX_CLAUSES,
    MAX_GUIDANCE,
    advise,
    advise_element,
    covers,
)
from bot.assessment.flow import Choice
from bot.assessment.scoring import Response, score

T0 = datetime(2025, 3, 1, tzinfo=UTC)


def _linked(entry_clauses, element_clauses):
    return any(covers(own, cited) for own in element_clauses for cited in entry_clauses)


def test_covers_is_the_clause_or_a_subclause():
    assert covers("6.2", "6.2") and covers("6.2", "6.2.2")
    assert not covers("6.2", "6") and not covers("6.2", "6.21") and not covers("6.1", "6.2")


@pytest.mark.parametrize("element_id", ["maturity-management-support", "maturity-communication", "maturity-risk"])
def test_advice_ids_exist_with_the_right_kinds_and_links(catalog, element_id):
    activities = [e.id for e in catalog.of_kind("activity")]
    advice = advise_element(element_id, catalog, activities)
    own = catalog.get(element_id).clauses
    assert advice.element_id == element_id
    assert 1 <= len(advice.clauses) <= MAX_CLAUSES and advice.clauses[0] == own[0]
    assert all(catalog.get(c).kind == "clause" for c in advice.clauses)
    assert len(advice.challenges) <= MAX_CHALLENGES and len(advice.guidance) <= MAX_GUIDANCE
    assert all(catalog.get(c).kind == "challenge" for c in advice.challenges)
    assert all(catalog.get(g).kind == "guidance" and _linked(catalog.get(g).clauses, own) for g in advice.guidance)
    assert advice.guidance, "every default element has guidance citing its clauses"
    assert 1 <= len(advice.activities) <= MAX_ACTIVITIES
    assert all(catalog.get(a).kind == "activity" and _linked(catalog.get(a).clauses, own) for a in advice.activities)
    assert len(set(advice.activities)) == len(advice.activities)


def test_challenges_cite_the_clause_in_a_consideration(catalog):
    advice = advise_element("maturity-communication", catalog)  # 7.4 is cited by challenges 1, 3 and 4
    assert set(advice.challenges) == {"challenge-1", "challenge-3", "challenge-4"}
    for cid in advice.challenges:
        considerations = catalog.get(cid).considerations
        assert any("7.4" in c.clauses or "5.2.2" in c.clauses or "8.3.2" in c.clauses for c in considerations)
    # a challenge citing only the parent clause "6" is not advice for risk (6.1)
    assert advise_element("maturity-risk", catalog).challenges == ()


def test_only_open_activities_that_overlap_are_listed(catalog):
    unrelated = [a.id for a in catalog.of_kind("activity") if not _linked(a.clauses, ["5.1"])][:20]
    related = [a.id for a in catalog.of_kind("activity") if "5.1" in a.clauses][:2]
    advice = advise_element("maturity-management-support", catalog, [*unrelated, *related, "no-such-activity"])
    assert set(advice.activities) == set(related)
    assert advise_element("maturity-management-support", catalog).activities == ()


def test_advice_is_deterministic(catalog):
    activities = [e.id for e in catalog.of_kind("activity")]
    first = advise_element("maturity-process", catalog, activities)
    again = advise_element("maturity-process", catalog, list(reversed(activities)))
    assert first == again


def test_advise_covers_the_weakest_elements_in_order(catalog):
    ids = ("maturity-risk", "maturity-process", "maturity-communication")
    given = [
        Response("maturity-risk", "U1", Choice.LEVEL_II, T0),
        Response("maturity-process", "U1", Choice.NOT_YET, T0),
        Response("maturity-communication", "U1", Choice.NOT_YET, T0),
    ]
    advice = advise(score(ids, given), catalog)
    assert [a.element_id for a in advice] == ["maturity-process", "maturity-communication"]
    assert advise(score(ids, []), catalog) == []


def test_a_non_maturity_id_is_refused(catalog):
    with pytest.raises(KeyError):
        advise_element("challenge-1", catalog)
