"""A floor under the search quality on the project's question set (iso20k eval prints the figures)."""

from bot.knowledge.evaluate import OUT_OF_DOMAIN, evaluate, load_questions
from tests.conftest import ROOT


def test_question_set_is_large_and_varied():
    questions = load_questions(ROOT / "tests" / "questions.yaml")
    kinds = {q.kind for q in questions}
    assert len(questions) >= 200
    assert {"clause", "challenge", "maturity", "guidance", "activity", OUT_OF_DOMAIN} <= kinds
    assert sum(q.kind == OUT_OF_DOMAIN for q in questions) >= 20


def test_expected_ids_exist(catalog):
    for question in load_questions(ROOT / "tests" / "questions.yaml"):
        assert all(catalog.get(i) for i in question.expect), question.q


def test_search_quality_does_not_regress(index):
    report = evaluate(index, load_questions(ROOT / "tests" / "questions.yaml"))
    overall, ood = report.overall, report.kinds[OUT_OF_DOMAIN]
    assert overall.top1 / overall.total >= 0.82
    assert overall.top3 / overall.total >= 0.93
    assert (ood.total - ood.answered) / ood.total >= 0.9
