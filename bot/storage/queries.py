"""Keyword-only store functions, each taking the session.

Convention: a function adds, flushes and reads, but never commits. The caller owns the unit of
work, one session per request or job: `with sessions.begin() as session: claim_event(session=...)`.
Times come in as arguments (`now`, `older_than`); nothing here reads the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.storage.models import NORMALIZED_LENGTH, Feedback, ProcessedEvent, Question

_NOT_WORD = re.compile(r"[\W_]+")


class UnknownQuestion(ValueError):
    """The question id does not exist in this workspace."""


@dataclass(frozen=True)
class QuestionReport:
    """What people ask: the most asked, the unanswered and the answers marked not helpful."""

    most_asked: list[tuple[str, int]] = field(default_factory=list)
    unanswered: list[tuple[str, int]] = field(default_factory=list)
    not_helpful: list[tuple[str, str | None, int]] = field(default_factory=list)


def normalize_question(text: str) -> str:
    """The grouping key of a question: case, punctuation and spacing do not count."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())[:NORMALIZED_LENGTH]


def insert_for(session: Session, table: Any) -> Any:
    """An INSERT of the session's dialect, which knows ON CONFLICT."""
    # ON CONFLICT keeps a duplicate from raising, so the caller's transaction stays usable
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"iso20k supports sqlite and postgresql, not {dialect}")


def claim_event(*, session: Session, team_id: str, event_id: str, now: datetime) -> bool:
    """True for the first claim of a Slack event id, False when any process claimed it before."""
    table = ProcessedEvent.__table__
    if session.get_bind().dialect.name == "postgresql":
        # the claim is on the ack's path: Postgres need not wait for the disk. A claim lost in a server crash
        # can at worst let one retry of that event be answered again; the claim itself stays atomic.
        session.execute(text("SET LOCAL synchronous_commit TO OFF"))
    statement = (
        insert_for(session, table)
        .values(team_id=team_id, event_id=event_id, received_at=now)
        .on_conflict_do_nothing(index_elements=[table.c.event_id])
        .returning(table.c.id)
    )
    return session.execute(statement).scalar_one_or_none() is not None


def prune_processed_events(*, session: Session, older_than: datetime) -> int:
    """Forget event ids received before a time (Slack retries for minutes, not days); returns how many."""
    result = cast(CursorResult, session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < older_than)))
    return result.rowcount


def record_question(
    *,
    session: Session,
    team_id: str,
    channel_id: str | None,
    user_id: str | None,
    text: str,
    answered: bool,
    top_entry_id: str | None,
    surface: str,
    now: datetime,
) -> int:
    """Store a question and how the bot answered it; returns the question id."""
    question = Question(
        team_id=team_id,
        channel_id=channel_id,
        user_id=user_id,
        text=text,
        normalized=normalize_question(text),
        answered=answered,
        top_entry_id=top_entry_id,
        surface=surface,
        asked_at=now,
    )
    session.add(question)
    session.flush()
    return question.id


def record_feedback(
    *, session: Session, team_id: str, question_id: int, user_id: str, helpful: bool, now: datetime
) -> None:
    """Store a person's vote on an answer; their later vote on the same answer replaces it."""
    question = session.get(Question, question_id)
    if question is None or question.team_id != team_id:
        raise UnknownQuestion(f"no question {question_id} in workspace {team_id}")
    table = Feedback.__table__
    vote = {"helpful": helpful, "entry_id": question.top_entry_id, "created_at": now}
    statement = (
        insert_for(session, table)
        .values(team_id=team_id, question_id=question_id, user_id=user_id, **vote)
        .on_conflict_do_update(index_elements=[table.c.question_id, table.c.user_id], set_=vote)
    )
    session.execute(statement)


def question_report(*, session: Session, team_id: str | None = None, limit: int = 10) -> QuestionReport:
    """The most asked, unanswered and not-helpful questions, most frequent first (all teams when None)."""
    return QuestionReport(
        most_asked=_most_asked(session, team_id, limit, unanswered_only=False),
        unanswered=_most_asked(session, team_id, limit, unanswered_only=True),
        not_helpful=_not_helpful(session, team_id, limit),
    )


def _most_asked(session: Session, team_id: str | None, limit: int, *, unanswered_only: bool) -> list[tuple[str, int]]:
    asked = func.count(Question.id)
    statement = select(func.min(Question.text), asked).group_by(Question.normalized)
    if team_id is not None:
        statement = statement.where(Question.team_id == team_id)
    if unanswered_only:
        statement = statement.where(Question.answered.is_(False))
    statement = statement.order_by(asked.desc(), Question.normalized).limit(limit)
    return [(text, count) for text, count in session.execute(statement)]


def _not_helpful(session: Session, team_id: str | None, limit: int) -> list[tuple[str, str | None, int]]:
    votes = func.count(Feedback.id)
    statement = (
        select(func.min(Question.text), Feedback.entry_id, votes)
        .join(Question, Feedback.question_id == Question.id)
        .where(Feedback.helpful.is_(False))
        .group_by(Question.normalized, Feedback.entry_id)
        .order_by(votes.desc(), Question.normalized, Feedback.entry_id)
        .limit(limit)
    )
    if team_id is not None:
        statement = statement.where(Feedback.team_id == team_id)
    return [(text, entry_id, count) for text, entry_id, count in session.execute(statement)]
