"""`iso20k report questions` shows knowledge owners what to add."""

from bot.chat import Chat, Context
from bot.cli import main


def test_report_lists_most_asked_unanswered_and_not_helpful(session_factory, index, database_url, monkeypatch,
                                                            capsys):
    chat = Chat(index=index, session_factory=session_factory)
    ctx = Context(team_id="T0ACME", channel_id="C1", user_id="U1", surface="mention")
    for _ in range(3):
        chat.reply_to_text("What clause covers communication?", ctx)
    chat.reply_to_text("what's the weather", ctx)
    answer = chat.reply_to_text("CMDB", ctx)
    question_id = next(e["value"] for b in answer.blocks if b["type"] == "actions" for e in b["elements"]
                       if e["action_id"] == "feedback_not_helpful")
    chat.reply_to_action("feedback_not_helpful", question_id, ctx)

    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["report", "questions"]) == 0
    out = capsys.readouterr().out
    most, unanswered, not_helpful = out.split("\n\n")[:3]
    assert "what clause covers communication" in most.lower() and "3" in most
    assert "weather" in unanswered
    assert "CMDB" in not_helpful and "8.2.6" in not_helpful
