"""Text commands and button families as tables: the one place a message or click finds its use case.

A feature module (ask, assess, plan ...) declares a `FEATURE`: the words it answers to and the
buttons it owns. Buttons carry action ids `feature:verb` (an optional `:n` keeps ids unique within
a message). The help text is generated from the same table, so the two cannot drift.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.chat.context import Context
from bot.chat.outcome import Outcome, say
from bot.chat.services import Services
from bot.knowledge.text import printable
from bot.views import help as help_view
from bot.views import home as home_view

TextHandler = Callable[[Services, str, Context], Outcome | None]  # None: not mine, answer as a question
ActionHandler = Callable[[Services, str, Context], Outcome | None]
HomeSection = Callable[[Services, Context], list[Any]]  # Block Kit blocks for the App Home tab

log = logging.getLogger(__name__)
_LEADING_MENTIONS = re.compile(r"^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>\s*)+")  # "@iso20k ..." of a mention
_LEGACY_SUFFIX = re.compile(r"_\d+$")
HELP_WORDS = frozenset({"", "help", "?", "hi", "hello"})


@dataclass(frozen=True)
class Command:
    """A text command: its first word, what to do with the rest, and how help presents it."""

    word: str
    run: TextHandler
    usage: str
    summary: str


@dataclass(frozen=True)
class Feature:
    """One job of the bot: its commands, its buttons (verb -> handler) and its help section."""

    name: str
    title: str
    blurb: str
    commands: tuple[Command, ...] = ()
    actions: Mapping[str, ActionHandler] = field(default_factory=dict)
    examples: tuple[str, ...] = ()
    home: HomeSection | None = None
    guide: tuple[tuple[str, str], ...] = ()  # more (usage, summary) rows for help: a command's variants


class Router:
    """Finds the use case for a text or a click; a text no command claims is a question."""

    def __init__(
        self,
        services: Services,
        features: Sequence[Feature],
        *,
        question: TextHandler,
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        self.services = services
        self.features = tuple(features)
        self.question = question
        self.aliases = dict(aliases or {})  # action ids of messages posted by older versions
        self._commands = {c.word: c for f in self.features for c in f.commands}
        self._actions = {f.name: f.actions for f in self.features}
        if len(self._commands) != sum(len(f.commands) for f in self.features):
            raise ValueError("two features claim the same command word")

    def handle_text(self, text: str, ctx: Context) -> Outcome:
        """A message or slash command: help, a command, or a question."""
        try:
            return self._text(clean_text(text), ctx)
        except SQLAlchemyError:
            return self._database_down(ctx, "message")

    def _text(self, text: str, ctx: Context) -> Outcome:
        word, _, rest = text.partition(" ")
        if text.lower() in HELP_WORDS:
            return self.help(ctx)
        command = self._commands.get(word.lower())
        if command is not None:
            outcome = command.run(self.services, rest.strip(), ctx)
            if outcome is not None:
                return outcome
        return self.question(self.services, text, ctx) or Outcome()

    def handle_action(self, action_id: str, value: str, ctx: Context) -> Outcome | None:
        """A button click; None for an action id no feature owns."""
        handler = self._handler(action_id)
        if handler is None:
            return None
        try:
            return handler(self.services, value, ctx)
        except SQLAlchemyError:
            return self._database_down(ctx, action_id)

    def _database_down(self, ctx: Context, what: str) -> Outcome:
        # the transaction rolled back: nothing half-written stays; the person is told to retry
        log.exception("database error while handling a %s in %s/%s", what, ctx.team_id, ctx.channel_id)
        return say(
            "Sorry, I can't reach my database right now, so nothing was changed. Please try again in a minute.",
            private=True,
        )

    def owns(self, action_id: str) -> bool:
        """True when a click on this action id reaches a handler."""
        return self._handler(action_id) is not None

    def _handler(self, action_id: str) -> ActionHandler | None:
        legacy = _LEGACY_SUFFIX.sub("", action_id)  # ids of messages posted by older versions
        feature, _, rest = self.aliases.get(legacy, action_id).partition(":")
        return self._actions.get(feature, {}).get(rest.split(":", 1)[0])

    def help(self, ctx: Context) -> Outcome:
        blocks = help_view.help_message(self.features)
        return say("What iso20k can do", blocks, private=ctx.private)

    def home(self, ctx: Context) -> dict:
        """The App Home tab of a person: each feature's section, then the help."""
        sections = [block for f in self.features if f.home for block in f.home(self.services, ctx)]
        return home_view.home_view(help_view.help_text(self.features), sections)


def action_id(feature: str, verb: str, n: int | None = None) -> str:
    """The action id of a button: `feature:verb`, or `feature:verb:n` to keep ids unique in a message."""
    return f"{feature}:{verb}" if n is None else f"{feature}:{verb}:{n}"


def clean_text(text: str) -> str:
    """The message without the leading bot mention, control characters and surrounding space.

    Mentions further on stay: `plan assign top management @dana` needs them.
    """
    return " ".join(printable(_LEADING_MENTIONS.sub(" ", text or "")).split())
