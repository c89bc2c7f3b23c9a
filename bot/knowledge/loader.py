"""Reads knowledge YAML files, validates every entry and merges them into one catalog."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from bot.knowledge.catalog import Catalog
from bot.knowledge.schema import KINDS, Entry

_ENTRY = TypeAdapter(Entry)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 5x faster


class KnowledgeError(ValueError):
    """A knowledge file is broken; the message names the file, the entry and the field."""


def shipped_knowledge_dir() -> Path:
    """The knowledge/ folder installed with the package (or beside it in a source checkout)."""
    checkout = Path(__file__).resolve().parents[2] / "knowledge"
    if checkout.is_dir():
        return checkout
    spec = importlib.util.find_spec("iso20k_knowledge")
    if spec is None or not spec.submodule_search_locations:
        raise KnowledgeError("the knowledge files are not installed: reinstall iso20k (pip install .)")
    return Path(list(spec.submodule_search_locations)[0])


SYNONYMS_FILE = "synonyms.yaml"


def load_catalog(extra_dir: Path | None = None, shipped_dir: Path | None = None) -> Catalog:
    """Load the shipped knowledge plus an organization's folder, validated and merged."""
    folders = [shipped_dir or shipped_knowledge_dir(), *([extra_dir] if extra_dir else [])]
    shipped = _load_dir(folders[0])
    local = _load_dir(extra_dir) if extra_dir else []
    for path, entry in local:
        if entry.kind == "clause":
            raise KnowledgeError(
                f"{path}: entry '{entry.id}': field 'kind': 'clause' is reserved for the "
                "ISO/IEC 20000-1:2018 clause tree shipped with iso20k; use 'faq' or 'policy'"
            )
    pairs = shipped + local
    _check_unique_ids(pairs)
    _check_references(pairs)
    return Catalog([entry for _, entry in pairs], synonyms=_load_synonyms(folders))


def knowledge_files(folder: Path) -> list[Path]:
    """The YAML files of a knowledge folder, its synonyms included, in a stable order."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def _load_dir(folder: Path) -> list[tuple[Path, Entry]]:
    if not folder.is_dir():
        raise KnowledgeError(f"{folder}: knowledge folder not found")
    pairs: list[tuple[Path, Entry]] = []
    for path in knowledge_files(folder):
        if path.name == SYNONYMS_FILE:
            continue
        pairs.extend((path, entry) for entry in _load_file(path))
    return pairs


def _load_synonyms(folders: list[Path]) -> list[tuple[str, ...]]:
    groups: list[tuple[str, ...]] = []
    owner: dict[str, Path] = {}
    for folder in folders:
        path = folder / SYNONYMS_FILE
        if not path.is_file():
            continue
        data = _read_yaml(path) or []
        if not isinstance(data, list):
            raise KnowledgeError(f"{path}: the file must be a YAML list of groups")
        for n, group in enumerate(data, start=1):
            words = group if isinstance(group, list) else []
            if len(words) < 2 or not all(isinstance(w, str) and w.strip() for w in words):
                raise KnowledgeError(f"{path}: group {n}: a group is a list of at least two words or phrases")
            for phrase in group:
                key = phrase.strip().lower()
                if key in owner:
                    raise KnowledgeError(f"{path}: group {n}: '{phrase}' is already in a group of {owner[key]}")
                owner[key] = path
            groups.append(tuple(w.strip() for w in group))
    return groups


def _read_yaml(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except UnicodeDecodeError as exc:
        raise KnowledgeError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise KnowledgeError(f"{path}:{where}: not valid YAML: {problem}") from exc


def _load_file(path: Path) -> list[Entry]:
    data = _read_yaml(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise KnowledgeError(f"{path}: the file must be a YAML list of entries")
    return [_validate(path, position, raw) for position, raw in enumerate(data, start=1)]


def _validate(path: Path, position: int, raw: object) -> Entry:
    label = f"entry {position}"
    if isinstance(raw, dict) and raw.get("id") is not None:
        label = f"entry '{raw['id']}'"
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{path}: {label}: an entry must be a mapping of fields")
    try:
        return _ENTRY.validate_python(raw)
    except ValidationError as exc:
        problems = "; ".join(_describe(err) for err in exc.errors())
        raise KnowledgeError(f"{path}: {label}: {problems}") from None


def _describe(err: ErrorDetails) -> str:
    loc = [str(part) for part in err["loc"]]
    # the discriminated union puts the kind first in the location: drop it
    if loc and loc[0] in KINDS:
        loc = loc[1:]
    field = ".".join(loc) or "kind"
    message = err["msg"]
    if err["type"] == "extra_forbidden":
        message = "unknown field"
    elif err["type"] == "missing":
        message = "missing field"
    elif err["type"] == "union_tag_invalid":
        message = f"unknown kind {err['input'].get('kind')!r}" if isinstance(err["input"], dict) else message
    elif err["type"] == "union_tag_not_found":
        message = "missing field"
    return f"field '{field}': {message}"


def _check_unique_ids(pairs: Iterable[tuple[Path, Entry]]) -> None:
    seen: dict[str, Path] = {}
    for path, entry in pairs:
        if entry.id in seen:
            raise KnowledgeError(
                f"{path}: entry '{entry.id}': field 'id': duplicate id, already defined in {seen[entry.id]}"
            )
        seen[entry.id] = path


def _check_references(pairs: list[tuple[Path, Entry]]) -> None:
    clause_ids = {entry.id for _, entry in pairs if entry.kind == "clause"}
    all_ids = {entry.id for _, entry in pairs}
    for path, entry in pairs:
        refs = [("clauses", c) for c in entry.clauses]
        for n, consideration in enumerate(getattr(entry, "considerations", []) or []):
            refs += [(f"considerations.{n}.clauses", c) for c in consideration.clauses]
        for field, clause in refs:
            if clause not in clause_ids:
                raise KnowledgeError(
                    f"{path}: entry '{entry.id}': field '{field}': clause {clause} does not exist "
                    "in ISO/IEC 20000-1:2018"
                )
        for target in entry.related:
            if target not in all_ids:
                raise KnowledgeError(f"{path}: entry '{entry.id}': field 'related': no entry has the id '{target}'")
