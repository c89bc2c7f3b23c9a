"""Listeners called directly with Mock(Ack) / Mock(WebClient), as bolt's starter template tests them."""

from __future__ import annotations

import inspect
from unittest.mock import Mock

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.chat.context import Context, Surface
from bot.chat.outcome import Outcome, Post, Update, Upload
from bot.clock import utcnow
from bot.slack.deliver import deliver
from bot.slack.listeners import actions, commands, events, home
from bot.slack.middleware import ack_at_once, first_delivery


def bolt_context(router) -> BoltContext:
    context = BoltContext()
    context["router"] = router
    return context


def test_mention_is_answered_in_the_thread(router):
    client = Mock(WebClient)
    event = {"type": "app_mention", "channel": "C1", "user": "U1", "text": "<@UBOT> CMDB", "ts": "9.9"}
    events.on_mention(event=event, body={"team_id": "T1"}, context=bolt_context(router), client=client)
    kwargs = client.chat_postMessage.call_args.kwargs
    assert kwargs["channel"] == "C1" and kwargs["thread_ts"] == "9.9" and "8.2.6" in kwargs["text"]


def test_direct_messages_from_people_only():
    assert events.is_person_dm({"channel_type": "im", "text": "hi"})
    assert not events.is_person_dm({"channel_type": "im", "bot_id": "B1"})
    assert not events.is_person_dm({"channel_type": "im", "subtype": "message_changed"})
    assert not events.is_person_dm({"channel_type": "channel", "text": "hi"})


def test_commands_clicks_and_forms_are_acked_before_their_listener_runs():
    ack, order = Mock(Ack), []
    ack.side_effect = lambda *a, **k: order.append("ack")
    ack_at_once(ack=ack, next=lambda: order.append("listener"))
    assert order == ["ack", "listener"]


def test_command_replies_privately(router):
    respond, client = Mock(Respond), Mock(WebClient)
    command = {"team_id": "T1", "channel_id": "C1", "user_id": "U1", "text": "level II for risk"}
    commands.on_command(command=command, respond=respond, context=bolt_context(router), client=client)
    assert respond.call_args.kwargs["response_type"] == "ephemeral"
    client.chat_postMessage.assert_not_called()


def test_unknown_button_is_ignored(router):
    respond, client = Mock(Respond), Mock(WebClient)
    body = {"team": {"id": "T1"}, "user": {"id": "U1"}, "channel": {"id": "C1"}, "container": {"message_ts": "1.1"}}
    actions.on_action(
        body=body,
        action={"action_id": "nobody:owns", "value": "x"},
        respond=respond,
        context=bolt_context(router),
        client=client,
    )
    respond.assert_not_called()
    client.chat_postMessage.assert_not_called()


def test_home_tab_is_published_for_the_person(router):
    client = Mock(WebClient)
    home.on_home_opened(
        event={"user": "U1", "tab": "home"}, body={"team_id": "T1"}, context=bolt_context(router), client=client
    )
    view = client.views_publish.call_args.kwargs["view"]
    assert client.views_publish.call_args.kwargs["user_id"] == "U1" and view["type"] == "home"


def test_an_event_listener_runs_for_the_first_delivery_only(session_factory):
    handled: list[str] = []

    def on_event(event: dict, body: dict) -> None:
        handled.append(event["text"])

    once = first_delivery(session_factory, utcnow)(on_event)
    body = {"team_id": "T1", "event_id": "Ev1"}
    once(event={"text": "first"}, body=body)
    once(event={"text": "retry"}, body=body)
    once(event={"text": "another"}, body={"team_id": "T1", "event_id": "Ev2"})
    assert handled == ["first", "another"]
    assert inspect.getfullargspec(inspect.unwrap(once)).args == ["event", "body"]  # what Bolt passes


def _response(data: dict) -> SlackResponse:
    return SlackResponse(
        client=None, http_verb="POST", api_url="x", req_args={}, data=data, headers={}, status_code=200
    )


def test_deliver_threads_posts_under_an_anchor_and_reports_it():
    client = Mock(WebClient)
    client.chat_postMessage.return_value = _response({"ok": True, "ts": "5.5"})
    seen: dict = {}
    outcome = Outcome([Post("header", thread=False, anchor="top"), Post("first", thread_of="top")], then=seen.update)
    ctx = Context(team_id="T1", surface=Surface.COMMAND, channel_id="C1", user_id="U1")
    deliver(outcome, ctx, client=client)
    first, second = client.chat_postMessage.call_args_list
    assert first.kwargs["thread_ts"] is None and second.kwargs["thread_ts"] == "5.5" and seen == {"top": "5.5"}


def test_a_failed_upload_does_not_stop_the_effects_around_it():
    client = Mock(WebClient)
    client.files_upload_v2.side_effect = SlackApiError("nope", _response({"ok": False, "error": "not_allowed"}))
    ctx = Context(
        team_id="T1", surface=Surface.MENTION, channel_id="C1", user_id="U1", thread_ts="1.1", message_ts="1.2"
    )
    deliver(Outcome([Upload("c.png", b"png", "chart"), Update("done")]), ctx, client=client)
    client.chat_update.assert_called_once()
    assert client.chat_update.call_args.kwargs["ts"] == "1.2"


def test_the_directory_keeps_answers_but_retries_failures():
    from bot.slack.people import SlackDirectory

    client = Mock(WebClient)
    client.users_info.side_effect = [
        SlackApiError("down", _response({"ok": False, "error": "fatal_error"})),
        _response({"ok": True, "user": {"id": "U1", "tz": "Europe/Paris", "is_admin": True}}),
    ]
    clients = Mock()
    clients.for_team.return_value = client
    people = SlackDirectory(clients)
    assert people.time_zone("T1", "U1") is None  # Slack failed: not remembered
    assert people.time_zone("T1", "U1") == "Europe/Paris" and people.is_admin("T1", "U1")
    assert client.users_info.call_count == 2
