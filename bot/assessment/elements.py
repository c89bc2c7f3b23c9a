"""Which maturity elements an assessment asks: the default set and parsing what people type after "assess"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.knowledge.catalog import Catalog

PREFIX = "maturity-"

DEFAULT_ELEMENTS: tuple[str, ...] = (
    "maturity-management-support",
    "maturity-process",
    "maturity-risk",
    "maturity-communication",
    "maturity-performance-indicator",
    "maturity-review-and-internal-audit",
)
DEFAULT_RATIONALE = (
    "The short set covers the SMS from end to end: whether top management backs it, whether processes "
    "are defined, risks handled, people informed, performance measured and the whole reviewed and audited."
)
FULL_WORDS = frozenset({"full", "all", "everything"})
MAX_SCOPE = 80

# what people call an element besides its title and slug (keys are normalized like the input)
_ALIASES = {
    "comm": "communication",
    "comms": "communication",
    "kpi": "performance-indicator",
    "kpis": "performance-indicator",
    "metric": "performance-indicator",
    "measurement": "performance-indicator",
    "audit": "review-and-internal-audit",
    "internal audit": "review-and-internal-audit",
    "management review": "review-and-internal-audit",
    "stakeholder": "interested-parties",
    "leadership": "management-support",
    "top management": "management-support",
    "risk management": "risk",
    "people": "personnel",
    "staff": "personnel",
    "training": "learning",
    "objective": "policy-and-objective",
    "policy": "policy-and-objective",
    "role": "responsibility",
    "supplier": "relationships",
    "issue": "external-and-internal-issues",
    "context": "external-and-internal-issues",
}
_WHOLE_CUTOFF = 88  # a typo of a whole name ("comunication"), not a name plus extra words
_WORD_CUTOFF = 84
_SCOPE = re.compile(r"(?:^|\s)for(?:\s+(.*))?$", re.IGNORECASE | re.DOTALL)
_SEPARATORS = re.compile(r"[,;+/\n]+")
_AND = re.compile(r"\s+and\s+")


@dataclass(frozen=True)
class Selection:
    """The elements to ask (maturity ids in order), the optional scope and whether the full set was asked for."""

    element_ids: tuple[str, ...]
    scope: str | None
    full: bool


class ElementNameError(ValueError):
    """Names that are not maturity elements; carries the unknown names and the valid element titles."""

    def __init__(self, unknown: list[str], valid: list[str]) -> None:
        self.unknown = list(unknown)
        self.valid = list(valid)
        names = ", ".join(f'"{name}"' for name in self.unknown)
        super().__init__(
            f"I don't know the element{'s' if len(self.unknown) > 1 else ''} {names}. "
            f"The elements are: {', '.join(self.valid)} (or `full` for all of them)."
        )


def _singular(word: str) -> str:
    """A crude English singular: parties -> party, processes -> process, indicators -> indicator."""
    if len(word) <= 3:
        return word
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _normalize(name: str) -> str:
    """Lower case, no "maturity-" prefix, hyphens and "&" as words, single spaces, singular words."""
    text = name.strip().lower().strip("`*_\"'.:!?()[]")
    text = text.removeprefix(PREFIX)
    text = text.replace("&", " and ").replace("-", " ").replace("_", " ")
    return " ".join(_singular(word) for word in text.split())


def _keys(catalog: Catalog) -> dict[str, str]:
    """Every normalized name (title, slug, alias) -> maturity id."""
    keys: dict[str, str] = {}
    ids = {entry.id for entry in catalog.of_kind("maturity")}
    for alias, slug in _ALIASES.items():
        if PREFIX + slug in ids:
            keys[_normalize(alias)] = PREFIX + slug
    for entry in catalog.of_kind("maturity"):
        keys[_normalize(entry.title)] = entry.id
        keys[_normalize(entry.id)] = entry.id
    return keys


def match_element(name: str, catalog: Catalog) -> str | None:
    """The maturity id a typed name means (id, slug, title, alias, typo or a unique subset of its words), or None."""
    wanted = _normalize(name)
    if not wanted:
        return None
    keys = _keys(catalog)
    if wanted in keys:
        return keys[wanted]
    # a typo of a whole name: the closest element, when it is clearly closer than any other
    best: dict[str, float] = {}
    for key, element in keys.items():
        best[element] = max(best.get(element, 0.0), fuzz.ratio(wanted, key))
    ranked = sorted(best.items(), key=lambda item: -item[1])
    if ranked[0][1] >= _WHOLE_CUTOFF and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    # some words of one element's name ("performance", "internal audit"), each word allowing a typo
    words = [w for w in wanted.split() if w != "and"]
    if not words:
        return None
    hits = {
        element
        for key, element in keys.items()
        if all(any(fuzz.ratio(word, part) >= _WORD_CUTOFF for part in key.split()) for word in words)
    }
    return hits.pop() if len(hits) == 1 else None


def _split_scope(text: str) -> tuple[str, str | None]:
    """The text before "for" and the scope after it (stripped, single spaces, at most MAX_SCOPE characters)."""
    found = _SCOPE.search(text)
    if found is None:
        return text, None
    scope = " ".join((found.group(1) or "").split()).strip(" .")
    scope = scope[:MAX_SCOPE].rstrip()
    return text[: found.start()], scope or None


def _match_piece(piece: str, catalog: Catalog) -> tuple[list[str], list[str]]:
    """The elements named in one comma-separated piece, splitting on "and" only where the whole is no name."""
    whole = match_element(piece, catalog)
    if whole is not None:
        return [whole], []
    parts = [p for p in _AND.split(piece.strip()) if p.strip()]
    found: list[str] = []
    unknown: list[str] = []
    start = 0
    while start < len(parts):
        # the longest run of parts that names an element ("review and internal audit" before "review")
        for end in range(len(parts), start, -1):
            element = match_element(" and ".join(parts[start:end]), catalog)
            if element is not None:
                found.append(element)
                start = end
                break
        else:
            unknown.append(parts[start].strip())
            start += 1
    return found, unknown


def parse_assess_args(text: str, catalog: Catalog) -> Selection:
    """What follows "assess": nothing (default set), "full"/"all", or element names; then optionally "for <scope>"."""
    head, scope = _split_scope(" ".join(text.split()))
    head = head.strip(" ,;.")
    if not head:
        return Selection(DEFAULT_ELEMENTS, scope, full=False)
    if head.lower() in FULL_WORDS:
        return Selection(tuple(e.id for e in catalog.of_kind("maturity")), scope, full=True)
    found: list[str] = []
    unknown: list[str] = []
    for piece in _SEPARATORS.split(head):
        if piece.strip():
            elements, missing = _match_piece(piece, catalog)
            found += elements
            unknown += missing
    if unknown:
        raise ElementNameError(unknown, [entry.title for entry in catalog.of_kind("maturity")])
    return Selection(tuple(dict.fromkeys(found)), scope, full=False)
