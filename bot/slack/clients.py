"""Web API clients: every one points at SLACK_API_URL and retries rate limits and connection errors."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler


def retry_handlers() -> list[RetryHandler]:
    """Retry a 429 after its Retry-After, and a dropped connection, a few times each."""
    return [ConnectionErrorRetryHandler(max_retry_count=2), RateLimitErrorRetryHandler(max_retry_count=3)]


def web_client(*, base_url: str, token: str | None = None) -> WebClient:
    return WebClient(token=token, base_url=base_url, retry_handlers=retry_handlers())
