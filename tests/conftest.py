from pathlib import Path

import pytest

from bot.knowledge import SearchIndex, load_catalog

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def index(catalog):
    return SearchIndex(catalog)
