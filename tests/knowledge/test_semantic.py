"""The static embedding: what a question means, beside its words."""

from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge.semantic import ALIKE, likeness, shipped_embedder


@pytest.fixture(scope="module")
def embedder():
    return shipped_embedder()


def test_texts_alike_in_meaning_are_closer_than_unrelated_ones(embedder):
    told, named, errand = embedder.embed_all(
        [
            "the board keeps postponing the project start",
            "top management does not support the project",
            "can you book me a meeting room for friday",
        ]
    )
    assert told @ named > told @ errand + 0.05


def test_a_text_without_word_pieces_means_nothing(embedder):
    vectors = embedder.embed_all(["", "   "])
    assert not vectors.any()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_every_text_becomes_a_unit_vector_or_nothing(text):
    vector = shipped_embedder().embed(text)
    norm = float(np.linalg.norm(vector))
    assert norm == 0.0 or abs(norm - 1.0) < 1e-4


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-1, 1), min_size=2, max_size=30), st.integers(1, 8))
def test_likeness_is_a_cosine_in_standard_deviations_from_the_knowledge_mean(cosines, dimensions):
    # one-hot question, entries whose first coordinate is the wanted cosine
    meanings = np.zeros((len(cosines), dimensions))
    meanings[:, 0] = cosines
    question = np.eye(dimensions)[0]
    z = likeness(meanings, question)
    if np.std(cosines) <= ALIKE:
        assert not z.any()  # every entry means the question as much: meaning tells none apart
        return
    assert abs(float(z.mean())) < 1e-6 and abs(float(z.std()) - 1.0) < 1e-6
    order = np.argsort(cosines, kind="stable")
    assert np.all(np.diff(z[order]) >= -1e-9)  # the more alike, the higher


def _with_meaning(index, question: str, favoured: str) -> list[str]:
    """The ranking when the question means exactly what `favoured` says, and nothing else."""
    original = index.meanings
    index.meanings = np.zeros_like(original)
    index.meanings[index.positions[favoured]] = index.embedder.embed(question)
    try:
        return [hit.entry.id for hit in index.search(question).hits]
    finally:
        index.meanings = original


def test_meaning_decides_between_entries_the_words_leave_close(index):
    question = "is a quarterly slide deck enough for the review"
    lexical = [hit.entry.id for hit in index.search(question).hits]
    runner_up = lexical[1]
    assert _with_meaning(index, question, runner_up)[0] == runner_up


def test_a_question_the_words_answer_is_left_to_the_words(index):
    question = "what clause covers communication?"
    assert index.search(question).hits[0].entry.id == "7.4"
    assert _with_meaning(index, question, "8.2.6")[0] == "7.4"


def test_a_situation_told_in_everyday_words_finds_the_clause_it_means(index):
    answer = index.search("management review: what must it cover, will a quarterly slide deck do")
    assert answer.hits[0].entry.id == "9.3"


def test_a_clause_named_by_number_keeps_its_place_whatever_the_rest_means(index):
    question = "clause 8.2.6 - our engineers keep skipping it when they swap hardware on weekends"
    assert index.search(question).hits[0].entry.id == "8.2.6"
    for favoured in ("7.4", "guidance-4.10", "activity-configuration-management-d"):
        assert _with_meaning(index, question, favoured)[0] == "8.2.6"


@pytest.mark.parametrize(
    "question, expected, favoured",
    [
        (
            "keeping track of laptops and software licences, what clause",
            "8.2.5",
            "activity-budgeting-and-accounting-b-1",
        ),
        ("thanks! and which clause covers the CAB?", "8.5.1.3", "activity-change-management-l"),
        ("the second approach", "guidance-5.2.3", "guidance-5.2.2"),
    ],
)
def test_what_the_question_names_keeps_its_place_whatever_the_rest_means(index, question, expected, favoured):
    # a clause asked for, or an approach named by number: the words say which, meaning only what it is about
    assert index.search(question).hits[0].entry.id == expected
    assert _with_meaning(index, question, favoured)[0] == expected


def test_a_typo_is_read_for_its_meaning_as_the_word_it_stands_for(index):
    # "chnage managment" means what "change management" means; a real word the embedding knows is kept
    terms = index.terms("chnage managment nearby")
    assert ("chnage", "change") in terms.respelled
    assert index.embedder.knows("nearby") and not index.embedder.knows("chnage")
    typo, plain = index.embedder.embed_all(["chnage managment", "change management"])
    assert typo @ plain < 0.95  # the word pieces of a typo mean something else ...
    answer = index.search("chnage managment")
    assert answer.answered and answer.hits[0].entry.id == "8.5.1"  # ... so the respelt words are embedded


def test_for_a_clause_asked_for_meaning_chooses_among_the_clauses_only(index):
    question = "which clause covers the monthly figures we send our customers"
    ids = [hit.entry.id for hit in index.search(question).hits]
    runner_up = next(i for i in ids[1:] if index.catalog.by_id[i].kind == "clause")
    assert _with_meaning(index, question, runner_up)[0] == runner_up  # a clause the question means moves up
    task = "activity-service-reporting-b"  # producing the reports: a task, not the requirement
    assert _with_meaning(index, question, task)[0] != task  # a task does not, whatever it means


_CORPUS = Path(__file__).resolve().parents[2] / "scripts" / "meaning_corpus"


@pytest.mark.parametrize("name", sorted(path.name for path in _CORPUS.glob("labeled*.yaml")))
def test_the_labeled_training_questions_name_real_entries_and_hold_no_evaluation_question(index, name):
    """scripts/meaning_corpus/labeled*.yaml train the vectors only: a stale id would stop the rebuild, and a
    question of the evaluation set among them would flatter it."""
    root = Path(__file__).resolve().parents[2]
    labeled = yaml.safe_load((_CORPUS / name).read_text(encoding="utf-8"))
    known = {entry.id for entry in index.entries}
    assert labeled and set(map(str, labeled)) <= known, sorted(set(map(str, labeled)) - known)
    asked = {q["q"].strip().lower() for q in yaml.safe_load((root / "tests" / "questions.yaml").read_text())}
    trained = {x.strip().lower() for questions in labeled.values() for x in questions}
    assert not asked & trained
