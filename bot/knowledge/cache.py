"""The built search index, kept on disk between runs: a one-shot `iso20k ask` reads it back instead of
reading, stemming and weighing every knowledge text again.

A cached index is found by a fingerprint of everything it was built from: the bytes of every knowledge
file (the shipped ones and an organization's folder), of the code that builds and searches it and of
the shipped word vectors, and the Python, NumPy and pydantic versions. Change any of them and the fingerprint
changes, so a stale or broken index is never read back: an edited YAML file is validated (and its
errors reported) as on the first run. The cache is a convenience: a cache folder that cannot be
read or written, or a file that does not unpickle, means the index is built as if there were none.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path

import numpy as np
import pydantic

from bot.knowledge.index import SearchIndex
from bot.knowledge.loader import knowledge_files, load_catalog, shipped_knowledge_dir
from bot.knowledge.semantic import MEANING_DIR

log = logging.getLogger(__name__)

CODE_DIR = Path(__file__).resolve().parent
PREFIX = "index-"


def fingerprint(extra_dir: Path | None) -> str:
    """A digest of everything a built index depends on."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{sys.version}|{np.__version__}|{pydantic.VERSION}|{pickle.HIGHEST_PROTOCOL}".encode())
    sources = [(CODE_DIR, sorted(CODE_DIR.glob("*.py"))), (MEANING_DIR, sorted(MEANING_DIR.iterdir()))]
    for folder in [shipped_knowledge_dir(), *([extra_dir] if extra_dir else [])]:
        sources.append((folder, knowledge_files(folder) if folder.is_dir() else []))
    for folder, files in sources:
        digest.update(f"\0dir {folder}".encode())
        for path in files:
            digest.update(f"\0file {path.relative_to(folder)}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cached_index(extra_dir: Path | None, folder: Path) -> SearchIndex:
    """The index of the knowledge (plus an organization's folder): read back from the folder when built before,
    else built (validating every file) and kept there for the next run."""
    path = folder / f"{PREFIX}{fingerprint(extra_dir)}.pickle"
    index = _read(path)
    if index is None:
        index = SearchIndex(load_catalog(extra_dir))
        _write(path, index)
    return index


def _read(path: Path) -> SearchIndex | None:
    try:
        with path.open("rb") as stream:
            index = pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception as exc:  # any damage to a cache file (truncated, foreign, unreadable) means: build anew
        log.warning("ignoring the cached search index %s: %s", path, exc)
        return None
    return index if isinstance(index, SearchIndex) else None


def _write(path: Path, index: SearchIndex) -> None:
    """Keep the index (written whole, then renamed into place) and drop the ones built from older knowledge."""
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as stream:
            temporary = Path(stream.name)
            pickle.dump(index, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        for old in path.parent.glob(f"{PREFIX}*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.info("could not keep the search index in %s: %s", path.parent, exc)
        if temporary is not None:
            temporary.unlink(missing_ok=True)
