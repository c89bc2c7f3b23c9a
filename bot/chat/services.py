"""What the use cases need, passed in: the knowledge index, the database sessions, the clock, people."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import utcnow
from bot.knowledge import Catalog, SearchIndex


class People(Protocol):
    """What the surface knows about a person (Slack: users.info)."""

    def time_zone(self, team_id: str, user_id: str) -> str | None: ...

    def is_admin(self, team_id: str, user_id: str) -> bool: ...


class NoDirectory:
    """No directory (console, tests): no time zone known, nobody is an admin."""

    def time_zone(self, team_id: str, user_id: str) -> str | None:
        return None

    def is_admin(self, team_id: str, user_id: str) -> bool:
        return False


@dataclass
class Services:
    """The dependencies of every use case."""

    index: SearchIndex
    sessions: sessionmaker[Session]
    clock: Callable[[], datetime] = utcnow
    people: People = field(default_factory=NoDirectory)

    @property
    def catalog(self) -> Catalog:
        return self.index.catalog
