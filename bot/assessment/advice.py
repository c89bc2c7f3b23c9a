"""What to work on for the weakest elements: their clauses and the challenges, guidance and activities citing them.

An entry is linked to an element when it cites one of the element's clauses or a subclause of one (guidance
citing 6.2.2 helps with "6.2"); a citation of a whole parent clause ("6") is too broad to count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.assessment.scoring import Result
from bot.knowledge.catalog import Catalog, clause_sort_key
from bot.knowledge.schema import ChallengeEntry, Entry, MaturityEntry

MAX_CLAUSES = 4
MAX_CHALLENGES = 3
MAX_GUIDANCE = 3
MAX_ACTIVITIES = 5


@dataclass(frozen=True)
class Advice:
    """For one weak element, the ids to work on: challenges, guidance, clauses and open plan activities."""

    element_id: str
    challenges: tuple[str, ...]
    guidance: tuple[str, ...]
    clauses: tuple[str, ...]
    activities: tuple[str, ...]


def covers(element_clause: str, cited: str) -> bool:
    """Whether a citation is the element's clause or one of its subclauses."""
    return cited == element_clause or cited.startswith(element_clause + ".")


def _hits(element_clauses: Sequence[str], cited: Iterable[str]) -> int:
    """How many of the element's clauses the citations cover."""
    cited = list(cited)
    return sum(1 for clause in element_clauses if any(covers(clause, c) for c in cited))


def _clauses(entry: MaturityEntry, catalog: Catalog) -> tuple[str, ...]:
    """The element's own clauses, then (while there is room) their subclauses, at most MAX_CLAUSES."""
    picked = [c for c in entry.clauses if catalog.get(c) is not None]
    for clause in list(picked):
        picked += [sub for sub in catalog.subclauses(clause) if sub not in picked]
    return tuple(picked[:MAX_CLAUSES])


def _challenge_hits(entry: ChallengeEntry, element_clauses: Sequence[str]) -> int:
    """Considerations citing the element's clauses (the entry's own clause list when it has none)."""
    if entry.considerations:
        return sum(1 for item in entry.considerations if _hits(element_clauses, item.clauses))
    return _hits(element_clauses, entry.clauses)


def _ranked(scored: list[tuple[int, int, int, str]], limit: int) -> tuple[str, ...]:
    """Ids with a positive score, best first; ties by fewer clauses (more specific), then catalog order."""
    kept = sorted(item for item in scored if item[0] < 0)
    return tuple(entry_id for *_, entry_id in kept[:limit])


def _position(catalog: Catalog) -> dict[str, int]:
    return {entry.id: i for i, entry in enumerate(catalog.entries)}


def advise_element(element_id: str, catalog: Catalog, open_activity_ids: Iterable[str] = ()) -> Advice:
    """What to work on for one maturity element."""
    entry = catalog.get(element_id)
    if not isinstance(entry, MaturityEntry):
        raise KeyError(f"not a maturity element: {element_id}")
    own = sorted(entry.clauses, key=clause_sort_key)
    order = _position(catalog)

    def rank(entries: Iterable[Entry], hits: dict[str, int]) -> list[tuple[int, int, int, str]]:
        return [(-hits[e.id], len(e.clauses), order[e.id], e.id) for e in entries]

    challenges = [e for e in catalog.of_kind("challenge") if isinstance(e, ChallengeEntry)]
    challenge_hits = {e.id: _challenge_hits(e, own) for e in challenges}
    guidance = catalog.of_kind("guidance")
    guidance_hits = {e.id: _hits(own, e.clauses) for e in guidance}
    activities = [a for a in (catalog.get(i) for i in dict.fromkeys(open_activity_ids)) if a and a.kind == "activity"]
    activity_hits = {a.id: _hits(own, a.clauses) for a in activities}
    return Advice(
        element_id=element_id,
        challenges=_ranked(rank(challenges, challenge_hits), MAX_CHALLENGES),
        guidance=_ranked(rank(guidance, guidance_hits), MAX_GUIDANCE),
        clauses=_clauses(entry, catalog),
        activities=_ranked(rank(activities, activity_hits), MAX_ACTIVITIES),
    )


def advise(result: Result, catalog: Catalog, open_activity_ids: Iterable[str] = ()) -> list[Advice]:
    """Advice for each of the result's weakest elements, in their order."""
    open_ids = list(open_activity_ids)
    return [advise_element(element_id, catalog, open_ids) for element_id in result.weakest]
