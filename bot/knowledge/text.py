"""Text normalization shared by indexing and querying: one tokenizer, one stemmer."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# "what's in it for me / us / them": every word a stopword, so it becomes the one token people abbreviate it to
_WIIFM = re.compile(r"\bwhat(?:'s|s| is)? in it for (?:me|us|them|him|her|you|my \w+|our \w+)\b")
# "as-is" and "to-be" (current and target state) are words of their own, though each part is a stopword
_STATE_WORDS = re.compile(r"\b(as|to)-(is|be)\b")
# "c-suite", "c-level": one word each, not the letter c (dropped) and "suite" (a tool suite)
_C_WORDS = re.compile(r"\bc[- ](suite|level)\b")
# "commitment from the top", "support at the top", "nobody upstairs": top management
_THE_TOP = re.compile(r"\b(?:(from|at|by) the top|upstairs)\b")
# "is that a problem?", "no problem": a worry, not problem management
_NO_PROBLEM = re.compile(r"\b(?:is|would|will|could) (?:that|this|it) (?:be )?(?:a )?problem\b|\bno problem\b")
# "what usually goes wrong (when you implement it)", "common mistakes"; not "what goes wrong with our changes"
_WHAT_GOES_WRONG = re.compile(
    r"\bwhat\s+(?:\w+\s+)?(?:goes|go|can go|could go|tends? to go|went|might go)\s+wrong\b"
    r"(?=\s*(?:\W*$|when\b|for\b|in (?:the |these |such |an? )?(?:implementation|project|rollout|iso|20000)|"
    r"with (?:the |an? |such |these )?(?:implementation|project|rollout|roll-out|20000|iso)))"
    r"|\b(?:common|typical|usual|classic) (?:mistakes|traps|failures|errors)\b"
)
# phrases read as what they mean, in questions and knowledge alike
_FOLDS = (
    # "the board has to lead this", "our board": the governing board (top management), not the change advisory
    # board or a kanban board
    (
        re.compile(r"(?<!\bon )(?<!\bonto )(?<!\boff )\b(?:the|our|their|your) board\b(?!\s+(?:game|column|view))"),
        " top management board ",
    ),
    # "where we are today": the current state; "know-how" is one word (each is made of stopwords, which the search
    # would drop)
    (
        re.compile(r"\bwhere (?:we are|are we|we stand|do we stand)(?: today| now| right now| at the moment)?\b"),
        " current state ",
    ),
    (re.compile(r"\bknow-how\b"), "knowhow"),
    # rolling the standard out is implementing it, not a release ("roll back or remedy failed deployments")
    (re.compile(r"\broll(?:ing|ed|s)?\s+(?:this|it|that|the (?:standard|sms|whole thing))\s+out\b"), " implement it "),
    (
        re.compile(r"\broll(?:ing|ed|s)?\s+(?:(?:iso\s*)?20000(?:-1)?\s+out|out\s+(?:iso\s*)?20000)\b"),
        " implement 20000 ",
    ),
    # "what usually goes wrong when companies implement it": the pitfalls
    (_WHAT_GOES_WRONG, " pitfalls "),
    # "do everything in one go", "the whole thing at once": a big-bang implementation (not "too much at once")
    (
        re.compile(
            r"\b(?:(?:everything|it all|all of it|the whole (?:thing|lot|sms))\s+(?:all\s+)?at once"
            r"|(?:all\s+)?in one (?:go|hit))\b"
        ),
        " big bang ",
    ),
    # "look over how the service is going": review it
    (re.compile(r"\blook(?:s|ed|ing)? over\b"), " review "),
    # "how we talk to clients": how we communicate with them
    (
        re.compile(
            r"\b(?:talk|speak)(?:s|ed|ing)? (?:to|with) (?=(?:our |the |its |their )?(?:clients?|customers?|users?))"
        ),
        " communicate with ",
    ),
    # "what comes first", "what do I do first": what is first, not a word of the topic
    (re.compile(r"\bwhat (?:comes|goes|should come|do (?:we|i) do|should (?:we|i) do) first\b"), " first thing "),
    # "tell" alone is chatter ("can you tell me"); telling everyone is communicating
    (
        re.compile(r"\b(?:tell|inform|let)\s+(?:everyone|everybody|all staff|the (?:whole )?staff|all the staff)\b"),
        " communicate to everyone ",
    ),
    # "not conforming", "doesn't conform": a nonconformity ("not" alone is a stopword, and "conformity" is no
    # nonconformity: "can we claim conformity")
    (re.compile(r"(?:\bnot|n't)\s+conform(?:ing|s|ed)?\b"), " nonconforming "),
    # "tl;dr of phase 1": a summary, not "dr" (disaster recovery)
    (re.compile(r"\btl\s*;?\s*dr\b"), " summary "),
)
# "re-test" is one word (its "re" would be dropped as a stopword and leave "test")
_RE_WORDS = re.compile(r"\bre-(test|run)")
_CONTRACTION = re.compile(r"(n't|'s|'re|'ve|'ll|'d|'m)\b")
_IRREGULAR_NOT = re.compile(r"\b(won|can|shan)'t\b")  # "won't" is "will not", not "wo not"
_NOT_BASE = {"won": "will", "can": "can", "shan": "shall"}
# "couldnt", "doesnt", "cant", "wont": the same negation typed without its apostrophe
_BARE_NOT = re.compile(r"\b(could|would|should|did|does|do|is|was|were|are|has|have|had|must|need|ca|wo)nt\b")
_BARE_BASE = {"ca": "can", "wo": "will"}
# "we don't want the cert", "won't bother with the certificate": using the standard without certification
_NO_CERTIFICATE = re.compile(
    r"\b(?:not|no|never|without|skip|skipping)\s+(?!sure\b)(?:[a-z]+\s+){0,4}?(?:the\s+|a\s+|any\s+)?"
    r"(?:cert|certs|certificate|certification|certified|certify|certifying)\b"
)
_TOKEN = re.compile(r"\d+(?:\.\d+)+|[a-z0-9]+")
_STEMMER = snowballstemmer.stemmer("english")

# British spellings and common abbreviations folded to one form so both match the same entries
_SPELLING = {
    "mgmt": "management",
    "mgmnt": "management",
    "mgt": "management",
    "mngmt": "management",
    "mgr": "manager",
    "mgrs": "managers",
    "svc": "service",
    "svcs": "services",
    "docs": "documents",
    "doc": "document",
    "reqs": "requirements",
    "req": "requirement",
    "info": "information",
    "config": "configuration",
    "infosec": "information security",
    "org": "organization",
    "orgs": "organizations",
    "govt": "government",
    "approx": "approximately",
    "sm": "service management",
    "organisation": "organization",
    "organisations": "organizations",
    "organisational": "organizational",
    "licence": "license",
    "licences": "licenses",
    "catalogue": "catalog",
    "catalogues": "catalogs",
    "programme": "program",
    "programmes": "programs",
    "behaviour": "behavior",
    "behaviours": "behaviors",
    "prioritise": "prioritize",
    "prioritisation": "prioritization",
    "authorise": "authorize",
    "authorised": "authorized",
    "authorisation": "authorization",
    "analyse": "analyze",
    "analysed": "analyzed",
    "minimise": "minimize",
    "recognise": "recognize",
    "standardise": "standardize",
    "utilisation": "utilization",
    "optimise": "optimize",
    "centre": "center",
    "favour": "favor",
    "defence": "defense",
    "categorise": "categorize",
    "categorisation": "categorization",
    "summarise": "summarize",
    "finalise": "finalize",
    "practise": "practice",
    "practised": "practiced",
    "judgement": "judgment",
    "lvl": "level",
    "lvls": "levels",
    "cert": "certification",
    "sec": "security",
    "tech": "technical",
    "devs": "developers",
    "dev": "development",
    "diff": "difference",
    "datacentre": "data center",
    "datacentres": "data centers",
    "datacenter": "data center",
    "datacenters": "data centers",
    "compulsory": "mandatory",
    "zero": "no",
    "sd": "service desk",
    "ops": "operations",
    "infra": "infrastructure",
    "apps": "applications",
    "app": "application",
    "dept": "department",
    "depts": "departments",
    "ppl": "people",
    "perf": "performance",
    "prod": "production",
    "prep": "preparation",
    "techies": "technical staff",
    "techie": "technical staff",
    "20k": "20000",
    "std": "standard",
    "stds": "standards",
    "env": "environment",
    "envs": "environments",
    "enuf": "enough",
    "dc": "data center",
    "dcs": "data centers",
    "engs": "engineers",
    "recs": "records",
    "cust": "customer",
    "custs": "customers",
    "inc": "incident",
    "incs": "incidents",
    "chg": "change",
    "chgs": "changes",
    "avail": "availability",
    "wifi": "wireless",
}

STOPWORDS = frozenset(
    """a an the and or of to in on for at by with from as is are was were be been being am do does
    did doing done have has had having i me my we our us you your he she it its they them their this
    that these those there here what which whom whose when where why how can could should would
    will shall may might must need needs about into over under than then so if not no yes any all
    some each every please tell show give explain explains find know want get let lets just also
    hey hi hello thanks thank bot iso20k does say says said mean means meaning covers cover covered
    talks talk talking describe describes described regarding re like one ones much many more most
    whats what's wat wht pls plz ok okay im i'm dont don't i'd id whether today
    tomorrow yesterday something anything someone anyone thing things really actually everyone everybody
    anybody somebody nobody guys folks stuff kind sort bit lot lots supposed suppose basically anyway
    gonna wanna gotta still even ever maybe perhaps probably quite rather pretty very too already yet
    currently exactly right got getting go going went okay sure thing literally honestly seriously
    try trying tried once everything saying etc wrt nutshell tbh ours sorry dumb stupid silly noob newbie
    lol lmao haha btw fyi imo afaik idk but now until till myself ourselves yourself yourselves themselves
    itself himself herself ref him her his hers mine yours theirs til whichever whatever whoever thats theres
    whos hows wheres heres""".split()
)


def normalize(text: str) -> str:
    """Lowercase, fold accents and unify a few punctuation forms."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _WIIFM.sub(" wiifm ", text.lower().replace("&", " and ").replace("’", "'"))
    text = _NO_PROBLEM.sub(" is that ok ", text)
    text = _STATE_WORDS.sub(r"\1\2", text)
    text = _C_WORDS.sub(r"c\1", text)
    text = _RE_WORDS.sub(r"re\1", text)
    for pattern, said in _FOLDS:
        text = pattern.sub(said, text)
    text = _THE_TOP.sub(lambda m: f"{m.group(1) or ''} top management".lstrip(), text)
    text = _IRREGULAR_NOT.sub(lambda m: _NOT_BASE[m.group(1)] + " not", text)
    text = _BARE_NOT.sub(lambda m: _BARE_BASE.get(m.group(1), m.group(1)) + " not", text)
    text = _CONTRACTION.sub(lambda m: " not" if m.group(1) == "n't" else "", text)
    return _NO_CERTIFICATE.sub(" without certification", text)


# British endings folded to American ones (prioritised, categorising, analysed, colour, dialogue); folding both the
# knowledge and the question, a word that only looks British ("expertise" -> "expertize") still matches itself
_BRITISH = (
    (re.compile(r"^([a-z]{3,})is(e|ed|es|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"^([a-z]{3,})ys(e|ed|es|ing)$"), r"\1yz\2"),
    (re.compile(r"^([a-z]{3,})our(s|ed|ing|ite|ites|able)?$"), r"\1or\2"),
    (re.compile(r"^([a-z]{3,})ogue(s|d)?$"), r"\1og\2"),
)


# words that end in -ise in American English too (expertise is no "expertize", which would stem to "expert")
_ISE_WORDS = frozenset(
    """adv rev dev dem expert exerc enterpr superv prem prom comprom franch otherw likew clockw merchand surpr prec
    conc parad treat compr improv disgu desp chast appra repr""".split()
)


# a cue word run together with its number ("lvl3", "phase1", "cl9") is two words
_GLUED_NUMBER = re.compile(r"^(level|lvl|phase|clause|cl|sec|section|challenge|approach|stage|step)(\d{1,2})$")


@lru_cache(maxsize=65536)
def _spelled(token: str) -> str:
    """The token in the one spelling both questions and knowledge are reduced to."""
    if token in _SPELLING:
        return _SPELLING[token]
    glued = _GLUED_NUMBER.match(token)
    if glued:
        return f"{_SPELLING.get(glued.group(1), glued.group(1))} {glued.group(2)}"
    for pattern, replacement in _BRITISH:
        match = pattern.match(token)
        if match and not (replacement.startswith(r"\1iz") and match.group(1) in _ISE_WORDS):
            return pattern.sub(replacement, token)
    return token


def words(text: str) -> list[str]:
    """Tokens of a text: words and dotted numbers (8.2.6), spelling unified; single letters dropped."""
    return list(_words(text))


@lru_cache(maxsize=32768)
def _words(text: str) -> tuple[str, ...]:
    # the index reads each knowledge text more than once (its fields, then its vocabulary)
    out: list[str] = []
    for tok in _TOKEN.findall(normalize(text)):
        if len(tok) > 1:
            out.extend(_spelled(tok).split())
    return tuple(out)


# words the stemmer folds into another word's stem: "continuity" is not "continual"
_STEM_OVERRIDES = {"continuity": "continuity"}
# a verb and its noun the stemmer leaves apart, though people ask with either: "who decides" is "the decision"
_STEM_FOLDS = {
    "deci": "decid",  # decision
    "definit": "defin",  # definition
    "resolut": "resolv",  # resolution
    "recoveri": "recov",  # recovery
    "deliveri": "deliv",  # delivery
    "deliver": "deliv",  # deliverables
    "mainten": "maintain",  # maintenance
    "closur": "close",  # closure
    "failur": "fail",  # failure
    "retent": "retain",  # retention
    "complianc": "compli",  # compliance
    "compliant": "compli",  # compliant
    "contain": "content",  # what must a report contain: its contents
    "solut": "solv",  # solution
    "analysi": "analyz",  # analysis
    "analy": "analyz",  # analyse, analysing
    "verif": "verifi",  # verification
    "notif": "notifi",  # notification
    "exclu": "exclud",  # exclusion
    "satisfact": "satisfi",  # satisfaction: how satisfied customers are
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The word's stem (numbers and short words stay as they are)."""
    if word[0].isdigit() or word in _STEM_OVERRIDES:
        return _STEM_OVERRIDES.get(word, word)
    result = word if len(word) <= 3 else _STEMMER.stemWord(word)
    # plurals of abbreviations the stemmer leaves alone: CIs, KPIs, SLAs, CMDBs
    if len(result) <= 6 and result.endswith("s") and not result.endswith("ss"):
        result = result[:-1]
    if result.endswith("ff"):
        result = result[:-1]  # the stemmer undoubles "staffing" to "staf" and leaves "staff" alone
    return _STEM_FOLDS.get(result, result)


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (stopwords dropped)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def printable(text: str) -> str:
    """The text with control characters and undecodable bytes turned into spaces."""
    return "".join(ch if ch.isprintable() else " " for ch in text)
