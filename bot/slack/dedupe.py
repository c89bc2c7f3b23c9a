"""Slack retries events it thinks were missed: answer each event_id once, across all processes.

Listeners ask `first_delivery` before doing anything. They run after the ack, so the claim (a row
with a unique event_id) does not slow the ack down, and a retry of an event that this or any other
process already claimed does nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.storage import queries

log = logging.getLogger(__name__)


class EventClaims:
    def __init__(self, sessions: sessionmaker[Session], clock: Callable[[], datetime]) -> None:
        self.sessions = sessions
        self.clock = clock

    def first_delivery(self, body: dict) -> bool:
        """True for the first delivery of the event in `body` (or a body without event id)."""
        event_id = body.get("event_id")
        if not event_id:
            return True
        with self.sessions.begin() as session:
            first = queries.claim_event(session=session, team_id=body.get("team_id") or "", event_id=event_id,
                                        now=self.clock())
        if not first:
            log.info("event %s already handled; ignoring the retry", event_id)
        return first
