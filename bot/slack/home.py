"""The App Home tab."""

from __future__ import annotations

from bot.slack import blocks as bk
from bot.slack.answers import HELP_TEXT


def home_view() -> dict:
    """What the bot can do, with example questions."""
    content = [bk.header("iso20k: your ISO/IEC 20000-1 assistant"), *bk.sections(HELP_TEXT)]
    return {"type": "home", "blocks": bk.message(content)}
