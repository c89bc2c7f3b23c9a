"""The App Home tab, published when a person opens it."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.slack.dedupe import EventClaims
from bot.slack.home import home_view


def register(app: App, claims: EventClaims) -> None:
    @app.event("app_home_opened")
    def on_home_opened(event: dict, body: dict, client: WebClient) -> None:
        if event.get("tab", "home") == "home" and claims.first_delivery(body):
            client.views_publish(user_id=event["user"], view=home_view())
