from __future__ import annotations

from bot.storage.db import database_reachable, make_engine


def test_a_sqlite_file_gets_its_folder_and_pragmas(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'nested' / 'iso20k.db'}")
    try:
        assert database_reachable(engine)
        assert (tmp_path / "data" / "nested" / "iso20k.db").is_file()
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_the_migrated_database_is_reachable(engine):
    assert database_reachable(engine)


def test_an_unreachable_database_is_reported_not_raised():
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/nothing?connect_timeout=2")
    try:
        assert database_reachable(engine) is False
    finally:
        engine.dispose()
