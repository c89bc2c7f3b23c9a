"""The search index: built once from the catalog, shared by every surface.

Retrieval is a field-weighted BM25 over stems held in an inverted index (cost follows the
postings of the question's words, not the size of the knowledge), plus exact phrase matches
of titles and keywords; typos are mapped onto the vocabulary with rapidfuzz. The best
candidates are then re-ranked with what the question asks for (clause number, level, phase,
role, kind) by `bot.knowledge.ranking`.
"""

from __future__ import annotations

import math
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.knowledge.answer import MAX_RESULTS, Answer, Hit
from bot.knowledge.catalog import Catalog
from bot.knowledge.query import QueryHints, fix_cue_typos, read_hints
from bot.knowledge.ranking import APPROACHES, CUE_STEMS, CUE_WEIGHT, MIN_SCORE, Candidate, QueryTerms, rerank
from bot.knowledge.schema import Entry
from bot.knowledge.semantic import likeness, shipped_embedder
from bot.knowledge.synonyms import Canonicalizer
from bot.knowledge.text import STOPWORDS, stem, words

# how much a word counts in each field
FIELD_WEIGHTS = {"title": 3.0, "keywords": 2.5, "examples": 2.0, "meta": 1.2, "summary": 1.0, "detail": 0.4}
K1, B = 1.2, 0.5
MAX_QUESTION_CHARS = 500
CANDIDATES = 40
SMALL_KIND = 25  # a kind with at most this many entries is searched in full when the question asks for it


class Typo(NamedTuple):
    """The known word a misspelt one stands for: its stem, how sure the match is, and the word itself."""

    stem: str
    sure: float
    word: str


FILLER = Typo("", 0.0, "")  # what a misspelt stopword stands for
SHORT_TYPO = 0.4  # how sure a corrected short word is
REAL_WORD_PREFIX = 6  # a real word is read as a known one only as another form of it, sharing this many letters
# many ways of telling one situation are no longer text: they do not lengthen the entry for BM25
UNMEASURED_FIELDS = frozenset({"examples"})
NEW_WORDS_ONLY = frozenset({"examples"})
# a number with its unit run together: "8h", "4hr", "15min", "99.9%", "10x", "24x7", "500gb"
_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?(?:%|x\d*|h|hrs?|hours?|m|mins?|s|secs?|d|days?|wks?|k|gb|tb|mb|ms|am|pm)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
PRODUCT_WORDS = frozenset({"system", "softwar", "tool", "applic", "app", "platform", "modul"})
GENERIC_GROUP_STEMS = frozenset({"manag", "servic", "and", "phase", "implement", "plan"})


def entry_fields(entry: Entry, catalog_titles: dict[str, str]) -> dict[str, str]:
    """The searchable text of an entry, by field."""
    detail: list[str] = []
    meta: list[str] = [entry.kind]
    if entry.kind == "clause" and "management" in entry.title.lower():
        meta.append("process")  # "incident process": the 20000-1 processes are its "... management" clauses
    if entry.kind == "challenge":
        detail += [c.text for c in entry.considerations]
    elif entry.kind == "maturity":
        detail += [entry.levels.I, entry.levels.II, entry.levels.III]
        meta.append("maturity element")
    elif entry.kind == "guidance":
        for checklist in entry.checklists:
            detail.append(checklist.title)
            detail += checklist.items
    elif entry.kind == "activity":
        detail += entry.checklist
        meta += [entry.group.replace("-", " "), *entry.who]
    meta += [catalog_titles.get(c, "") for c in entry.clauses if c != entry.id]
    return {
        "title": entry.title,
        "keywords": " ; ".join(entry.keywords),
        "examples": " ; ".join(entry.examples),
        "summary": entry.summary,
        "detail": " ".join(detail),
        "meta": " ".join(meta),
    }


def meaning_text(entry: Entry) -> str:
    """What an entry is about, for its embedding: its name, gist and the ways people ask for it."""
    return ". ".join([entry.title, entry.summary, *entry.keywords, *entry.examples])


@dataclass(frozen=True)
class Posting:
    ids: np.ndarray
    weights: np.ndarray


class SearchIndex:
    """Answers questions from a catalog; build once, query from any thread."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.embedder = shipped_embedder()
        self.entries = catalog.entries
        self.positions = {e.id: i for i, e in enumerate(self.entries)}
        self.canon = Canonicalizer(catalog.synonyms)
        titles = {e.id: e.title for e in catalog.entries if e.kind == "clause"}
        per_entry: list[dict[str, float]] = []
        lengths: list[float] = []
        self.entry_stems: list[frozenset[str]] = []  # every field but the details and the examples
        self.detail_stems: list[frozenset[str]] = []
        self.example_stems: list[frozenset[str]] = []  # words only the example questions say
        self.title_stems: list[frozenset[str]] = []
        self.strong_stems: list[frozenset[str]] = []  # title, keywords and examples
        named: set[str] = set()  # stems of titles and keywords
        described: set[str] = set()  # stems some entry says outside its examples
        self.group_stems: list[frozenset[str]] = []  # an activity's component, e.g. {"incid"}
        phrases: dict[str, list[int]] = defaultdict(list)
        for i, entry in enumerate(self.entries):
            tf: defaultdict[str, float] = defaultdict(float)  # weighted term frequency
            core: set[str] = set()
            told: set[str] = set()  # words only the examples say
            length = 0.0
            fields = {name: self.stems(text) for name, text in entry_fields(entry, titles).items()}
            said = {s for name, stems in fields.items() if name not in NEW_WORDS_ONLY for s in stems}
            for name, stems in fields.items():
                for s in stems:
                    if name in NEW_WORDS_ONLY and s in said:
                        continue  # an example adds the words the entry lacks; it does not repeat its own
                    tf[s] += FIELD_WEIGHTS[name]
                    if name not in UNMEASURED_FIELDS:
                        length += FIELD_WEIGHTS[name]
                    if name == "examples":
                        told.add(s)
                    elif name != "detail":
                        core.add(s)
            per_entry.append(tf)
            lengths.append(length)
            self.entry_stems.append(frozenset(core))
            self.example_stems.append(frozenset(told))
            described.update(tf.keys() - told)
            self.detail_stems.append(frozenset(tf) - core - told)
            self.title_stems.append(frozenset(self.stems(entry.title)))
            topic = self.stems(" ".join([entry.title, *entry.keywords]))
            named.update(topic)
            self.strong_stems.append(frozenset([*topic, *self.stems(" ".join(entry.examples))]))
            self.group_stems.append(
                frozenset(self.stems(entry.group.replace("-", " "))) - GENERIC_GROUP_STEMS
                if entry.kind == "activity"
                else frozenset()
            )
            for phrase in [entry.title, *entry.keywords]:
                key = " ".join(self.stems(phrase))
                if key and i not in phrases[key]:
                    phrases[key].append(i)
        self.postings = self._postings(per_entry, lengths)
        self.meanings = self.embedder.embed_all([meaning_text(e) for e in self.entries])
        kinds = ("clause", "maturity", "activity")
        self.of_kind = {kind: np.array([e.kind == kind for e in self.entries]) for kind in kinds}
        # the overviews of the plan's three phases ("activity-phase-2"), which mean something of every task
        self.phase_overviews = np.array([e.kind == "activity" and e.group == "phase" for e in self.entries])
        self.phrases = {k: (v, _idf(len(self.entries), len(v))) for k, v in phrases.items()}
        self.max_phrase_len = max((k.count(" ") + 1 for k in self.phrases), default=1)
        # words that name a topic somewhere (a title or keyword) weigh more than words only used in prose
        # (the everyday words of examples, "left", "day", stay prose: "how many vacation days are left")
        self.topic_stems = frozenset(named)
        # words only example questions say ("night", "friday"): they find entries; they make a question ours only in
        # part (ranking.TOLD_ONLY_DOMAIN)
        self.told_only_stems = frozenset(set().union(*self.example_stems) - described)
        self.vocabulary = self._vocabulary(catalog)
        self._typos: dict[str, Typo | None] = {}
        self._stopwords_by_initial: dict[str, list[str]] = defaultdict(list)
        for word in STOPWORDS:
            if len(word) >= 5:
                self._stopwords_by_initial[word[0]].append(word)
        self._vocab_by_initial: dict[str, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            self._vocab_by_initial[word[0]].append(word)
        roles = sorted({r for e in self.entries if e.kind == "activity" for r in e.who})
        # a role is named when all its distinctive stems are in the question ("capacity" for capacity manager)
        self.role_stems = {r: frozenset(self.stems(r)) - {"manag"} for r in roles}
        self.role_full_stems = {r: frozenset(self.stems(r)) for r in roles}
        self.component_stems = frozenset().union(*self.group_stems) if self.group_stems else frozenset()
        self.components = tuple({g for g in self.group_stems if g})
        by_kind: dict[str, list[int]] = defaultdict(list)
        for i, entry in enumerate(self.entries):
            by_kind[entry.kind].append(i)
        self.small_kinds = {k: tuple(v) for k, v in by_kind.items() if len(v) <= SMALL_KIND}
        guidance = {e.id for e in self.entries if e.kind == "guidance"}
        self.parent_clauses = frozenset(
            [e.id for e in self.entries if e.kind == "clause" and catalog.subclauses(e.id)]
            + [g for g in guidance if any(other.startswith(g + ".") for other in guidance)]
        )

    def __getstate__(self) -> dict[str, object]:
        """What a kept index holds: all but the word vectors, which ship with the package (`bot.knowledge.cache`)."""
        return {name: value for name, value in self.__dict__.items() if name != "embedder"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.embedder = shipped_embedder()

    def stems(self, text: str) -> list[str]:
        """A text's content stems with synonyms reduced to one form."""
        return self.canon.apply([stem(w) for w in words(text) if w not in STOPWORDS])[0]

    def _vocabulary(self, catalog: Catalog) -> dict[str, str]:
        """Every known word (of the entries and the synonym groups) and its stem: what typos are matched to."""
        vocabulary: dict[str, str] = {}
        titles = {e.id: e.title for e in catalog.entries if e.kind == "clause"}
        texts = [t for e in catalog.entries for t in entry_fields(e, titles).values()]
        texts += [phrase for group in catalog.synonyms for phrase in group]
        for text in texts:
            for word in words(text):
                if word not in STOPWORDS and word not in vocabulary:
                    vocabulary[word] = stem(word)
        return vocabulary

    def _postings(self, per_entry: list[dict[str, float]], entry_lengths: list[float]) -> dict[str, Posting]:
        n = len(per_entry)
        lengths = np.array(entry_lengths, dtype=np.float64)
        avg = float(lengths.mean()) if n else 1.0
        raw: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, tf in enumerate(per_entry):
            norm = K1 * (1 - B + B * lengths[i] / avg)
            for term, freq in tf.items():
                raw[term].append((i, freq * (K1 + 1) / (freq + norm)))
        postings = {}
        for term, pairs in raw.items():
            idf = _idf(n, len(pairs))
            ids = np.fromiter((p[0] for p in pairs), dtype=np.int32, count=len(pairs))
            weights = np.fromiter((p[1] * idf for p in pairs), dtype=np.float64, count=len(pairs))
            postings[term] = Posting(ids, weights)
        return postings

    def idf(self, term: str) -> float:
        posting = self.postings.get(term)
        return _idf(len(self.entries), len(posting.ids) if posting is not None else 0)

    def _fuzzy(self, word: str) -> Typo | None:
        """The known word a typo stands for: same first letter, one edit up to 8 letters, two beyond."""
        if word not in self._typos:
            if len(self._typos) > 10_000:
                self._typos.clear()
            self._typos[word] = self._closest_word(word)
        return self._typos[word]

    def _closest_word(self, word: str) -> Typo | None:
        if len(word) < 4 or word[0].isdigit():
            return None
        typo = self._known_word_typo(word)
        if typo is not None and typo is not FILLER and self.embedder.knows(word):
            # a real word of its own ("wards", "floor", "scared") is no typo of ours ("warns", "flood", "shared"),
            # only another form of one ("evidenced", "criterion")
            return typo if len(os.path.commonprefix([word, typo.word])) >= REAL_WORD_PREFIX else None
        return typo

    def _known_word_typo(self, word: str) -> Typo | None:
        if process.extractOne(word, self._stopwords_by_initial.get(word[0], []), scorer=OSA.distance, score_cutoff=1):
            return FILLER  # a typo of a word that carries no meaning ("realy")
        choices = self._vocab_by_initial.get(word[0], [])
        if len(word) < 6:
            # a short word is corrected only when one known word alone is a letter away ("saff", "revew")
            near = process.extract(word, choices, scorer=OSA.distance, score_cutoff=1, limit=2)
            return Typo(self.vocabulary[near[0][0]], SHORT_TYPO, near[0][0]) if len(near) == 1 else None
        edits = 1 if len(word) <= 8 else 2
        match = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=edits)
        if match is None:
            return None
        return Typo(self.vocabulary[match[0]], 0.9 if match[1] <= 1 else 0.8, match[0])

    def terms(self, question: str) -> QueryTerms:
        """The question's content stems, each with how sure we are of it (typos < 1)."""
        stems: list[str] = []
        confidence: list[float] = []
        respelled: list[tuple[str, str]] = []
        for word in words(question):
            if word in STOPWORDS:
                continue
            s = stem(word)
            if s in self.postings or word in self.vocabulary or s in self.canon.known_stems:
                stems.append(s)
                confidence.append(1.0)
                continue
            if word.isdigit() or _AMOUNT.fullmatch(word):
                continue  # "we're 12 people", "in 2 months", "an 8h fix": a count, not a topic the knowledge lacks
            fuzzy = self._fuzzy(word)
            if fuzzy is FILLER:
                continue
            if fuzzy is None:
                stems.append(s)
                confidence.append(0.0)
            else:
                stems.append(fuzzy.stem)
                confidence.append(fuzzy.sure)
                respelled.append((word, fuzzy.word))
        stems, confidence = self.canon.apply(stems, confidence)
        stems, confidence = _product_names_dropped(stems, confidence)
        phrases = tuple(self._matched_phrases(tuple(stems)))
        asked = frozenset(stem(word) for word in words(_last_sentence(question)))
        return QueryTerms(
            stems=tuple(stems), confidence=tuple(confidence), phrases=phrases, respelled=tuple(respelled), asked=asked
        )

    def search(self, question: str, limit: int = MAX_RESULTS) -> Answer:
        """Rank the knowledge for a question and decide whether the bot is confident."""
        question = question.strip()
        text = question[:MAX_QUESTION_CHARS]
        if not text or not self.entries:
            return Answer(query=question, answered=False, hits=())
        text = fix_cue_typos(text)
        hints = read_hints(text)
        terms = self.terms(text)
        base = self._retrieve(terms)
        candidates = self._candidates(base, hints)
        # a typo is read as the word it stands for; a word the embedding knows is none ("nearby", not "nearly")
        typos = tuple((typo, word) for typo, word in terms.respelled if not self.embedder.knows(typo))
        meaning = likeness(self.meanings, self.embedder.embed(_respelled(text, typos)))
        ranked = rerank(self, candidates, terms, hints, limit, meaning)
        hits = tuple(Hit(self.entries[c.index], c.score) for c in ranked if c.score >= MIN_SCORE)
        answered = bool(ranked) and ranked[0].confident
        confidence = ranked[0].confidence if ranked else 0.0
        return Answer(query=question, answered=answered, hits=hits, confidence=confidence)

    def _retrieve(self, terms: QueryTerms) -> np.ndarray:
        scores = np.zeros(len(self.entries), dtype=np.float64)
        content = {s: c for s, c in zip(terms.stems, terms.confidence, strict=True) if c > 0 and s in self.postings}
        for term, conf in content.items():
            posting = self.postings[term]
            scores[posting.ids] += posting.weights * conf * (CUE_WEIGHT if term in CUE_STEMS else 1.0)
        for key, (ids, idf) in terms.phrases:
            scores[ids] += idf * (1 + key.count(" "))
        return scores

    def _matched_phrases(self, stems: tuple[str, ...]):
        seen = set()
        for size in range(min(self.max_phrase_len, len(stems)), 0, -1):
            for start in range(len(stems) - size + 1):
                key = " ".join(stems[start : start + size])
                if key in self.phrases and key not in seen:
                    seen.add(key)
                    yield key, self.phrases[key]

    def _candidates(self, base: np.ndarray, hints: QueryHints) -> list[Candidate]:
        if base.size > CANDIDATES:
            top = np.argpartition(-base, CANDIDATES)[:CANDIDATES]
            picked = {int(i) for i in top if base[i] > 0}
        else:
            picked = set(np.flatnonzero(base).tolist())
        # a kind the question asks for that has few entries (challenges, maturity elements) competes in full
        for kind in hints.kinds:
            small = self.small_kinds.get(kind, ())
            picked.update(i for i in small if base[i] > 0)
        named = [f"challenge-{n}" for n in hints.challenge_numbers]
        if hints.approach in APPROACHES:
            named.append(APPROACHES[hints.approach])
        for number in hints.clause_numbers:
            named += [number, f"guidance-{number}"]
        if hints.phase is not None:
            named.append(f"activity-phase-{hints.phase}")
        picked.update(self.positions[i] for i in named if i in self.positions)
        return [Candidate(index=i, base=float(base[i])) for i in picked]


def _last_sentence(question: str) -> str:
    """The question after any story told before it: its last sentence, with those before it while it is a word
    or two ("... which clause covers the call? phase?")."""
    sentences = _SENTENCE_END.split(question.strip())
    last = sentences.pop()
    while sentences and len(last.split()) < 3:
        last = f"{sentences.pop()} {last}"
    return last


def _product_names_dropped(stems: list[str], confidence: list[float]) -> tuple[list[str], list[float]]:
    """ "the bed management system", "our LIMS management software": a system named after a word the knowledge
    does not know is a product, not a management system of ours; its "management" names no topic."""
    keep = [
        not (stem == "manag" and 0 < i < len(stems) - 1 and confidence[i - 1] == 0.0 and stems[i + 1] in PRODUCT_WORDS)
        for i, stem in enumerate(stems)
    ]
    return [s for s, k in zip(stems, keep, strict=True) if k], [c for c, k in zip(confidence, keep, strict=True) if k]


def _respelled(text: str, corrections: tuple[tuple[str, str], ...]) -> str:
    """The question with its typos spelt as the known words they stand for ("chnage managment" is "change
    management"), so that what it means is read from words the embedding knows."""
    for typo, word in corrections:
        text = re.sub(rf"\b{re.escape(typo)}\b", word, text, flags=re.IGNORECASE)
    return text


def _idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))
