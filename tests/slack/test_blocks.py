"""Every answer fits Slack's message limits, also for long organization entries."""

import pytest

from bot.knowledge import Answer, Catalog, Hit
from bot.knowledge.schema import GuidanceEntry, LocalEntry
from bot.views import answers
from bot.views import blocks as bk


def check_limits(blocks: list[dict]) -> None:
    assert 1 <= len(blocks) <= bk.MAX_BLOCKS
    for block in blocks:
        if block["type"] == "section":
            assert 0 < len(block["text"]["text"]) <= bk.MAX_SECTION
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= bk.MAX_HEADER
        if block["type"] == "context":
            assert all(len(element.get("text", "")) <= bk.MAX_SECTION for element in block["elements"])
        if block["type"] == "actions":
            assert all(len(b["text"]["text"]) <= bk.MAX_BUTTON_LABEL for b in block["elements"])
            ids = [b["action_id"] for b in block["elements"]]
            assert len(ids) == len(set(ids)), "action ids must differ within a block"


def test_every_shipped_entry_fits(catalog):
    for entry in catalog.entries:
        check_limits(answers.entry_message(entry, catalog, question_id=12345))


def test_a_huge_organization_entry_fits(catalog):
    huge = GuidanceEntry(
        id="guidance-acme-" + "x" * 100,
        kind="guidance",
        title="A very long local title " * 20,
        summary=("A local rule that goes on and on. " * 400) + "x" * 5000,
        clauses=["7.4"],
        source="Acme wiki",
        checklists=[{"title": f"List {n}", "items": [f"item {i} " * 30 for i in range(40)]} for n in range(5)],
    )
    big = Catalog([*catalog.entries, huge])
    blocks = answers.entry_message(huge, big, question_id=1)
    check_limits(blocks)
    assert blocks[-1]["type"] == "actions", "the feedback buttons survive shortening"
    assert "shortened to fit" in str(blocks)


def test_suggestion_buttons_fit_long_titles():
    entries = [
        LocalEntry(id=f"faq-{n}", kind="faq", title="T" * 300, summary="s", clauses=["7.4"], source="x")
        for n in range(3)
    ]
    answer = Answer(query="q" * 5000, answered=False, hits=tuple(Hit(e, 0.3) for e in entries))
    blocks = answers.answer_message(answer, Catalog(entries), question_id=None)
    check_limits(blocks)
    assert [b["action_id"] for b in blocks[-1]["elements"]] == ["ask:suggest:0", "ask:suggest:1", "ask:suggest:2"]


@pytest.mark.parametrize("text", ["", "short", "line\n" * 2000, "x" * 7000])
def test_sections_split_long_text(text):
    sections = bk.sections(text)
    assert all(len(s.text.text) <= bk.MAX_SECTION for s in sections)
    assert "".join(s.text.text.replace("\n", "") for s in sections) == text.replace("\n", "")


def test_every_kind_has_a_label_and_an_answer_order():
    from bot.knowledge.schema import KINDS
    from bot.views.entries import KIND_LABELS

    assert list(KIND_LABELS) == list(KINDS)


@pytest.mark.parametrize("people", [3, 12, 13, 300])
def test_an_elements_answers_stay_short_however_many_answer(catalog, people):
    from bot.assessment import Choice
    from bot.views.assessment import MAX_NAMED, element_message

    choices = list(Choice)
    answers = [(f"U{n:04d}", choices[n % len(choices)]) for n in range(people)]
    blocks = element_message(catalog.get("maturity-risk"), assessment_id=1, index=0, total=1, answers=answers)
    check_limits(blocks)
    [text] = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]
    named = [user for user, _ in answers if f"<@{user}>" in text]
    assert named == [user for user, _ in answers[-MAX_NAMED:]]  # the latest, in order
    if people > MAX_NAMED:  # every answer counted, per choice
        counted = {c.label: sum(1 for _, a in answers if a is c) for c in choices}
        assert text.startswith(f"{people} answers: ") and all(f"{label} {n}" in text for label, n in counted.items())
