from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import inspect

from bot.storage.db import make_engine
from bot.storage.migrate import (
    MigrationError,
    check_up_to_date,
    current_revision,
    downgrade,
    head_revision,
    is_up_to_date,
    migrations_dir,
    upgrade,
)
from bot.storage.models import Base

OUR_TABLES = {
    "processed_events",
    "questions",
    "feedback",
    "slack_installations",
    "slack_bots",
    "slack_oauth_states",
    "assessments",
    "assessment_answers",
    "plans",
    "plan_items",
    "plan_roles",
    "plan_changes",
    "plan_subscribers",
    "nudge_claims",
}


@pytest.fixture
def fresh_engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def test_a_fresh_database_is_not_up_to_date_until_upgraded(database_url, fresh_engine):
    assert current_revision(fresh_engine) is None
    assert not is_up_to_date(fresh_engine)
    with pytest.raises(MigrationError, match="iso20k db upgrade"):
        check_up_to_date(fresh_engine)
    upgrade(database_url)
    assert current_revision(fresh_engine) == head_revision()
    assert is_up_to_date(fresh_engine)
    check_up_to_date(fresh_engine)
    assert set(inspect(fresh_engine).get_table_names()) >= OUR_TABLES


def test_upgrading_twice_changes_nothing(database_url, fresh_engine):
    upgrade(database_url)
    upgrade(database_url)
    assert is_up_to_date(fresh_engine)


def test_downgrade_to_base_and_upgrade_again(database_url, fresh_engine):
    upgrade(database_url)
    downgrade(database_url, "base")
    assert current_revision(fresh_engine) is None
    assert set(inspect(fresh_engine).get_table_names()) <= {"alembic_version"}
    upgrade(database_url)
    assert is_up_to_date(fresh_engine)


def test_the_migrations_build_the_schema_the_models_describe(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_a_database_newer_than_the_code_is_reported(engine):
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dfeed'")
    with pytest.raises(MigrationError, match="does not know"):
        check_up_to_date(engine)


def test_the_installation_store_works_on_the_migrated_database(engine):
    store = SQLAlchemyInstallationStore(client_id="x", engine=engine)
    store.save(
        Installation(
            app_id="A1",
            enterprise_id=None,
            team_id="T1",
            team_name="Acme",
            user_id="U1",
            bot_token="xoxb-1",
            bot_id="B1",
            bot_user_id="UB1",
            bot_scopes=["chat:write"],
            installed_at=datetime(2025, 3, 3, tzinfo=UTC).timestamp(),
        )
    )
    installation = store.find_installation(enterprise_id=None, team_id="T1")
    bot = store.find_bot(enterprise_id=None, team_id="T1")
    assert installation is not None and installation.bot_token == "xoxb-1"
    assert bot is not None and bot.bot_user_id == "UB1"
    assert store.find_bot(enterprise_id=None, team_id="T2") is None


def test_the_oauth_state_store_issues_and_consumes_a_state(engine):
    store = SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=engine)
    state = store.issue()
    assert store.consume(state) is True
    assert store.consume(state) is False


def test_the_migrations_are_found_in_the_checkout():
    assert (migrations_dir() / "env.py").is_file()
    assert (migrations_dir() / "script.py.mako").is_file()
