"""Block Kit builders: the one place where Slack's message limits are enforced."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypeVar

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_BUTTON_LABEL = 75
MAX_BUTTON_VALUE = 2000
MAX_BUTTONS = 25
MAX_CONTEXT_ELEMENTS = 10
MAX_FALLBACK = 3000
T = TypeVar("T")


def clip(text: str, limit: int) -> str:
    """Shorten text to a limit, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_BROADCAST = re.compile(r"<!(channel|here|everyone|subteam\^[A-Z0-9]+)(?:\|([^>]*))?>", re.IGNORECASE)


def defuse(value: T) -> T:
    """Text, or Block Kit, in which @channel, @here, @everyone and group mentions no longer notify anyone.

    People's own words (evidence, reasons, questions) are echoed back; they must never ping a channel.
    """
    if isinstance(value, str):
        return _BROADCAST.sub(lambda m: "@" + (m.group(2) or m.group(1).split("^")[0]), value)  # type: ignore[return-value]
    if isinstance(value, list):
        return [defuse(item) for item in value]  # type: ignore[return-value]
    if isinstance(value, dict):
        return {key: defuse(item) for key, item in value.items()}  # type: ignore[return-value]
    return value


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def header(text: str) -> HeaderBlock:
    return HeaderBlock(text=PlainTextObject(text=clip(text, MAX_HEADER), emoji=True))


def sections(text: str) -> list[SectionBlock]:
    """One or more sections holding the text, split at line breaks to stay under 3000 characters."""
    chunks: list[str] = []
    current = ""
    for line in text.splitlines() or [""]:
        while len(line) > MAX_SECTION:
            cut = line.rfind(" ", 0, MAX_SECTION) if " " in line[:MAX_SECTION] else MAX_SECTION
            chunks, current = _flush(chunks, current)
            chunks.append(line[:cut])
            line = line[cut:].lstrip()
        if len(current) + len(line) + 1 > MAX_SECTION:
            chunks, current = _flush(chunks, current)
        current = f"{current}\n{line}" if current else line
    chunks, _ = _flush(chunks, current)
    return [SectionBlock(text=MarkdownTextObject(text=chunk)) for chunk in chunks]


def _flush(chunks: list[str], current: str) -> tuple[list[str], str]:
    if current.strip():
        chunks.append(current)
    return chunks, ""


def context(*texts: str) -> ContextBlock:
    elements = [MarkdownTextObject(text=clip(t, MAX_SECTION)) for t in texts if t][:MAX_CONTEXT_ELEMENTS]
    return ContextBlock(elements=elements)


def divider() -> DividerBlock:
    return DividerBlock()


def button(label: str, action_id: str, value: str, style: str | None = None) -> ButtonElement:
    """A button; label and value clipped to Slack's limits."""
    return ButtonElement(
        text=clip(label, MAX_BUTTON_LABEL), action_id=action_id, value=clip(value, MAX_BUTTON_VALUE), style=style
    )


def actions(buttons: Sequence[ButtonElement], block_id: str | None = None) -> ActionsBlock:
    return ActionsBlock(elements=list(buttons)[:MAX_BUTTONS], block_id=block_id)


def message(blocks: Iterable[Block]) -> list[dict]:
    """The blocks as dicts, at most 50: a long message keeps its closing buttons."""
    kept: list[Block] = list(blocks)
    if len(kept) > MAX_BLOCKS:
        tail: list[Block] = [b for b in kept[-2:] if isinstance(b, ActionsBlock)]
        keep = MAX_BLOCKS - 1 - len(tail)
        kept = [*kept[:keep], context("_…shortened to fit in one Slack message._"), *tail]
    return [block.to_dict() for block in kept]


def fallback(text: str) -> str:
    """The plain-text version of a message (notifications, screen readers)."""
    return clip(text, MAX_FALLBACK)
