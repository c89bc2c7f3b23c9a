"""Contexts read from Slack's payloads: which workspace, conversation, thread and person."""

from __future__ import annotations

from bot.chat.context import Context, Surface


def team_of(body: dict) -> str:
    """The workspace a request comes from (events, commands and interactions keep it in different places)."""
    return body.get("team_id") or (body.get("team") or {}).get("id") or ""


def mention_context(body: dict, event: dict) -> Context:
    """A mention: replies go in the thread of the message (or the thread it was in)."""
    return Context(
        team_id=team_of(body),
        surface=Surface.MENTION,
        channel_id=event.get("channel"),
        user_id=event.get("user"),
        thread_ts=event.get("thread_ts") or event.get("ts"),
        message_ts=event.get("ts"),
    )


def direct_message_context(body: dict, event: dict) -> Context:
    """A direct message: replies go in the DM (in a thread only when the message was in one)."""
    return Context(
        team_id=team_of(body),
        surface=Surface.DM,
        channel_id=event.get("channel"),
        user_id=event.get("user"),
        thread_ts=event.get("thread_ts"),
        message_ts=event.get("ts"),
    )


def command_context(command: dict) -> Context:
    """A slash command: replies only the user sees, in the channel where it was typed."""
    return Context(
        team_id=command.get("team_id", ""),
        surface=Surface.COMMAND,
        channel_id=command.get("channel_id"),
        user_id=command.get("user_id"),
    )


def action_context(body: dict) -> Context:
    """A button click: on a message in a thread, a channel, or a private reply."""
    container = body.get("container") or {}
    message = body.get("message") or {}
    ephemeral = bool(container.get("is_ephemeral"))
    channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
    return Context(
        team_id=team_of(body),
        surface=Surface.COMMAND if ephemeral else Surface.MENTION,
        channel_id=channel,
        user_id=(body.get("user") or {}).get("id"),
        thread_ts=message.get("thread_ts") or message.get("ts") or container.get("message_ts"),
        message_ts=container.get("message_ts") or message.get("ts"),
        ephemeral=ephemeral,
        trigger_id=body.get("trigger_id"),
    )


def form_context(body: dict, channel_id: str | None) -> Context:
    """A submitted form: the person, and the conversation the form was opened from."""
    return Context(
        team_id=team_of(body),
        surface=Surface.MENTION,
        channel_id=channel_id,
        user_id=(body.get("user") or {}).get("id"),
    )
