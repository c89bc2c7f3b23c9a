"""Alembic, driven from code: upgrade to head and tell whether a database is up to date."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Engine


class MigrationError(RuntimeError):
    """The migrations are missing, or the database is not at the revision this code needs."""


def migrations_dir() -> Path:
    """The migrations/ folder beside the package in a checkout, or the installed iso20k_migrations."""
    checkout = Path(__file__).resolve().parents[2] / "migrations"
    if (checkout / "env.py").is_file():
        return checkout
    spec = importlib.util.find_spec("iso20k_migrations")
    if spec is None or not spec.submodule_search_locations:
        raise MigrationError("the database migrations are not installed: reinstall iso20k (pip install .)")
    return Path(list(spec.submodule_search_locations)[0])


def alembic_config(url: str) -> Config:
    """An Alembic configuration for a database URL, without an alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    # passed as an attribute, not a main option: configparser would read a '%' in a password
    config.attributes["database_url"] = url
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database to the latest schema (or to the given revision)."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    """Migrate the database back to a revision ("base" removes every table)."""
    command.downgrade(alembic_config(url), revision)


def head_revision() -> str:
    """The revision this code needs the database to be at."""
    head = ScriptDirectory(str(migrations_dir())).get_current_head()
    if head is None:
        raise MigrationError(f"no migrations found in {migrations_dir()}")
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None when it was never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def is_up_to_date(engine: Engine) -> bool:
    """True when the database is at the revision this code needs."""
    return current_revision(engine) == head_revision()


def check_up_to_date(engine: Engine) -> None:
    """Raise MigrationError with a message that says how to fix an un-migrated or newer database."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return
    where = engine.url.render_as_string(hide_password=True)
    if current is None:
        raise MigrationError(f"the database {where} has no tables yet: run `iso20k db upgrade` first")
    try:
        ScriptDirectory(str(migrations_dir())).get_revision(current)
    except CommandError:
        raise MigrationError(
            f"the database {where} is at revision {current}, which this version of iso20k does not know: upgrade iso20k"
        ) from None
    raise MigrationError(
        f"the database {where} is at revision {current}, this version of iso20k needs {head}: run `iso20k db upgrade`"
    )
