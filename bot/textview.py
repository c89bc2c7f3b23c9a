"""Plain-text views of answers, for the terminal."""

from __future__ import annotations

import textwrap

from bot.knowledge import Answer, Catalog
from bot.knowledge.schema import Entry

EXAMPLES = (
    "what clause covers communication?",
    "level II for risk",
    "phase 1 incident activities",
    "who owns the capacity plan?",
    "clause 8.5.1",
)


def entry_line(entry: Entry) -> str:
    clauses = ", ".join(entry.clauses)
    return f"{entry.id}  {entry.title}  [{entry.kind}; clauses {clauses}]"


def entry_details(entry: Entry) -> list[str]:
    """The lines that say what an entry holds beyond its summary."""
    lines: list[str] = []
    if entry.kind == "maturity":
        for level in ("I", "II", "III"):
            lines.append(f"Level {level}: {getattr(entry.levels, level)}")
    elif entry.kind == "challenge":
        for c in entry.considerations:
            lines.append(f"- {c.text} ({', '.join(c.clauses) or 'no clause'})")
    elif entry.kind == "guidance":
        for checklist in entry.checklists:
            lines.append(f"{checklist.title}:")
            lines += [f"  - {item}" for item in checklist.items]
    elif entry.kind == "activity":
        phases = ", ".join(str(p) for p in entry.phases)
        lines.append(f"Who: {', '.join(entry.who) or '-'}; phases: {phases}")
        lines += [f"  - {item}" for item in entry.checklist]
    return lines


def render_answer(answer: Answer, catalog: Catalog, width: int = 88) -> str:
    """The readable answer of `iso20k ask`: the top entry, its related entries, or suggestions."""
    wrap = lambda text, indent="": textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)  # noqa: E731
    if not answer.query:
        return "Ask me a question, for example:\n" + "\n".join(f"  iso20k ask \"{q}\"" for q in EXAMPLES)
    if not answer.answered:
        if answer.hits:
            out = [f"I'm not sure what you mean by \"{answer.query}\". Did you mean:"]
            out += [f"  {entry_line(hit.entry)}" for hit in answer.hits[:3]]
            return "\n".join(out)
        return (
            "That is outside what I know. I answer questions about ISO/IEC 20000-1:2018 clauses, "
            "the TS 20000-5 implementation guidance, maturity levels, challenges and the "
            "three-phase implementation plan, e.g.:\n" + "\n".join(f"  {q}" for q in EXAMPLES)
        )
    top = answer.hits[0].entry
    out = [entry_line(top), "", wrap(top.summary)]
    details = entry_details(top)
    if details:
        out += [""] + [wrap(line, "  ") if not line.startswith(" ") else line for line in details]
    out += ["", f"Source: {top.source}"]
    related = catalog.related(top.id)
    if related:
        out += ["", "Related:"] + [f"  {entry_line(e)}" for e in related]
    others = [hit.entry for hit in answer.hits[1:] if hit.entry not in related]
    if others:
        out += ["", "Also matching:"] + [f"  {entry_line(e)}" for e in others]
    return "\n".join(out)
