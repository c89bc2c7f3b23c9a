"""Re-ranking of the retrieved candidates by what the question asks for, and confidence."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from bot.knowledge.query import QueryHints
from bot.knowledge.schema import LOCAL_KINDS
from bot.knowledge.text import stem

if TYPE_CHECKING:
    from bot.knowledge.index import SearchIndex

# words that mostly steer the search (kind, level, phase cues): they count, but little
_CUE_WORDS = """clause clauses subclause section shall level levels maturity mature lvl phase phases
activity activities task tasks who whose owner owns accountable role roles challenge challenges
obstacle obstacles struggle
struggling difficulty difficulties hurdle hurdles pitfall pitfalls barrier barriers overcome
guidance guide advice recommend recommended recommendation ts tr iso iec 20000 2018 2022 2009
standard ii iii one two three first second third 1 2 3 4 5 6 7 8 9 10 chapter sec sect cl
number difference differences different differ between compare compared comparison versus vs separates
distinguish distinguishes distinguishing distinction contrast equivalent equivalents counterpart counterparts
identical analogous correspond corresponds corresponding
point begin begins start starts started starting stage happen happens scratch
mandatory compulsory obligatory""".split()
CUE_STEMS = frozenset(stem(w) for w in _CUE_WORDS)
CUE_WEIGHT = 0.3

DOMAIN_COVERAGE_MIN = 0.5  # share of the question's words the knowledge must know
SITUATION_DOMAIN_MIN = 0.3
CLAUSE_ASKED_DOMAIN_MIN = 0.35  # "CAB + MW approvals - clause?": the word "clause" says it is about the standard
SUGGEST_DOMAIN_MIN = 0.3  # below the domain minimum but above this: suggestions only, never an answer
CLAUSE_ASKED_KNOWN_MIN = 10.0  # the summed weight of known words (three topic words or so) that makes a clause asked
ENTRY_COVERAGE_MIN = 0.5  # share of them the top entry must contain
MIN_SCORE = 0.05  # below this a result is noise, not a suggestion
DIRECT = 100.0  # a question naming an existing clause number or challenge
# without any cue, a topic question is answered by the standard's clause first
DEFAULT_KIND_PRIOR = {"clause": 1.35, "activity": 0.75, "maturity": 0.8}
# a state of affairs told ("nobody measures anything"): a maturity level's symptom or a challenge, the clause less so
SYMPTOM_KIND_PRIOR = {"clause": 1.0, "activity": 0.75, "maturity": 1.15, "challenge": 1.4}
KIND_HINT_MATCH, KIND_HINT_MISS = 1.4, 0.85
NO_ONE_NAMED = 0.6  # an activity that names no one who does it, for a question that asks who
ONLY_CLAUSE_MISS = 0.8
ONLY_MATURITY_MISS = 0.5  # "which level does that put us at": any entry but a maturity element
UNTOLD_CHALLENGE = 0.7  # "is there anything in the standard on knowledge? we lose know-how": no challenge asked for
SITUATION_CHALLENGE = 1.3
ADVICE_GUIDANCE = 1.3  # "can we ..." / "should the ...": the TS's advice, without giving up the clause prior
APPROACHES = {1: "guidance-5.2.2", 2: "guidance-5.2.3"}  # TS 5.2's phasing approaches by number
APPROACH_NAMED = 2.0
SMALL_ENTITIES, SMALL_TEAM_SAID = "guidance-4.11", 3.0
FUTURE_ACTION, AFTER_PROJECT_SAID = "guidance-5.7", 2.0
EVALUATION, MISSED_OBJECTIVES_SAID = "guidance-5.6", 2.0
GUIDANCE_PLACE, GUIDANCE_IN_VIEW = 3, 0.5  # the best guidance entry is shown third when this close to the first
BASE_OFFSET, TITLE_WEIGHT, STRONG_WEIGHT = 0.4, 2.0, 3.0  # how retrieval, title and keyword matches add up
PARENT_CLAUSE = 0.7
# a task of the plan this close to the clause on top, whose title says more of the question, is the answer
# to a question that asks how to do the work rather than what is obliged
TASK_CLOSE, TASK_TITLE_LEAD, TASK_LOOKS = 0.7, 0.2, 5
# ... and a clause close behind the activity on top answers a question that asks what is obliged
REQUIREMENT_CLOSE = 0.7
SHORTER_TITLE = 0.7
UNKNOWN_WORD_SHARE = 0.5
SURE_SPELLING = 0.5  # a word read with less confidence than this (a short word's guessed spelling) is no domain word
PHRASE_DOMAIN = 0.5  # the least domain share of a question that names a topic of ours in two words or more
MIN_SPECIFICITY = 1.2  # the summed weight of the known words a confident answer needs
UNSURE_SCALE = 0.6
LEAD_COVERAGE_MIN, LEAD_RATIO, LEAD_DOMAIN_MIN = 0.25, 1.5, 0.6
PROSE_WORD_WEIGHT = 0.5  # a known word that names no topic anywhere (often, run, found)
DETAIL_MATCH = 0.5  # a word found only in an entry's details counts half
# a word only an example question says ("off", "back", "day" in "the board won't sign it off") counts less than
# one the entry names: a long list of examples would otherwise hold much of any everyday question
EXAMPLE_MATCH = 0.8
MAX_LEAD = 4.0
ROLE_BY_COMPONENT = 1.15
FIRST_STEPS = 1.3  # "how do we start with X": a task begun in phase 1, against one begun later
PHASE_STARTS = 1.2  # "what is left for phase 3": an activity begun in that phase, against one begun before
# The logistic model of answer_confidence, fitted (L2, lambda 1) by `python bench/confidence.py` on six
# calibration sets (600 questions written blind by people who had not seen the knowledge, kept outside the
# repository): the 536 questions the model decides. Cross-validated by set, its log loss was 0.29 (0.30
# without the meaning features); with the word vectors since tuned on the knowledge's examples, `answered`
# holds the right entry 0.91 of the time on those sets, at 0.99 recall. On six newer calibration sets (600
# questions, other writers) the model as it stands scored a log loss of 0.17; refitting on them, cross-validated
# by set, did no better (0.17), so it stands.
# Out-of-domain questions are mostly declined by rule (errands, other frameworks, unknown words), so
# the threshold is the model's own 0.5. `iso20k eval --curve` prints precision / recall of `answered`
# at other thresholds.
CONFIDENCE_BIAS = -1.15
CONFIDENCE_WEIGHTS = {
    "rule": 0.60,
    "cover": 0.28,
    "lead": 2.09,
    "title_cover": 1.05,
    "kind_match": 1.02,
    "domain": -0.81,
    "situation": 0.24,
    "meaning": 0.52,
    "meaning_lead": 0.15,
}
TOLD_ONLY_DOMAIN = 0.5  # how much a word only example questions say counts towards the question being ours
MEANING_WEIGHT = 0.15  # per standard deviation of likeness (semantic.likeness), beside the score shown (0..1)
MEANING_COVER_MAX = 0.8  # meaning weighs only when the best entry holds less of the question than this
ANSWER_THRESHOLD = 0.5  # answered when the confidence reaches this


@dataclass(frozen=True)
class QueryTerms:
    stems: tuple[str, ...]
    confidence: tuple[float, ...]  # 1 known, 0 unknown, between: a typo's similarity
    # (stems of a title or keyword said in full, (its entries, idf)), longest first
    phrases: tuple[tuple[str, tuple[list[int], float]], ...] = ()
    respelled: tuple[tuple[str, str], ...] = ()  # (a typo as written, the known word it stands for)
    asked: frozenset[str] = frozenset()  # stems of the last sentence, the question after any story told before it

    @property
    def names_topic(self) -> bool:
        """Whether the question says a title or keyword of two words or more."""
        return any(" " in key for key, _ in self.phrases)


@dataclass(frozen=True)
class Candidate:
    index: int
    base: float
    score: float = 0.0
    confident: bool = False
    confidence: float = 0.0  # how likely the first candidate is the answer (0-1)


@dataclass
class _Scored:
    """One candidate's score and the features behind it."""

    cand: Candidate
    score: float
    cover: float  # share of the question the entry contains
    title_cover: float  # share of the title the question contains
    in_title: float  # share of the question the title says
    direct: float  # bonus for a named clause number or challenge
    meaning: float  # how alike the question and the entry mean (semantic.likeness of their static embeddings)
    worded: float = 0.0  # the score by words alone, before meaning weighs


def rerank(
    index: SearchIndex,
    candidates: list[Candidate],
    terms: QueryTerms,
    hints: QueryHints,
    limit: int,
    meaning: np.ndarray,
) -> list[Candidate]:
    """The best `limit` candidates by relevance; the first marked confident or not. `meaning` holds
    every entry's likeness in meaning to the question (`bot.knowledge.semantic`)."""
    topic = _weighted_terms(index, terms)
    known = sum(weight * conf for _, weight, conf in topic)
    # a short word's guessed spelling ("lunch" read as "launch") helps find entries, not prove the question ours
    # a word only example questions say ("night", "friday") finds entries; it makes the question ours only in part
    surely_known = sum(
        weight * conf * (TOLD_ONLY_DOMAIN if s in index.told_only_stems else 1.0)
        for s, weight, conf in topic
        if conf >= SURE_SPELLING
    )
    # a question put to the standard in so many words after a story is ours; the words we lack in the story are the
    # asker's world ("ward rings at 3am, syringe driver alarming. what does the standard require us to do with that
    # call"): they count half. In the question itself they are its topic ("a requirement for the cafeteria menu").
    weighed = sum(
        weight * (UNKNOWN_WORD_SHARE if hints.put_to_us and conf == 0 and s not in terms.asked else 1.0)
        for s, weight, conf in topic
    )
    domain = surely_known / weighed if topic else 0.0
    # "business case", "service catalogue": ours, whatever else is said; so is a question that asks for the standard's
    # clause and says a good deal of ours ("the PACS storage will be full by spring: which clause covers capacity")
    told_of_ours = hints.names_clause and known >= CLAUSE_ASKED_KNOWN_MIN and domain >= SUGGEST_DOMAIN_MIN
    if terms.names_topic or told_of_ours:
        domain = max(domain, PHRASE_DOMAIN)
    unknown = sum(weight * (1 - conf) for _, weight, conf in topic)
    total = known + UNKNOWN_WORD_SHARE * unknown  # an entry can't match unknown words: they count only half
    query_stems = {s for s, _, _ in topic}
    roles = _roles_named(index, terms)
    # "phase 2 goals" names no component and no role: it asks for the phase's objectives
    # "phase 1 is done and we missed two objectives": the phase is when, the question is about evaluating it
    about_phase = hints.phase_itself or (
        hints.phase is not None
        and not any(roles)
        and not (query_stems & index.component_stems)
        and not hints.missed_objectives
        # "when do we set up a complaints procedure? phase 1 or later", "how do I start on the CMDB, is that a
        # phase 1 job": when or how a task is done, not the phase itself
        and not ((hints.asks_when or hints.how_to_start) and query_stems - CUE_STEMS)
    )
    # "change management" names the change management component, not "new or changed services"
    named = max((_share(group, query_stems) for group in index.components), default=0.0)
    rows = [_score(index, cand, topic, total, query_stems, hints, roles, about_phase, named) for cand in candidates]
    # "goal of phase 2", "the second approach", "is BRM required by 20000", "what is left for phase 3": what the
    # question names is the answer (the phase itself, the approach, the standard's requirement, the activities
    # begun in the phase), whatever else its words mean
    clause_asked = hints.names_clause and hints.kinds <= {"clause"}
    requirement_asked = hints.kinds == {"clause"} and not hints.names_clause
    keep_order = hints.phase_itself or hints.phase_starts or hints.approach is not None or requirement_asked
    # "which clause covers our monthly customer pdf": only the clauses' likeness counts; "what does level II
    # look like for X": only the elements', not the TS's text on levels
    ordering = meaning  # the likeness that may reorder; the confidence weighs the whole `meaning`
    if clause_asked:
        ordering = _only(meaning, index.of_kind["clause"])
    elif hints.level is not None or hints.names_maturity:
        ordering = _only(meaning, index.of_kind["maturity"])
    elif hints.asks_when and not hints.names_clause and "activity" in hints.kinds:
        ordering = _only(meaning, index.of_kind["activity"])  # "when do we have to test it": only the tasks say when
    if hints.how_to_start and not about_phase:
        # "how do I start on the CMDB, is that a phase 1 job": a phase's overview means something of every task in
        # it; how to start a task gains it nothing by meaning
        ordering = _only(ordering, ~index.phase_overviews)
    _weigh_meaning(rows, meaning, ordering, domain, keep_order=keep_order)
    _prefer_subclauses(index, rows, hints.wants_subclause)
    _prefer_longer_titles(index, rows, query_stems)
    rows.sort(key=lambda row: (-row.score, index.entries[row.cand.index].id))
    _prefer_the_task(index, rows, hints)
    _prefer_the_requirement(index, rows, hints)
    _keep_guidance_in_view(index, rows, hints)
    # outside the domain: nothing worth suggesting, unless the question asks for the standard's clause in words
    # of its own ("which clause makes us work out what the commissioners need"); nor for the asker's own errand
    # ("my laptop won't start" is no question about information security incidents), unless the organisation's own
    # entries answer it ("which ticketing tool do we use": its FAQ says)
    if not rows or (domain < SUGGEST_DOMAIN_MIN and not rows[0].direct and not hints.names_clause):
        return []
    if _errand(index, rows, hints) and not rows[0].direct:
        return []
    confidence = answer_confidence(confidence_features(index, rows, known, domain, hints, about_phase))
    sure = confidence >= ANSWER_THRESHOLD
    best = rows[0].score
    out = []
    previous = 1.0
    for rank, row in enumerate(rows[:limit]):
        score = previous = min(previous, _display_score(row, best, domain))
        if not sure:
            score *= UNSURE_SCALE  # suggestions, not answers: their scores say so
        out.append(
            replace(row.cand, score=score, confident=rank == 0 and sure, confidence=confidence if rank == 0 else 0.0)
        )
    return out


def _only(meaning: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The likeness of the wanted entries; the others may fall behind by meaning but not get ahead by it."""
    return np.where(wanted, meaning, np.minimum(meaning, 0.0))


def _weigh_meaning(
    rows: list[_Scored], meaning: np.ndarray, ordering: np.ndarray, domain: float, keep_order: bool = False
) -> None:
    """When the best entry holds little of the question (a situation told in everyday words), what the
    question means weighs beside its words: each score becomes the share it would show plus its
    likeness in meaning (`ordering`: only the kinds asked for may gain by it), on the scale of the best score.
    A question the words answer is left alone. Each row keeps its whole likeness for the confidence."""
    for row in rows:
        row.meaning = float(meaning[row.cand.index])
        row.worded = row.score
    # a clause or challenge named by number keeps its place: meaning orders the others
    plain = sorted((row for row in rows if not row.direct), key=lambda row: -row.score)
    if keep_order or not plain or plain[0].score <= 0 or plain[0].cover >= MEANING_COVER_MAX:
        return
    best = plain[0].score
    shown = 1.0
    keyed = []
    for row in plain:
        shown = min(shown, _display_score(row, best, domain))
        keyed.append((shown + MEANING_WEIGHT * float(ordering[row.cand.index]), row))
    top = max(key for key, _ in keyed)
    if top > 0:
        for key, row in keyed:
            row.score = best * key / top


def _keep_guidance_in_view(index: SearchIndex, rows: list[_Scored], hints: QueryHints) -> None:
    """A question that asks for no kind in particular may want the TS's advice even when a clause or an
    activity says more of its words: a close guidance entry takes the third place."""
    if (
        hints.clause_numbers
        or hints.names_clause
        or hints.situation
        or hints.asks_who
        or hints.asks_when
        or hints.level is not None
        or hints.phase is not None
        or "maturity" in hints.kinds
    ):
        return  # it asks for a clause, a level, a phase, a role or tells a situation
    first = next((i for i, r in enumerate(rows) if index.entries[r.cand.index].kind == "guidance"), None)
    if first is not None and first >= GUIDANCE_PLACE and rows[first].score >= GUIDANCE_IN_VIEW * rows[0].score:
        rows.insert(GUIDANCE_PLACE - 1, rows.pop(first))


def _prefer_the_task(index: SearchIndex, rows: list[_Scored], hints: QueryHints) -> None:
    """ "should we publish a forward schedule of change", "how do we split shared overheads across services": the
    plan's activity that names the detail asked about comes before the clause that requires the whole topic,
    unless the question asks what is obliged, for the clause or for a kind."""
    if hints.obliged or hints.names_clause or hints.kinds or not _first_is(index, rows, "clause"):
        return
    top = rows[0]
    position = _best_of_kind(index, rows, "activity")
    if (
        position
        and rows[position].score >= TASK_CLOSE * top.score
        and rows[position].in_title >= top.in_title + TASK_TITLE_LEAD
    ):
        _lead_with(rows, position)


def _prefer_the_requirement(index: SearchIndex, rows: list[_Scored], hints: QueryHints) -> None:
    """ "do we have to budget per service", "is a documented procedure mandatory": a clause close behind the plan's
    activity on top by its words (what the question means aside), and one the activity is mapped to, answers
    what is obliged; unless the question asks when, or the activity's title says more of it ("are exit clauses
    in supplier contracts required": the task that names them, not the whole of supplier management)."""
    if not hints.obliged or hints.asks_when or hints.phase is not None:
        return
    # ... or a close clause behind the TS's advice, unless advice is what the question asks for ("should we ...")
    if not (_first_is(index, rows, "activity") or (_first_is(index, rows, "guidance") and not hints.advice)):
        return
    mapped_to = index.entries[rows[0].cand.index].clauses
    position = _best_of_kind(index, rows, "clause")
    if position and (
        # the words put it first and its title names some of the question: what the rest means does not move it
        (rows[position].worded >= rows[0].worded and rows[position].in_title > 0)
        or (rows[position].worded >= REQUIREMENT_CLOSE * rows[0].worded and rows[position].in_title >= rows[0].in_title)
    ):
        clause = index.entries[rows[position].cand.index].id
        if any(c == clause or c.startswith(clause + ".") for c in mapped_to):
            _lead_with(rows, position)


def _first_is(index: SearchIndex, rows: list[_Scored], kind: str) -> bool:
    return bool(rows) and index.entries[rows[0].cand.index].kind == kind


def _best_of_kind(index: SearchIndex, rows: list[_Scored], kind: str) -> int | None:
    """Where the best entry of a kind stands among the first few after the first."""
    return next(
        (i for i, row in enumerate(rows[1:TASK_LOOKS], start=1) if index.entries[row.cand.index].kind == kind), None
    )


def _lead_with(rows: list[_Scored], position: int) -> None:
    """The row at `position` leads by the first row's margin, and the former first comes next."""
    top, row = rows[0], rows[position]
    top.score, row.score = row.score, top.score
    rows.insert(0, rows.pop(position))


def _domain_min(hints: QueryHints) -> float:
    """A situation told in everyday words ("the project fizzled out"), or a short question that asks for a clause
    beside words we lack ("DR clause ref pls, tender question"), knows fewer of our words."""
    if hints.says_clause:
        return CLAUSE_ASKED_DOMAIN_MIN
    return SITUATION_DOMAIN_MIN if hints.situation else DOMAIN_COVERAGE_MIN


def _prefer_subclauses(index: SearchIndex, rows: list[_Scored], wants_subclause: bool = False) -> None:
    """An overview clause (or TS subclause) loses to a subclause whose title says more of the question
    (or as much, when the overview's own title is not all in the question, or any of it when the
    question asks for a subclause)."""
    in_titles = {
        index.entries[r.cand.index].id: r.in_title
        for r in rows
        if index.entries[r.cand.index].kind in ("clause", "guidance")
    }
    for row in rows:
        entry_id = index.entries[row.cand.index].id
        if entry_id not in index.parent_clauses or row.direct:
            continue
        best_child = max((v for cid, v in in_titles.items() if cid.startswith(entry_id + ".")), default=-1.0)
        if (
            best_child > row.in_title
            or (best_child == row.in_title and (row.title_cover < 1 or "." not in entry_id))
            or (wants_subclause and best_child > 0)
        ):
            row.score *= PARENT_CLAUSE


def _prefer_longer_titles(index: SearchIndex, rows: list[_Scored], query_stems: set[str]) -> None:
    """An entry whose title is part of a longer title the question says in full loses to it:
    "process management level II" is the element Process management, not Process."""
    said = [index.title_stems[r.cand.index] for r in rows if index.title_stems[r.cand.index] <= query_stems]
    for row in rows:
        title = index.title_stems[row.cand.index]
        if title and not row.direct and any(title < other for other in said):
            row.score *= SHORTER_TITLE


def confidence_features(
    index: SearchIndex, rows: list[_Scored], known: float, domain: float, hints: QueryHints, about_phase: bool = False
) -> dict[str, float]:
    """What the confidence is computed from: how much of the question the best entry holds, and its lead."""
    best = rows[0]
    runner_up = rows[1].score if len(rows) > 1 else 0.0
    entry = index.entries[best.cand.index]
    kind = entry.kind
    # "service" or "management" alone could mean anything; "phase 2" or "whats in phase 2" names its entry
    phase_named = about_phase and entry.id == f"activity-phase-{hints.phase}"
    return {
        "direct": float(best.direct > 0),
        "specific": float(known >= MIN_SPECIFICITY or phase_named),
        "domain": domain,
        "cover": best.cover,
        "lead": _lead(best.score, runner_up),
        "title_cover": best.title_cover,
        "kind_match": float(kind in hints.kinds),
        # a situation told in everyday words shares few words with its challenge, yet is one
        "situation": float(hints.situation and kind == "challenge"),
        "domain_min": _domain_min(hints),
        "rule": float(_passes_rule(best, runner_up, domain)),
        # how alike the best entry means to the question, and how much more than the next one
        "meaning": best.meaning,
        "meaning_lead": best.meaning - (rows[1].meaning if len(rows) > 1 else 0.0),
        "errand": float(_errand(index, rows, hints)),
    }


def _errand(index: SearchIndex, rows: list[_Scored], hints: QueryHints) -> bool:
    """An errand of the asker's that no entry of the organisation's own answers."""
    return hints.errand and index.entries[rows[0].cand.index].kind not in LOCAL_KINDS


def _lead(best: float, other: float) -> float:
    return math.log(min(MAX_LEAD, best / other if other > 0 else MAX_LEAD))


def _passes_rule(best: _Scored, runner_up: float, domain: float) -> bool:
    """The hand-set rule: the entry holds most of the question, or is far ahead of the next one."""
    clear_lead = domain >= LEAD_DOMAIN_MIN and best.cover >= LEAD_COVERAGE_MIN and best.score >= LEAD_RATIO * runner_up
    return domain >= DOMAIN_COVERAGE_MIN and (best.cover >= ENTRY_COVERAGE_MIN or clear_lead)


def answer_confidence(features: dict[str, float]) -> float:
    """The probability that the best entry is the answer (a logistic model; see CONFIDENCE_WEIGHTS)."""
    if features.get("errand"):
        return 0.0  # the asker's own errand for the IT desk or HR, or another framework's own content
    if features["direct"]:
        return 1.0
    if not features["specific"] or features["domain"] < features["domain_min"]:
        return 0.0  # too vague, or mostly unknown words
    z = CONFIDENCE_BIAS + sum(w * features[name] for name, w in CONFIDENCE_WEIGHTS.items())
    return 1.0 / (1.0 + math.exp(-z))


def _score(
    index: SearchIndex,
    cand: Candidate,
    topic: list,
    total: float,
    query_stems: set[str],
    hints: QueryHints,
    roles: tuple[set[str], set[str]],
    about_phase: bool,
    components_named: float,
) -> _Scored:
    """The candidate's relevance to the question."""
    entry = index.entries[cand.index]
    cover = _coverage(topic, index.entry_stems[cand.index], total)
    cover += DETAIL_MATCH * _coverage(topic, index.detail_stems[cand.index], total)
    cover += EXAMPLE_MATCH * _coverage(topic, index.example_stems[cand.index], total)
    strong = _coverage(topic, index.strong_stems[cand.index], total)
    title = index.title_stems[cand.index]
    title_cover = len(title & query_stems) / len(title) if title else 0.0
    in_title = _coverage(topic, title, total)
    raw = cand.base * (BASE_OFFSET + cover) + TITLE_WEIGHT * (title_cover * cover + in_title)
    raw += STRONG_WEIGHT * strong
    raw *= _hint_factor(entry, hints, roles)
    group = index.group_stems[cand.index]
    if group & query_stems and "activity" in hints.kinds and _share(group, query_stems) >= components_named:
        raw *= 1.25  # the question names this activity's component (as fully as it names any)
    if about_phase and entry.id == f"activity-phase-{hints.phase}":
        raw *= 3.0
    if hints.small_team and entry.id == SMALL_ENTITIES:
        raw *= SMALL_TEAM_SAID  # "we're 12 people, will a spreadsheet do": the TS's advice for very small entities
    if hints.after_project and entry.id == FUTURE_ACTION:
        raw *= AFTER_PROJECT_SAID  # "once the project closes, how do we stop the slide back": the TS's step after it
    if hints.missed_objectives and entry.id == EVALUATION:
        raw *= MISSED_OBJECTIVES_SAID  # "phase 1 is done and we missed two objectives": the TS on evaluating it
    if hints.approach is not None and entry.id == APPROACHES.get(hints.approach):
        raw *= APPROACH_NAMED  # "approach 2": the words of both approaches are alike, the number tells them apart
    if entry.kind == "maturity" and hints.level is not None and title <= query_stems:
        raw *= 2.0  # "level II vs III for risk": the element named, at a level
    direct = _direct_bonus(entry, hints, index.catalog.by_id, index.parent_clauses)
    return _Scored(
        cand=cand,
        score=raw + direct,
        cover=cover,
        title_cover=title_cover,
        in_title=in_title,
        direct=direct,
        meaning=0.0,
    )


def _share(group: frozenset[str], query_stems: set[str]) -> float:
    """How much of a component's name the question says."""
    return len(group & query_stems) / len(group) if group else 0.0


def _coverage(topic: list[tuple[str, float, float]], stems: frozenset[str], total: float) -> float:
    return sum(w * c for s, w, c in topic if s in stems) / total if total else 0.0


def _weighted_terms(index: SearchIndex, terms: QueryTerms) -> list[tuple[str, float, float]]:
    """(stem, weight, confidence) of the question's words, repeats removed; cue words weigh little."""
    seen: dict[str, tuple[str, float, float]] = {}
    top_idf = index.idf("\0")  # the idf of a word the knowledge does not have
    for s, conf in zip(terms.stems, terms.confidence, strict=True):
        if s in seen:
            continue
        weight = index.idf(s) if conf >= SURE_SPELLING else top_idf  # a guess weighs as the unknown word it may be
        if conf > 0 and s not in index.topic_stems:
            weight *= PROSE_WORD_WEIGHT
        if s in CUE_STEMS:
            weight *= CUE_WEIGHT
        seen[s] = (s, weight, conf)
    return list(seen.values())


def _roles_named(index: SearchIndex, terms: QueryTerms) -> tuple[set[str], set[str]]:
    """Roles the question names in full ("capacity planner", "incident manager"), and roles it names only by
    their component's word ("incident trends": the incident component, perhaps its manager)."""
    stems = set(terms.stems)
    full: set[str] = set()
    by_component: set[str] = set()
    for role, role_stems in index.role_stems.items():
        if not role_stems or not role_stems <= stems:
            continue
        if role_stems in index.components and not index.role_full_stems[role] <= stems:
            by_component.add(role)
        else:
            full.add(role)
    return full, by_component


_CLAUSE_KIND = frozenset({"clause"})


def _hint_factor(entry, hints: QueryHints, roles: tuple[set[str], set[str]]) -> float:
    factor = 1.0
    kinds = hints.kinds
    if not kinds and hints.names_clause and not hints.clause_numbers:
        kinds = _CLAUSE_KIND  # "is there anything in the standard on knowledge": the standard's clause is asked for
    if kinds:
        factor *= KIND_HINT_MATCH if entry.kind in kinds else KIND_HINT_MISS
        if hints.situation and entry.kind == "challenge":
            factor *= SITUATION_CHALLENGE  # a complaint about people outweighs the topic words it names
    elif not hints.clause_numbers:
        factor *= (SYMPTOM_KIND_PRIOR if hints.symptom else DEFAULT_KIND_PRIOR).get(entry.kind, 1.0)
    if entry.kind == "challenge" and hints.names_clause and not (hints.situation or hints.names_challenge):
        # a challenge's long list of everyday words matches the asides of a question about the standard
        factor *= UNTOLD_CHALLENGE
    if hints.advice and entry.kind == "guidance":
        factor *= ADVICE_GUIDANCE
    if hints.level is not None and entry.kind == "maturity":
        factor *= 1.3
    if hints.names_clause and kinds == _CLAUSE_KIND and entry.kind != "clause":
        factor *= ONLY_CLAUSE_MISS  # "which clause ...": nothing but the standard's clause is asked for
    if hints.names_maturity and entry.kind != "maturity":
        factor *= ONLY_MATURITY_MISS  # "which level does that put us at": nothing but a maturity element is asked for
    if entry.kind == "activity":
        if (hints.asks_who or hints.asks_when) and not entry.who and not hints.phase_itself:
            # "who provides the cost of a change", "when do config audits come in": a phase's overview names no one
            # and no task of its own
            factor *= NO_ONE_NAMED
        if hints.phases:
            factor *= 1.3 if set(hints.phases) & set(entry.phases) else 0.6
        if hints.phase_starts and entry.phases:
            # "left for phase 3": an activity begun in an earlier phase is not what is left
            factor *= PHASE_STARTS if min(entry.phases) == hints.phase else 1 / PHASE_STARTS
        if hints.how_to_start and entry.phases:
            factor *= FIRST_STEPS if min(entry.phases) == 1 else 1 / FIRST_STEPS  # "how do we start": begun first
        if (hints.asks_who or hints.asks_when or hints.how_to_start) and not hints.names_clause:
            factor *= 1.25  # the activity says who does it and in which phase
        full, by_component = roles
        if not hints.asks_who:
            # without "who", a one-word role ("audit") is the question's topic, not the role asked for
            full = {role for role in full if len(role.split()) > 1}
        if (full or by_component) and (hints.asks_who or "activity" in hints.kinds):
            if full:
                factor *= 1.3 if full & set(entry.who) else 0.9
            else:  # the component's word already counted once: a lighter nudge towards its manager
                factor *= ROLE_BY_COMPONENT if by_component & set(entry.who) else 1.0
    return factor


def _direct_bonus(entry, hints: QueryHints, by_id: dict, parent_clauses: frozenset[str]) -> float:
    """A question that names a clause number (or challenge N) is about that clause or TS subclause."""
    if entry.kind == "challenge" and entry.id in {f"challenge-{n}" for n in hints.challenge_numbers}:
        return DIRECT
    if hints.phase_itself and entry.id == f"activity-phase-{hints.phase}":
        return DIRECT  # "what is phase 2 about": the phase's objectives
    other_kinds = hints.kinds - {"clause"}
    for number in hints.clause_numbers:
        if hints.within_named and number in parent_clauses:
            # "which part of 8.5 is the CAB": the named clause holds the answer, one of its subclauses
            if entry.kind == "clause" and entry.id.startswith(number + "."):
                return DIRECT / 2
            if entry.id == number:
                continue
        # a TS subclause number that is no 20000-1 clause (4.13, 5.3.1) needs no "TS" in the question
        if entry.id == f"guidance-{number}" and (hints.wants_ts or number not in by_id):
            return DIRECT
        if entry.id == number and entry.kind == "clause" and not hints.wants_ts:
            return DIRECT if not other_kinds else DIRECT / 4
        if number in entry.clauses and entry.kind in other_kinds:
            return DIRECT / 2
    return 0.0


def _display_score(row: _Scored, best: float, domain: float) -> float:
    if row.direct >= DIRECT:
        return 0.99
    relative = row.score / best if best > 0 else 0.0
    value = 0.55 * row.cover + 0.2 * row.title_cover + 0.25 * relative
    return max(0.0, min(0.99, value * (0.5 + 0.5 * domain)))
