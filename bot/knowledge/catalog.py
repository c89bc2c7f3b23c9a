"""The validated knowledge in memory: entries by id and the links between them."""

from __future__ import annotations

from collections import defaultdict

from bot.knowledge.schema import KINDS, Entry

# the order in which related entries of each kind are shown
_KIND_ORDER = {kind: n for n, kind in enumerate(KINDS)}


def clause_sort_key(number: str) -> tuple[int, ...]:
    """Sort clause numbers numerically: 8.2 before 8.10."""
    return tuple(int(part) for part in number.split("."))


class Catalog:
    """All knowledge entries, with lookups by id, kind and clause."""

    def __init__(self, entries: list[Entry], synonyms: list[tuple[str, ...]] | None = None) -> None:
        self.entries: list[Entry] = list(entries)
        self.synonyms: list[tuple[str, ...]] = list(synonyms or [])
        self.by_id: dict[str, Entry] = {e.id: e for e in self.entries}
        self._citing: dict[str, list[str]] = defaultdict(list)
        for entry in self.entries:
            for clause in entry.clauses:
                if clause != entry.id:
                    self._citing[clause].append(entry.id)
        self._children: dict[str, list[str]] = defaultdict(list)
        for entry in self.entries:
            if entry.kind == "clause" and "." in entry.id:
                self._children[entry.id.rsplit(".", 1)[0]].append(entry.id)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self.by_id.get(entry_id)

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]

    def clause_title(self, number: str) -> str:
        entry = self.by_id.get(number)
        return entry.title if entry is not None and entry.kind == "clause" else ""

    def subclauses(self, number: str) -> list[str]:
        return sorted(self._children.get(number, []), key=clause_sort_key)

    def related(self, entry_id: str, limit: int = 8, per_kind: int = 3) -> list[Entry]:
        """Entries linked to this one: explicit links, shared clauses, its clauses, same group."""
        entry = self.by_id[entry_id]
        candidates: list[str] = list(entry.related)
        if entry.kind == "clause":
            candidates += sorted(self._citing.get(entry.id, []), key=lambda i: len(self.by_id[i].clauses))
            candidates += self.subclauses(entry.id)
        else:
            candidates += [c for c in entry.clauses if c in self.by_id]
            for clause in entry.clauses:
                candidates += sorted(self._citing.get(clause, []), key=lambda i: len(self.by_id[i].clauses))
        seen = {entry_id}
        picked: list[Entry] = []
        counts: dict[str, int] = defaultdict(int)
        for cid in candidates:
            if cid in seen:
                continue
            seen.add(cid)
            other = self.by_id[cid]
            if counts[other.kind] >= per_kind and cid not in entry.related:
                continue
            counts[other.kind] += 1
            picked.append(other)
        # specific entries (few clauses) say more about this one than broad overviews
        picked.sort(key=lambda e: (_KIND_ORDER.get(e.kind, 9), len(e.clauses)))
        return picked[:limit]
