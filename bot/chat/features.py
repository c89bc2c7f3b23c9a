"""The bot's jobs, one row each: adding a job means adding its module and its row here."""

from __future__ import annotations

from bot.chat import ask, assess, plan
from bot.chat.router import Feature, Router
from bot.chat.services import Services

FEATURES: tuple[Feature, ...] = (
    ask.FEATURE,
    assess.FEATURE,
    plan.FEATURE,
)


def build_router(services: Services) -> Router:
    """The router over every feature; a text no command claims is answered as a question."""
    return Router(services, FEATURES, question=ask.answer, aliases=ask.LEGACY_ACTIONS)
