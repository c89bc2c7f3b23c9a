"""Keyword-only store functions of the maturity assessments; they never commit (see queries.py).

An assessment's row holds the flow's state with a version: `save_state` writes only when the version
is still the one read, so of two processes stepping the same assessment one wins and the other retries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from bot.storage.models import Assessment, AssessmentAnswer
from bot.storage.queries import insert_for

ENDED = ("finished", "stopped")


@dataclass(frozen=True)
class AnswerRow:
    """One stored answer, with what an export needs of its assessment."""

    assessment_id: int
    team_id: str
    channel_id: str
    scope: str | None
    started_at: datetime
    element_id: str
    user_id: str
    choice: str
    answered_at: datetime


def scope_key(scope: str | None) -> str:
    """The scope as compared between runs: case and spacing do not count."""
    return " ".join((scope or "").casefold().split())


def create(
    *,
    session: Session,
    team_id: str,
    channel_id: str,
    thread_ts: str | None,
    scope: str | None,
    element_ids: Iterable[str],
    starter: str,
    phase: str,
    now: datetime,
) -> int | None:
    """A new assessment's id, or None when the thread already holds one (the unique key decides, not a read)."""
    table = Assessment.__table__
    statement = (
        insert_for(session, table)
        .values(
            team_id=team_id,
            channel_id=channel_id,
            thread_ts=thread_ts,
            scope=scope,
            scope_key=scope_key(scope),
            element_ids=",".join(element_ids),
            starter=starter,
            phase=phase,
            current=0,
            version=0,
            started_at=now,
        )
        .on_conflict_do_nothing(index_elements=[table.c.team_id, table.c.channel_id, table.c.thread_ts])
        .returning(table.c.id)
    )
    return session.execute(statement).scalar_one_or_none()


def in_thread(*, session: Session, team_id: str, channel_id: str, thread_ts: str) -> Assessment | None:
    """The assessment a thread holds, or None."""
    return session.scalars(
        select(Assessment).where(
            Assessment.team_id == team_id, Assessment.channel_id == channel_id, Assessment.thread_ts == thread_ts
        )
    ).one_or_none()


def release_thread(*, session: Session, assessment_id: int) -> bool:
    """Let an ended assessment give its thread to a new one; False when it is still running."""
    result = session.execute(
        update(Assessment)
        .where(Assessment.id == assessment_id, Assessment.phase.in_(ENDED))
        .values(thread_ts=None, version=Assessment.version + 1)
    )
    return cast(CursorResult, result).rowcount == 1


def set_thread(*, session: Session, assessment_id: int, thread_ts: str) -> None:
    """Record the thread of the header the bot posted (slash command or DM)."""
    session.execute(
        update(Assessment)
        .where(Assessment.id == assessment_id, Assessment.thread_ts.is_(None))
        .values(thread_ts=thread_ts)
    )


def get(*, session: Session, assessment_id: int, team_id: str) -> Assessment | None:
    """The assessment, only when it belongs to the workspace asking."""
    found = session.get(Assessment, assessment_id, populate_existing=True)
    return found if found is not None and found.team_id == team_id else None


def record_answer(
    *, session: Session, assessment_id: int, element_id: str, user_id: str, choice: str, now: datetime
) -> None:
    """Keep a person's latest answer to an element: one row per (assessment, element, person), whatever the race."""
    table = AssessmentAnswer.__table__
    statement = insert_for(session, table).values(
        assessment_id=assessment_id, element_id=element_id, user_id=user_id, choice=choice, answered_at=now
    )
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.assessment_id, table.c.element_id, table.c.user_id],
        set_={"choice": statement.excluded.choice, "answered_at": statement.excluded.answered_at},
    )
    session.execute(statement)


def save_state(
    *,
    session: Session,
    assessment_id: int,
    version: int,
    phase: str,
    current: int,
    finished_at: datetime | None,
) -> bool:
    """Write the flow's new state if nobody moved it since `version` was read; False when someone did."""
    result = session.execute(
        update(Assessment)
        .where(Assessment.id == assessment_id, Assessment.version == version)
        .values(phase=phase, current=current, finished_at=finished_at, version=version + 1)
    )
    return cast(CursorResult, result).rowcount == 1


def answers(*, session: Session, assessment_ids: Iterable[int]) -> dict[int, list[AssessmentAnswer]]:
    """The answers of many assessments, oldest first, by assessment."""
    ids = list(dict.fromkeys(assessment_ids))
    found: dict[int, list[AssessmentAnswer]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        rows = session.scalars(
            select(AssessmentAnswer)
            .where(AssessmentAnswer.assessment_id.in_(ids[start : start + 500]))
            .order_by(AssessmentAnswer.answered_at, AssessmentAnswer.id)
        )
        for row in rows:
            found[row.assessment_id].append(row)
    return found


def element_answers(*, session: Session, assessment_id: int, element_id: str) -> list[AssessmentAnswer]:
    """Everyone's answer to one element, oldest first."""
    return list(
        session.scalars(
            select(AssessmentAnswer)
            .where(AssessmentAnswer.assessment_id == assessment_id, AssessmentAnswer.element_id == element_id)
            .order_by(AssessmentAnswer.answered_at, AssessmentAnswer.id)
        )
    )


def previous_finished(*, session: Session, assessment: Assessment) -> Assessment | None:
    """The latest assessment of the same channel and scope that was completed before this one started."""
    return session.scalars(
        select(Assessment)
        .where(
            Assessment.team_id == assessment.team_id,
            Assessment.channel_id == assessment.channel_id,
            Assessment.scope_key == assessment.scope_key,
            Assessment.phase == "finished",
            Assessment.id != assessment.id,
            Assessment.finished_at.is_not(None),
            Assessment.finished_at <= (assessment.finished_at or assessment.started_at),
        )
        .order_by(Assessment.finished_at.desc(), Assessment.id.desc())
        .limit(1)
    ).one_or_none()


def history(*, session: Session, team_id: str, channel_id: str, limit: int = 20) -> list[Assessment]:
    """The channel's assessments, latest first."""
    return list(
        session.scalars(
            select(Assessment)
            .where(Assessment.team_id == team_id, Assessment.channel_id == channel_id)
            .order_by(Assessment.started_at.desc(), Assessment.id.desc())
            .limit(limit)
        )
    )


def latest_per_channel(*, session: Session, team_id: str, limit: int = 20) -> list[Assessment]:
    """Each channel's latest ended assessment in the workspace, most recent first."""
    ended = select(Assessment).where(Assessment.team_id == team_id, Assessment.phase.in_(ENDED))
    latest = (
        select(Assessment.channel_id, func.max(Assessment.id).label("id"))
        .where(Assessment.team_id == team_id, Assessment.phase.in_(ENDED))
        .group_by(Assessment.channel_id)
        .subquery()
    )
    statement = ended.join(latest, Assessment.id == latest.c.id).order_by(Assessment.id.desc()).limit(limit)
    return list(session.scalars(statement))


def answer_rows(*, session: Session, team_id: str | None = None, channel_id: str | None = None) -> list[AnswerRow]:
    """Every answer (of a workspace, or one channel), by assessment, then time."""
    statement = (
        select(
            Assessment.id,
            Assessment.team_id,
            Assessment.channel_id,
            Assessment.scope,
            Assessment.started_at,
            AssessmentAnswer.element_id,
            AssessmentAnswer.user_id,
            AssessmentAnswer.choice,
            AssessmentAnswer.answered_at,
        )
        .join(AssessmentAnswer, AssessmentAnswer.assessment_id == Assessment.id)
        .order_by(Assessment.id, AssessmentAnswer.answered_at, AssessmentAnswer.id)
    )
    if team_id is not None:
        statement = statement.where(Assessment.team_id == team_id)
    if channel_id is not None:
        statement = statement.where(Assessment.channel_id == channel_id)
    return [AnswerRow(*row) for row in session.execute(statement)]
