"""Web API clients: every one points at SLACK_API_URL and retries rate limits and connection errors."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.oauth.installation_store import InstallationStore


def retry_handlers() -> list[RetryHandler]:
    """Retry a 429 after its Retry-After, a dropped connection and a 5xx answer, a few times each."""
    return [
        ConnectionErrorRetryHandler(max_retry_count=2),
        RateLimitErrorRetryHandler(max_retry_count=3),
        ServerErrorRetryHandler(max_retry_count=2),
    ]


def web_client(*, base_url: str, token: str | None = None) -> WebClient:
    return WebClient(token=token, base_url=base_url, retry_handlers=retry_handlers())


class WorkspaceClients:
    """Clients for work no request started (the clock): the bot token of each workspace.

    With a single SLACK_BOT_TOKEN every workspace uses it; with OAuth the installation store has each
    workspace's token.
    """

    def __init__(
        self, *, base_url: str, bot_token: str | None = None, installations: InstallationStore | None = None
    ) -> None:
        self.base_url = base_url
        self.bot_token = bot_token
        self.installations = installations

    def for_team(self, team_id: str) -> WebClient | None:
        """A client with the workspace's bot token; None when the workspace has no installation."""
        if self.installations is not None:
            bot = self.installations.find_bot(enterprise_id=None, team_id=team_id)
            token = bot.bot_token if bot else None
        else:
            token = self.bot_token
        return web_client(base_url=self.base_url, token=token) if token else None
