"""The App Home tab: what the bot does, then what each job has to show for the workspace."""

from __future__ import annotations

from slack_sdk.models.blocks import Block

from bot.views import blocks as bk


def home_view(help_text: str, sections: list[Block] | None = None) -> dict:
    """The Home tab: the jobs' sections (plans, assessments) first, then what the bot can do."""
    content: list[Block] = [bk.header("iso20k: your ISO/IEC 20000-1 assistant"), *(sections or [])]
    if sections:
        content.append(bk.divider())
    content += bk.sections(help_text)
    return {"type": "home", "blocks": bk.message(content)}
