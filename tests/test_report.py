"""`iso20k report questions` shows knowledge owners what to add."""

from bot.chat.context import Context, Surface
from bot.cli import main


def test_report_lists_most_asked_unanswered_and_not_helpful(router, database_url, monkeypatch, capsys):
    ctx = Context(team_id="T0ACME", surface=Surface.MENTION, channel_id="C1", user_id="U1")
    for _ in range(3):
        router.handle_text("What clause covers communication?", ctx)
    router.handle_text("what's the weather", ctx)
    [answer] = router.handle_text("CMDB", ctx).effects
    question_id = next(
        e["value"]
        for b in answer.blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "ask:not_helpful"
    )
    router.handle_action("ask:not_helpful", question_id, ctx)

    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["report", "questions"]) == 0
    out = capsys.readouterr().out
    most, unanswered, not_helpful = out.split("\n\n")[:3]
    assert "what clause covers communication" in most.lower() and "3" in most
    assert "weather" in unanswered
    assert "CMDB" in not_helpful and "8.2.6" in not_helpful
