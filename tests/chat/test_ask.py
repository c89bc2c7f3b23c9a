"""Ask's buttons: feedback, did-you-mean, share."""

from __future__ import annotations

from sqlalchemy import select

from bot.chat.context import Context, Surface
from bot.chat.outcome import DeleteSource, Ephemeral, Post
from bot.storage.models import Feedback, Question

CHANNEL = Context(team_id="T1", surface=Surface.MENTION, channel_id="C1", user_id="U1", thread_ts="1.1")
PRIVATE = Context(team_id="T1", surface=Surface.COMMAND, channel_id="C1", user_id="U1", ephemeral=True)


def test_did_you_mean_answers_where_the_list_was(router, session_factory):
    [post] = router.handle_action("ask:suggest:1", "8.2.6", CHANNEL).effects
    assert isinstance(post, Post) and post.thread and "8.2.6" in post.text
    [private] = router.handle_action("ask:suggest:0", "8.2.6", PRIVATE).effects
    assert isinstance(private, Ephemeral) and private.replace
    with session_factory() as session:
        assert [q.top_entry_id for q in session.scalars(select(Question))] == ["8.2.6", "8.2.6"]


def test_share_posts_for_the_channel_and_removes_the_private_copy(router):
    post, delete = router.handle_action("ask:share", "7.4", PRIVATE).effects
    assert isinstance(post, Post) and not post.thread and "<@U1> shared this answer" in post.text
    assert isinstance(delete, DeleteSource)


def test_unknown_entry_and_bad_feedback_change_nothing(router, session_factory):
    [gone] = router.handle_action("ask:share", "no-such-entry", PRIVATE).effects
    assert isinstance(gone, Ephemeral) and "no longer know" in gone.text
    [bad] = router.handle_action("ask:helpful", "not-a-number", CHANNEL).effects
    [missing] = router.handle_action("ask:helpful", "99999", CHANNEL).effects
    assert "not stored" in bad.text and "not stored" in missing.text
    with session_factory() as session:
        assert session.scalars(select(Feedback)).all() == []


def test_a_second_vote_replaces_the_first(router, session_factory):
    [answer] = router.handle_text("CMDB", CHANNEL).effects
    qid = next(e["value"] for b in answer.blocks if b["type"] == "actions" for e in b["elements"])
    router.handle_action("ask:helpful", qid, CHANNEL)
    router.handle_action("ask:not_helpful", qid, CHANNEL)
    with session_factory() as session:
        assert [(v.user_id, v.helpful) for v in session.scalars(select(Feedback))] == [("U1", False)]
