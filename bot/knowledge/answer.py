"""What a search returns: the ranked hits and whether the bot is confident."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.schema import Entry

MAX_RESULTS = 5


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float

    def to_json(self) -> dict:
        e = self.entry
        return {"kind": e.kind, "id": e.id, "title": e.title, "clauses": list(e.clauses), "score": round(self.score, 2)}


@dataclass(frozen=True)
class Answer:
    """The answer to one question. When not answered, `hits` are only suggestions."""

    query: str
    answered: bool
    hits: tuple[Hit, ...]
    confidence: float = 0.0  # how likely the first hit is the answer; `answered` is this over a threshold

    @property
    def top(self) -> Hit | None:
        return self.hits[0] if self.hits else None

    def to_json(self) -> dict:
        """The JSON object of `iso20k ask --json` (PRODUCT.md)."""
        return {
            "query": self.query,
            "answered": self.answered,
            "results": [hit.to_json() for hit in self.hits[:MAX_RESULTS]],
        }
