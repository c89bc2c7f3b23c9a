"""The shipped knowledge is complete and consistent with PRODUCT.md."""

import subprocess
import sys
from collections import Counter

import pytest

from tests.conftest import ROOT

MATURITY_SLUGS = """management-support interested-parties process process-interaction process-management management
relationships requirement risk communication policy-and-objective resource responsibility engagement-and-commitment
personnel learning performance-indicator review-and-internal-audit external-and-internal-issues""".split()
GROUPS = """project-initiation management-responsibility documentation-requirements competence-awareness-and-training
planning-service-management implement-service-management monitor-measure-review continual-improvement
new-or-changed-services service-level-management service-reporting service-continuity-and-availability
budgeting-and-accounting capacity-management information-security-management business-relationship-management
supplier-management incident-management problem-management configuration-management change-management
release-management""".split()
CLAUSE_SAMPLE = [
    "4",
    "4.4",
    "5.2.2",
    "6.2.1",
    "7.5.4",
    "7.6",
    "8.2.6",
    "8.3.4.1",
    "8.3.4.2",
    "8.5.1.3",
    "8.5.2.3",
    "8.5.3",
    "8.6.2",
    "8.7.3.3",
    "9.4",
    "10.2",
]


def ids(catalog, kind):
    return {e.id for e in catalog.entries if e.kind == kind}


def test_every_clause_of_4_to_10(catalog):
    clauses = ids(catalog, "clause")
    assert len(clauses) == 77
    assert set(CLAUSE_SAMPLE) <= clauses
    # every subclause's parent exists
    assert all(c.rsplit(".", 1)[0] in clauses for c in clauses if "." in c)


def test_maturity_has_the_19_elements(catalog):
    assert ids(catalog, "maturity") == {f"maturity-{slug}" for slug in MATURITY_SLUGS}


def test_challenges_are_only_those_the_source_holds(catalog):
    assert ids(catalog, "challenge") == {"challenge-1", "challenge-2", "challenge-3", "challenge-4"}
    for entry in catalog.of_kind("challenge"):
        assert entry.considerations and all(c.clauses for c in entry.considerations)


def test_guidance_covers_4_1_to_5_7(catalog):
    expected = {f"guidance-4.{n}" for n in range(1, 14)} | {f"guidance-5.{n}" for n in range(1, 8)}
    expected |= {
        "guidance-5.2.1",
        "guidance-5.2.2",
        "guidance-5.2.3",
        "guidance-5.3.1",
        "guidance-5.3.2",
        "guidance-5.3.3",
    }
    assert expected <= ids(catalog, "guidance")
    assert catalog.get("guidance-5.3.1").checklists, "the business case contents are a checklist"


def test_activities_cover_every_group_and_phase(catalog):
    activities = catalog.of_kind("activity")
    assert len(activities) > 150
    groups = Counter(e.group for e in activities)
    assert set(GROUPS) <= set(groups)
    assert {f"activity-project-initiation-{x}" for x in "abcdefghi"} <= ids(catalog, "activity")
    assert {"activity-phase-1", "activity-phase-2", "activity-phase-3"} <= ids(catalog, "activity")
    assert all(e.who for e in activities if e.group not in ("phase", "new-or-changed-services"))
    for entry in activities:
        assert entry.id.startswith(f"activity-{entry.group}-")


def test_a_sub_item_does_not_repeat_its_parents_topic(catalog):
    """A sub-item's keywords name what it adds: one that repeats its parent's topic ("management representative"
    on "Authority to make sure SMS processes are established") takes the parent's questions from it."""
    by_id = {e.id: e for e in catalog.entries}
    repeated = {}
    for entry in catalog.of_kind("activity"):
        parent = by_id.get(entry.id.rsplit("-", 1)[0])
        if parent is None or not entry.id.rsplit("-", 1)[1].isdigit():
            continue
        roles = {r.lower() for r in entry.who}
        shared = {k.lower() for k in entry.keywords} & {k.lower() for k in parent.keywords}
        topics = {k for k in shared if k not in roles and not k.startswith("phase")}
        if topics:
            repeated[entry.id] = sorted(topics)
    assert repeated == {}


def test_every_entry_cites_its_source(catalog):
    assert all(e.source and e.clauses for e in catalog.entries)


@pytest.mark.skipif(not (ROOT.parent / "shared/tools/copycheck.py").exists(), reason="copycheck not available")
def test_knowledge_is_in_our_own_words():
    result = subprocess.run(
        [sys.executable, str(ROOT.parent / "shared/tools/copycheck.py"), str(ROOT / "knowledge")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:]
