"""Builds what every process needs from the settings: knowledge index, database, use cases, jobs."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.chat import housekeeping, nudges
from bot.chat.features import build_router
from bot.chat.router import Router
from bot.chat.services import NoDirectory, People, Services
from bot.clock import utcnow
from bot.config import ConfigError, Settings
from bot.knowledge import SearchIndex, build_index
from bot.scheduler import Jobs
from bot.storage.db import make_engine, make_session_factory
from bot.storage.migrate import MigrationError, check_up_to_date, upgrade

if TYPE_CHECKING:
    from bot.slack.clients import WorkspaceClients


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    index: SearchIndex
    services: Services
    router: Router
    clock: Callable[[], datetime]

    def jobs(self, clients: WorkspaceClients | None = None) -> Jobs:
        """The scheduled jobs of this process, bound to its services (and Slack clients for posts)."""
        sweep = None
        if clients is not None:
            from bot.slack.scheduled import ScheduledPoster

            poster = ScheduledPoster(clients)
            sweep = lambda: nudges.sweep(self.services, poster)  # noqa: E731
        return Jobs(prune_event_claims=lambda: housekeeping.prune_event_claims(self.services), nudge_sweep=sweep)


def build_runtime(
    settings: Settings,
    *,
    migrate: bool = False,
    clock: Callable[[], datetime] = utcnow,
    index: SearchIndex | None = None,
    people: People | None = None,
) -> Runtime:
    """Load the knowledge and open the database; refuse an un-migrated database unless told to migrate."""
    index = index or build_index(settings.iso20k_knowledge_dir, settings.index_cache_dir)
    engine = open_database(settings.database_url, migrate=migrate)
    sessions = make_session_factory(engine)
    services = Services(index=index, sessions=sessions, clock=clock, people=people or NoDirectory())
    return Runtime(
        settings=settings,
        engine=engine,
        sessions=sessions,
        index=index,
        services=services,
        router=build_router(services),
        clock=clock,
    )


def settle_heap() -> None:
    """Take what start-up loaded (modules, the knowledge index, the app) out of the garbage collector's sight.

    A long-running process keeps all of it to the end; without this every full collection walks it again,
    a pause that lands on whichever request or sweep allocates at that moment.
    """
    gc.collect()
    gc.freeze()


def open_database(url: str, *, migrate: bool) -> Engine:
    """An engine on a reachable database at the current schema, or a ConfigError that says what to do."""
    engine = make_engine(url)
    where = engine.url.render_as_string(hide_password=True)
    try:
        if migrate:
            upgrade(url)
        check_up_to_date(engine)
    except MigrationError as exc:
        raise ConfigError(f"DATABASE_URL: {exc} (or start with --migrate)") from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise ConfigError(
            f"DATABASE_URL: cannot use the database {where} ({reason}): check the URL and that the server is running"
        ) from None
    return engine
