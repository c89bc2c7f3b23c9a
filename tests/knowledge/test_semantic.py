"""The static embedding: what a question means, beside its words."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge.semantic import shipped_embedder


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
