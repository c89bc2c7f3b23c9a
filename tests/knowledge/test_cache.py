"""The built index kept on disk: read back only when built from the very same files, never trusted when damaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_settings
from bot.knowledge import KnowledgeError, cache
from bot.knowledge.cache import cached_index

FAQ = (
    "- id: faq-ticket-tool\n  kind: faq\n  title: Which ticket tool we use\n"
    "  summary: Incidents and requests are logged in {tool}.\n  clauses: ['8.6.1']\n"
    "  source: Acme service desk handbook, 2\n  keywords: [{tool}, ticketing tool]\n"
)
QUESTIONS = [
    "what clause covers communication?",
    "who runs the CAB in phase 2",
    "our execs keep postponing the kick-off",
]


def ranked(index, question: str) -> list[tuple[str, float]]:
    answer = index.search(question)
    return [(hit.entry.id, round(hit.score, 9)) for hit in answer.hits] + [("confidence", answer.confidence)]


@pytest.fixture
def built_fresh(monkeypatch):
    """Counts the indexes built from the knowledge files (as opposed to read back)."""
    built: list[object] = []
    real = cache.load_catalog

    def counting(extra_dir):
        built.append(extra_dir)
        return real(extra_dir)

    monkeypatch.setattr(cache, "load_catalog", counting)
    return built


def test_second_run_reads_the_kept_index_and_answers_the_same(tmp_path, index, built_fresh):
    first = cached_index(None, folder=tmp_path)
    second = cached_index(None, folder=tmp_path)
    assert len(built_fresh) == 1
    assert [p.name for p in tmp_path.glob("index-*.pickle")] and second is not first
    for question in QUESTIONS:
        assert ranked(second, question) == ranked(index, question) == ranked(first, question)


def test_edited_knowledge_is_indexed_anew_and_the_old_index_dropped(tmp_path, built_fresh):
    org, kept = tmp_path / "org", tmp_path / "cache"
    org.mkdir()
    (org / "faq.yaml").write_text(FAQ.format(tool="HelpHub"))
    assert cached_index(org, folder=kept).search("helphub").hits[0].entry.id == "faq-ticket-tool"
    (org / "faq.yaml").write_text(FAQ.format(tool="DeskPro"))
    edited = cached_index(org, folder=kept)
    assert len(built_fresh) == 2
    assert edited.search("deskpro").hits[0].entry.id == "faq-ticket-tool"
    assert len(list(kept.glob("index-*.pickle"))) == 1


def test_broken_knowledge_is_reported_though_an_index_was_kept(tmp_path):
    org, kept = tmp_path / "org", tmp_path / "cache"
    org.mkdir()
    (org / "faq.yaml").write_text(FAQ.format(tool="HelpHub"))
    cached_index(org, folder=kept)
    (org / "faq.yaml").write_text(FAQ.format(tool="HelpHub").replace("  source: Acme service desk handbook, 2\n", ""))
    with pytest.raises(KnowledgeError, match="source"):
        cached_index(org, folder=kept)


def test_a_damaged_kept_index_is_rebuilt(tmp_path, index, built_fresh):
    cached_index(None, folder=tmp_path)
    [kept] = tmp_path.glob("index-*.pickle")
    kept.write_bytes(kept.read_bytes()[:1000])
    rebuilt = cached_index(None, folder=tmp_path)
    assert len(built_fresh) == 2
    assert ranked(rebuilt, QUESTIONS[0]) == ranked(index, QUESTIONS[0])
    assert cached_index(None, folder=tmp_path) is not None and len(built_fresh) == 2  # the rebuilt one was kept


def test_a_cache_folder_that_cannot_be_written_still_answers(tmp_path, built_fresh):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    assert cached_index(None, folder=blocked).search("comms").hits[0].entry.id == "7.4"
    assert cached_index(None, folder=blocked) is not None and len(built_fresh) == 2
    assert blocked.read_text() == "a file where the cache folder should be"
    assert not list(tmp_path.glob(".tmp-*"))


def test_the_cache_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert load_settings().index_cache_dir == tmp_path / "iso20k"
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    assert load_settings().index_cache_dir == Path.home() / ".cache" / "iso20k"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert load_settings().index_cache_dir == Path.home() / ".cache" / "iso20k"


def test_the_command_keeps_its_index_in_the_cache_folder(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert main(["ask", "--json", "comms"]) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["id"] == "7.4"
    assert len(list((tmp_path / "iso20k").glob("index-*.pickle"))) == 1
