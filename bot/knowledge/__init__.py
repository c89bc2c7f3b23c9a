"""The knowledge base and its search: no Slack, no SQL."""

from bot.knowledge.answer import Answer, Hit
from bot.knowledge.catalog import Catalog
from bot.knowledge.index import SearchIndex
from bot.knowledge.loader import KnowledgeError, load_catalog

__all__ = ["Answer", "Catalog", "Hit", "KnowledgeError", "SearchIndex", "build_index", "load_catalog"]


def build_index(extra_dir=None) -> SearchIndex:
    """Load and validate the knowledge (plus an organization's folder) and index it."""
    return SearchIndex(load_catalog(extra_dir))
