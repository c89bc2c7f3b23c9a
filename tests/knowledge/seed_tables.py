"""Tables read from the source documents in ../shared/seeds, to check the knowledge against them.

Each reader returns None when the seeds folder is absent, so the tests that use them can skip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
DTR_2009 = "003_"  # ISO/IEC DTR 20000-5 (2009): Annex A and Annex B Table B.1
TS_2022 = "002_"  # ISO/IEC TS 20000-5:2022: Table 1 and Table 2

# Table B.1 component headings -> the knowledge's group slugs
B1_GROUPS = {
    "management responsibility": "management-responsibility",
    "documentation requirements": "documentation-requirements",
    "competence, awareness and training": "competence-awareness-and-training",
    "planning service management": "planning-service-management",
    "implement service management & provide the services": "implement-service-management",
    "monitor, measure, reviewing": "monitor-measure-review",
    "continual improvement": "continual-improvement",
    "planning & implementing new or changed services": "new-or-changed-services",
    "service level management": "service-level-management",
    "service reporting": "service-reporting",
    "service continuity and availability management": "service-continuity-and-availability",
    "budgeting and accounting for services": "budgeting-and-accounting",
    "capacity management": "capacity-management",
    "information security management": "information-security-management",
    "business relationship management": "business-relationship-management",
    "supplier management": "supplier-management",
    "incident management": "incident-management",
    "problem management": "problem-management",
    "configuration management": "configuration-management",
    "change management": "change-management",
    "release management": "release-management",
}

# the "Who?" column's words -> the knowledge's role names (longest phrase first when read)
B1_ROLES = {
    "top management": "top management",
    "top": "top management",
    "project (or team member)": "project team",
    "implementation board": "implementation board",
    "business relationship": "business relationship manager",
    "new service project team": "new service project team",
    "service improvement": "service improvement manager",
    "service owner": "service owner",
    "service level": "service level manager",
    "service reporting": "service reporting manager",
    "service continuity": "service continuity manager",
    "process owners": "process owners",
    "process owner": "process owners",
    "functional/department": "functional managers",
    "human resource": "human resources",
    "documentation": "documentation manager",
    "document": "documentation manager",
    "availability": "availability manager",
    "configuration": "configuration manager",
    "security": "security manager",
    "incident": "incident manager",
    "problem": "problem manager",
    "change": "change manager",
    "release": "release manager",
    "capacity": "capacity manager",
    "finance": "finance manager",
    "supplier": "supplier manager",
    "audit": "audit",
}
A1_ROLES = {"top": "top management", "project": "project manager"}

_ITEM = re.compile(r"^([a-z])\)\s")


@dataclass(frozen=True)
class Row:
    """One activity of a table: its roles and phases as the source gives them."""

    who: frozenset[str]
    phases: frozenset[int]


def _seed(prefix: str) -> str | None:
    files = sorted(SEEDS.glob(f"{prefix}*.txt")) if SEEDS.is_dir() else []
    return files[0].read_text(encoding="utf-8") if files else None


def read_roles(cell: str, roles: dict[str, str] = B1_ROLES) -> frozenset[str]:
    """The roles named in a "Who?" cell, e.g. "Top Service owner Service Improvement"."""
    text = " ".join(cell.lower().split())
    found: set[str] = set()
    phrases = sorted(roles, key=len, reverse=True)
    while text:
        match = next((p for p in phrases if text.startswith(p) and text[len(p) : len(p) + 1] in ("", " ")), None)
        if match is None:
            raise ValueError(f"unknown role in {cell!r}: {text!r}")
        found.add(roles[match])
        text = text[len(match) :].strip()
    return frozenset(found)


def table_b1() -> dict[str, Row] | None:
    """Table B.1 by activity id (activity-<group>-<letter>[-n]); a parent row holds its sub-items' union."""
    text = _seed(DTR_2009)
    if text is None:
        return None
    body = text.split("**Table B.1", 1)[1].split("## Annex C", 1)[0]
    rows: dict[str, Row] = {}
    group = letter = ""
    sub = 0
    for line in body.splitlines():
        cells = [c.strip() for c in line.split("\t")]
        head = re.sub(r"</?b>", "", cells[0]).replace("&amp;", "&").strip().lower()
        if head in B1_GROUPS:
            group, letter, sub = B1_GROUPS[head], "", 0
            continue
        item = _ITEM.match(cells[0])
        if item:
            letter, sub = item.group(1), 0
            key = f"activity-{group}-{letter}"
        elif cells[0].startswith("–") and letter:
            sub += 1
            key = f"activity-{group}-{letter}-{sub}"
        else:
            continue  # headers, page numbers and the continuation of a wrapped row
        who = read_roles(cells[1]) if len(cells) > 1 and cells[1] else frozenset()
        phases = frozenset(n + 1 for n, cell in enumerate(cells[2:5]) if "●" in cell)
        rows[key] = Row(who, phases)
        if sub:
            parent = f"activity-{group}-{letter}"
            old = rows[parent]
            rows[parent] = Row(old.who | who, old.phases | phases)
    return rows


def table_a1() -> dict[str, Row] | None:
    """Annex A Table A.1 (project initiation) by activity id, with the manager of each step."""
    text = _seed(DTR_2009)
    if text is None:
        return None
    body = text.split("**Table A.1", 1)[1].split("## Annex B", 1)[0]
    rows: dict[str, Row] = {}
    for line in body.splitlines():
        cells = [c.strip() for c in line.split("\t")]
        item = _ITEM.match(cells[0])
        if item and len(cells) > 1 and cells[1]:
            rows[f"activity-project-initiation-{item.group(1)}"] = Row(read_roles(cells[1], A1_ROLES), frozenset())
    return rows


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def _paragraphs(cell: str) -> list[str]:
    parts = re.findall(r"<p>(.*?)</p>", cell, flags=re.S)
    return [" ".join(p.split()) for p in (parts or [cell]) if p.strip()]


def _clause_groups(cell: str) -> list[tuple[str, ...]]:
    """ "Clauses 4, 6", "Subclauses 5.1 h), 7.3" ... -> one tuple of clause numbers per group."""
    text = " ".join(_paragraphs(cell)) if "<p>" in cell else cell
    text = re.sub(r"Terms\s*[–-]\s*[\d.]+", "", text)  # a term of 20000-1, not a clause
    text = re.sub(r"\b[a-z]\)", "", text)  # lettered items of a subclause
    groups = re.split(r"(?=\b(?:Clauses?|Subclauses?)\b)", text)
    return [tuple(re.findall(r"\b\d{1,2}(?:\.\d{1,2})*\b", g)) for g in groups if re.search(r"\d", g)]


def _considerations(cell: str) -> list[str]:
    paragraphs = _paragraphs(cell)
    if len(paragraphs) > 1:
        return paragraphs
    # one paragraph in this copy: one consideration per sentence; the questions belong to the one before
    out: list[str] = []
    for piece in re.split(r"(?<=[.?])\s+(?=[A-Z])", paragraphs[0] if paragraphs else ""):
        if out and re.match(r"(?:Is|Are)\b", piece):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


@dataclass(frozen=True)
class ChallengeRow:
    title: str
    considerations: list[str]
    clause_groups: list[tuple[str, ...]]


def table2() -> dict[int, ChallengeRow] | None:
    """TS 20000-5:2022 Table 2 (challenges 1-4 in this copy), by challenge number."""
    text = _seed(TS_2022)
    if text is None:
        return None
    body = text.split("Table 2 — Implementation challenges", 1)[1]
    rows: dict[int, ChallengeRow] = {}
    for line in body.splitlines():
        cells = _cells(line)
        if len(cells) != 4:
            continue
        title = re.sub(r"<[^>]+>", "", cells[0]).strip()
        number = re.match(r"(\d+)[.)]\s*(.+)", title)
        if number:
            rows[int(number.group(1))] = ChallengeRow(
                number.group(2), _considerations(cells[2]), _clause_groups(cells[3])
            )
    return rows


def table1() -> dict[str, tuple[str, str, str]] | None:
    """TS 20000-5:2022 Table 1: the Level I, II and III text of each key element, by element name."""
    text = _seed(TS_2022)
    if text is None:
        return None
    body = text.split("Table 1 — Maturity level definitions", 1)[1].split("5.3 Initiation", 1)[0]
    rows: dict[str, tuple[str, str, str]] = {}
    for line in body.splitlines():
        cells = [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in _cells(line)]
        if len(cells) == 4 and cells[0] and cells[0] != "Key elements of an SMS":
            rows[cells[0].lower()] = (cells[1], cells[2], cells[3])
    return rows


def cited_clause_titles() -> dict[str, str] | None:
    """Clause titles the TS quotes ("Subclause 4.2 — Understanding the needs ..."), by number."""
    text = _seed(TS_2022)
    if text is None:
        return None
    found = re.findall(r"(?:Sub)?[Cc]lause (\d{1,2}(?:\.\d{1,2})*) — ([^;.(\n]+)", text)
    return {number: title.strip() for number, title in found}
