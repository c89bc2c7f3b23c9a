"""Bolt middleware: the use cases' router in every listener's context, replies over a response_url retried,
and Slack's retries of an event dropped."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from slack_bolt import Ack, BoltContext, BoltResponse
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.chat.router import Router
from bot.slack.clients import WEB_API_TIMEOUT, RetryingRespond
from bot.storage import queries

log = logging.getLogger(__name__)


def provide(router: Router) -> Callable:
    """Global middleware: listeners find the router in `context["router"]`."""

    def provide_router(context: BoltContext, next: Callable[[], None]) -> None:
        context["router"] = router
        next()

    return provide_router


def respond_with_retries(context: BoltContext, next: Callable[[], None]) -> None:
    """Global middleware: replies over a response_url are retried like Web API calls, with the same timeout."""
    if context.response_url:
        client = context.client
        context["respond"] = RetryingRespond(
            response_url=context.response_url,
            proxy=client.proxy if client else None,
            ssl=client.ssl if client else None,
            timeout=client.timeout if client else WEB_API_TIMEOUT,
        )
    next()


def ack_at_once(ack: Ack, next: Callable[[], None]) -> None:
    """Listener middleware for commands, buttons and forms: acknowledged in the request's own thread.

    Bolt runs such a listener on its thread pool and holds the HTTP answer until the listener calls ack();
    with every pool thread busy (answers waiting on Slack), the ack would queue behind them past Slack's
    3 seconds. Acknowledged here, the listener's work waits for a thread and the request does not.
    """
    ack()
    next()


def first_delivery(sessions: sessionmaker[Session], clock: Callable[[], datetime]) -> Callable:
    """Listener middleware for events: each event id is handled once, whichever process a retry reaches.

    The claim is a unique row (INSERT ... ON CONFLICT DO NOTHING), so two processes cannot both win.
    """

    def claim_event(body: dict, next: Callable[[], None]) -> BoltResponse | None:
        event_id = body.get("event_id")
        if event_id:
            try:
                with sessions.begin() as session:
                    first = queries.claim_event(
                        session=session, team_id=body.get("team_id") or "", event_id=event_id, now=clock()
                    )
            except SQLAlchemyError:
                # the database is away: go on, so the person is told to try again (the use case cannot store)
                log.warning("cannot claim event %s: database unreachable", event_id)
                first = True
            if not first:
                log.info("event %s already handled; ignoring the retry", event_id)
                return BoltResponse(status=200, body="")
        next()
        return None

    return claim_event


def router_of(context: BoltContext) -> Router:
    """The router the global middleware put in the context."""
    return context["router"]
