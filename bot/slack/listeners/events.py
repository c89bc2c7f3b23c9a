"""Events: mentions in channels and direct messages, answered through the router."""

from __future__ import annotations

import logging

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.chat.context import Context
from bot.slack.deliver import deliver
from bot.slack.middleware import router_of
from bot.slack.payloads import direct_message_context, mention_context

log = logging.getLogger(__name__)


def is_person_dm(event: dict) -> bool:
    """Only people's direct messages; the bot's own messages and edits are not questions."""
    return event.get("channel_type") == "im" and not event.get("subtype") and not event.get("bot_id")


def on_mention(event: dict, body: dict, context: BoltContext, client: WebClient) -> None:
    """@iso20k ...: a command or a question, replied to in the message's thread."""
    _answer(event, body, mention_context(body, event), context, client)


def on_direct_message(event: dict, body: dict, context: BoltContext, client: WebClient) -> None:
    """A direct message to the bot: replied to in the DM."""
    _answer(event, body, direct_message_context(body, event), context, client)


def _answer(event: dict, body: dict, ctx: Context, context: BoltContext, client: WebClient) -> None:
    delivery = deliver(router_of(context).handle_text(event.get("text", ""), ctx), ctx, client=client)
    if delivery.failed:  # Slack will not resend an event it got its 200 for: this line is what is left of it
        log.error("event %s: %d of its replies could not be sent", body.get("event_id"), delivery.failed)
