"""Scheduled upkeep of the database."""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.chat.services import Services
from bot.storage import queries

log = logging.getLogger(__name__)
KEEP_EVENT_CLAIMS = timedelta(days=1)  # Slack retries an event for minutes, never a day later


def prune_event_claims(services: Services) -> int:
    """Forget event ids older than a day; returns how many were removed."""
    with services.sessions.begin() as session:
        removed = queries.prune_processed_events(session=session, older_than=services.clock() - KEEP_EVENT_CLAIMS)
    if removed:
        log.info("pruned %d old event claims", removed)
    return removed
