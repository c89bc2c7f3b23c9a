"""End to end: signed HTTP requests into the real app; assertions on what the fake Slack Web API received."""

from __future__ import annotations

import json
import socket
import time

from sqlalchemy import select

from bot.storage.models import Feedback

MENTION_TS = "1700000000.000100"


def mention(text: str, **extra) -> dict:
    return {
        "type": "app_mention",
        "user": "U0ALICE",
        "text": f"<@UBOT> {text}",
        "ts": MENTION_TS,
        "channel": "C0PROJECT",
        "event_ts": MENTION_TS,
        **extra,
    }


def texts(blocks: list[dict]) -> str:
    """Everything a person reads in the blocks, as one string."""
    out = []
    for block in blocks:
        if "text" in block:
            out.append(block["text"]["text"])
        for element in block.get("elements", []):
            out.append(element["text"]["text"] if isinstance(element.get("text"), dict) else element.get("text", ""))
    return "\n".join(out)


def buttons(blocks: list[dict]) -> list[dict]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def test_mention_is_answered_in_its_thread(running_app):
    result = running_app.client.event(mention("what clause covers communication?"))
    assert result.status == 200
    [call] = running_app.slack.wait_for("chat.postMessage")
    assert call.body["channel"] == "C0PROJECT" and call.body["thread_ts"] == MENTION_TS
    shown = texts(call.body["blocks"])
    assert "Clause 7.4 · Communication" in shown and "Related" in shown
    assert [b["text"]["text"] for b in buttons(call.body["blocks"])] == ["Helpful", "Not helpful"]
    assert call.headers["Authorization"] == "Bearer xoxb-test"


def test_mention_inside_a_thread_replies_in_that_thread(running_app):
    running_app.client.event(mention("CMDB", thread_ts="1699999999.000001"))
    [call] = running_app.slack.wait_for("chat.postMessage")
    assert call.body["thread_ts"] == "1699999999.000001"
    assert "Clause 8.2.6" in texts(call.body["blocks"])


def test_direct_message_is_answered_in_the_dm(running_app):
    running_app.client.event(
        {
            "type": "message",
            "channel_type": "im",
            "channel": "D0ALICE",
            "user": "U0ALICE",
            "text": "level II for risk",
            "ts": "1700000001.000200",
        }
    )
    [call] = running_app.slack.wait_for("chat.postMessage")
    assert call.body["channel"] == "D0ALICE" and "thread_ts" not in call.body
    assert "maturity-risk" in texts(call.body["blocks"]) and "Level II" in texts(call.body["blocks"])


def test_bot_messages_and_edits_in_dms_are_ignored(running_app):
    running_app.client.event(
        {
            "type": "message",
            "channel_type": "im",
            "channel": "D0ALICE",
            "bot_id": "BBOT",
            "text": "an answer",
            "ts": "1.2",
        }
    )
    running_app.client.event(
        {"type": "message", "subtype": "message_changed", "channel_type": "im", "channel": "D0ALICE", "ts": "1.3"}
    )
    running_app.settle()
    assert running_app.slack.posts_to("D0ALICE") == []


def test_help_mention_explains_the_bot(running_app):
    running_app.client.event(mention("help"))
    [call] = running_app.slack.wait_for("chat.postMessage")
    assert "/iso20k" in texts(call.body["blocks"]) and "what clause covers communication?" in texts(call.body["blocks"])


def test_slash_command_answers_the_asker_and_can_be_shared(running_app):
    slack = running_app.slack
    result = running_app.client.command("clause 8.5.1", slack.response_url("cmd1"))
    assert result.status == 200
    [reply] = slack.wait_for("response:cmd1")
    assert reply.body["response_type"] == "ephemeral"
    share = [b for b in buttons(reply.body["blocks"]) if b["text"]["text"] == "Share in channel"]
    assert share and share[0]["value"] == "8.5.1"

    running_app.client.click("ask:share", "8.5.1", response_url=slack.response_url("share1"), ephemeral=True)
    [posted] = slack.wait_for("chat.postMessage")
    assert posted.body["channel"] == "C0PROJECT"
    assert "<@U0BOB> shared this answer" in texts(posted.body["blocks"])
    [cleanup] = slack.wait_for("response:share1")
    assert cleanup.body.get("delete_original") is True


def test_did_you_mean_choice_answers_when_clicked(running_app):
    slack = running_app.slack
    running_app.client.event(mention("service"))
    [first] = slack.wait_for("chat.postMessage")
    assert "Did you mean" in texts(first.body["blocks"])
    choices = buttons(first.body["blocks"])
    assert 1 <= len(choices) <= 3 and all(len(c["text"]["text"]) <= 75 for c in choices)
    message = {"ts": "1700000000.999", "thread_ts": MENTION_TS}
    running_app.client.click(
        choices[0]["action_id"], choices[0]["value"], message=message, response_url=slack.response_url("dym")
    )
    _, second = slack.wait_for("chat.postMessage", count=2)
    assert second.body["thread_ts"] == MENTION_TS
    assert choices[0]["value"] in texts(second.body["blocks"])


def test_an_errand_gets_what_the_bot_answers_in_its_thread_and_no_choices(running_app):
    running_app.client.event(mention("my laptop won't start"))
    [call] = running_app.slack.wait_for("chat.postMessage")
    shown = texts(call.body["blocks"])
    assert call.body["thread_ts"] == MENTION_TS
    assert "outside what I know" in shown and "Did you mean" not in shown
    assert not buttons(call.body["blocks"])


def test_feedback_click_is_stored(running_app):
    slack = running_app.slack
    running_app.client.event(mention("CMDB"))
    [answer] = slack.wait_for("chat.postMessage")
    not_helpful = [b for b in buttons(answer.body["blocks"]) if b["action_id"] == "ask:not_helpful"][0]
    running_app.client.click("ask:not_helpful", not_helpful["value"], response_url=slack.response_url("fb"))
    [thanks] = slack.wait_for("response:fb")
    assert thanks.body["response_type"] == "ephemeral" and thanks.body.get("replace_original") is False
    with running_app.runtime.sessions() as session:
        votes = session.scalars(select(Feedback)).all()
    assert [(v.user_id, v.helpful, v.entry_id, v.question_id) for v in votes] == [
        ("U0BOB", False, "8.2.6", int(not_helpful["value"]))
    ]


def test_retried_event_is_answered_once(running_app):
    event = mention("what clause covers communication?")
    first = running_app.client.event(event, event_id="Ev0RETRY")
    retry = running_app.client.event(
        event, event_id="Ev0RETRY", headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    )
    assert first.status == 200 and retry.status == 200
    running_app.slack.wait_for("chat.postMessage")
    running_app.settle()
    assert len(running_app.slack.posts_to("C0PROJECT")) == 1


def test_forged_and_stale_requests_are_refused(running_app):
    body = json.dumps(
        {"type": "event_callback", "team_id": "T0ACME", "event_id": "Ev0FORGED", "event": mention("comms")}
    )
    forged = running_app.client.post(body, "application/json", signature="v0=" + "0" * 64)
    stale = running_app.client.post(body, "application/json", timestamp=int(time.time()) - 6 * 60)
    assert forged.status == 401 and stale.status == 401
    running_app.settle()
    assert running_app.slack.posts_to("C0PROJECT") == []


def test_malformed_body_gets_4xx_and_the_server_keeps_serving(running_app):
    junk = running_app.client.post("{not json at all", "application/json")
    binary = running_app.client.post("\x00\x01\x02", "application/x-www-form-urlencoded")
    assert 400 <= junk.status < 500 and 400 <= binary.status < 500
    assert running_app.client.get("/healthz").status == 200
    running_app.client.event(mention("comms"))
    assert running_app.slack.wait_for("chat.postMessage")


def test_rate_limited_call_is_retried_after_retry_after(running_app):
    running_app.slack.fail("chat.postMessage", 429, {"Retry-After": "1"})
    running_app.client.event(mention("comms"))
    calls = running_app.slack.wait_for("chat.postMessage", count=2, timeout=15)
    assert len(calls) == 2 and calls[1].body["thread_ts"] == MENTION_TS


def test_app_home_lists_what_the_bot_does(running_app):
    running_app.client.event(
        {"type": "app_home_opened", "user": "U0ALICE", "channel": "D0ALICE", "tab": "home", "event_ts": "1.1"}
    )
    [call] = running_app.slack.wait_for("views.publish")
    assert call.body["user_id"] == "U0ALICE" and call.body["view"]["type"] == "home"
    assert "what clause covers communication?" in texts(call.body["view"]["blocks"])


def test_healthz(running_app):
    assert running_app.client.get("/healthz").status == 200
    assert running_app.client.get("/nope").status == 404


def test_oversized_and_unknown_requests_are_refused_without_a_crash(running_app):
    # announced as 2 MiB: the server answers 413 from the headers alone, before reading or parsing a body
    # (sending the body too races the server closing the connection)
    host, port = running_app.client.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 2097152\r\n\r\n"
        )
        assert conn.recv(64).startswith(b"HTTP/1.1 413")
    unknown = running_app.client.post(
        json.dumps(
            {
                "type": "event_callback",
                "team_id": "T0ACME",
                "event_id": "Ev0UNK",
                "event": {"type": "reaction_added", "user": "U1"},
            }
        ),
        "application/json",
    )
    odd_action = running_app.client.click("nobody:knows", "x", response_url=running_app.slack.response_url("odd"))
    assert unknown.status in (200, 404) and odd_action.status == 200
    running_app.settle()
    assert running_app.client.get("/healthz").status == 200


def test_commands_and_clicks_are_acknowledged_while_every_listener_thread_waits_on_slack(running_app):
    from bot.slack.app import LISTENER_THREADS

    slack = running_app.slack
    slack.delay("chat.postMessage", 5, times=LISTENER_THREADS)  # Slack holds every answer being posted
    for n in range(LISTENER_THREADS):
        running_app.client.event({**mention("CMDB"), "ts": f"7.{n}"})
    slack.wait_for("chat.postMessage", count=LISTENER_THREADS)  # each listener thread is waiting on Slack
    command = running_app.client.command("clause 8.5.1", slack.response_url("busy"))
    click = running_app.client.click("ask:helpful", "1", response_url=slack.response_url("busy-click"))
    held = slack.calls_to("chat.postMessage")
    # both acknowledged while Slack still holds every post: the acks did not queue for a listener thread
    assert command.status == 200 and click.status == 200 and not any(call.response for call in held)
    [reply] = slack.wait_for("response:busy", timeout=20)  # the work itself runs once a thread is free
    assert "8.5.1" in reply.body["text"]
