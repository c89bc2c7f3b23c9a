"""What the bot does with a message or a button click, whatever the surface (Slack or console).

Slack listeners and the console both call `Chat`; they only differ in how they receive input
and deliver the `Reply`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.knowledge import SearchIndex
from bot.knowledge.text import printable
from bot.slack import answers
from bot.storage import queries

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Context:
    """Who says something where."""

    team_id: str
    channel_id: str | None = None
    user_id: str | None = None
    surface: str = "console"  # mention, dm, command, console


@dataclass(frozen=True)
class Reply:
    text: str
    blocks: list[dict] = field(default_factory=list)
    ephemeral: bool = False  # only the asker sees it


class Chat:
    """The bot's behaviour, with its dependencies passed in."""

    def __init__(self, *, index: SearchIndex, session_factory: sessionmaker[Session],
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.index = index
        self.sessions = session_factory
        self.clock = clock

    def reply_to_text(self, text: str, ctx: Context) -> Reply:
        """Answer a message: a command (help) or a question."""
        text = clean_text(text)
        if text.lower() in ("", "help", "?", "hi", "hello"):
            return Reply(text="What iso20k can do", blocks=answers.help_message(), ephemeral=ctx.surface == "command")
        return self.answer(text, ctx)

    def answer(self, question: str, ctx: Context) -> Reply:
        result = self.index.search(question)
        top = result.top.entry.id if result.answered and result.top else None
        with self.sessions.begin() as session:
            question_id = queries.record_question(
                session=session, team_id=ctx.team_id, channel_id=ctx.channel_id, user_id=ctx.user_id,
                text=question, answered=result.answered, top_entry_id=top, surface=ctx.surface, now=self.clock(),
            )
        shareable = ctx.surface == "command"
        blocks = answers.answer_message(result, self.index.catalog, question_id, shareable=shareable)
        title = f"{result.top.entry.id} {result.top.entry.title}" if top else "No confident answer"
        return Reply(text=title, blocks=blocks, ephemeral=shareable)

    def show_entry(self, entry_id: str, ctx: Context) -> Reply:
        """An entry picked from a did-you-mean list: answered as if asked for."""
        entry = self.index.catalog.get(entry_id)
        if entry is None:
            return Reply(text=f"I no longer know the entry {entry_id}.", ephemeral=True)
        with self.sessions.begin() as session:
            question_id = queries.record_question(
                session=session, team_id=ctx.team_id, channel_id=ctx.channel_id, user_id=ctx.user_id,
                text=entry.title, answered=True, top_entry_id=entry.id, surface=ctx.surface, now=self.clock(),
            )
        blocks = answers.entry_message(entry, self.index.catalog, question_id)
        return Reply(text=f"{entry.id} {entry.title}", blocks=blocks, ephemeral=ctx.surface == "command")

    def share(self, entry_id: str, ctx: Context) -> Reply:
        """An answer the asker saw alone, posted for the channel."""
        entry = self.index.catalog.get(entry_id)
        if entry is None:
            return Reply(text=f"I no longer know the entry {entry_id}.", ephemeral=True)
        intro = f"<@{ctx.user_id}> shared this answer:" if ctx.user_id else "Shared answer:"
        blocks = answers.entry_message(entry, self.index.catalog, intro=intro)
        return Reply(text=f"{intro} {entry.id} {entry.title}", blocks=blocks)

    def feedback(self, question_id: str, helpful: bool, ctx: Context) -> Reply:
        """Store a helpful / not helpful vote (one per person and answer; a second click replaces it)."""
        try:
            qid = int(question_id)
            with self.sessions.begin() as session:
                queries.record_feedback(session=session, team_id=ctx.team_id, question_id=qid,
                                        user_id=ctx.user_id or "console", helpful=helpful, now=self.clock())
        except (ValueError, LookupError):
            return Reply(text="I couldn't find that answer any more, so the feedback was not stored.", ephemeral=True)
        if helpful:
            return Reply(text="Thanks! Glad it helped.", ephemeral=True)
        return Reply(text="Thanks for telling me. The knowledge owners will see this question in their report.",
                     ephemeral=True)

    def reply_to_action(self, action_id: str, value: str, ctx: Context) -> Reply | None:
        """A button click: feedback, did-you-mean choice or share."""
        if action_id == answers.ACTION_HELPFUL:
            return self.feedback(value, True, ctx)
        if action_id == answers.ACTION_NOT_HELPFUL:
            return self.feedback(value, False, ctx)
        if action_id.startswith(answers.ACTION_SUGGESTION):
            return self.show_entry(value, ctx)
        if action_id == answers.ACTION_SHARE:
            return self.share(value, ctx)
        return None


def clean_text(text: str) -> str:
    """The message without bot mentions, control characters and surrounding space."""
    text = _MENTION.sub(" ", text or "")
    return " ".join(printable(text).split())
