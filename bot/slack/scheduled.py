"""Posts no request asked for (the weekly nudge): each workspace's token, one message per second per channel."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from bot.chat.context import Context, Surface
from bot.chat.outcome import Outcome
from bot.slack.clients import WorkspaceClients
from bot.slack.deliver import deliver

log = logging.getLogger(__name__)
PER_CHANNEL_SECONDS = 1.0  # Slack's chat.postMessage limit: about one message per second per channel


class ScheduledPoster:
    """The `Poster` of the nudge sweep: True when every message of the outcome was accepted."""

    def __init__(
        self,
        clients: WorkspaceClients,
        *,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clients = clients
        self.sleep = sleep
        self.monotonic = monotonic
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def __call__(self, team_id: str, channel_id: str, outcome: Outcome) -> bool:
        client = self.clients.for_team(team_id)
        if client is None:
            log.error("no bot token for workspace %s: is the app still installed there?", team_id)
            return False
        self._wait_for(channel_id, len(outcome.effects))
        return (
            deliver(
                outcome, Context(team_id=team_id, surface=Surface.SCHEDULE, channel_id=channel_id), client=client
            ).failed
            == 0
        )

    def _wait_for(self, channel_id: str, messages: int) -> None:
        with self._lock:
            ready = self._last.get(channel_id, float("-inf")) + PER_CHANNEL_SECONDS
            now = self.monotonic()
            if ready > now:
                self.sleep(ready - now)
            self._last[channel_id] = max(now, ready) + PER_CHANNEL_SECONDS * (messages - 1)
