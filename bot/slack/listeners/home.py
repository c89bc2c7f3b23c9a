"""The App Home tab, published when a person opens it."""

from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.chat.context import Context, Surface
from bot.slack.middleware import router_of
from bot.slack.payloads import team_of


def on_home_opened(event: dict, body: dict, context: BoltContext, client: WebClient) -> None:
    """Publish the person's Home tab: the workspace's plans and assessments, and what the bot does."""
    if event.get("tab", "home") != "home":
        return
    ctx = Context(team_id=team_of(body), surface=Surface.DM, user_id=event.get("user"))
    client.views_publish(user_id=event["user"], view=router_of(context).home(ctx))
