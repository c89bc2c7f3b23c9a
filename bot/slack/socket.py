"""Socket Mode: one process connects out to Slack, no public URL needed."""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.slack.clients import web_client


def run_socket_mode(app: App, *, app_token: str, api_url: str) -> None:
    """Connect and serve until interrupted."""
    SocketModeHandler(app, app_token=app_token, web_client=web_client(base_url=api_url, token=app_token)).start()
