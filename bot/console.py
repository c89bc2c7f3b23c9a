"""`iso20k console`: the bot in a terminal. Messages go through the same Chat the Slack listeners use;
replies are Block Kit, rendered here as text with buttons as numbered choices."""

from __future__ import annotations

import getpass
import html
import re
import textwrap
from collections.abc import Callable, Iterable

from bot.chat import Chat, Context, Reply

PROMPT = "you> "
_LINK = re.compile(r"<([^|>]+)\|([^>]+)>")
_MARKS = re.compile(r"(?<![\w*_`])([*_`])([^*_`\n]+)\1(?![\w*_`])")


def render(reply: Reply, width: int = 88) -> tuple[str, list[dict]]:
    """The reply as text and the buttons it offers, in order."""
    lines: list[str] = []
    buttons: list[dict] = []
    for block in reply.blocks or [{"type": "section", "text": {"type": "mrkdwn", "text": reply.text}}]:
        kind = block.get("type")
        if kind == "header":
            lines += ["", _plain(block["text"]["text"]).upper()]
        elif kind == "section":
            lines += [_wrap(_plain(block["text"]["text"]), width)]
        elif kind == "context":
            lines += [_wrap(_plain(" · ".join(e.get("text", "") for e in block["elements"])), width, "  ")]
        elif kind == "divider":
            lines.append("-" * min(width, 40))
        elif kind == "actions":
            start = len(buttons)
            buttons += [b for b in block["elements"] if b.get("type") == "button"]
            lines.append("  ".join(f"[{start + n + 1}] {_plain(b['text']['text'])}"
                                   for n, b in enumerate(buttons[start:])))
    return "\n".join(lines).strip("\n"), buttons


def _plain(mrkdwn: str) -> str:
    """Terminal text from Slack mrkdwn: links, *bold*, _italic_ and `code` marks dropped."""
    text = _LINK.sub(r"\2", mrkdwn)
    text = _MARKS.sub(r"\2", text)
    return html.unescape(text)


def _wrap(text: str, width: int, indent: str = "") -> str:
    return "\n".join(
        textwrap.fill(line, width, initial_indent=indent, subsequent_indent=indent) if line else ""
        for line in text.splitlines()
    )


def run_console(chat: Chat, lines: Iterable[str], write: Callable[[str], None], team_id: str = "console") -> None:
    """Read messages (or a button number) and write the bot's replies until the input ends or `quit`."""
    user = getpass.getuser()
    ctx = Context(team_id=team_id, channel_id="console", user_id=user, surface="console")
    write("iso20k console: ask a question as you would in Slack, `help` for examples, a number to press "
          "a button, `quit` to leave.\n")
    buttons: list[dict] = []
    for raw in lines:
        text = raw.strip()
        if text.lower() in ("quit", "exit", "/quit"):
            break
        if not text:
            continue
        if text.isdigit() and buttons:
            choice = int(text)
            if not 1 <= choice <= len(buttons):
                write(f"Pick a button from 1 to {len(buttons)}.\n")
                continue
            button = buttons[choice - 1]
            reply = chat.reply_to_action(button["action_id"], button.get("value", ""), ctx)
        else:
            reply = chat.reply_to_text(text.removeprefix("/iso20k").strip(), ctx)
        if reply is None:
            continue
        shown, offered = render(reply)
        buttons = offered or buttons
        write(shown + "\n\n")
