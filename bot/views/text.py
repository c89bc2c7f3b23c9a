"""Plain text for the terminal: Block Kit rendered as text (console) and answers (`iso20k ask`)."""

from __future__ import annotations

import html
import re
import textwrap

from bot.knowledge import Answer, Catalog
from bot.knowledge.schema import Entry
from bot.views.entries import DOMAIN, EXAMPLES, details

_LINK = re.compile(r"<([^|>]+)\|([^>]+)>")
_MARKS = re.compile(r"(?<![\w*_`])([*_`])([^*_`\n]+)\1(?![\w*_`])")


def render_blocks(text: str, blocks: list[dict], width: int = 88, first: int = 1) -> tuple[str, list[dict]]:
    """A message as text, and the buttons it offers, in order, numbered from `first`."""
    lines: list[str] = []
    buttons: list[dict] = []
    for block in blocks or [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]:
        kind = block.get("type")
        if kind == "header":
            lines += ["", plain(block["text"]["text"]).upper()]
        elif kind == "section":
            lines += [_wrap(plain(block["text"]["text"]), width)]
        elif kind == "context":
            lines += [_wrap(plain(" · ".join(e.get("text", "") for e in block["elements"])), width, "  ")]
        elif kind == "divider":
            lines.append("-" * min(width, 40))
        elif kind == "image":
            lines.append(f"[image: {block.get('alt_text', '')}]")
        elif kind == "actions":
            start = len(buttons)
            buttons += [b for b in block["elements"] if b.get("type") == "button"]
            lines.append(
                "  ".join(f"[{first + start + n}] {plain(b['text']['text'])}" for n, b in enumerate(buttons[start:]))
            )
    return "\n".join(lines).strip("\n"), buttons


def plain(mrkdwn: str) -> str:
    """Terminal text from Slack mrkdwn: links, *bold*, _italic_ and `code` marks dropped."""
    text = _LINK.sub(r"\2", mrkdwn)
    text = _MARKS.sub(r"\2", text)
    return html.unescape(text)


def _wrap(text: str, width: int, indent: str = "") -> str:
    return "\n".join(
        textwrap.fill(line, width, initial_indent=indent, subsequent_indent=indent) if line else ""
        for line in text.splitlines()
    )


def entry_line(entry: Entry) -> str:
    return f"{entry.id}  {entry.title}  [{entry.kind}; clauses {', '.join(entry.clauses)}]"


def _detail_lines(entry: Entry) -> list[str]:
    lines: list[str] = []
    for detail in details(entry):
        if detail.items:
            lines.append(f"{detail.label}:")
            lines += [f"  - {item}" for item in detail.items]
        else:
            lines.append(f"{detail.label}: {detail.text}")
    return lines


def render_answer(answer: Answer, catalog: Catalog, width: int = 88) -> str:
    """The readable answer of `iso20k ask`: the top entry, its related entries, or suggestions."""

    def wrap(text: str, indent: str = "") -> str:
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)

    if not answer.query:
        return "Ask me a question, for example:\n" + "\n".join(f'  iso20k ask "{q}"' for q in EXAMPLES)
    if not answer.answered or answer.top is None:
        if answer.hits:
            out = [f'I\'m not sure what you mean by "{answer.query}". Did you mean:']
            out += [f"  {entry_line(hit.entry)}" for hit in answer.hits[:3]]
            return "\n".join(out)
        return f"That is outside what I know. I answer questions about {DOMAIN}, e.g.:\n" + "\n".join(
            f"  {q}" for q in EXAMPLES
        )
    top = answer.top.entry
    out = [entry_line(top), "", wrap(top.summary)]
    detail = _detail_lines(top)
    if detail:
        out += [""] + [wrap(line, "  ") if not line.startswith(" ") else line for line in detail]
    out += ["", f"Source: {top.source}"]
    related = catalog.related(top.id)
    if related:
        out += ["", "Related:"] + [f"  {entry_line(e)}" for e in related]
    others = [hit.entry for hit in answer.hits[1:] if hit.entry not in related]
    if others:
        out += ["", "Also matching:"] + [f"  {entry_line(e)}" for e in others]
    return "\n".join(out)
