"""The help message and App Home intro, generated from the router's feature table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.views import blocks as bk

INTRO = (
    "*iso20k* helps you implement an ISO/IEC 20000-1 service management system the way "
    "ISO/IEC TS 20000-5 recommends. Mention me in a channel (`@iso20k ...`, I reply in the thread), "
    "send me a direct message, or use `/iso20k ...` (only you see the reply)."
)


class CommandHelp(Protocol):
    @property
    def usage(self) -> str: ...

    @property
    def summary(self) -> str: ...


class FeatureHelp(Protocol):
    @property
    def title(self) -> str: ...

    @property
    def blurb(self) -> str: ...

    @property
    def commands(self) -> Sequence[CommandHelp]: ...

    @property
    def examples(self) -> Sequence[str]: ...

    @property
    def guide(self) -> Sequence[tuple[str, str]]: ...


def help_text(features: Sequence[FeatureHelp]) -> str:
    """Every feature: what it does, its commands and examples, in mrkdwn."""
    parts = [INTRO]
    for feature in features:
        lines = [f"*{feature.title}* · {feature.blurb}"]
        lines += [f"• `{c.usage}`: {c.summary}" for c in feature.commands]
        lines += [f"• `{usage}`: {summary}" for usage, summary in feature.guide]
        if feature.examples:
            lines.append("Examples: " + ", ".join(f"`{e}`" for e in feature.examples))
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def help_message(features: Sequence[FeatureHelp]) -> list[dict]:
    return bk.message(bk.sections(help_text(features)))
