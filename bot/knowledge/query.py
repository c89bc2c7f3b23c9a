"""Reads what a question asks for beyond its words: clause numbers, level, phase, role, kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.knowledge.text import normalize

_NUMBER_WORDS = {"1": 1, "2": 2, "3": 3, "i": 1, "ii": 2, "iii": 3, "one": 1, "two": 2, "three": 3,
                 "first": 1, "second": 2, "third": 3}
_ORDINAL = r"(iii|ii|i|1|2|3|one|two|three|first|second|third)"
_LEVEL = re.compile(rf"\b(?:level|lvl|maturity)\s*{_ORDINAL}\b|\b{_ORDINAL}(?:st|nd|rd)?\s+level\b")
_PHASE = re.compile(rf"\bphase\s*{_ORDINAL}\b|\b{_ORDINAL}(?:st|nd|rd)?\s+phase\b")
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d{1,2}){1,3})(?![\d])")
_BARE_CLAUSE = re.compile(r"\b(?:clause|section|sect|sec|chapter|cl|§)\s*(\d{1,2})\b(?!\.\d)")
_CHALLENGE = re.compile(r"\bchallenge\s*(?:no\.?|number|#)?\s*(\d{1,2})\b")
_PLAN = re.compile(r"\b(?:implementation|project|the) plan\b")
_TS_HINT = re.compile(r"20000-5|\bts\b|\btr\b|\bguidance\b|\bimplementation guide\b")

# words that say which kind of entry the asker wants
_KIND_WORDS = {
    "clause": ("clause", "clauses", "requirement", "requirements", "require", "requires",
               "required", "shall", "section", "subclause", "20000-1", "process"),
    "maturity": ("level", "levels", "maturity", "mature", "lvl", "self-assessment", "assess"),
    "activity": ("phase", "phases", "activity", "activities", "task", "tasks", "who",
                 "whose", "owner", "owns", "responsible", "accountable", "role", "todo", "initiation"),
    "challenge": ("challenge", "challenges", "obstacle", "obstacles", "struggle", "struggling",
                  "difficulty", "difficulties", "hurdle", "hurdles", "pitfall", "pitfalls",
                  "barrier", "barriers", "overcome", "lack", "lacking", "resistance", "resisting",
                  "reluctant", "stalled", "momentum", "buy-in", "pushback"),
    "guidance": ("guidance", "guide", "approach", "advice", "recommend", "recommended",
                 "recommendation", "checklist", "ts", "20000-5", "steps", "implementing", "implementation",
                 "why", "tips", "practice", "consider", "considerations"),
}
_WHO = re.compile(r"\bwho\b|\bwhose\b|\bresponsib|\baccountab|\bowns?\b|\bowner\b|\bin charge\b")


@dataclass(frozen=True)
class QueryHints:
    """What the question asks for besides its words."""

    clause_numbers: tuple[str, ...] = ()
    challenge_numbers: tuple[int, ...] = ()
    level: int | None = None
    phase: int | None = None
    wants_ts: bool = False
    asks_who: bool = False
    kinds: frozenset[str] = field(default_factory=frozenset)


def read_hints(question: str) -> QueryHints:
    """Parse clause numbers, level, phase, 'who' and kind words out of a question."""
    text = normalize(question)
    numbers = [m.group(1) for m in _DOTTED.finditer(text) if not _CHALLENGE.search(text[: m.end()])]
    numbers += [m.group(1) for m in _BARE_CLAUSE.finditer(text)]
    level = _first_ordinal(_LEVEL, text)
    phase = _first_ordinal(_PHASE, text)
    tokens = set(re.findall(r"[a-z0-9-]+", text))
    kinds = {kind for kind, cues in _KIND_WORDS.items() if tokens.intersection(cues)}
    if level is not None:
        kinds.add("maturity")
    if phase is not None or _PLAN.search(text):
        kinds.add("activity")
    return QueryHints(
        clause_numbers=tuple(dict.fromkeys(numbers)),
        challenge_numbers=tuple(int(m.group(1)) for m in _CHALLENGE.finditer(text)),
        level=level,
        phase=phase,
        wants_ts=bool(_TS_HINT.search(text)),
        asks_who=bool(_WHO.search(text)),
        kinds=frozenset(kinds),
    )


def _first_ordinal(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    if not match:
        return None
    word = next(g for g in match.groups() if g)
    return _NUMBER_WORDS[word]
