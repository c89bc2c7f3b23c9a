"""Submitted forms (modals): acknowledged at once (closing the form), then routed like a button."""

from __future__ import annotations

import json

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.deliver import deliver
from bot.slack.middleware import router_of
from bot.slack.payloads import form_context
from bot.views.forms import submitted


def on_submission(body: dict, view: dict, context: BoltContext, client: WebClient) -> None:
    """The form's callback id names the action; its value is the form's context and what was typed.

    `ack_at_once` acknowledged it, which closes the form.
    """
    metadata, values = submitted(view)
    ctx = form_context(body, metadata.get("channel")).in_thread(metadata.get("thread"))
    value = json.dumps({"context": metadata.get("context", ""), "values": values})
    outcome = router_of(context).handle_action(view.get("callback_id", ""), value, ctx)
    if outcome is not None:
        deliver(outcome, ctx, client=client)
