"""Web API and response_url clients: each waits WEB_API_TIMEOUT seconds for an answer, and retries rate limits,
server errors, connection errors and timeouts."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from ssl import SSLContext
from typing import Any
from urllib.error import URLError

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.models.attachments import Attachment
from slack_sdk.models.blocks import Block
from slack_sdk.oauth.installation_store import InstallationStore
from slack_sdk.webhook import WebhookClient, WebhookResponse

log = logging.getLogger(__name__)

# Slack answers in well under a second; one silent for this long is not going to answer (slack_sdk waits 30 s,
# which over three tries holds a listener thread for a minute and a half)
WEB_API_TIMEOUT = 10

# slack_sdk's ConnectionErrorRetryHandler retries URLError, ConnectionResetError and RemoteDisconnected only; a
# read timeout (the request went out, no answer came in time) is a bare TimeoutError that urllib does not wrap
CONNECTION_ERRORS: list[type[Exception]] = [URLError, ConnectionError, TimeoutError]


def retry_handlers() -> list[RetryHandler]:
    """Retry a 429 after its Retry-After, a dropped connection, a timeout and a 5xx answer, a few times each."""
    return [
        ConnectionErrorRetryHandler(max_retry_count=2, error_types=CONNECTION_ERRORS),
        RateLimitErrorRetryHandler(max_retry_count=3),
        ServerErrorRetryHandler(max_retry_count=2),
    ]


def web_client(*, base_url: str, token: str | None = None, timeout: int = WEB_API_TIMEOUT) -> WebClient:
    """A Web API client with our retries, giving up on an answer after `timeout` seconds."""
    return WebClient(token=token, base_url=base_url, timeout=timeout, retry_handlers=retry_handlers())


class RetryingRespond(Respond):
    """Bolt's `respond()` (a reply over the request's response_url) with the Web API clients' retries and timeout.

    Bolt's own retries a dropped connection once, and a 429 or 5xx answer not at all.
    """

    def __init__(
        self,
        *,
        response_url: str | None,
        proxy: str | None = None,
        ssl: SSLContext | None = None,
        timeout: int = WEB_API_TIMEOUT,
    ) -> None:
        super().__init__(response_url=response_url, proxy=proxy, ssl=ssl)
        self.timeout = timeout

    def __call__(
        self,
        text: str | dict = "",
        blocks: Sequence[dict | Block] | None = None,
        attachments: Sequence[dict | Attachment] | None = None,
        response_type: str | None = None,
        replace_original: bool | None = None,
        delete_original: bool | None = None,
        unfurl_links: bool | None = None,
        unfurl_media: bool | None = None,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> WebhookResponse:
        if self.response_url is None:
            raise ValueError("respond is unsupported here as there is no response_url")
        client = WebhookClient(
            url=self.response_url,
            timeout=self.timeout,
            proxy=self.proxy,
            ssl=self.ssl,
            retry_handlers=retry_handlers(),
        )
        message = (
            text
            if isinstance(text, dict)
            else {
                "text": text,
                "blocks": blocks,
                "attachments": attachments,
                "response_type": response_type,
                "replace_original": replace_original,
                "delete_original": delete_original,
                "unfurl_links": unfurl_links,
                "unfurl_media": unfurl_media,
                "thread_ts": thread_ts,
                "metadata": metadata,
            }
        )
        response = client.send_dict(message)  # None values are left out
        if response.status_code != 200:
            log.error("Slack refused a reply over response_url: %s %s", response.status_code, response.body)
        return response


class WorkspaceClients:
    """Clients for work no request started (the clock): the bot token of each workspace.

    With a single SLACK_BOT_TOKEN every workspace uses it; with OAuth the installation store has each
    workspace's token.
    """

    def __init__(
        self,
        *,
        base_url: str,
        bot_token: str | None = None,
        installations: InstallationStore | None = None,
        timeout: int = WEB_API_TIMEOUT,
    ) -> None:
        self.base_url = base_url
        self.bot_token = bot_token
        self.installations = installations
        self.timeout = timeout

    def for_team(self, team_id: str) -> WebClient | None:
        """A client with the workspace's bot token; None when the workspace has no installation."""
        if self.installations is not None:
            bot = self.installations.find_bot(enterprise_id=None, team_id=team_id)
            token = bot.bot_token if bot else None
        else:
            token = self.bot_token
        return web_client(base_url=self.base_url, token=token, timeout=self.timeout) if token else None
