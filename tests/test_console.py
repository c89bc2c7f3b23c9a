"""`iso20k console`: the same bot in a terminal, buttons as numbered choices."""

import subprocess
import sys

from sqlalchemy import select

from bot.console import run_console
from bot.storage.models import Feedback, Question
from tests.conftest import ROOT


def converse(router, lines):
    out: list[str] = []
    run_console(router, lines, out.append)
    return "".join(out)


def test_question_answer_and_feedback_button(router, session_factory):
    shown = converse(router, ["what clause covers communication?", "2", "quit", "ignored"])
    assert "CLAUSE 7.4 · COMMUNICATION" in shown and "[1] Helpful  [2] Not helpful" in shown
    assert "knowledge owners will see this question" in shown
    assert "*" not in shown.split("COMMUNICATION", 1)[1].split("[1]")[0], "mrkdwn marks are rendered away"
    with session_factory() as session:
        question = session.scalars(select(Question)).one()
        vote = session.scalars(select(Feedback)).one()
    assert (question.surface, question.top_entry_id) == ("console", "7.4")
    assert (vote.question_id, vote.helpful) == (question.id, False)


def test_did_you_mean_choice_and_help(router):
    shown = converse(router, ["service", "1", "7", "help", "/iso20k help"])
    assert "Did you mean" in shown
    assert "Pick a button from 1 to" in shown
    assert shown.count("helps you implement an ISO/IEC 20000-1") == 2


def test_console_command_runs_on_a_fresh_sqlite_file(tmp_path):
    db = tmp_path / "console.db"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input="level II for risk\nquit\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"DATABASE_URL": f"sqlite:///{db}", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "MATURITY-RISK · RISK" in result.stdout and db.exists()
