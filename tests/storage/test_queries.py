from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import StatementError

from bot.reports import format_question_report
from bot.storage.db import make_engine, make_session_factory
from bot.storage.models import Feedback, Question
from bot.storage.queries import (
    QuestionReport,
    UnknownQuestion,
    claim_event,
    normalize_question,
    prune_processed_events,
    question_report,
    record_feedback,
    record_question,
)

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def ask(sessions, text, *, team="T1", answered=True, entry="7.4", user="U1", at=NOW) -> int:
    with sessions.begin() as session:
        return record_question(
            session=session,
            team_id=team,
            channel_id="C1",
            user_id=user,
            text=text,
            answered=answered,
            top_entry_id=entry if answered else None,
            surface="mention",
            now=at,
        )


def vote(sessions, question_id, *, helpful, user="U1", team="T1") -> None:
    with sessions.begin() as session:
        record_feedback(session=session, team_id=team, question_id=question_id, user_id=user, helpful=helpful, now=NOW)


def claim(sessions, event_id, *, team="T1", at=NOW) -> bool:
    with sessions.begin() as session:
        return claim_event(session=session, team_id=team, event_id=event_id, now=at)


def test_an_event_is_claimed_once(session_factory):
    assert claim(session_factory, "Ev1") is True
    assert claim(session_factory, "Ev1") is False
    assert claim(session_factory, "Ev2") is True


def test_a_duplicate_claim_leaves_the_transaction_usable(session_factory):
    with session_factory.begin() as session:
        assert claim_event(session=session, team_id="T1", event_id="Ev1", now=NOW)
        assert not claim_event(session=session, team_id="T1", event_id="Ev1", now=NOW)
        question_id = record_question(
            session=session,
            team_id="T1",
            channel_id=None,
            user_id=None,
            text="x",
            answered=False,
            top_entry_id=None,
            surface="dm",
            now=NOW,
        )
    with session_factory() as session:
        assert session.get(Question, question_id) is not None


def test_processes_racing_on_the_same_events_answer_each_once(database_url, engine):
    workers, event_ids = 4, [f"Ev{n}" for n in range(15)]
    engines = [make_engine(database_url) for _ in range(workers)]  # one per "process"
    wins: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(workers)

    def run(worker_engine):
        sessions = make_session_factory(worker_engine)
        try:
            for event_id in event_ids:
                barrier.wait(timeout=30)
                if claim(sessions, event_id):
                    wins.append(event_id)
        except BaseException as exc:  # reported below: a thread's exception would be lost
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for worker_engine in engines:
        worker_engine.dispose()
    assert not errors
    assert sorted(wins) == sorted(event_ids)


def test_old_claims_are_pruned(session_factory):
    claim(session_factory, "old", at=NOW - timedelta(days=2))
    claim(session_factory, "new", at=NOW)
    with session_factory.begin() as session:
        assert prune_processed_events(session=session, older_than=NOW - timedelta(days=1)) == 1
    assert claim(session_factory, "old") is True
    assert claim(session_factory, "new") is False


def test_times_come_back_timezone_aware(session_factory):
    paris = timezone(timedelta(hours=1))
    question_id = ask(session_factory, "risk", at=datetime(2025, 3, 3, 10, 0, tzinfo=paris))
    with session_factory() as session:
        asked_at = session.get(Question, question_id).asked_at
    assert asked_at == NOW
    assert asked_at.utcoffset() == timedelta(0)


def test_a_naive_time_is_refused(session_factory):
    with pytest.raises(StatementError, match="naive"), session_factory.begin() as session:
        claim_event(session=session, team_id="T1", event_id="Ev1", now=datetime(2025, 1, 1))


def test_a_second_vote_replaces_the_first(session_factory):
    question_id = ask(session_factory, "what clause covers communication?")
    vote(session_factory, question_id, helpful=False)
    with session_factory() as session:
        assert question_report(session=session, team_id="T1").not_helpful == [
            ("what clause covers communication?", "7.4", 1)
        ]
    vote(session_factory, question_id, helpful=True)
    with session_factory() as session:
        assert question_report(session=session, team_id="T1").not_helpful == []
        assert session.scalar(select(func.count(Feedback.id))) == 1
        assert session.scalar(select(Feedback.helpful)) is True


def test_votes_of_several_people_add_up(session_factory):
    question_id = ask(session_factory, "CAB?", entry="8.5.1")
    for user in ("U1", "U2", "U3"):
        vote(session_factory, question_id, helpful=user != "U3", user=user)
    vote(session_factory, question_id, helpful=False, user="U1")
    with session_factory() as session:
        assert question_report(session=session).not_helpful == [("CAB?", "8.5.1", 2)]


def test_feedback_on_another_workspaces_question_is_refused(session_factory):
    question_id = ask(session_factory, "risk", team="T1")
    with pytest.raises(UnknownQuestion):
        vote(session_factory, question_id, helpful=False, team="T2")
    with pytest.raises(ValueError):
        vote(session_factory, question_id + 1000, helpful=False, team="T1")
    with session_factory() as session:
        assert session.scalar(select(func.count(Feedback.id))) == 0


def test_the_report_shows_one_workspace_only(session_factory):
    ask(session_factory, "risk", team="T1")
    b = ask(session_factory, "secret of team B", team="T2", answered=False)
    vote(session_factory, b, helpful=False, team="T2")
    with session_factory() as session:
        report_a = question_report(session=session, team_id="T1")
        everyone = question_report(session=session)
    assert report_a == QuestionReport(most_asked=[("risk", 1)], unanswered=[], not_helpful=[])
    assert ("secret of team B", 1) in everyone.most_asked
    assert everyone.unanswered == [("secret of team B", 1)]


def test_the_report_groups_questions_whatever_their_case_and_punctuation(session_factory):
    for text in ("What clause covers communication?", "what clause covers communication", "WHAT clause  covers comms!"):
        ask(session_factory, text)
    ask(session_factory, "what clause covers COMMUNICATION!!!", user="U2")
    for _ in range(2):
        ask(session_factory, "Level II for risk?", answered=False)
    ask(session_factory, "who owns the capacity plan", answered=False)
    with session_factory() as session:
        report = question_report(session=session, team_id="T1")
        top = question_report(session=session, team_id="T1", limit=1)
    assert report.most_asked == [
        ("What clause covers communication?", 3),
        ("Level II for risk?", 2),
        ("WHAT clause  covers comms!", 1),
        ("who owns the capacity plan", 1),
    ]
    assert report.unanswered == [("Level II for risk?", 2), ("who owns the capacity plan", 1)]
    assert top.most_asked == [("What clause covers communication?", 3)]


def test_normalized_questions_ignore_case_punctuation_and_spacing():
    assert normalize_question("  What's   CLAUSE 7.4?! ") == "what s clause 7 4"
    assert len(normalize_question("word " * 500)) <= 255


def test_the_printed_report_has_three_sections():
    empty = format_question_report(QuestionReport())
    assert empty.count("(none)") == 3
    assert [line for line in empty.splitlines() if line and line[0].isalpha()] == [
        "Most asked",
        "Unanswered",
        "Marked not helpful",
    ]
    full = format_question_report(
        QuestionReport(most_asked=[("risk\nplease", 3)], unanswered=[("x", 1)], not_helpful=[("CAB?", "8.5.1", 2)])
    )
    assert "   3  risk please" in full
    assert "CAB?  (answered with 8.5.1)" in full
    assert "(none)" not in full
