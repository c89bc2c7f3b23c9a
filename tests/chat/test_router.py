"""The router: commands and buttons found through one table, help generated from it."""

from __future__ import annotations

from bot.chat.context import Context, Surface
from bot.chat.features import FEATURES
from bot.chat.outcome import Ephemeral, Outcome, Post, say
from bot.chat.router import Command, Feature, Router

CTX = Context(team_id="T1", surface=Surface.MENTION, channel_id="C1", user_id="U1", thread_ts="1.1")


def echo_feature(calls: list) -> Feature:
    def run(services, rest, ctx):
        calls.append(("cmd", rest))
        return say(f"echo {rest}") if rest != "pass" else None

    def click(services, value, ctx):
        calls.append(("click", value))
        return say("clicked")

    return Feature(
        name="echo",
        title="Echo",
        blurb="says it back",
        commands=(Command("echo", run, "echo TEXT", "repeat TEXT"),),
        actions={"push": click},
        examples=("echo hi",),
    )


def question(services, text, ctx):
    return say(f"Q: {text}")


def test_a_command_word_reaches_its_feature_and_the_rest_is_a_question():
    calls: list = []
    router = Router(services=None, features=[echo_feature(calls)], question=question)
    [post] = router.handle_text("<@UBOT>  echo   hello  world", CTX).effects
    assert post.text == "echo hello world" and calls == [("cmd", "hello world")]
    [post] = router.handle_text("what is echo?", CTX).effects
    assert post.text == "Q: what is echo?"


def test_a_command_that_declines_falls_back_to_a_question():
    router = Router(services=None, features=[echo_feature([])], question=question)
    [post] = router.handle_text("echo pass", CTX).effects
    assert post.text == "Q: echo pass"


def test_buttons_dispatch_on_the_feature_verb_prefix():
    calls: list = []
    router = Router(services=None, features=[echo_feature(calls)], question=question)
    assert router.handle_action("echo:push:3", "v1", CTX) is not None
    assert router.handle_action("echo:pull", "v2", CTX) is None
    assert router.handle_action("other:push", "v3", CTX) is None
    assert calls == [("click", "v1")]
    assert router.owns("echo:push") and not router.owns("echo:pull")


def test_legacy_action_ids_still_reach_their_handler():
    calls: list = []
    router = Router(services=None, features=[echo_feature(calls)], question=question, aliases={"old_push": "echo:push"})
    router.handle_action("old_push_2", "v", CTX)
    assert calls == [("click", "v")]


def test_help_is_generated_from_the_table_and_private_for_slash_commands():
    router = Router(services=None, features=[echo_feature([])], question=question)
    [post] = router.handle_text("help", CTX).effects
    assert isinstance(post, Post) and "`echo TEXT`: repeat TEXT" in str(post.blocks) and "echo hi" in str(post.blocks)
    [private] = router.handle_text("", Context(team_id="T1", surface=Surface.COMMAND)).effects
    assert isinstance(private, Ephemeral)


def test_two_features_cannot_claim_one_word():
    try:
        Router(services=None, features=[echo_feature([]), echo_feature([])], question=question)
    except ValueError as exc:
        assert "same command word" in str(exc)
    else:
        raise AssertionError("expected a ValueError")


def test_every_shipped_feature_command_is_in_help(router):
    [post] = router.handle_text("help", CTX).effects
    shown = str(post.blocks)
    for feature in FEATURES:
        assert feature.title in shown
        for command in feature.commands:
            assert command.usage in shown


def test_ask_answers_in_the_thread_and_privately_to_slash_commands(router):
    [post] = router.handle_text("what clause covers communication?", CTX).effects
    assert isinstance(post, Post) and post.thread and post.text.startswith("7.4")
    outcome: Outcome = router.handle_text("CMDB", Context(team_id="T1", surface=Surface.COMMAND, user_id="U1"))
    [private] = outcome.effects
    assert isinstance(private, Ephemeral) and "ask:share" in str(private.blocks)
