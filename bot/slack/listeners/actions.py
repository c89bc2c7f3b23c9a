"""Button clicks: every `feature:verb` action id goes to the router."""

from __future__ import annotations

import re

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.slack.deliver import deliver
from bot.slack.middleware import router_of
from bot.slack.payloads import action_context

ACTION_IDS = re.compile(r".+")  # every button: the router knows which it owns


def on_action(body: dict, action: dict, respond: Respond, context: BoltContext, client: WebClient) -> None:
    """The feature that owns the button acts (`ack_at_once` acknowledged it); unknown buttons do nothing."""
    ctx = action_context(body)
    outcome = router_of(context).handle_action(action["action_id"], action.get("value", ""), ctx)
    if outcome is not None:
        deliver(outcome, ctx, client=client, respond=respond)
