"""Reads what a question asks for beyond its words: clause numbers, level, phase, role, kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from bot.knowledge.text import normalize

_NUMBER_WORDS = {
    "1": 1,
    "2": 2,
    "3": 3,
    "i": 1,
    "ii": 2,
    "iii": 3,
    "one": 1,
    "two": 2,
    "three": 3,
    "first": 1,
    "second": 2,
    "third": 3,
    "last": 3,  # of the plan's three phases
    "final": 3,
}
_ORDINAL = r"(iii|ii|i|1|2|3|one|two|three|first|second|third)"
_LEVEL = re.compile(
    rf"\b(?:level|lvl|maturity)\s*{_ORDINAL}\b|\b{_ORDINAL}(?:st|nd|rd)?\s+level\b"
    # "L2 for risk" is a level; "L2 support", "escalate to L3" are support lines
    r"|(?<!to )(?<!from )\bl([123])\b"
    r"(?!\s*(?:support|line|team|engineers?|analysts?|agents?|escalation|tickets?|queue|desk|monitoring|staff|ops|"
    r"operations|noc|helpdesk|help desk|techs?|people|folks|calls?|to|is|are|and|handles?|does|do)\b)"
    # "the difference between II and III for communication": Table 1's levels compared by numeral alone
    # ("I" alone is the pronoun unless "between" or "vs" says otherwise)
    r"|\b(iii|ii)\s*(?:and|vs\.?|versus|or|to|-|/)\s*(?:iii|ii)\b"
    r"|\bbetween\s+(i)\s+and\s+(?:iii|ii)\b|\b(i)\s*(?:vs\.?|versus|-|/)\s*(?:iii|ii)\b"
)
# "the gents toilet on level 2 blocks every week": a floor of the building, no maturity level
_FLOOR = re.compile(
    r"\b((?:toilets?|gents|ladies|loos?|bathrooms?|offices?|rooms?|desks?|kitchens?|printers?|car park|wards?|wing|"
    r"lifts?|canteen|stairs|corridor|server room|comms room|meeting room)\s+on)\s+level\b"
)
_PHASE = re.compile(
    rf"\bphases?\s*{_ORDINAL}\b|\bph\.?\s*([123])\b"  # "ph1"
    # "the second phase", but not "the 3 phase plan" (the plan of three phases)
    rf"|\b{_ORDINAL}(?:st|nd|rd)?\s+phase\b(?!\s+(?:plan|model|approach|roadmap|structure|programme|program)\b)"
    r"|\bthe\s+(last|final)\s+phase\b"  # "what does the last phase look like"
    # "the second stage of the rollout": a stage of the implementation is its phase
    rf"|\b{_ORDINAL}(?:st|nd|rd)?\s+stage\s+of\s+(?:the\s+|our\s+)?(?:rollout|roll-out|implementation|project|roadmap)\b"
    rf"|\b(?:end|start|beginning|goal|aim|outcome|objectives?)\s+of\s+(?:the\s+)?{_ORDINAL}(?:st|nd|rd)?\s+stage\b"
)
# "what is phase 2 about", "phase 1 in a nutshell", "explain phase 3": the phase itself, its objectives
_PHASE_ITSELF = re.compile(
    r"\b(?:what(?:'s| is| are)?|whats|explain|describe|summari[sz]e)\s+(?:the\s+)?"
    rf"(?:phase\s*{_ORDINAL}|{_ORDINAL}(?:st|nd|rd)?\s+phase)"
    r"(?:\s+(?:even\s+|really\s+|all\s+)?about\b|\s*(?:\?|$|,|-|in (?:a|one) (?:nutshell|sentence|word))|\s+for\b)"
    rf"|\bphase\s*{_ORDINAL}(?:\s+of\s+the\s+(?:[a-z-]+\s+)?(?:plan|implementation|project))?"
    r"\s+(?:even\s+|really\s+|actually\s+)?about\b"  # "what's phase 2 of the exemplar plan actually about"
    # "the overall goal of phase 2", "main objectives of the second phase"
    r"|\b(?:goals?|objectives?|aims?|purpose|focus|point|summary|gist|overview)\s+(?:of|for)\s+(?:the\s+)?"
    rf"(?:phase\s*{_ORDINAL}|{_ORDINAL}(?:st|nd|rd)?\s+phase)\b"
    r"(?!\s+(?:for|in|of)\s+(?!the\s+(?:exemplar\s+|implementation\s+)?(?:plan|implementation|project)\b))"
    # "what is phase 2 supposed to get us to", "what should phase 1 achieve"
    rf"|\bphase\s*{_ORDINAL}\s+(?:(?:is\s+)?supposed\s+to|meant\s+to|should|must)\s+"
    r"(?:get us|achieve|deliver|accomplish|leave us with|end with)\b"
    # "phase 1 in a nutshell?", "phase 1 of the exemplar plan, what's it actually supposed to achieve?"
    rf"|\bphase\s*{_ORDINAL}(?:\s+of\s+the\s+(?:[a-z-]+\s+)?(?:plan|implementation|project))?\s+in\s+(?:a|one)\s+"
    r"(?:nutshell|sentence|word|line)\b"
    rf"|\bphase\s*{_ORDINAL}\b[^?.!]{{0,40}}\bwhat(?:s| is)? it (?:actually |really )?(?:supposed|meant) to "
    r"(?:achieve|deliver|accomplish|get us)\b(?!\s+for\b)"
    # "what should we look like by the end of phase 2", "where should we be at the end of the second phase"
    r"|\b(?:what|where|how) (?:should|will|would|must|do|does|are|is) (?:we|it|the sms|things|everything) "
    r"(?:look like|be|have)\b(?: [a-z]+){0,2} (?:by|at) the end of (?:the\s+)?"
    rf"(?:phase\s*{_ORDINAL}|{_ORDINAL}(?:st|nd|rd)?\s+phase)\b(?!\s+(?:for|in|of)\s+\w)"
)
# "which continuity tasks are left for phase 3", "what starts only in phase 2": the activities that begin then
_PHASE_STARTS = re.compile(
    r"\b(?:left|saved|kept|held back|wait\w*|deferred|postponed|pushed(?: back)?|put off) (?:for|until|till|to) "
    r"(?:the )?phase\b|\bnot (?:until|till|before) (?:the )?phase\b"
    r"|\b(?:start|begin|kick off|appear|come in)s? (?:only )?in (?:the )?phase\b"
    r"|\bnew (?:in|for) (?:the )?phase\b"
)
_MORE_PHASES = re.compile(
    rf"\s*(?:,|/|&|or|and|to|-)\s*(?:phases?\s*)?{_ORDINAL}\b"
)  # "phase 2 or 3", "phases 1, 2 and 3"
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d{1,2}){1,3})(?![\d])")
# "9001 8.4 covers externally provided processes": another standard's clause number, not one of 20000-1
_OTHER_STANDARD = re.compile(
    # "9001 8.4", "9001 clause 7.5", and "9001 has it in 10.2", "in 9001 that's 8.4": a few words may come between
    r"\b(?:9001|27001|27002|14001|22301|45001|9000)(?::20\d\d)?(?:'s)?(?:\s+[a-z']+){0,3}?\s+"
    r"(?:clause\s+|section\s+|cl\.?\s*|§\s*)?$"
)
_BARE_CLAUSE = re.compile(r"\b(?:clause|section|sect|sec|chapter|cl|§)\s*(\d{1,2})\b(?!\.\d)")
_CHALLENGE = re.compile(r"\bchallenge\s*(?:no\.?|number|#)?\s*(\d{1,2})\b")
# the TS's two phasing approaches (5.2.2, 5.2.3): "approach 2", "the second approach"
_APPROACH = re.compile(r"\bapproach\s*(?:no\.?|number|#)?\s*(1|2|one|two|ii|i)\b|\b(first|second)\s+approach\b")
# "can we start with part of our services", "should the project team run operations": asks for advice
_ADVICE = re.compile(
    # at the start of the question or of a sentence of it ("we have a QMS - should we build the SMS into it?")
    r"(?:^|[.?!;:]\s+|\s-+\s+)\W*(?:(?:so|and|but|ok|then)\W+)?"
    r"(?:can|could|should|may|is it (?:ok|okay|wise|allowed)(?: to| if)?)"
    r"\s+(?:we|i|our|a|an|the|it|one|you)\b"
)
# a state of affairs told, not asked ("nobody measures anything", "audits only happen after complaints"):
# how mature something is, or a challenge, more than the clause its words name
_CUSTOMER_COMPLAINS = re.compile(
    r"\b(?:customers?|clients?|users?|callers?)\b[^?.!]{0,40}\b(?:complain\w*|moan\w*|grumbl\w*|unhappy|angry|"
    r"furious|upset|escalat\w*)"
)
_SYMPTOM = re.compile(
    r"\b(?:nobody|no one|never|not|no|without|rarely|seldom|poor(?:ly)?|irregular\w*|unclear|undocumented|"
    r"ad.hoc|informal\w*|inconsistent\w*|reactive\w*|firefight\w*|fight\w* fires|silos?)\b"
    r"|\bonly (?:\w+ ){0,6}(?:when|after|if|once|in reaction)\b"
)
_ASKED = re.compile(
    r"^\W*(?:what|which|where|how|who|when|why|is|are|do|does|can|could|should|must|shall|need|explain|tell|show|"
    r"list|give)\b|\?"
    r"|[-,:(]\s*(?:when|who|by whom)(?:\s+and\s+(?:when|who|by whom))?\W*$"  # "CMDB audit, when and who"
)
# "who has to keep the capacity plan up to date": whose task it is; the obligation words ask nothing of the standard
_WHO_OBLIGED = re.compile(r"\bwho\s+(?:has to|must|is required to|shall)\b")
# "which clause covers ...", "what does the std expect from ...", "any requirement about ...": the requirement itself
_STANDARD_SAYS = re.compile(
    r"\b(?:which|what) (?:clause|section|subclause|requirements?|part of (?:the )?(?:standard|20000))\b"
    r"|\bwhat(?:s| does| do| is| exactly does)? (?:the )?(?:standard|std|20000-1|20000|iso 20000|iso|20k(?:-1)?)\b"
    r"[^?.!]*"
    r"\b(?:require|say|expect|demand|want|mean|ask)"
    r"|\b(?:anything|something|a (?:clause|section|requirement)) in (?:the )?(?:standard|std|20000\S*|iso 20000\S*)"
    # "does the standard make top management actually do anything", "does 20k require a CMDB"
    r"|\b(?:does|do|will|would) (?:the )?(?:standard|std|20000\S*|iso 20000\S*|(?:iso ?)?20k\S*) (?:\w+ )?"
    r"(?:require|say|expect|demand|want|make|force|oblige|mandate|ask)"
    r"|\bwhere (?:does|do|in) (?:the )?(?:standard|std|20000\S*|iso 20000\S*|(?:iso ?)?20k)\b|\bwhere does it say\b"
    r"|\b(?:any|is there an?|are there) (?:formal )?(?:requirements?|reqts?|reqs?|clauses?|rules?) (?:about|on|for)\b"
    # "where's the reqt for ...", "what do we do with findings per the std", "capacity ref in the 2018 edition"
    r"|\bwhere (?:is )?the (?:requirements?|reqts?|reqs?|rule)\b"  # normalize() drops "'s"
    # "which bit of 20k is about that", "which part says ...", "where's the bit about keeping vendors in line"
    r"|\bwhich (?:bit|part|section|clause)s?(?: of (?:the )?(?:standard|std|20000\S*|iso 20000\S*|(?:iso ?)?20k\S*))?"
    r" (?:says?|is about|covers?|deals? with|talks? about|asks? for|makes? us|wants?|requires?)\b"
    r"|\bwhere (?:is )?the (?:bit|part|section) (?:about|on|for|that)\b"
    # "where it says the board has to lead", "where it talks about agreeing SLAs", "where are the rules for RFCs"
    r"|^\W*(?:(?:and|so|also|ok|then)\W+)?where (?:it|they) (?:says?|talks? about|covers?|mentions?|deals? with)\b"
    r"|\bwhere are the (?:requirements|reqs|reqts|rules) (?:for|on|about)\b"
    # "req for the SMS plan itself", "where in 8.5?", "where will the CB auditor hit them?"
    r"|^\W*(?:the )?(?:reqs?|reqts?|requirements?) (?:for|on|about)\b|\bwhere in (?:clause |section )?\d"
    r"|\bwhere (?:will|would|does|do|might|could) (?:the |an |our |their )?(?:cb |certification |external )?"
    r"auditors? (?:hit|ding|flag|look|raise|find|catch|get)\b"
    r"|\b(?:per|according to|in) (?:the )?"
    r"(?:standard|std|(?:iso ?)?20k|20000-1\S*|(?:20000-1:)?2018 (?:edition|version))\b"
)
# "release frequency - where in 8.5?", "which part of 8.5 is the CAB": a part of the clause named, not all of it
_WITHIN_NUMBER = re.compile(
    r"\b(?:where|what|which (?:part|bit|subclause|section)) (?:in|of|under) (?:clause |section )?\d+(?:\.\d+)*\b"
)
# ... or the contents of a thing of ours: "what goes in the business case", "what should the plan contain"
_ASKS_STANDARD = re.compile(
    _STANDARD_SAYS.pattern + r"|^\W*(?:what|which)\b[^?.!]{0,40}\b(?:goes|go|put|include|contain|contains)\b"
)
# "do we have to", "is it mandatory", "what does the standard say": what is obliged, the clause's business
_OBLIGED = re.compile(
    r"\b(?:have to|has to|must|mandatory|obliged|obligatory|required|requires?|requirements?|shall|"
    r"standard|20000\S*|iso|clause|section|auditors?|audit)\b"
)
_MEMBERSHIP = re.compile(
    r"\bwho\s+(?:should|must|will|would|can|could|do we need to|is going to)?\s*(?:really\s+|actually\s+)?"
    r"(?:be|sit|join|serve)\s+(?:on|in)\b"
)
_PLAN_CONTENTS = re.compile(
    r"\bwho (?:does|will do|do) what\b|\bwho\s*,\s*(?:by )?when\b|\bby when\b"
    # "what, when, to whom, who does it": the contents a thing must state, listed
    r"|\b(?:what|when|who|whom|how|why)"
    r"(?:\s*[,/]\s*(?:and\s+)?(?:to\s+)?(?:what|when|who|whom|how|why)\b(?: does it)?)+"
)
# "we're 12 people", "a team of 15", "a 10-person IT shop": a very small entity (TS 4.11)
_SMALL_TEAM = re.compile(
    r"\b(?:we|we are|there are|only|just)\s+(?:about |around |roughly |only |just |literally )?"
    r"([1-4]?\d|two|three|four|five|six|seven|eight|nine|ten|a (?:couple|handful))\s*"
    r"(?:people|staff|persons?|employees|ppl|fte|ftes|heads?|of us)\b"
    r"|\b(?:team|company|department|shop|staff) of ([1-4]?\d)\b"
    r"|\b([1-4]?\d)[- ](?:person|people|man|strong)(?: it)? (?:team|shop|company|department|organization)\b"
    # "our IT team is 12 people", "the stores each have like 4 IT people"
    r"|\b(?:team|company|department|shop|it) (?:is|are) (?:only |just |about |around )?"
    r"([1-4]?\d) (?:people|staff|ppl)\b"
    r"|\b(?:have|has) (?:like |only |just |about |around )?([1-4]?\d) (?:it )?(?:people|staff|ppl)\b"
)
# "phase 1 is done and we missed two objectives", "we hit maybe half our targets": evaluating the implementation
# "once phase 1 is done what do we tackle next": the following phase itself
_NEXT_PHASE = re.compile(
    rf"\b(?:(?:after|once|when|now) (?:that )?)?phase\s*{_ORDINAL}\s+(?:is |has been |was )?"
    r"(?:done|complete|completed|over|finished|closed|wrapped up|behind us)\b[^?]*\bnext\b"
)
# "after phase 1 finish, what is the goal of phase 2": the other phase is the one asked about
_AFTER_PHASE = re.compile(rf"\b(?:after|once|when|now that) (?:the )?phase\s*{_ORDINAL}\b")
_MISSED_OBJECTIVES = re.compile(
    r"\b(?:missed|missing|miss|not (?:met|achieved|reached|hit)|fell short of|falling short of|"
    r"hit (?:maybe |only )*half)\b[^?.!]{0,40}\b(?:objectives?|targets?|goals?)\b"
    r"|\b(?:objectives?|targets?|goals?)\b[^?.!]{0,40}?\b(?:were |was |are |have been |got )?"
    r"(?:missed|not (?:met|achieved|reached))\b"
)
# "once the project closes", "after go-live": what comes after the implementation (TS 5.7)
_AFTER_PROJECT = re.compile(
    r"\b(?:after|once|when) (?:the |our )?(?:project|implementation|programme|program|rollout) "
    r"(?:is |has )?(?:closes|closed|ends|ended|over|finish\w*|done|complete\w*|wraps up|wrapped up)"
    r"|\bafter (?:the |our )?(?:project|implementation|programme|program|rollout)\b"
    r"|\b(?:after|once|when) (?:the |our )?(?:project|implementation) team (?:disbands|is disbanded|breaks up|"
    r"moves on|leaves|has gone|is gone)"
    # a service's go-live is no end of the project: "hypercare after go-live" is the transition
    r"|\b(?:after|once) (?:the |our )?(?:sms )?go.?live\b[^?.!]*\b(?:old (?:way|habit)|slip|slid|fall back|"
    r"drift|stick|sustain|embed)"
)
_RELATIVE_WHO = re.compile(r"(?<=\w )who\b")
# "who counts as an interested party", "who qualifies as a customer": what counts, not a role asked for
_WHO_COUNTS = re.compile(
    r"\bwho (?:even |really |actually )?(?:counts|qualifies|is considered|are considered)\b"
    # "who else do I need to list", "document who our interested parties are": which parties, not a role's task
    r"|\bwho else (?:do|should|must|would) (?:i|we) (?:need to |have to )?(?:list|include|consider|add|count)\b"
    r"|\bwho (?:our|the|their|my|your) (?:[a-z-]+ ){1,3}(?:are|is)\b"
)
# "exit clauses in supplier contracts": a contract's clauses, not the standard's
_CONTRACT_CLAUSE = re.compile(
    r"\b(?:exit|termination|break|penalty|penalties|liability|confidentiality|contract|contractual|escape|"
    r"indemnity|change of control) clauses?\b"
)
_PLAN = re.compile(r"\b(?:implementation|project|the) plan\b")
# "how do we start with SLAs", "what's step one for service reports": the plan's first tasks, not the requirement
_HOW_TO_START = re.compile(
    r"\b(?:how|where) (?:do|should|can|would|shall) (?:we|i|you) (?:even )?(?:start|begin|get started|kick)\b"
    # ... a process, not the whole implementation ("how do I get started with ISO 20000": the TS on initiation)
    r"(?!\s+(?:with\s+|on\s+)?(?:iso|20000|20k|(?:the|this|our)\s+(?:iso|20000|20k|standard|implementation|project)))"
    r"|\b(?:first|1st) (?:step|job|thing|task|move)s?\b|\bstep (?:one|1)\b|\bfrom scratch\b"
    # "how do I get change management going" ("what comes first" is read as "first thing", `text.normalize`)
    r"|\bhow (?:do|should|can) (?:we|i) get (?!(?:iso|20000|20k|the standard|the project)\b)(?:[a-z-]+ ){1,3}going\b"
)
_PROJECT_PLAN = re.compile(r"\b(?:implementation|project) plan\b")
# "what does the standard want for incidents? not the project plan stuff": the plan is set aside
_NOT_PLAN = re.compile(r"\bnot (?:the |our |in the )?(?:project |implementation )?plan\b")
_TS_HINT = re.compile(r"20000-5|\bts\b|\btr\b|\bguidance\b|\bimplementation guide\b")

# words that say which kind of entry the asker wants
_KIND_WORDS = {
    "clause": (
        "clause",
        "clauses",
        "requirement",
        "requirements",
        "require",
        "requires",
        "required",
        "shall",
        "section",
        "subclause",
        "20000-1",
        "process",
    ),
    "maturity": ("level", "levels", "maturity", "mature", "lvl", "self-assessment", "assess"),
    "activity": (
        "phase",
        "phases",
        "activity",
        "activities",
        "task",
        "tasks",
        "who",
        "whose",
        "owner",
        "owns",
        "responsible",
        "accountable",
        "role",
        "todo",
        "initiation",
    ),
    "challenge": (
        "challenge",
        "challenges",
        "obstacle",
        "obstacles",
        "struggle",
        "struggling",
        "difficulty",
        "difficulties",
        "hurdle",
        "hurdles",
        "pitfall",
        "pitfalls",
        "barrier",
        "barriers",
        "overcome",
        "lack",
        "lacking",
        "resistance",
        "resisting",
        "reluctant",
        "stalled",
        "momentum",
        "buy-in",
        "pushback",
    ),
    "guidance": (
        "guidance",
        "guide",
        "approach",
        "advice",
        "recommend",
        "recommended",
        "recommendation",
        "checklist",
        "ts",
        "20000-5",
        "steps",
        "implementing",
        "implementation",
        "why",
        "tips",
        "practice",
        "consider",
        "considerations",
    ),
}
_KIND_CUES = frozenset(cue for cues in _KIND_WORDS.values() for cue in cues)
_PROCESS_WORDS = frozenset({"process", "processes"})
_MATURITY_NAMED = re.compile(
    r"\b(?:maturity|mature|(?:next|higher|the following) level)\b"
    r"|\b(?:which|what) level (?:are we|is that|does that|would that|would we|do we|puts?|are we at|we are at)\b"
    r"|(?:^|[.!?,;:-]\s*)(?:(?:which|what) )?level\s*\?"  # "... then everyone freelances. level?"
)
# "the three-level maturity approach", "if we phase it by process groups, which group goes first"
_BY_LEVELS = re.compile(r"\b(?:three|3)[- ]levels? (?:maturity )?approach\b|\bmaturity[- ]levels? approach\b")
_BY_PROCESS_GROUPS = re.compile(
    r"\b(?:phase|phasing|split|splitting|divide|dividing) (?:it |the work |the rollout )?by process groups?\b"
    r"|\bprocess[- ]groups? approach\b"
)
_APPROACH_CHOICE = re.compile(
    r"\bprocess(?:es| groups?)? or (?:go |do it |phase )?(?:by |per )?(?:maturity )?levels?\b"
    r"|\b(?:maturity )?levels? or (?:by |per )?process(?:es| groups?)?\b"
)
# "the business case for the full 20000-1 project": the standard names the project, no requirement is asked for
_OUR_PROJECT = re.compile(
    r"\b(?:iso ?)?(?:20000(?:-1)?|20k)(?::2018)? (?=(?:implementation |certification )?"
    r"(?:project|programme|program|rollout|roll-out|journey|initiative)\b)"
)
# "who makes the call to go ahead with 20000-1": the decision to implement it, no requirement of it
_GO_AHEAD = re.compile(
    r"\b(go ahead with|(?:decid\w*|decision|commit\w*) to (?:implement|adopt|go for|pursue)) "
    r"(?:iso ?)?(?:20000(?:-1)?|20k)\b"
)
_CLAUSE_WORDS = frozenset(
    {"clause", "clauses", "subclause", "section", "requirement", "requirements", "shall", "20000-1", "standard"}
)
# words that ask for the clause itself: "requirements" or "20000-1" may just name the topic or the standard
_EXPLICIT_CLAUSE_WORDS = frozenset({"clause", "clauses", "subclause", "section", "shall"})
_EXPLICIT_GUIDANCE_WORDS = frozenset(
    {"guidance", "guide", "advice", "recommend", "recommended", "recommendation", "ts", "20000-5", "tips"}
)
# words that name a challenge itself, not the trouble it describes ("lack", "resistance")
_CHALLENGE_WORDS = frozenset(
    w for w in _KIND_WORDS["challenge"] if w.startswith(("challenge", "obstacle", "hurdle", "pitfall", "barrier"))
)
# "why do these projects fail": the challenges, asked without the word ("what usually goes wrong" and "common
# mistakes" are read as "pitfalls" already, `text.normalize`)
_WHY_FAIL = re.compile(r"\bwhy (?:do|does|did) (?:\w+ ){1,4}fail\b")
_ACTIVITY_WORDS = frozenset({"phase", "phases", "activity", "activities", "task", "tasks", "todo", "initiation"})
_ROLE_NAME = re.compile(r"\b(?:process|service|risk|asset|product|system) owners?\b")
# "if we phase it, which processes first": to phase is to stage the work, no phase of the plan asked for
_PHASE_VERB = re.compile(
    r"\b(?:we|to|you|they|i)\s+phase\s+(?:it|them|this|that|things|the\s+(?:rollout|work|implementation))\b"
)
# "service levels", "levels of authority": a level that is no maturity level
_OTHER_LEVEL = re.compile(
    r"\b(?:service|authority|escalation|stock|support|priority|risk|capacity|staffing|performance|security|"
    r"approval|access|agreed|acceptable|target|detail) levels?\b(?!\s*(?:iii|ii|i|1|2|3|one|two|three)\b)"
    r"|\blevels? of (?:authority|detail|service|risk|escalation|support|access|approval|performance|capacity)\b"
    # "objectives at which levels of the org": the organization's levels and functions
    r"|\blevels? (?:of|in|across|within) (?:the |our |an? )?(?:org|organi[sz]ation|company|business|hierarchy)\b"
    r"|\b(?:organi[sz]ational|management|relevant|functional|hierarchy|hierarchical) levels?\b"
)
_WHICH_ROLE = re.compile(r"\b(?:which|what)\s+(?:role|manager|team|person|function|department|job title)s?\b")
# "the owner says ...", "me and the owner": a person who owns the business, not whose task it is
_OWNER = (
    r"(?<!\band the )\bowner\b(?!\s+(?:says?|said|asks?|asked|wants?|wanted|thinks?|thought|just|doesn|does|did|"
    r"has|had|is|was|and|having|will|would|keeps?|knows?|needs?)\b)"
)
_WHO = re.compile(rf"\bwho\b|\bwhose\b|\bresponsib|\baccountab|\bowns?\b|{_OWNER}|\bin charge\b|{_WHICH_ROLE.pattern}")
# "we weren't following our own process": their own is nobody's ownership
_OWN_AS_ADJECTIVE = re.compile(r"\b(?:our|their|its|my|your|his|her)\s+own\b")
_WHETHER_ACCOUNTABLE = re.compile(
    r"\b(?:are|is|am|remain|stay|make|makes|hold|holds|keep|keeps)\s+(?:we|us|you|them|it|i)?\s*"
    r"(?:still\s+|fully\s+|ultimately\s+)?(?:responsible|accountable)\b"
)
# "when do we set up X", "in which phase does Y start": the plan's activities say when
_WHEN = re.compile(
    # "when we plan a new service, what does 8.5.2.1 require": a time told, not asked
    r"^\W*(?:(?:so|and|but|ok|then)\W+)?when\b(?!\s+(?:a|an|the|there|it|something|someone|we|i|you|they|our|my)\b)"
    r"|\bwhen\s+(?:do|does|did|should|shall|will|would|can|could|must|are|is|to)\s+"
    r"(?:we|you|they|i|it|the|our|that|this|these|those|\w+s)\b"
    r"|\b(?:which|what)\s+(?:phase|stage|step|point)\b|\bhow\s+(?:early|soon)\b|\bat\s+what\s+point\b"
    r"|[-,:(]\s*(?:(?:who|by whom)\s+and\s+)?when(?:\s+and\s+(?:who|by whom))?\W*$"  # "disputes procedure - when?"
    r"|\w\s+when\s*\?+\s*$"  # "capacity plan when?"
    r"|\bwhen\s+in\s+(?:the|our)\s+(?:rollout|roll-out|project|plan|programme|program|implementation|roadmap)\b"
    r"|\bfrom day (?:one|1)\b|\b(?:something to do|to be done|do (?:it|this|that)) (?:early|first|later)\b|\bearly on\b"
    r"|\b(?:later|early|earlier) (?:on )?in the (?:rollout|roll-out|project|implementation|programme)\b"
    # "when do config audits come in", "when should capacity planning start"
    r"|\bwhen\s+(?:do|does|should|will|would|must)\s+(?:[a-z-]+\s+){1,4}?"
    r"(?:come in|start|begin|happen|kick in|take place|get (?:done|set up|introduced))\b"
    # "where does testing the continuity plans come in the implementation plan": its place in the plan is when
    r"|\bwhere (?:do|does|should|would|will) (?:[a-z-]+\s+){1,5}?(?:come|fit|sit|go) in(?:to)? (?:the|our) "
    r"(?:implementation |exemplar |project )?(?:plan|rollout|roll-out|project|programme|program|implementation)\b"
    # "when we test continuity plan?": a question said without its "do"
    r"|^\W*when (?:we|i) [a-z]+\b[^.?!,]{0,40}\?"
)
# a complaint about people ("our leaders don't back it", "staff keep ignoring the process"): a challenge
_PEOPLE = (
    r"(?:leaders?|leadership|management|managers?|bosses?|executives?|execs?|board|sponsors?|staff|"
    r"directors?|heads?|folks|departments?|units?|divisions?|workforce|agents?|analysts?|technicians?|"
    r"ops|guys|operators?|techs?|leads|supervisors?|unions?|stakeholders|sponsors|the top|c-?suite|committees?|"
    r"people|teams?|engineers?|engs|devs|sres?|founders?|colleagues|employees|users|personnel|admins?|developers?|"
    r"cio|ceo|cto|cfo|workshops?|depots?|branch(?:es)?|wards?|clinics?|"
    r"everyone|everybody|nobody|no one)"
)
_SITUATION = re.compile(
    rf"\b{_PEOPLE}\b[^?.!]*\b(?:not(?! just\b| only\b)|no longer|never|refus\w*|resist\w*|ignor\w*|stopped|lost|"
    r"los(?:e|ing)|drift\w*|complain\w*|push\w* back|pushing back|reluctant|disengag\w*|forgot\w*|bypass\w*|"
    r"avoid\w*|skip\w*|moved on|gave up|give up|walk\w* away|drop\w* out|fight\w*|block\w*|"
    r"overtaken|sidelined|deprioriti\w*|go(?:es|ing)? around|work(?:s|ing)? around|scared|afraid|worried|"
    r"cut\w*|withdr[ae]w\w*|pull\w*|stop\w*|quit\w*|doubt\w*|question\w*|sceptic\w*|skeptic\w*|"
    r"think we\w*|wiifm|keep asking|cancel\w*|call\w* off|postpon\w*|reassign\w*|moved (?:to|onto|off)|insist\w*|"
    r"fear\w*|anxious|nervous|redundan\w*|(?:run|do|doing|have) their own|laugh\w*|mock\w*|dismiss\w*|"
    r"resent\w*|hate\w*|dislike\w*|against|oppos\w*|object(?:s|ed|ing|ions?)?|feel\w*|imposed|forced|"
    r"roll\w* their eyes|drag\w* (?:their|our|his|her) feet|slow\w* (?:us|them|things|everything) down|"
    r"badmouth\w*|bad-mouth\w*|criticis\w*|criticiz\w*|undermin\w*|sabotag\w*|moan\w*|grumbl\w*|cynic\w*|"
    r"exhaust\w*|burn(?:ed|t|ing)? out|overwhelm\w*|tired|worn out|fed up|repriorit\w*|unconvinced|lukewarm|"
    r"uninterested|indifferent|threatened|disappear\w*|say\w* no|turn\w* (?:it |us )?down|reject\w*|shrug\w*|"
    r"plot|ploy|hidden agenda|layoffs?|job cuts)\b"
    r"|\b(?:overtaken|sidelined|deprioriti\w*|repriorit\w*|change fatigue|burn(?:ed|t)? ?out|"
    # a plan overtaken by events; no people for the project; no go-ahead
    r"(?:plan|roadmap|business case) (?:is|was|has become|became|got|now|looks) (?:\w+ )?"
    r"(?:out of date|outdated|stale|obsolete)|"
    r"(?:not (?:have |got )?enough|too few|short of|lack of|no|no spare|no dedicated|no extra) "
    r"(?:staff|people|resources|time|budget|money|funding|headcount)\b[^?.!]*\b"
    r"(?:implementation|project|rollout|roll-out|sms|20000)|"
    r"(?:can ?not|could not|will not) (?:get|win) (?:the )?(?:approval|sign.off|go.ahead|green light|agreement)|"
    r"lost (?:interest|momentum|steam)|fizzl\w*|stall\w*|"
    r"(?:commitment|support|interest|enthusiasm|momentum|backing) (?:has |have |had )?"
    r"(?:faded|dropped|waned|dwindled|evaporated|disappeared|dried up|gone)|"
    r"drift\w* away|other priorities|shelved|put on (?:hold|ice)|back ?burner|drag\w* (?:their|our|his|her) feet|"
    r"foot.dragging|(?:think|thinks|feel|feels|say|says)\b[^?.!]* (?:is|are) (?:just |only |all )*(?:more )?"
    r"(?:paperwork|bureaucracy|red tape|overhead|admin|box.ticking)|"
    r"no buy-in|lack of (?:support|buy-in|commitment|interest)|"
    r"without (?:\w+ )?(?:commitment|support|buy-in|backing|sponsorship)|not (?:\w+ )?committed|"
    r"the old way|old habits|(?:scared|afraid|fearful|worried) (?:of|about|that)|bureaucracy|red tape|"
    r"wiifm|business as usual|bau|(?<!focus on the )(?<!focus on our )(?<!focus on my )day jobs?|"
    r"lost (?:its|their) (?:energy|enthusiasm|interest)|change fatigue|"
    r"shadow it|(?:nobody|no one) (?:shows?|turns?) up|lip service|(?:gone|went) (?:stale|quiet)|"
    r"(?:nobody|no one) (?:[a-z]+ ){0,3}(?:really )?"
    r"(?:wants?|cares?|backs?|supports?|listens?|reads?|uses?|follows?|attends?)|"
    r"waste of (?:time|money|effort)|pointless|overkill|not see (?:the point|why|the value|the need)|"
    r"(?:no|any) idea why we(?: are)? (?:even )?doing (?:this|it|iso|20000)|"
    r"(?:see|sees|saw|seen|view\w*|regard\w*|treat\w*)\b[^?.!]* as (?:a |an |just |only )*"
    r"(?:threat|burden|waste|overhead|bureaucracy|paperwork|distraction|box.ticking|it thing|\w+ thing))\b"
)

# the asker's own errand for the IT desk, HR or facilities ("my laptop won't start", "annual leave"): no SMS question
_OWN_THINGS = (
    r"password|passcode|pin|login|log-in|account|username|laptop|pc|computer|desktop|machine|phone|iphone|"
    r"android|mobile|tablet|ipad|monitor|screen|keyboard|mouse|headset|printer|e-?mail|mailbox|inbox|outlook|"
    r"calendar|ticket|salary|pay|payslip|payroll|pension|bank|expenses?|leave|holidays?|vacation|address|"
    r"token|rsa token|mfa|2fa|authenticator|"
    r"car|bike|badge|timesheet|overtime|appraisal|bonus|line manager|wifi|wi-fi|vpn|access card|files?|folder|"
    r"drive|software|licen[cs]e|calls?|emergency contact|notice period|chair|parking (?:space|spot)|"
    r"(?<!service )(?<!help )desk(?! team| staff)"
)
_ERRAND = re.compile(
    rf"\bmy\s+(?:[a-z-]+\s+)?(?:{_OWN_THINGS})\b"
    r"|\b(?:get|order|request|set up)\s+(?:them|him|her|me|the new (?:starter|hire|joiner))\s+"
    rf"(?:a|an|their|his|her)\s+(?:[a-z-]+\s+)?(?:{_OWN_THINGS})\b"
    r"|\b(?:annual|sick|parental|maternity|paternity|unpaid|compassionate|study) leave\b"
    r"|\b(?:days?|weeks?|how much|how many) (?:of )?(?:annual )?(?:leave|vacations?|holidays?)\b"
    r"|\b(?:leave|vacations?|holidays?) (?:do|have) i\b|\b(?:leave|vacations?|holidays?) left\b"
    r"|\breset\b(?:[^?.!]|\.(?=\w)){0,30}\bpassword\b"  # "reset my nhs.net password": a dot inside a name goes on
    r"|\b(?:password|token|mfa|otp)\b[^?.!]{0,20}\b(?:expired|has expired)\b"
    r"|\bleave (?:request|balance|allowance)|\bvacation days?\b|\bholiday (?:allowance|entitlement)\b"
    r"|\b(?:my|a|submit|book) holiday (?:requests?|days?)\b"
    r"|\bpayslips?\b"
    # the asker's own pay and hours, not a payroll service, staff costs in a budget or a timesheet tool
    r"|\b(?:when|what day|what date)(?: is|s)? (?:the )?payroll\b|\bpayroll (?:date|deadline|cut-?off|quer(?:y|ies))\b"
    r"|\bsalary (?:increase|review|band|advance|sacrifice)\b|\bchange of address\b"
    # the asker's own overtime, not staff costs ("wages and overtime sit only in HR's payroll system")
    r"|\b(?:my|claim\w*|book\w*) overtime\b|\bovertime (?:pay|claims?|rates?|forms?|approval|sheets?)\b"
    r"|\b(?:submit|fill in|fill out|approve|do) (?:my |the |our )?timesheets?\b|\btimesheet (?:deadline|reminder)s?\b"
    r"|\bexpense (?:claims?|reports?)\b"
    r"|\b(?:submit|submitting|claim|claiming|file|filing|put in) (?:my |the |our )?(?:travel )?expenses\b"
    r"|\bhow (?:do|can|should) i expense\b|\bexpens\w* (?:the |a |an |my |our )?(?:\w+'s )?(?:hotel|flight|taxi|train|"
    r"meals?|dinner|travel|mileage)\b"
    r"|\b(?:train|bus|flight|taxi|tram|shuttle|ferry) (?:to|from) (?:the )?(?:airport|station|city|office|hotel)\b"
    # the canteen's menu or hours, not the canteen as where people happen to meet
    r"|\bdress code\b|\bcanteen (?:menu|food|hours|opening|open|closed|today|prices?)\b"
    r"|\bcar park\b|\bmeeting rooms?\b|\bfire (?:drill|warden|alarm)\b"
    r"|\binternal (?:job|vacanc\w*)\b|\bjob (?:vacanc\w*|posting|application)\b"
    r"|\b(?:can|may|do|could) i (?:book|order|install|print|borrow|apply for)\b|\bcourses? (?:can|may|should) i\b"
    r"|\bbook\w* (?:a |an |the |our )?(?:[a-z-]+ )?"
    r"(?:course|desk|room|boardroom|chamber|hall|venue|flight|hotel|taxi)\b"
    r"(?! (?:system|tool|app|platform|service)s?\b)"
    r"|\b(?:set ?up|install|configure|connect|fix|repair|unlock) (?:the |a |my |our )?"
    r"(?:printer|laptop|phone|monitor|vpn|wifi|e-?mail|outlook|headset|pc|computer)\b"
    r"|\b(?:lost|stolen|broken|cracked|faulty) (?:laptop|phone|badge|access card|screen|monitor|keyboard|mouse|"
    r"headset|pc|computer|device|charger)\b|\b(?:how (?:do|can) i|i need to|i want to) (?:get|request|have) access\b"
    r"|\b(?:need|want|order\w*|get|getting|request\w*) (?:me |us )?(?:a |an )?new "
    r"(?:monitor|laptop|phone|keyboard|mouse|headset|pc|computer|chair|desk)\b"
    r"|\b(?:service desk|help ?desk|it support)\b[^?.!]*\b(?:phone number|number|e-?mail address|opening hours)\b"
    r"|\bwhere is the (?:it )?(?:service desk|help ?desk)\b|\ban it (?:ticket|request|issue|problem)\b"
    # reaching the IT desk, not "we run IT support for five companies"
    r"|\b(?:call|ring|contact|e-?mail|phone|reach|message|ping) (?:the )?it (?:support|help ?desk|helpline|hotline)\b"
    r"|\bit (?:support|help ?desk|helpline|hotline) (?:number|phone|e-?mail|extension|hours|chat|portal)\b"
    r"|\b(?:log|raise|open|create) (?:a |an )?(?:ticket|incident|request) for me\b"
    r"|\b(?:in|on|into|through|via) the hr (?:system|portal)\b|\bhr (?:business partner|helpline|policy)\b"
    r"|\b(?:issue|problem|complaint) with hr\b"
    r"|\b(?:emergency contact|new joiners?|probation|pay rise|bonus scheme|days? off|notice period)\b"
    r"|\b(?:annual|yearly|staff|employee|mid-year|end-of-year|personal) (?:performance review|appraisal)s?\b"
    r"|\bperformance reviews? (?:this|next) year\b|\bappraisal (?:form|meeting|date)s?\b"
    r"|\b(?:report(?:ing)?|call(?:ing)? in) sick\b|\bsick(?:ness)? (?:absence|note|days?|pay)\b"
    r"|\b(?:laptop|pc|computer|phone|printer|vpn|wi-?fi|screen|monitor|outlook|e-?mail|headset|machine)\b[^?.!]*"
    r"\b(?:not|keeps?) (?:turn on|boot|start|print|connect|work|load|open|crash\w*|freez\w*|disconnect\w*|drop\w*|"
    r"connecting)\b"
    r"|\bpay ?days?\b|\bpaychecks?\b|\bwhen (?:do|will) (?:we|i) (?:get )?paid\b|\bpto\b|\brestaurants?\b"
    r"|\bhappy (?:friday|monday|new year|holidays)\b|\b(?:weekend|holiday) plans\b|\bplans for the weekend\b"
    r"|\bhow was (?:your|the) weekend\b|\blunch (?:order|run)\b"
    # the event itself, not "we kicked off with a big all-hands" or "offsite backups"
    r"|\b(?:when|what time|where)(?: is|'s|s)? (?:the |our |this |next )*(?:all.hands|town ?hall|offsite)\b"
    r"|\b(?:all.hands|town ?hall|offsite) (?:tomorrow|today|tonight|agenda|slides|link|recording|invite|dial.in|"
    r"venue|catering|location|room|dinner|hotel)\b"
    r"|\b(?:at|for) the (?:all.hands|town ?hall)(?: meeting)? (?:next|this|tomorrow|on)\b"
    r"|\b(?:lunch|dinner|drinks|food|pizza|catering|snacks) (?:for|at) (?:the |our )?(?:offsite|all.hands|town ?hall)\b"
    r"|\breset (?:someone|somebody|a user|the user|his|her|their|a colleague)\S* (?:mfa|password|token|account|pin)\b"
    # health and safety, insurance and road rules: an accident is no service incident
    r"|\b(?:slipped|tripped) (?:on|over)\b|\binjur(?:y|ies|ed)\b|\briddor\b|\bfirst aid\b|\bwet floor\b"
    # the asker's own insurer, not "our insurance company wants a policy per process" (an insurer's SMS)
    r"|\b(?:my|the) (?:insurer|insurance company) (?:needs?|wants?|asks?)\b|\btachographs?\b"
    r"|\binsurance claims?\b(?! (?:processor|processing|handling|system|platform|team|department|business)s?\b)"
    r"|\bdriving (?:time|hours)\b"
    r"|\bstationery\b|\btill rolls?\b|\btoner\b|\b(?:oat|soy|almond) milk\b|\b(?:order|out of) (?:more )?milk\b"
    r"|\bcoffee (?:beans|pods)\b"
    # the building's plant, not a service: "the aircon in the server room is broken again, who do I call"
    r"|\b(?:air ?con|air conditioning|aircon|heating|radiators?|boiler|elevators?|toilets?|plumbing|coffee machine)\b"
    r"[^?.!]*"
    r"\b(?:broken|not working|(?:been |is |was )?off|leak\w*|flood\w*|stuck|out of order|fix\w*|repair\w*|"
    r"too (?:hot|cold)|who do i (?:call|chase))\b"
    r"|\bmileage (?:claims?|allowance|rates?|forms?)\b|\bclaim(?:ing)? (?:my |for |back )?mileage\b"
    # the building, its cleaners and goods bought for it; the asker's own printing
    # (a cleaning company's own cleaners are its service: "do our night shift cleaners need to know the policy")
    r"|\b(?:the|office) cleaners (?:did ?n[o']?t|have ?n[o']?t|never|forgot|missed|left)\b|\bcleaning rota\b"
    r"|\b(?:leaking roof|roof (?:is )?leak\w*)\b"
    r"|\b(?:office chairs?|furniture|uniforms?|catering|stationery) suppliers?\b"
    r"|\bsuppliers?\b[^?.!]*\b(?:office chairs|furniture|staff uniforms|uniforms)\b"
    r"|\bcan(?:not|t)? print\b|\bprinter drivers?\b|\bdriver (?:i need )?to install for the\b"
    # small talk, parties and awards; HR's own forms
    r"|\bhow(?: is| s|s)? your day\b|\b(?:good )?(?:morning|afternoon)\W+how are you\b"
    r"|\b(?:summer|christmas|xmas|leaving|retirement) (?:party|do|drinks|lunch)\b|\baway ?days?\b"
    r"|\bteam (?:building|social)\b|\bawards? nominations?\b|\bnominations? for the\b"
    r"|\bflexible working\b|\bworking pattern\b|\b(?:update|change) (?:to )?my contract\b|\bmy training record\b"
    r"|\b(?:fire safety|mandatory) (?:e-?learning|training module)\b"
    r"|\b(?:raise|need) a (?:purchase order|po)\b"
    r"|\b(?:what|which)(?: is|s)? (?:the |my |our )?(?:budget|cost) codes? (?:for|do|should|to)\b"
    r"|\bon the m\d+\b|\bwork from home today\b"
    # shopping for kit: "what GPU should I get for a new workstation"
    r"|\bwhat (?:gpu|graphics card|laptop|monitor|pc|workstation|headset|keyboard|mouse|phone|dock\w*) "
    r"should (?:i|we) (?:get|buy|order)\b"
    r"|\bkitchen is out\b|\bsnacks?\b"
    r"|\b(?:what|whats|where|need|find|got|have)(?: is)? (?:the )?(?:[a-z0-9-]+ ){0,3}(?:phone|contact) "
    r"(?:number|no)\b|\b(?:phone|contact|hotline) (?:number|no)s? for\b"
    r"|\bpizza\b|\bbirthdays?\b(?! (?:of|for) (?:the )?(?:sms|service|project))"
    # the asker's day off, not a bank holiday as the time a risk strikes or the desk must be staffed
    r"|\b(?:are we|is the office|office) (?:open|closed) on (?:the )?bank hol(?:iday)?s?\b"
    r"|\bwhen(?: is|'s) the (?:next )?bank hol\w*|\bis (?:it|monday|friday|tomorrow|today) a bank hol\w*"
    r"|\bbook (?:it|the day|a day|the afternoon|time) off\b"
    r"|\b(?:printer|copier|scanner)\b[^?.!]*\b(?:jam\w*|out of (?:paper|toner|ink)|offline)\b|\bpaper jam\b"
    r"|\b(?:i am|i'm|im|got|i got|i was|i've been) locked out\b"
    r"|\bi (?:forgot|lost|locked)\b|\bi can ?not (?:log|sign|access|print|connect)\b"
    r"|\bout of (?:the )?office (?:reply|message|notice)|\b(?:in|on|with) outlook\b"
    r"|\btranslat\w* (?:[a-z-]+ ){0,5}(?:into|to) "
    r"(?:german|french|spanish|english|danish|dutch|italian|polish|\w+ese)\b"
)

# another framework's own content ("ITIL 4 practices", "27001 Annex A controls", "SOC 2 evidence", "GDPR fines"),
# asked without a word of 20000 or the SMS: not ours to answer
_ELSEWHERE = re.compile(
    r"\b(?:soc ?[123]|pci(?:[ -]?dss)?|nist(?: csf)?|hipaa|"
    r"gdpr (?:fines?|articles?|dpo|lawful basis|retention)|under (?:the )?gdpr|"
    r"gdpr\b[^?.!]*\b(?:keep|retain|delete|purge|erase|erasure)|right to (?:be forgotten|erasure)|"
    r"sox|sarbanes|cobit|(?:google )?sre (?:book|workbook)|cmmi|fedramp|nis ?2|etom|tm ?forum|3gpp|togaf|"
    r"dora(?! metrics?| four| 4)|"  # the EU regulation, not DevOps' four DORA metrics
    r"iso ?(?:22301|31000|14001|45001|42001|27002|27701|19011|27005)|itil ?(?:4|v[234])|"
    r"27001(?::20\d\d)? annex a|annex a controls?|gdpr art(?:icle)?s?\.? ?\d+|"
    r"(?:9001|27001|14001|22301|27002) (?:clause|section|annex|control)\w*|"
    r"(?:9001|27001|14001|22301|27002)(?::20\d\d)? (?:clause |section )?\d+(?:\.\d+)+|"
    r"iso ?(?!20000)\d{4,5}(?:-\d+)?(?::20\d\d)? (?:require|requires|say|says|mandate|mandates|expect|expects)|"
    r"(?:itil|27001|9001) (?:foundation )?(?:exam|practices|certification exam)|"
    r"(?:next|new|latest|upcoming) (?:revision|version|edition|update) of (?:iso ?)?(?:9001|27001|14001|22301|itil)|"
    # another regulation's own duties
    r"solvency (?:ii|2)|mifid(?: ?ii)?|basel (?:iii|3|iv)|ccpa|dsars?|(?:data )?subject access requests?|"
    r"(?:notify|tell|inform|report to) (?:the )?(?:regulator|ico|supervisory authority|data protection authority)|"
    r"gdpr\b[^?.!]*\b(?:dpas?|dpo|data protection officer|data processing agreements?|oblige?s?|obligations?|"
    r"breach notification|72 ?h(?:ours?|rs)?)|"
    r"(?:ico|gdpr|regulator\S*|data protection) (?:fines?|penalt\w+)|"
    r"(?:fines?|penalt\w+) (?:from|by) the (?:ico|regulator)|"
    r"iso ?(?!20000)\d{4,5}(?:-\d+)?(?::20\d\d)? requirements? (?:for|on|of|about)|"
    r"(?:appoint|hire|need) (?:a |an )?(?:data protection officer|dpo)|"
    r"swift (?:csp|cscf|customer security)|cscf|annex a \d+\.\d+|"
    r"cyber essentials|foi requests?|freedom of information|dpias?|telecommunications security act|"
    # the law's own answers; other bodies of practice and their terms
    r"is it (?:legal|lawful)|force majeure|limitation of liability|liability cap|"
    r"(?:privacy|data protection|employment|companies|fair work) act|"
    r"essential (?:eight|8)|six sigma|dmaic|cis controls?|sfia|cynefin|kotter\w*|fca|disp rules|coso|"
    r"prince ?2|state of devops|etsy\w*|atlassian\w*|google sre|error budgets?|(?:iso ?)?55001|environment agency|"
    r"agenda for change|raid ?\d+|capex|opex|npv|irr|"
    r"iso ?(?!20000)\d{4,5}(?:-\d+)?(?::20\d\d)? (?:need|needs|want|wants) for|"
    r"(?:all )?the clauses of iso ?(?!20000)\d{4,5}|"
    r"(?:9001|27001|14001|22301|50001) (?:auditor|certification|audit)\b[^?!]*\bclause \d|"
    r"itil (?:foundation|v4|4) (?:pass mark|exam)|pass mark for itil|"
    # a law's or a sector code's own sections and rules ("section 136 paperwork", "under the records code of practice")
    r"section (?:1[1-9]|[2-9]\d|\d{3,})|(?:under|per|according to) (?:the |our )?[a-z -]{0,30}code of practice)\b"
)
# "does the standard require budgeting for our HR services", "what does the plan say about urgent changes"
_PUT_TO_US = re.compile(
    r"\b(?:what |where |how )?(?:does|do|will|would) (?:the )?(?:standard|std|(?:implementation |exemplar )?plan|"
    r"guidance|ts)\b"
)
# "what do we have to do about it under 20000-1", "is that required per ISO 20000"
_UNDER_OURS = re.compile(r"\b(?:under|per|in|by|according to) (?:the )?(?:iso ?)?(?:20000(?:-1)?|20k)\b")
_OTHER_ISO = re.compile(r"\biso(?:/iec)? ?(?!20000)\d{4,5}\b")
# "we already have ISO 9001: integrate the two or run them separately": integration (TS 4.12) is ours
_BESIDE_OURS = re.compile(
    r"\b(?:integrat\w*|merg\w*|combin\w*|together|separate\w*|alongside|both|the two|already (?:have|hold)s?|"
    r"(?:have|hold)s? (?:iso|it|\d)\w*(?: \d+)? already)\b"
)
# a writing task for the asker ("draft a board paper on moving to Azure", "write a memo about the change freeze"):
# the bot finds what the standard says, it writes nobody's papers
_WRITING_TASK = re.compile(
    r"^\W*(?:(?:hey|hi|ok|okay|so|quick one)\W+)*(?:(?:can|could|would|will) you (?:please |pls )?|please |pls )?"
    r"(?:draft|write|rewrite|re-write|compose|create|summari[sz]e|prepare|generate|put together)(?: me| us)? (?:up )?"
    r"(?:a|an|the|this|that|some|my|our)\b"
)
# a market figure ("the average salary for a service delivery manager", "industry benchmark for first contact
# resolution", "what MTTR do telcos typically achieve"): the standard sets no numbers; comparing with them is ours
_MARKET_FIGURE = re.compile(
    r"\b(?:average|typical|median|going|market|industry|sector)(?: [a-z-]+){0,2} "
    r"(?:salary|salaries|pay|day rate|rate|cost|price|budget|score|frequency|percentage)s?\b"
    r"|\b(?:salary|salaries|day rates?|going rate) (?:for|of) (?:a|an)\b|\bbenchmarks? (?:for|figures? for)\b"
    r"|^\W*how (?:many|much|long)\b[^?.!]*\b(?:is|are) (?:that |this )?normal\W*$|\b\w+ typically achieve\b"
)
# the organisation's own records and people ("who approved the change that took the website down on Sunday", "where
# is the latest pen test report", "how many open problems do we have", "who is our account manager at Oracle"): its
# tools and people know, the standard does not
_OUR_RECORDS = re.compile(
    r"\bwho (?:approved|signed off|authori[sz]ed|raised|closed|broke|caused|deployed|pushed|changed|set|decided)\b"
    r"[^?.!]*\b(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|last (?:night|week|month)|"
    r"this (?:week|month|year|morning)|today)\b"
    r"|\b(?:can|could) (?:you|someone) (?:find|get|send|show|pull|dig out|tell) me (?:the|our)\b|\bfind me the\b"
    r"|\bwhere (?:is|are|do i find|can i find) (?:the|our) (?:latest|last|current|most recent)\b"
    r"|\bhow many open \w+ (?:do we have|are there)\b"
    # ... and the news of the day ("has the P1 from this morning been closed yet", "what did the CAB decide")
    r"|^\W*(?:has|have|did)\b[^?]*\byet\W*$|\bor is it just me\b|\bwhen(?: is|s)? (?:our|the) next(?: [\w-]+){1,3}\s*\?"
    r"|\bwho(?: is|s)? covering\b|\bnow that \w+ (?:has|have) left\b|\bwhat did (?:the|our) \w+ (?:decide|say|agree)\b"
    r"|\b(?:has|have) (?:anyone|anybody) (?:heard|got|seen)\b|\bis (?:it|the \w+) still (?:happening|on)\b"
    # ... who holds a post, who is on call, how to dial in, where to find things
    r"|\bwho(?: is|s)? our\b"
    r"|\bwho(?: is|s)? the (?:[\w-]+ ){1,3}for (?:this (?:week|weekend|month)|the [\w-]+ contract)\b"
    r"|\bwho(?: is|s)? on[- ]call\b|\bdial[- ]in\b|\bphone tree\b|\bnumber to call\b|\bbridge (?:number|link|details)\b"
    r"|\bwhere (?:do|can) i find\b"
)
# shopping ("which supplier would you recommend for a managed SOC", "the cheapest way to license SQL Server"): the
# standard names no products; which tools suit an SMS (TS 4.10) is ours, and says the SMS
_SHOPPING = re.compile(
    r"\bcheapest\b|\b(?:which|what|any|a good) (?:\w+ )?(?:suppliers?|vendors?|tools?|providers?|products?|"
    r"compan(?:y|ies)|firms?|resellers?|consultanc(?:y|ies)|certification bod(?:y|ies)|platforms?|software)\b"
    r"[^?.!]{0,40}\b(?:would|do|should|can|could) (?:you|we|i) (?:recommend|suggest|use|pick|choose|buy|go with)\b"
    r"|\bany (?:recommendations|suggestions) for (?:a|an|good)\b|\b(?:is|are) \w+ (?:reliable|good) enough\b"
)
# how to work a tool ("how do I give a contractor guest access to our Teams channel", "Excel formula for SLA % met",
# "SharePoint: restrict a document library"): the tool's own help, not the standard
_APPS = (
    r"(?:ms |microsoft )?(?:teams|confluence|sharepoint|azure devops|ado|github(?: actions)?|gitlab|jenkins|ms project|"
    r"excel|power ?bi|jira(?: service management)?|servicenow|zendesk|freshservice|topdesk|salesforce|slack|outlook|"
    r"kubectl|kubernetes|k8s|terraform|powershell|azure|aws|gcp)"
)
_TOOL_HOW_TO = re.compile(
    rf"\bhow (?:do|can|should|would) (?:i|we|you)\b[^?.!]*\b(?:in|on|with|using|via|from|through) "
    rf"(?:the |our |a |an )?{_APPS}\b|^\W*{_APPS}\s*[:-]|\b{_APPS} (?:command|query|formula|script)\b"
    r"|\bhow (?:do|can) (?:i|we) (?:give|add|create|set up|setup|make|build|schedule|configure|restrict|change|write|"
    rf"run|roll back)\b[^?.!]*\b{_APPS}\b"
)
# a tool's own configuration or a network engineer's how-to ("sla timer rule in jira", "bgp failover"), asked
# without a word of 20000, the SMS or configuration items: not ours
_TOOL_NAMES = r"jira|servicenow|zendesk|freshservice|topdesk|confluence|sharepoint|pagerduty|opsgenie"
_TOOLS = rf"(?:{_TOOL_NAMES})"
_TOOL_PARTS = (
    r"(?:business |assignment |sla |timer |automation )?rules?|workflows?|custom fields?|timers?|dashboards?|widgets?|"
    r"discovery|mid servers?|connectors?|escalation polic(?:y|ies)|integrations?|catalog items?|ui polic(?:y|ies)|"
    r"client scripts?|fields?"
)
_ENGINEERING = re.compile(rf"\b{_TOOLS}\b[^?.!]*\b(?:{_TOOL_PARTS})\b|\b(?:{_TOOL_PARTS})\b[^?.!]*\b{_TOOLS}\b")
# ... or a platform's own how-to ("configure BGP failover"); "is terraform state under change control" is ours
_PLATFORM = re.compile(
    r"\b(?:bgp|ospf|eigrp|vlans?|subnet(?: mask)?s?|cname|dns records?|nginx|terraform|ansible|kubectl|helm charts?|"
    r"alertmanager|prometheus|grafana|nagios|zabbix|kubernetes|k8s|docker|veeam|commvault|rubrik|acronis|"
    r"windows updates?|wsus|intune|group polic(?:y|ies)|gpos?|helm|launchdarkly|unleash|flagsmith|split\.io)\b"
)
_HOW_TO = re.compile(
    r"\b(?:configur\w*|config|set ?up|setup|install\w*|debug\w*|troubleshoot\w*|fix|write|upgrad\w*|failover|"
    r"rout(?:e|ing)|peering|syntax|flap\w*|mute|silence|query|queries|settings?|errors?|failing|fails|how)\b"
)
_CONFIGURATION_ITEMS = re.compile(r"\b(?:cmdb|cis?|configuration items?|configuration management)\b")
# "docker images: do we need to write release notes" asks about a process of ours, whatever the platform
_SMS_PROCESS = re.compile(
    r"\b(?:change|release|incident|problem|capacity|availability|continuity|slas?|audit|requirement|clause|"
    r"process|policy|procedure)s?\b"
)
_OURS = re.compile(
    r"20000|\b(?:iso ?)?20k\b|\biso20k\b|\bsms\b|service management system|\bts\b"
    r"|our (?:iso(?! ?(?!20000)\d{4})|certification|standard)"  # "our ISO 9001 auditor" is not ours
)
# "is there a requirement to keep a catalogue, comparable to ITIL 4's practice", "change schedule (ITIL 4 term): when
# is it set up": another framework named as a yardstick for a requirement of ours, or for its word
_ANOTHER_FRAMEWORK_AS_YARDSTICK = re.compile(
    r"(?:" + _STANDARD_SAYS.pattern + r"|\b(?:is|are) there (?:a|an|any)\b[^?.!]{0,20}\brequirements?\b|\bmandat\w*)"
    r"[^?!]*\b(?:comparable|akin|similar|equivalent|analogous|compares?|compared|corresponds?|map(?:ping|ped)?)"
    r"\s+(?:to|with|against)\b"
    r"|\((?:an? )?(?:itil|cobit)(?: ?4| v[234]| 2019)? (?:term|word|name|wording)\)"
    # "identical to 9001 7.5.3 or are there extras", "the equivalent of 9001 8.3", "9001 5.2 style"
    r"|\b(?:identical|equivalent|similar|comparable|counterpart|analogous|same as)(?: to| with| of| as)?\s+"
    r"(?:the |iso ?)?(?:9001|27001|14001|22301|itil|cobit)\b"
    r"|\b(?:9001|27001)(?::20\d\d)? (?:clause |section )?\d+(?:\.\d+)* (?:style|like|equivalent)\b"
)
# thanks, job hunting, reading tips, a tool vendor's prices or its own configuration ("jira automation rule"):
# not ours
_OFF_TOPIC = re.compile(
    r"^\W*(?:thanks|thank you|thx|ty|cheers)\b(?![^?]*\?)"  # thanks, and no further question
    r"|^\W*(?:great|nice|cool|perfect|awesome|ok|okay)\W*(?:(?:that|this) (?:helps|helped|works)|thanks|"
    r"thank you|got it)?\W*$"
    r"|\b(?:cover letter|cv|resume|job interview|interview questions|linkedin)\b"
    r"|\b(?:write|give|generate|show) me (?:a |an |some |the )?(?:sql|python|powershell|bash|regex|excel|jql)\b"
    r"|\b(?:draft|write) (?:me |us )?(?:a |an )?(?:[a-z-]+ ){0,2}"
    r"(?:press release|blog post|tweet|linkedin post|newsletter|speech|poem|e-?mail)\b"
    r"|\b(?:vlookup|xlookup|hlookup|pivot ?tables?|conditional formatting)\b"
    r"|\bregex(?:es)?\b|\bregular expressions?\b|\b(?:can|could|would) you (?:please )?(?:draft|write|compose)\b"
    r"|\bsql (?:query|statement|script)\b|\b(?:in|with|using) (?:python|javascript|typescript|powershell|bash|java)\b"
    # a certification body's prices: a quote to ask the body for, nothing the standard or the TS says
    r"|\b(?:bsi|sgs|dnv|t[uü]v|lrqa|bureau veritas|intertek|certification bod(?:y|ies)|registrars?|certifiers?)\b"
    r"[^?.!]*\b(?:charges?|costs?|price|prices|fees?|quotes?|rates?)\b"
    r"|\b(?:how much|costs?|price|fees?)\b[^?.!]*\b(?:certification|cert|surveillance|recertification) audits?\b"
    r"|\brecommend (?:me )?(?:a |any |some )?(?:good )?(?:books?|podcasts?|films?|movies?|novels?)\b"
    r"|\b(?:vat|gst|sales tax|income tax|tax rates?|tax returns?)\b"
    r"|\bwho won\b|\b(?:football|soccer|cricket|rugby|basketball|baseball|hockey|tennis|golf)\b"
    r"(?! (?:club|league|association|stadium|ground)s?\b)"  # "we are a football club's IT team"
    rf"|\b(?:{_TOOL_NAMES}|excel|power ?bi)\b[^?.!]*"
    r"\b(?:automation|script|api|plugin|webhook|formula|macro|jql|pricing|prices?|per.agent|per.seat|triggers?)\b"
    # chat with the bot itself, jokes, verse and general knowledge
    r"|\b(?:write|compose|give me|tell me) (?:me |us )?(?:a |an |some )?(?:clean |short |funny )?"
    r"(?:haiku|poem|limerick|joke|song|riddle|toast)s?\b|\bjokes?\b"
    r"|\bare you (?:a |an )?(?:real person|human|bot|robot|ai)\b|\bgood (?:morning|afternoon|evening) bot\b"
    r"|\bwho invented\b|\bspeed of light\b|\bhalf-life\b|\bcapital (?:city )?of\b|\bmonty hall\b"
    r"|\bname (?:for |of )?(?:the |our )?(?:office dog|pub quiz|quiz team|team mascot)\b|\boffice dog\b"
    # the asker's own HR matters
    r"|\bmy (?:performance (?:review|improvement plan)|staff review|appraisal|self-assessment for my review)\b"
    r"|\b(?:raise|raising|file|filing) a grievance\b|\bgrievance (?:about|against|procedure|process)\b"
    r"|\bdisciplinary (?:process|hearing|procedure)\b|\bwritten warning\b|\b(?:maternity|paternity) pay\b"
    r"|\bi'?m pregnant\b|\b(?:new and )?expectant mothers?\b|\bcareer break\b|\bcarry over (?:unused )?holiday\b"
    r"|\bdouble time\b|\b(?:acting-up|subsistence|on-call) allowance\b|\brevalidation\b"
    r"|\bmy training (?:records?|hours|history)\b|\b(?:reference|job description) (?:for|template)\b"
    r"|\bwrite a reference\b|\bswap my (?:[\w-]+ ){0,2}shift\b|\bprint (?:spooler|queue)s?\b"
    r"|\bi(?: think i)?(?: have|ve)? (?:clicked|opened|downloaded|replied to)\b"  # a phishing link, say
    # the building and its safety: lifts, leaks, locks, moves, badges, fire safety
    r"|\blift (?:in \w+ (?:block )?)?(?:is )?out of order\b|\bwater leak\b|\blocksmith\b|\bchange of locks\b"
    r"|\bfurniture move\b|\bvisitor (?:badge|pass)\b|\blunch spots?\b"
    r"|\bfire (?:risk assessment|marshal|alarm test|safety training)\b"
    # an office application's own how-to
    r"|\b(?:teams|onedrive|outlook|word|powerpoint|excel) (?:camera|status|calendar|styles?|doc|document|"
    r"is full|says it'?s full|keeps)\b|\bunsaved (?:word|excel) (?:doc|document|file)\b"
    r"|\bsquash (?:the |my )?(?:last )?\w* ?commits?\b|\biam policy\b|\bazure portal\b"
)


# the words that steer a question, and real words one letter away from them that must stay as they are
_CUES = ("level", "phase", "clause", "maturity", "challenge", "activity")
_NOT_CUE_TYPOS = frozenset(
    {"cause", "lever", "levels", "leveled", "levelled", "phrase", "phases", "phased", "clauses", "chase"}
)
_TOKEN = re.compile(r"[A-Za-z]{4,10}")
_SHORT_PHASE = re.compile(r"\bph\.?\s?([1-3])\b", re.IGNORECASE)  # "by the end of ph3"


def fix_cue_typos(question: str) -> str:
    """The question with misspelt cue words ("levle II", "pahse 1", "cluase 8") spelt right: the hints read them."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        low = word.lower()
        if low in _CUES or low in _NOT_CUE_TYPOS:
            return word
        for cue in _CUES:
            if low[0] == cue[0] and abs(len(low) - len(cue)) <= 1 and OSA.distance(low, cue) <= 1:
                return cue
        return word

    return _SHORT_PHASE.sub(r"phase \1", _TOKEN.sub(fix, question))


@dataclass(frozen=True)
class QueryHints:
    """What the question asks for besides its words."""

    clause_numbers: tuple[str, ...] = ()
    challenge_numbers: tuple[int, ...] = ()
    approach: int | None = None  # the TS's phasing approach 1 or 2
    level: int | None = None
    phase: int | None = None
    phases: tuple[int, ...] = ()  # every phase named: "phase 2 or 3"
    wants_ts: bool = False
    asks_who: bool = False
    asks_when: bool = False
    situation: bool = False  # told as a situation or complaint ("people drifted away from the project")
    names_clause: bool = False  # says it wants the standard's clause or requirement
    how_to_start: bool = False  # "how do we start with SLAs", "where do we begin": the plan's first tasks
    says_clause: bool = False  # in that very word ("clause ref pls", "CAB approvals - clause?"), or "section"
    # put to the standard or the plan in so many words: "what does the standard require us to do with that call"
    put_to_us: bool = False
    names_challenge: bool = False  # says "challenge", "obstacle", "pitfall" ...
    wants_subclause: bool = False  # "which subclause of the service portfolio ...": not the overview itself
    within_named: bool = False  # "which part of 8.5 is the CAB": a subclause of the clause named
    symptom: bool = False  # a state of affairs told, not asked, naming no kind: "nobody measures anything"
    advice: bool = False  # "can we ...", "should the ...": asks how to go about it, the TS's advice
    # the asker's own IT, HR or facilities errand ("my laptop won't start"), or another framework's own content
    # ("ITIL 4 practices"): never answered
    errand: bool = False
    small_team: bool = False  # "we're 12 people": a very small entity
    after_project: bool = False  # "once the project closes": what comes after the implementation
    missed_objectives: bool = False  # "we missed two of the phase objectives": evaluating the implementation
    phase_itself: bool = False  # "what is phase 2 about": the phase's objectives, whatever else is named
    phase_starts: bool = False  # "which tasks are left for phase 3": the activities that begin in the phase named
    names_maturity: bool = False  # "what maturity level is that", "how do we reach the next level"
    obliged: bool = False  # asks what is obliged or what the standard says ("do we have to", "mandatory")
    kinds: frozenset[str] = field(default_factory=frozenset)


def read_hints(question: str) -> QueryHints:
    """Parse clause numbers, level, phase, 'who' / 'when' and kind words out of a question."""
    text = _FLOOR.sub(r"\1 floor", normalize(question))
    numbers = [
        m.group(1)
        for m in _DOTTED.finditer(text)
        if not _CHALLENGE.search(text[: m.end()]) and not _OTHER_STANDARD.search(text[: m.start()])
    ]
    numbers += [m.group(1) for m in _BARE_CLAUSE.finditer(text) if not _OTHER_STANDARD.search(text[: m.start()])]
    level = _first_ordinal(_LEVEL, text)
    phase = _first_ordinal(_PHASE, text)
    phases = _phases_named(text)
    done = _first_ordinal(_NEXT_PHASE, text)
    if done is not None and done < 3 and not _MISSED_OBJECTIVES.search(text):
        phase, phases = done + 1, (done + 1,)
    elif (after := _first_ordinal(_AFTER_PHASE, text)) is not None and _PHASE_ITSELF.search(text):
        later = [n for n in _all_phases(text) if n != after]
        phase, phases = (later[0], (later[0],)) if later else (phase, phases)
    # "what does a service owner do" names a role; it asks neither who nor for the plan
    unroled = _ROLE_NAME.sub(
        " ", _CONTRACT_CLAUSE.sub(" contract terms ", _OUR_PROJECT.sub(" ", _GO_AHEAD.sub(r"\1 it", text)))
    )
    # "audits are done by the people who run it", "no idea who our stakeholders are": a statement's "who" asks nothing
    told = not _ASKED.search(text)
    if told:
        unroled = _RELATIVE_WHO.sub(" ", unroled)
    # "who should be on the project team": who belongs to it, the TS's advice on the team, not a role's task;
    # "who does what, by when": what a plan must say, not a question about who or when
    unroled = _PLAN_CONTENTS.sub(" ", _MEMBERSHIP.sub(" ", _WHO_COUNTS.sub(" ", unroled)))
    # "does the standard make us accountable for it", "are we still responsible": whether, not who
    unroled = _WHETHER_ACCOUNTABLE.sub(" ", _OWN_AS_ADJECTIVE.sub(" ", unroled))
    tokens = set(re.findall(r"[a-z0-9-]+", _PHASE_VERB.sub(" ", _OTHER_LEVEL.sub(" ", unroled))))
    kinds = {kind for kind, cues in _KIND_WORDS.items() if tokens.intersection(cues)}
    why_fail = bool(_WHY_FAIL.search(text))
    if why_fail:
        kinds.add("challenge")
    if level is not None:
        kinds.add("maturity")
    # "the process slips in a big outage, what maturity level is that", "how do we get to the next level": the element
    # ... but "the board thinks we are more mature than we are: which challenge is that" asks for the challenge
    # "phase it by processes or by maturity levels": a choice between the TS's two approaches, no element's level
    approach_choice = bool(_APPROACH_CHOICE.search(text))
    names_maturity = (
        bool(_MATURITY_NAMED.search(text))
        and not tokens.intersection(_KIND_WORDS["clause"]) - _PROCESS_WORDS
        and not tokens & _CHALLENGE_WORDS
        and not approach_choice
    )
    if names_maturity:
        kinds.discard("clause")
        kinds.add("maturity")
    elif (tokens & _CHALLENGE_WORDS or approach_choice) and level is None:
        kinds.discard("maturity")  # the challenge or approach is asked for; "mature" is part of the story
    asks_when = bool(_WHEN.search(_PLAN_CONTENTS.sub(" ", text)))
    asks_who = bool(_WHO.search(unroled))
    planned = _PLAN.search(_NOT_PLAN.sub(" ", text))
    how_to_start = bool(_HOW_TO_START.search(text))
    if phase is not None or asks_when or _WHICH_ROLE.search(text) or planned or how_to_start:
        kinds.add("activity")
    # "phase 1 is done and we missed two objectives": the phase says when; evaluating it is no plan activity
    missed_objectives = bool(_MISSED_OBJECTIVES.search(text))
    if missed_objectives and not asks_who and not asks_when:
        kinds.discard("activity")
    # "who decides to adopt 20000-1", "when is availability compared to requirements": the plan's activity
    standard_says = bool(_STANDARD_SAYS.search(text))
    small_team = bool(_SMALL_TEAM.search(text))
    # "we're 12 people, is the standard realistic for us": the TS's advice for very small entities, no clause
    names_clause = bool(tokens & _EXPLICIT_CLAUSE_WORDS) or (
        ((bool(tokens & _CLAUSE_WORDS) and not asks_when and not asks_who) or standard_says) and not small_team
    )
    # "what is the standard expecting in the plan": the SMS plan of the standard, not the project's plan
    plan_asked = planned and (_PROJECT_PLAN.search(text) or not (standard_says or numbers))
    names_number = bool(numbers) and not asks_who and not asks_when
    if (names_clause or names_number) and phase is None and not plan_asked and not tokens & _ACTIVITY_WORDS:
        kinds.discard("activity")  # "which clause says who assigns authorities": the clause, not a role's task
    # a state of affairs told that names no kind ("the process is skipped"): symptoms, not a clause asked for
    # ... but a customer's complaint is about the service, not about the people of the project (the challenges)
    symptom = (
        told
        and bool(_SYMPTOM.search(text))
        and not tokens & _KIND_CUES - _PROCESS_WORDS
        and not _CUSTOMER_COMPLAINS.search(text)
        and not how_to_start  # "we don't have SLAs at all, how do we start": where we stand, then what to do first
    )
    if symptom:
        kinds.clear()
    # a level's symptoms are no challenge; a situation told before "which clause covers ..." asks for the clause
    situation = bool(_SITUATION.search(text)) and "maturity" not in kinds and not _ASKS_STANDARD.search(text)
    # "the print supplier is always late and nobody follows it up. who should watch them": whose task it is
    if situation and asks_who and "activity" in kinds:
        situation = False
    if situation:
        kinds.add("challenge")
        # "staff ignore the new process", "won't staff the implementation": the words name the topic, not the kind
        if not tokens & _EXPLICIT_CLAUSE_WORDS:
            kinds.discard("clause")
        if not tokens & _EXPLICIT_GUIDANCE_WORDS:
            kinds.discard("guidance")
    return QueryHints(
        clause_numbers=tuple(dict.fromkeys(numbers)),
        challenge_numbers=tuple(int(m.group(1)) for m in _CHALLENGE.finditer(text)),
        approach=_approach(text),
        level=level,
        phase=phase,
        phases=phases,
        wants_ts=bool(_TS_HINT.search(text)),
        asks_who=asks_who,
        asks_when=asks_when,
        situation=situation,
        names_clause=names_clause,
        says_clause=bool(tokens & _EXPLICIT_CLAUSE_WORDS),
        put_to_us=standard_says or bool(_PUT_TO_US.search(text) or _UNDER_OURS.search(text)),
        how_to_start=how_to_start,
        names_challenge=bool(tokens & _CHALLENGE_WORDS) or why_fail,
        wants_subclause=bool(tokens & {"subclause", "subclauses", "sub-clause", "sub-clauses"}),
        within_named=bool(_WITHIN_NUMBER.search(text)),
        symptom=symptom,
        advice=bool(_ADVICE.search(text)),
        errand=_not_ours(text),
        small_team=small_team,
        after_project=bool(_AFTER_PROJECT.search(text)),
        missed_objectives=missed_objectives,
        phase_starts=phase is not None and bool(_PHASE_STARTS.search(text)),
        phase_itself=phase is not None and (bool(_PHASE_ITSELF.search(text)) or done == phase - 1),
        # "who has to keep the capacity plan up to date" asks whose task it is, not what is obliged
        obliged=bool(_OBLIGED.search(_WHO_OBLIGED.sub(" ", text))),
        names_maturity=names_maturity,
        kinds=frozenset(kinds),
    )


def _not_ours(text: str) -> bool:
    """The asker's own errand, chit-chat, another framework's or regulation's content, a writing task, a market
    figure, the organisation's own records, shopping, or how to work a tool or platform, unless the
    question relates it to ISO/IEC 20000, the SMS or configuration items."""
    if _OFF_TOPIC.search(text):
        return True
    # an HR or facilities word in a question put to the standard ("do I need to keep training records for my payroll
    # advisors? where does it say that") is the provider's own service, not the asker's errand
    if _ERRAND.search(text) and not (_STANDARD_SAYS.search(text) or _OURS.search(text) or _PUT_TO_US.search(text)):
        return True
    if _OURS.search(text) or _ANOTHER_FRAMEWORK_AS_YARDSTICK.search(text):
        return False
    if any(p.search(text) for p in (_ELSEWHERE, _WRITING_TASK, _MARKET_FIGURE, _SHOPPING, _TOOL_HOW_TO)):
        return True
    # another ISO standard as the subject ("ISO 14971 risk file vs an FMEA"), unless it is to work beside ours
    if _OTHER_ISO.search(text) and not _BESIDE_OURS.search(text):
        return True
    # "where do I find the requirement for the CAB in the standard" is put to the standard, not to our records
    if _OUR_RECORDS.search(text) and not (_STANDARD_SAYS.search(text) or _PUT_TO_US.search(text)):
        return True
    engineering = _ENGINEERING.search(text) or (
        _PLATFORM.search(text) and _HOW_TO.search(text) and not _SMS_PROCESS.search(text)
    )
    return bool(engineering) and not _CONFIGURATION_ITEMS.search(text)


def _first_ordinal(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    if not match:
        return None
    word = next(g for g in match.groups() if g)
    return _NUMBER_WORDS[word]


def _approach(text: str) -> int | None:
    """TS 5.2's approach asked about: by its number, or by what it does."""
    number = _first_ordinal(_APPROACH, text)
    if number is None and _BY_LEVELS.search(text):
        return 2
    if number is None and _BY_PROCESS_GROUPS.search(text):
        return 1
    return number


def _all_phases(text: str) -> list[int]:
    return [_NUMBER_WORDS[next(g for g in m.groups() if g)] for m in _PHASE.finditer(text)]


def _phases_named(text: str) -> tuple[int, ...]:
    match = _PHASE.search(text)
    if not match:
        return ()
    found = [_NUMBER_WORDS[next(g for g in match.groups() if g)]]
    end = match.end()
    while more := _MORE_PHASES.match(text, end):
        found.append(_NUMBER_WORDS[more.group(1)])
        end = more.end()
    return tuple(dict.fromkeys(found))
