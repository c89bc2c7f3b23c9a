"""The one place that turns an `Outcome` into Web API calls, after the use case's transaction committed."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.chat.context import Context
from bot.chat.outcome import DeleteSource, Effect, Ephemeral, Form, Outcome, Post, Update, Upload
from bot.views.blocks import defuse, fallback
from bot.views.forms import form_view

log = logging.getLogger(__name__)


@dataclass
class Delivery:
    """What went out: the anchored posts' timestamps, and how many effects Slack refused."""

    anchors: dict[str, str] = field(default_factory=dict)
    failed: int = 0


def deliver(outcome: Outcome, ctx: Context, *, client: WebClient, respond: Respond | None = None) -> Delivery:
    """Send each effect in order; returns the anchored posts' timestamps and the failures.

    A failed effect is logged and the others still go out: a chart that cannot be uploaded never
    loses the summary before it. Effects in the thread of a post that failed are skipped.
    """
    result = Delivery()
    for effect in outcome:
        try:
            _send(effect, ctx, client, respond, result.anchors)
        except SlackApiError as exc:
            result.failed += 1
            log.error(
                "Slack refused %s in %s/%s: %s",
                type(effect).__name__,
                ctx.team_id,
                ctx.channel_id,
                exc.response.get("error"),
            )
        except (_MissingAnchor, OSError) as exc:  # OSError: Slack out of reach after the client's retries
            result.failed += 1
            log.error("could not send %s in %s/%s: %s", type(effect).__name__, ctx.team_id, ctx.channel_id, exc)
    if outcome.then is not None and result.anchors:
        outcome.then(result.anchors)
    return result


class _MissingAnchor(LookupError):
    pass


def _thread(effect: Post | Upload, ctx: Context, anchors: dict[str, str], *, own_thread: bool) -> str | None:
    if effect.thread_of is not None:
        if effect.thread_of not in anchors:
            raise _MissingAnchor(effect.thread_of)
        return anchors[effect.thread_of]
    return ctx.thread_ts if own_thread else None


def _send(effect: Effect, ctx: Context, client: WebClient, respond: Respond | None, anchors: dict[str, str]) -> None:
    if isinstance(effect, Post | Update | Ephemeral):  # people's words are echoed: they must not ping a channel
        effect = replace(effect, text=defuse(effect.text), blocks=defuse(effect.blocks))
    if isinstance(effect, Post):
        channel = effect.channel_id or ctx.channel_id
        thread = _thread(effect, ctx, anchors, own_thread=effect.thread and effect.channel_id is None)
        response = client.chat_postMessage(
            channel=channel or "", thread_ts=thread, text=fallback(effect.text), blocks=effect.blocks or None
        )
        if effect.anchor:
            anchors[effect.anchor] = str(response["ts"])
    elif isinstance(effect, Update):
        if ctx.ephemeral and effect.ts is None and respond is not None:
            respond(text=fallback(effect.text), blocks=effect.blocks, replace_original=True)
        else:
            client.chat_update(
                channel=ctx.channel_id or "",
                ts=effect.ts or ctx.message_ts or "",
                text=fallback(effect.text),
                blocks=effect.blocks,
            )
    elif isinstance(effect, Ephemeral):
        if respond is not None:
            respond(
                text=fallback(effect.text),
                blocks=effect.blocks or None,
                response_type="ephemeral",
                replace_original=effect.replace,
            )
        elif ctx.channel_id and ctx.user_id:
            client.chat_postEphemeral(
                channel=ctx.channel_id,
                user=ctx.user_id,
                thread_ts=ctx.thread_ts,
                text=fallback(effect.text),
                blocks=effect.blocks or None,
            )
    elif isinstance(effect, DeleteSource):
        if respond is not None:
            respond(delete_original=True)
    elif isinstance(effect, Form):
        if ctx.trigger_id:
            client.views_open(trigger_id=ctx.trigger_id, view=form_view(effect, ctx.channel_id, ctx.thread_ts))
    elif isinstance(effect, Upload):
        if effect.private:
            channel = client.conversations_open(users=ctx.user_id or "")["channel"]["id"]
            thread = None
        else:
            channel, thread = ctx.channel_id or "", _thread(effect, ctx, anchors, own_thread=True)
        client.files_upload_v2(
            channel=channel,
            thread_ts=thread,
            content=effect.data(),
            filename=effect.filename,
            title=effect.title,
            initial_comment=effect.comment,
        )
