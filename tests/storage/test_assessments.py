"""Assessment storage on SQLite and Postgres: one per thread, one answer per person, the version check, races."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.chat.context import Context, Surface
from bot.chat.features import build_router
from bot.chat.outcome import Post
from bot.chat.services import Services
from bot.storage import assessments as store
from bot.storage.db import make_engine, make_session_factory
from bot.storage.models import AssessmentAnswer

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
ELEMENTS = ("maturity-risk", "maturity-communication", "maturity-process")


def create(session, thread_ts: str | None = "1.1", channel_id: str = "C1", scope: str | None = None) -> int | None:
    return store.create(
        session=session,
        team_id="T1",
        channel_id=channel_id,
        thread_ts=thread_ts,
        scope=scope,
        element_ids=ELEMENTS,
        starter="U1",
        phase="asking",
        now=NOW,
    )


def test_a_thread_holds_one_assessment_until_it_ends(session_factory):
    with session_factory.begin() as session:
        first = create(session)
        assert first is not None
        assert create(session) is None  # the unique key refuses a second one in the thread
        assert create(session, thread_ts=None) is not None and create(session, thread_ts=None) is not None
        assert store.release_thread(session=session, assessment_id=first) is False  # still running
        assert store.save_state(
            session=session, assessment_id=first, version=0, phase="finished", current=2, finished_at=NOW
        )
        assert store.release_thread(session=session, assessment_id=first) is True
        second = create(session)
    with session_factory() as session:
        held = store.in_thread(session=session, team_id="T1", channel_id="C1", thread_ts="1.1")
        assert held is not None and held.id == second
        assert store.get(session=session, assessment_id=first, team_id="T1").finished_at == NOW
        assert store.get(session=session, assessment_id=first, team_id="T0OTHER") is None


def test_a_persons_later_answer_replaces_the_earlier_one(session_factory):
    with session_factory.begin() as session:
        assessment_id = create(session)
        for choice, minutes in (("level-1", 0), ("level-3", 1)):
            store.record_answer(
                session=session,
                assessment_id=assessment_id,
                element_id="maturity-risk",
                user_id="U1",
                choice=choice,
                now=NOW + timedelta(minutes=minutes),
            )
        store.record_answer(
            session=session,
            assessment_id=assessment_id,
            element_id="maturity-risk",
            user_id="U2",
            choice="skip",
            now=NOW,
        )
    with session_factory() as session:
        rows = store.element_answers(session=session, assessment_id=assessment_id, element_id="maturity-risk")
    assert [(r.user_id, r.choice) for r in rows] == [("U2", "skip"), ("U1", "level-3")]


def test_the_version_check_lets_one_of_two_writers_win(session_factory, database_url):
    with session_factory.begin() as session:
        assessment_id = create(session)
    other_engine = make_engine(database_url)  # another web process
    try:
        with session_factory.begin() as mine, make_session_factory(other_engine).begin() as theirs:
            read_mine = store.get(session=mine, assessment_id=assessment_id, team_id="T1").version
            read_theirs = store.get(session=theirs, assessment_id=assessment_id, team_id="T1").version
            assert store.save_state(
                session=mine,
                assessment_id=assessment_id,
                version=read_mine,
                phase="asking",
                current=1,
                finished_at=None,
            )
        with make_session_factory(other_engine).begin() as theirs:
            assert not store.save_state(
                session=theirs,
                assessment_id=assessment_id,
                version=read_theirs,
                phase="asking",
                current=1,
                finished_at=None,
            )
    finally:
        other_engine.dispose()
    with session_factory() as session:
        assert store.get(session=session, assessment_id=assessment_id, team_id="T1").current == 1


def test_two_concurrent_clicks_on_the_same_element_post_the_next_element_once(index, session_factory, database_url):
    """Two processes (engines) get the same click at the same moment, element after element."""
    other_engine = make_engine(database_url)
    try:
        routers = [
            build_router(Services(index=index, sessions=session_factory)),
            build_router(Services(index=index, sessions=make_session_factory(other_engine))),
        ]
        ctx = Context(team_id="T1", surface=Surface.MENTION, channel_id="C1", user_id="U1", thread_ts="9.9")
        outcome = routers[0].handle_text("assess risk, communication, process, resource, learning", ctx)
        message = [p for p in outcome.effects if isinstance(p, Post)][-1]
        for _ in range(4):
            button = next(e for b in message.blocks if b["type"] == "actions" for e in b["elements"])
            barrier = threading.Barrier(2)
            results: list = [None, None]

            def press(n: int, button=button, barrier=barrier, results=results) -> None:
                barrier.wait()
                results[n] = routers[n].handle_action(button["action_id"], button["value"], ctx)

            threads = [threading.Thread(target=press, args=(n,)) for n in (0, 1)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            asked = [p for r in results for p in r.effects if isinstance(p, Post)]
            assert len(asked) == 1, [p.text for p in asked]
            message = asked[0]
    finally:
        other_engine.dispose()
    with session_factory() as session:
        assert len(session.scalars(select(AssessmentAnswer)).all()) == 4


def test_previous_history_latest_and_export_rows(session_factory):
    with session_factory.begin() as session:
        ids = [
            create(session, thread_ts=f"{n}.0", scope=scope)
            for n, scope in enumerate(["Incident  Mgmt", None, "incident mgmt"])
        ]
        for n, assessment_id in enumerate(ids[:2]):
            store.save_state(
                session=session,
                assessment_id=assessment_id,
                version=0,
                phase="finished",
                current=2,
                finished_at=NOW + timedelta(days=n),
            )
        store.record_answer(
            session=session, assessment_id=ids[0], element_id="maturity-risk", user_id="U1", choice="level-2", now=NOW
        )
        other = create(session, thread_ts="7.0", channel_id="C2")
        store.save_state(session=session, assessment_id=other, version=0, phase="stopped", current=0, finished_at=NOW)
    with session_factory() as session:
        current = store.get(session=session, assessment_id=ids[2], team_id="T1")
        previous = store.previous_finished(session=session, assessment=current)
        assert previous is not None and previous.id == ids[0]  # same scope, whatever its case and spacing
        assert [a.id for a in store.history(session=session, team_id="T1", channel_id="C1")] == ids[::-1]
        assert [a.id for a in store.latest_per_channel(session=session, team_id="T1")] == [other, ids[1]]
        [row] = store.answer_rows(session=session, team_id="T1", channel_id="C1")
        assert (row.assessment_id, row.element_id, row.user_id, row.choice) == (
            ids[0],
            "maturity-risk",
            "U1",
            "level-2",
        )
        assert store.answer_rows(session=session, team_id="T0OTHER") == []
