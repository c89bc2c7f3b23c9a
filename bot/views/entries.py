"""What an entry shows beyond its summary, as structured details both renderers use."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.schema import Entry

KIND_LABELS = {
    "clause": "ISO/IEC 20000-1 clause",
    "challenge": "Implementation challenge",
    "maturity": "Maturity element",
    "guidance": "TS 20000-5 guidance",
    "activity": "Implementation activity",
    "faq": "Local FAQ",
    "policy": "Local policy",
}

EXAMPLES = (
    "what clause covers communication?",
    "level II for risk",
    "phase 1 incident activities",
    "who owns the capacity plan?",
    "clause 8.5.1",
)

DOMAIN = (
    "ISO/IEC 20000-1:2018 clauses, ISO/IEC TS 20000-5 implementation guidance, maturity levels, "
    "implementation challenges and the three-phase implementation plan"
)


@dataclass(frozen=True)
class Detail:
    """A labelled text ("Level I: ...") or a titled list of items."""

    label: str
    text: str = ""
    items: tuple[str, ...] = ()


def kind_label(entry: Entry) -> str:
    return KIND_LABELS.get(entry.kind, entry.kind)


def heading(entry: Entry) -> str:
    return f"Clause {entry.id} · {entry.title}" if entry.kind == "clause" else f"{entry.id} · {entry.title}"


def details(entry: Entry) -> list[Detail]:
    """The levels, considerations, checklists or roles and phases of an entry."""
    if entry.kind == "maturity":
        return [Detail(f"Level {level}", getattr(entry.levels, level)) for level in ("I", "II", "III")]
    if entry.kind == "challenge":
        items = tuple(f"{c.text} ({', '.join(c.clauses) or 'no clause'})" for c in entry.considerations)
        return [Detail("Key considerations", items=items)] if items else []
    if entry.kind == "guidance":
        return [Detail(c.title, items=tuple(c.items)) for c in entry.checklists]
    if entry.kind == "activity":
        phases = ", ".join(str(p) for p in entry.phases)
        out = [Detail("Who", f"{', '.join(entry.who) or '-'}; phases: {phases}")]
        if entry.checklist:
            out.append(Detail("Checklist", items=tuple(entry.checklist)))
        return out
    return []
