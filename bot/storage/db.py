"""Engines and session factories: SQLite by default, Postgres when teams outgrow one machine."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 15_000  # a writer waits this long for another process's write to finish
POSTGRES_POOL, POSTGRES_OVERFLOW = 10, 20


def make_engine(url: str) -> Engine:
    """An engine for a SQLite file (WAL, foreign keys, busy timeout) or a Postgres database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # web threads and Bolt's listener threads each hold a connection for a short unit of work
        return create_engine(url, pool_pre_ping=True, pool_size=POSTGRES_POOL, max_overflow=POSTGRES_OVERFLOW)
    database = parsed.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    # pysqlite's own transaction handling is kept on purpose: reads never take the write lock,
    # and a write waits for the lock (busy timeout) instead of failing on a stale read snapshot
    # One connection per process: SQLite writes one at a time anyway, and threads queueing for the
    # pool's connection wait in order, where SQLite's own busy handler sleeps in growing steps.
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        pool_size=1,
        max_overflow=0,
        pool_timeout=SQLITE_BUSY_TIMEOUT_MS / 1000,
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets the web, clock and console processes read while one of them writes
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for one request or job each; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def database_reachable(engine: Engine) -> bool:
    """True when the database answers a trivial query (for GET /healthz)."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):
        return False
    return True
