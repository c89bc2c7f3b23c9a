"""Slack retries events it thinks were missed: answer each event_id once, across all processes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from slack_bolt import BoltResponse
from sqlalchemy.orm import Session, sessionmaker

from bot.storage import queries


def once_per_event(sessions: sessionmaker[Session], clock: Callable[[], datetime]) -> Callable:
    """Bolt middleware: the first delivery of an event claims its id; later ones are acknowledged and dropped."""

    def middleware(body: dict, next: Callable, logger) -> BoltResponse | None:  # noqa: A002 - Bolt's name
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id:
            with sessions.begin() as session:
                first = queries.claim_event(session=session, team_id=body.get("team_id") or "",
                                            event_id=event_id, now=clock())
            if not first:
                logger.info("event %s already handled; ignoring the retry", event_id)
                return BoltResponse(status=200, body="")
        return next()

    return middleware
