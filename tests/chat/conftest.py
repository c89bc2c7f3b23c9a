"""Use cases with a clock the test moves and a directory of people it controls."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from bot.chat.context import Context, Surface
from bot.chat.features import build_router
from bot.chat.services import Services


class Clock:
    """A clock that stands still until the test moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class People:
    zones: dict[str, str] = field(default_factory=dict)
    admins: set[str] = field(default_factory=set)

    def time_zone(self, team_id: str, user_id: str) -> str | None:
        return self.zones.get(user_id)

    def is_admin(self, team_id: str, user_id: str) -> bool:
        return user_id in self.admins


@pytest.fixture
def clock():
    return Clock(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))  # a Monday


@pytest.fixture
def people():
    return People(zones={"U0ALICE": "Europe/Paris"}, admins={"U0ADMIN"})


@pytest.fixture
def team_services(index, session_factory, clock, people):
    return Services(index=index, sessions=session_factory, clock=clock, people=people)


@pytest.fixture
def team_router(team_services):
    return build_router(team_services)


def channel(user: str = "U0ALICE", channel_id: str = "C0PROJECT", team: str = "T0ACME") -> Context:
    """A mention in the project channel."""
    return Context(
        team_id=team, surface=Surface.MENTION, channel_id=channel_id, user_id=user, thread_ts="1.1", message_ts="1.1"
    )


def slash(user: str = "U0ALICE", channel_id: str = "C0PROJECT", team: str = "T0ACME") -> Context:
    return Context(team_id=team, surface=Surface.COMMAND, channel_id=channel_id, user_id=user)
