"""Bolt middleware: the use cases' router in every listener's context, replies over a response_url retried,
and Slack's retries of an event dropped."""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from slack_bolt import Ack, BoltContext
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.chat.router import Router
from bot.slack.clients import WEB_API_TIMEOUT, RetryingRespond
from bot.storage import queries

log = logging.getLogger(__name__)
Listener = Callable[..., None]


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


def first_delivery(sessions: sessionmaker[Session], clock: Callable[[], datetime]) -> Callable[[Listener], Listener]:
    """Wraps an event listener: each event id is handled once, whichever process a retry reaches.

    The claim is a unique row (INSERT ... ON CONFLICT DO NOTHING), so two processes cannot both win. It is
    made on the listener's thread, after Bolt acknowledged the event: the ack never waits for the database.
    """

    def first(body: dict) -> bool:
        event_id = body.get("event_id")
        if not event_id:
            return True
        try:
            with sessions.begin() as session:
                won = queries.claim_event(
                    session=session, team_id=body.get("team_id") or "", event_id=event_id, now=clock()
                )
        except SQLAlchemyError:
            # the database is away: go on, so the person is told to try again (the use case cannot store)
            log.warning("cannot claim event %s: database unreachable", event_id)
            return True
        if not won:
            log.info("event %s already handled; ignoring the retry", event_id)
        return won

    def wrap(listener: Listener) -> Listener:
        if "body" not in inspect.signature(listener).parameters:
            raise TypeError(f"{listener.__name__} must take `body` to be handled once per event")

        @functools.wraps(listener)  # Bolt reads the wrapped listener's argument names
        def once(**kwargs: Any) -> None:
            if first(kwargs["body"]):
                listener(**kwargs)

        return once

    return wrap


def router_of(context: BoltContext) -> Router:
    """The router the global middleware put in the context."""
    return context["router"]
