"""The knowledge base and its search: no Slack, no SQL."""

from pathlib import Path

from bot.knowledge.answer import Answer, Hit
from bot.knowledge.cache import cached_index
from bot.knowledge.catalog import Catalog
from bot.knowledge.index import SearchIndex
from bot.knowledge.loader import KnowledgeError, load_catalog

__all__ = ["Answer", "Catalog", "Hit", "KnowledgeError", "SearchIndex", "build_index", "load_catalog"]


def build_index(extra_dir: Path | None = None, cache_dir: Path | None = None) -> SearchIndex:
    """Load and validate the knowledge (plus an organization's folder) and index it; given a cache folder, read
    back the index built from the very same files before, or keep this one there (`bot.knowledge.cache`)."""
    if cache_dir is None:
        return SearchIndex(load_catalog(extra_dir))
    return cached_index(extra_dir, cache_dir)
