"""The iso20k command as a user runs it: output contracts and bad input."""

import io
import json
import sys

import pytest

from bot.cli import main

RESULT_KEYS = {"kind", "id", "title", "clauses", "score"}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_json_matches_the_contract(capsys):
    code, out, _ = run(capsys, "ask", "--json", "what clause covers communication?")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"query", "answered", "results"}
    assert data["query"] == "what clause covers communication?"
    assert data["answered"] is True
    assert 1 <= len(data["results"]) <= 5
    assert all(set(r) == RESULT_KEYS for r in data["results"])
    assert data["results"][0]["id"] == "7.4" and data["results"][0]["clauses"] == ["7.4"]
    assert isinstance(data["results"][0]["score"], float)


def test_ask_readable_shows_the_entry_and_what_relates(capsys):
    code, out, _ = run(capsys, "ask", "what", "clause", "covers", "communication?")
    assert code == 0
    assert out.startswith("7.4  Communication")
    assert "Source: ISO/IEC 20000-1:2018, 7.4" in out and "Related:" in out


def test_ask_out_of_domain_says_what_it_can_answer(capsys):
    _, out, _ = run(capsys, "ask", "what's the weather like?")
    assert "outside what I know" in out and "ISO/IEC 20000-1" in out
    _, out, _ = run(capsys, "ask", "--json", "what's the weather like?")
    assert json.loads(out) == {"query": "what's the weather like?", "answered": False, "results": []}


def test_the_askers_own_errand_gets_no_suggestions_of_ours(capsys):
    # "my laptop won't start" shares words with information security incidents and asset management, but
    # suggesting them would be nonsense: the reply says what the bot answers instead
    _, out, _ = run(capsys, "ask", "my laptop won't start")
    assert "outside what I know" in out and "Did you mean" not in out
    _, out, _ = run(capsys, "ask", "--json", "which supplier do we use for office chairs")
    assert json.loads(out)["results"] == []


def test_ask_empty_question_shows_examples(capsys):
    code, out, _ = run(capsys, "ask")
    assert code == 0 and "Ask me a question" in out


def test_batch_answers_every_line_in_order(capsys, tmp_path):
    lines = ["clause 7.5.4", "", "level II for risk", "\x00\x01 junk \x7f", "x" * 10_000, "CMDB"]
    batch = tmp_path / "questions.txt"
    batch.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe broken utf8\n")
    code, out, _ = run(capsys, "ask", "--batch", str(batch))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == len(lines) + 1
    assert rows[0]["results"][0]["id"] == "7.5.4"
    assert rows[1] == {"query": "", "answered": False, "results": []}
    assert rows[2]["results"][0]["id"] == "maturity-risk"
    assert rows[5]["results"][0]["id"] == "8.2.6"
    assert "broken utf8" in rows[6]["query"]


def test_batch_from_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"8.2.6\r\nsection 10.1\n")))
    code, out, _ = run(capsys, "ask", "--batch", "-")
    assert code == 0
    assert [json.loads(line)["results"][0]["id"] for line in out.splitlines()] == ["8.2.6", "10.1"]


def test_batch_file_missing_is_a_clear_error(capsys, tmp_path):
    code, out, err = run(capsys, "ask", "--batch", str(tmp_path / "nope.txt"))
    assert code == 2 and out == ""
    assert "cannot read" in err and "nope.txt" in err


def test_knowledge_list_json(capsys, catalog):
    code, out, _ = run(capsys, "knowledge", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == len(catalog)
    assert all(set(r) == {"id", "kind", "title", "clauses", "source"} for r in rows)
    assert {"7.4", "challenge-1", "maturity-risk", "guidance-5.3.1", "activity-phase-1"} <= {r["id"] for r in rows}


def test_knowledge_check_reports_counts(capsys):
    code, out, _ = run(capsys, "knowledge", "check")
    assert code == 0 and out.startswith("knowledge OK:") and "77 clause" in out


def test_broken_organization_knowledge_stops_with_file_entry_field(capsys, tmp_path, monkeypatch):
    (tmp_path / "local.yaml").write_text("- id: faq-x\n  kind: faq\n  title: X\n  summary: Y\n  clauses: ['7.4']\n")
    monkeypatch.setenv("ISO20K_KNOWLEDGE_DIR", str(tmp_path))
    code, out, err = run(capsys, "ask", "--json", "comms")
    assert code == 2 and out == ""
    assert "local.yaml" in err and "faq-x" in err and "'source'" in err
    assert "Traceback" not in err


def test_bad_setting_is_one_line(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("ISO20K_KNOWLEDGE_DIR", str(tmp_path / "missing"))
    code, _, err = run(capsys, "knowledge", "check")
    assert code == 2 and err.count("\n") == 1 and "ISO20K_KNOWLEDGE_DIR" in err


def test_eval_prints_accuracy_per_kind(capsys, tmp_path):
    questions = tmp_path / "q.yaml"
    questions.write_text("- {q: comms, kind: clause, expect: ['7.4']}\n- {q: lunch menu, kind: out-of-domain}\n")
    code, out, _ = run(capsys, "eval", "--file", str(questions))
    assert code == 0
    assert "clause" in out and "1.000" in out and "declined 1.000" in out


@pytest.mark.parametrize(
    ("text", "named"),
    [("- {q: comms, kind: nonsense, expect: []}\n", "question 0.kind"), ("- q: [comms\n", "not valid YAML")],
)
def test_a_broken_question_set_is_named_not_a_traceback(capsys, tmp_path, text, named):
    questions = tmp_path / "q.yaml"
    questions.write_text(text)
    code, out, err = run(capsys, "eval", "--heldout", str(questions))
    assert code == 2 and named in err and "Traceback" not in err and out == ""


@pytest.mark.parametrize("argv", [["ask", "--json", ""], ["ask", "\x00\x00"], ["ask", "--json", "é" * 5000]])
def test_odd_questions_never_crash(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 0 and "Traceback" not in err
