"""Who says something, where, and through which surface."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class Surface(StrEnum):
    """Where a request came from; decides how a reply is shown."""

    MENTION = "mention"  # @iso20k in a channel: reply in the message's thread
    DM = "dm"  # a direct message to the bot
    COMMAND = "command"  # /iso20k: replies only the asker sees
    CONSOLE = "console"  # iso20k console
    SCHEDULE = "schedule"  # the clock: no person asked


@dataclass(frozen=True)
class Context:
    """The workspace, conversation, thread and person of a request."""

    team_id: str
    surface: Surface
    channel_id: str | None = None
    user_id: str | None = None
    thread_ts: str | None = None  # the thread replies go in (None: the conversation itself)
    message_ts: str | None = None  # the message the request came from (the clicked one for buttons)
    ephemeral: bool = False  # the clicked message is one only this user sees
    trigger_id: str | None = None  # a click's permission to open a form (modal) for the user

    @property
    def private(self) -> bool:
        """True when replies should be seen by the asker alone."""
        return self.surface is Surface.COMMAND or self.ephemeral

    def in_thread(self, thread_ts: str | None) -> Context:
        return replace(self, thread_ts=thread_ts)
