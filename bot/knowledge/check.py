"""`python -m bot.knowledge.check`: validate the knowledge and print a count per kind."""

import sys
from collections import Counter

from bot.knowledge.loader import KnowledgeError, load_catalog

if __name__ == "__main__":
    try:
        catalog = load_catalog()
    except KnowledgeError as exc:
        print(f"error: {exc}")
        sys.exit(1)
    print(dict(Counter(e.kind for e in catalog.entries)))
