"""Synonym groups from the knowledge: questions and entries are reduced to one form per group."""

from __future__ import annotations

from collections.abc import Iterable

from bot.knowledge.text import content_stems


class Canonicalizer:
    """Replaces every phrase of a synonym group (as stems) by the group's first phrase."""

    def __init__(self, groups: Iterable[tuple[str, ...]]) -> None:
        self._map: dict[tuple[str, ...], tuple[str, ...]] = {}
        for group in groups:
            canonical = tuple(content_stems(group[0]))
            for phrase in group[1:]:
                key = tuple(content_stems(phrase))
                if key and key != canonical:
                    self._map[key] = canonical
        self._sizes: dict[str, list[int]] = {}  # first stem of a phrase -> its lengths, longest first
        for key in self._map:
            self._sizes.setdefault(key[0], []).append(len(key))
        for sizes in self._sizes.values():
            sizes.sort(reverse=True)
        self.known_stems = frozenset(s for key in self._map for s in key)

    def apply(self, stems: list[str], confidence: list[float] | None = None) -> tuple[list[str], list[float]]:
        """The stems with synonyms replaced; a replaced phrase keeps its least certain word's confidence."""
        confidence = confidence if confidence is not None else [1.0] * len(stems)
        if not self._map:
            return stems, confidence
        out_stems: list[str] = []
        out_conf: list[float] = []
        i = 0
        while i < len(stems):
            for size in self._sizes.get(stems[i], ()):
                canonical = self._map.get(tuple(stems[i : i + size]))
                if canonical is not None:
                    out_stems.extend(canonical)
                    out_conf.extend([min(confidence[i : i + size])] * len(canonical))
                    i += size
                    break
            else:
                out_stems.append(stems[i])
                out_conf.append(confidence[i])
                i += 1
        return out_stems, out_conf
