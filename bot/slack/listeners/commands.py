"""/iso20k: acknowledged at once, then routed; replies the asker sees, or posts the command asks for."""

from __future__ import annotations

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.slack.deliver import deliver
from bot.slack.middleware import router_of
from bot.slack.payloads import command_context


def on_command(command: dict, respond: Respond, context: BoltContext, client: WebClient) -> None:
    """The command's work, after `ack_at_once` acknowledged it."""
    ctx = command_context(command)
    deliver(router_of(context).handle_text(command.get("text", ""), ctx), ctx, client=client, respond=respond)
