"""Shared fixtures: the shipped knowledge and its index; databases (SQLite, and Postgres when
TEST_DATABASE_URL is set) built by the Alembic migrations."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import MetaData, inspect, text

from bot.chat.features import build_router
from bot.chat.services import Services
from bot.knowledge import SearchIndex, load_catalog
from bot.storage.db import make_engine, make_session_factory
from bot.storage.migrate import upgrade

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory):
    """Built indexes kept by the commands under test (and their subprocesses) go to a folder of the run's own."""
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if saved is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def index(catalog):
    return SearchIndex(catalog)


def _databases() -> list:
    params = [pytest.param("sqlite", id="sqlite")]
    if os.environ.get("TEST_DATABASE_URL"):
        params.append(pytest.param(os.environ["TEST_DATABASE_URL"], id="postgres"))
    return params


def _drop_everything(url: str) -> None:
    # tables of every migration (and alembic_version), so each test starts from an empty database
    engine = make_engine(url)
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        with engine.begin() as connection:
            metadata.drop_all(connection)
            if connection.dialect.name == "postgresql":
                for enum in inspect(connection).get_enums():
                    connection.execute(text(f'DROP TYPE IF EXISTS "{enum["name"]}"'))
    finally:
        engine.dispose()


@pytest.fixture(params=_databases())
def database_url(request, tmp_path) -> str:
    """The URL of an empty database: never migrated, no tables."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'iso20k.db'}"
    _drop_everything(request.param)
    return request.param


@pytest.fixture
def engine(database_url):
    """An engine on the database, migrated to head."""
    upgrade(database_url)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(engine):
    """Sessions on the migrated database."""
    return make_session_factory(engine)


@pytest.fixture
def services(index, session_factory):
    """The use cases' dependencies on the migrated database."""
    return Services(index=index, sessions=session_factory)


@pytest.fixture
def router(services):
    """The router over every feature, as the Slack listeners and the console use it."""
    return build_router(services)
