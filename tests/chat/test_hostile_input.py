"""Any text and any click: a reply, never a crash; a lost database: a polite reply, nothing half-written."""

from __future__ import annotations

import socket

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine

from bot.chat.context import Context, Surface
from bot.chat.features import build_router
from bot.chat.outcome import Ephemeral
from bot.chat.services import Services
from bot.storage.db import make_session_factory
from bot.views.blocks import defuse
from tests.chat.conftest import channel

WORDS = st.sampled_from(
    [
        "plan",
        "remind",
        "nudge",
        "help",
        "start",
        "done",
        "assign",
        "snooze",
        "skip",
        "assess",
        "activity-incident-management-a",
        "<@U0X>",
        "2026-02-29",
        "--weeks",
        "12,0,x",
        "<!channel>",
        "stop",
        "change",
        "full",
        "for",
        "\u0000",
        "😀",
        "level",
        "ⅠⅡ",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.one_of(WORDS, st.text(max_size=30)), max_size=8))
def test_any_command_like_text_gets_a_reply(team_router, words):
    outcome = team_router.handle_text(" ".join(words), channel())
    assert outcome.effects, "every message gets an answer"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=0, max_size=40_000))
def test_any_question_text_gets_a_reply(team_router, text):
    assert team_router.handle_text(text, channel()).effects


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    action=st.sampled_from(
        [
            "plan:done:1",
            "plan:snooze",
            "plan:replace",
            "plan:all",
            "plan:evidence",
            "plan:evidence_form",
            "ask:helpful",
            "ask:share",
            "ask:suggest:0",
            "assess:answer",
            "nobody:home",
        ]
    ),
    value=st.one_of(st.text(max_size=60), st.sampled_from(["1|activity-x|9", "|||", "{}", '{"context": 1}'])),
)
def test_any_click_value_is_refused_politely(team_router, action, value):
    outcome = team_router.handle_action(action, value, channel(team="T0OTHER"))
    assert outcome is None or outcome.effects is not None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_lost_database_gets_a_polite_reply(index):
    dead = create_engine(f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none", pool_pre_ping=True)
    router = build_router(Services(index=index, sessions=make_session_factory(dead)))
    ctx = Context(team_id="T1", surface=Surface.MENTION, channel_id="C1", user_id="U1", thread_ts="1.1")
    for outcome in (
        router.handle_text("what clause covers communication?", ctx),
        router.handle_text("plan start 2026-01-05", ctx),
        router.handle_action("plan:done:0", "1|activity-project-initiation-a|0", ctx),
    ):
        [reply] = outcome.effects
        assert isinstance(reply, Ephemeral) and "try again in a minute" in reply.text


def test_broadcast_mentions_are_defused_everywhere_in_a_message():
    blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": "evidence: <!channel> and <!here|here>"}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "<!everyone> <!subteam^S0ABC|@ops> <@U1>"}]},
    ]
    safe = defuse(blocks)
    assert "<!" not in str(safe) and "@channel" in str(safe) and "@ops" in str(safe) and "<@U1>" in str(safe)
