"""Which elements `assess ...` asks: the default set, "full", names with typos, the scope after "for"."""

from __future__ import annotations

import pytest

from bot.assessment.elements import (
    DEFAULT_ELEMENTS,
    DEFAULT_RATIONALE,
    MAX_SCOPE,
    ElementNameError,
    Selection,
    match_element,
    parse_assess_args,
)


def test_default_set_is_six_existing_maturity_elements(catalog):
    assert len(DEFAULT_ELEMENTS) == 6
    assert len(set(DEFAULT_ELEMENTS)) == 6
    assert all(catalog.get(i) is not None and catalog.get(i).kind == "maturity" for i in DEFAULT_ELEMENTS)
    assert DEFAULT_RATIONALE.endswith(".") and len(DEFAULT_RATIONALE) < 250


def test_nothing_means_the_default_set(catalog):
    assert parse_assess_args("", catalog) == Selection(DEFAULT_ELEMENTS, None, full=False)
    assert parse_assess_args("   ", catalog) == Selection(DEFAULT_ELEMENTS, None, full=False)


@pytest.mark.parametrize("word", ["full", "all", "FULL", " All "])
def test_full_means_all_nineteen_in_catalog_order(catalog, word):
    selection = parse_assess_args(word, catalog)
    assert selection.full
    assert selection.element_ids == tuple(e.id for e in catalog.of_kind("maturity"))
    assert len(selection.element_ids) == 19


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("risk, communication", ("maturity-risk", "maturity-communication")),
        ("risk and comms", ("maturity-risk", "maturity-communication")),
        ("comunication", ("maturity-communication",)),
        ("Performance indicators", ("maturity-performance-indicator",)),
        ("maturity-risk", ("maturity-risk",)),
        ("review-and-internal-audit", ("maturity-review-and-internal-audit",)),
        ("Review and internal audit", ("maturity-review-and-internal-audit",)),
        ("reveiw and internal audit", ("maturity-review-and-internal-audit",)),
        ("risk and review and internal audit", ("maturity-risk", "maturity-review-and-internal-audit")),
        ("engagement & commitment", ("maturity-engagement-and-commitment",)),
        ("managment suport; processes", ("maturity-management-support", "maturity-process")),
        ("process interaction", ("maturity-process-interaction",)),
        ("external issues", ("maturity-external-and-internal-issues",)),
    ],
)
def test_element_names_with_typos_plurals_ids_and_slugs(catalog, text, expected):
    selection = parse_assess_args(text, catalog)
    assert selection.element_ids == expected
    assert selection.scope is None
    assert not selection.full


def test_duplicates_are_removed_keeping_the_first_order(catalog):
    selection = parse_assess_args("communication, risk, Risk, comms, maturity-risk", catalog)
    assert selection.element_ids == ("maturity-communication", "maturity-risk")


@pytest.mark.parametrize(
    ("text", "ids", "scope", "full"),
    [
        ("for incident management", DEFAULT_ELEMENTS, "incident management", False),
        (
            "risk, communication for change management",
            ("maturity-risk", "maturity-communication"),
            "change management",
            False,
        ),
        ("full for service desk", None, "service desk", True),
        ("risk for   Change    Management ", ("maturity-risk",), "Change Management", False),
        ("risk for", ("maturity-risk",), None, False),
        ("performance indicator for the service desk", ("maturity-performance-indicator",), "the service desk", False),
    ],
)
def test_scope_after_for(catalog, text, ids, scope, full):
    selection = parse_assess_args(text, catalog)
    assert selection.scope == scope
    assert selection.full is full
    if ids is not None:
        assert selection.element_ids == ids


def test_scope_is_cut_to_its_maximum(catalog):
    selection = parse_assess_args("risk for " + "very long scope " * 20, catalog)
    assert selection.scope is not None
    assert len(selection.scope) <= MAX_SCOPE
    assert selection.scope.startswith("very long scope very")
    assert selection.scope == selection.scope.strip()


def test_unknown_names_raise_with_the_valid_titles(catalog):
    with pytest.raises(ElementNameError) as caught:
        parse_assess_args("risk, banana and kiwi", catalog)
    error = caught.value
    assert error.unknown == ["banana", "kiwi"]
    assert error.valid == [e.title for e in catalog.of_kind("maturity")]
    assert "banana" in str(error) and "Review and internal audit" in str(error)
    assert isinstance(error, ValueError)


@pytest.mark.parametrize("text", ["internal", "full, risk", "xyz for incident management"])
def test_ambiguous_or_unknown_raise(catalog, text):
    with pytest.raises(ElementNameError):
        parse_assess_args(text, catalog)


def test_match_element(catalog):
    assert match_element("Risk", catalog) == "maturity-risk"
    assert match_element("relationship", catalog) == "maturity-relationships"
    assert match_element("kpis", catalog) == "maturity-performance-indicator"
    assert match_element("management", catalog) == "maturity-management"
    assert match_element("process", catalog) == "maturity-process"
    assert match_element("", catalog) is None
    assert match_element("banana", catalog) is None
