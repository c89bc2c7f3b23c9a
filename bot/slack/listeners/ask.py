"""Questions and help: mentions, direct messages, /iso20k and the answer's buttons."""

from __future__ import annotations

import re

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.chat import Chat, Context, Reply
from bot.slack import answers
from bot.slack.dedupe import EventClaims

ANSWER_ACTIONS = re.compile(
    rf"^({answers.ACTION_HELPFUL}|{answers.ACTION_NOT_HELPFUL}|{answers.ACTION_SUGGESTION}_\d+|{answers.ACTION_SHARE})$"
)


def register(app: App, chat: Chat, claims: EventClaims) -> None:
    """Attach the question listeners to the app; `claims` drops Slack's retries of an answered event."""

    @app.event("app_mention")
    def on_mention(event: dict, body: dict, client: WebClient) -> None:
        if not claims.first_delivery(body):
            return
        ctx = Context(team_id=_team(body), channel_id=event.get("channel"), user_id=event.get("user"),
                      surface="mention")
        reply = chat.reply_to_text(event.get("text", ""), ctx)
        thread = event.get("thread_ts") or event.get("ts")
        client.chat_postMessage(channel=event["channel"], thread_ts=thread, text=reply.text, blocks=reply.blocks)

    @app.event("message")
    def on_message(event: dict, body: dict, client: WebClient) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return  # only people's direct messages; mentions in channels arrive as app_mention
        if not claims.first_delivery(body):
            return
        ctx = Context(team_id=_team(body), channel_id=event.get("channel"), user_id=event.get("user"), surface="dm")
        reply = chat.reply_to_text(event.get("text", ""), ctx)
        client.chat_postMessage(channel=event["channel"], thread_ts=event.get("thread_ts"), text=reply.text,
                                blocks=reply.blocks)

    @app.command("/iso20k")
    def on_command(ack: Ack, command: dict, respond: Respond) -> None:
        ack()  # within Slack's 3 seconds; the search runs after
        ctx = Context(team_id=command.get("team_id", ""), channel_id=command.get("channel_id"),
                      user_id=command.get("user_id"), surface="command")
        reply = chat.reply_to_text(command.get("text", ""), ctx)
        respond(text=reply.text, blocks=reply.blocks, response_type="ephemeral")

    @app.action(ANSWER_ACTIONS)
    def on_answer_button(ack: Ack, body: dict, action: dict, client: WebClient, respond: Respond) -> None:
        ack()
        container = body.get("container", {})
        channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
        ctx = Context(team_id=_team(body), channel_id=channel, user_id=(body.get("user") or {}).get("id"),
                      surface="command" if container.get("is_ephemeral") else "mention")
        reply = chat.reply_to_action(action["action_id"], action.get("value", ""), ctx)
        if reply is not None:
            _deliver_action_reply(reply, action["action_id"], body, client, respond)


def _deliver_action_reply(reply: Reply, action_id: str, body: dict, client: WebClient, respond: Respond) -> None:
    container = body.get("container", {})
    ephemeral_source = bool(container.get("is_ephemeral"))
    if action_id == answers.ACTION_SHARE:
        client.chat_postMessage(channel=container.get("channel_id") or body["channel"]["id"], text=reply.text,
                                blocks=reply.blocks)
        respond(delete_original=True)
    elif reply.ephemeral and not action_id.startswith(answers.ACTION_SUGGESTION):
        respond(text=reply.text, response_type="ephemeral", replace_original=False)
    elif ephemeral_source:
        respond(text=reply.text, blocks=reply.blocks, response_type="ephemeral", replace_original=True)
    else:
        message = body.get("message") or {}
        thread = message.get("thread_ts") or message.get("ts")
        client.chat_postMessage(channel=container.get("channel_id") or body["channel"]["id"], thread_ts=thread,
                                text=reply.text, blocks=reply.blocks)


def _team(body: dict) -> str:
    return body.get("team_id") or (body.get("team") or {}).get("id") or ""
