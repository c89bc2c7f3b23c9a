"""An assessment's state read from storage, stepped by the pure flow and saved with a version check.

Each event is one transaction: load, record the answer (upsert), step, save only if the version read is
still current. When another process moved the assessment in between, the transaction is rolled back and
run once more from a fresh read; the effects are returned for delivery after the commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.assessment import Answer, Choice, Effect, Event, Phase, Response, Selection, State, accepts_answer, step
from bot.assessment import start as start_flow
from bot.chat.context import Context
from bot.chat.services import Services
from bot.storage import assessments as store
from bot.storage.models import Assessment, AssessmentAnswer

ATTEMPTS = 2  # the first try, and one retry from a fresh read


class Busy(RuntimeError):
    """Others moved the assessment at the same moment, twice: nothing was saved."""


class _Moved(Exception):
    """The version check failed: someone saved the assessment since it was read."""


@dataclass(frozen=True)
class Run:
    """One assessment as the use cases see it: where it runs, what it asks, and the flow's state."""

    id: int
    team_id: str
    channel_id: str
    thread_ts: str | None
    scope: str | None
    starter: str
    state: State
    started_at: datetime
    finished_at: datetime | None

    @property
    def element_ids(self) -> tuple[str, ...]:
        return self.state.element_ids

    @property
    def running(self) -> bool:
        return self.state.phase is Phase.ASKING


def run_of(row: Assessment) -> Run:
    """The stored row in the flow's terms."""
    state = State(
        element_ids=tuple(i for i in row.element_ids.split(",") if i),
        starter=row.starter,
        phase=Phase(row.phase),
        current=row.current,
    )
    return Run(
        id=row.id,
        team_id=row.team_id,
        channel_id=row.channel_id,
        thread_ts=row.thread_ts,
        scope=row.scope,
        starter=row.starter,
        state=state,
        started_at=row.started_at,
        finished_at=row.finished_at,
    )


def responses(rows: Iterable[AssessmentAnswer]) -> list[Response]:
    """Stored answers as the scoring's responses."""
    return [Response(r.element_id, r.user_id, Choice(r.choice), r.answered_at) for r in rows]


def start(services: Services, ctx: Context, selection: Selection) -> tuple[Run, list[Effect]] | None:
    """Create the assessment (in the request's thread when it has one); None when one runs in that thread."""
    starter = ctx.user_id or "someone"
    state, effects = start_flow(selection.element_ids, starter)
    now = services.clock()
    with services.sessions.begin() as session:
        if ctx.thread_ts is not None:
            held = store.in_thread(
                session=session, team_id=ctx.team_id, channel_id=ctx.channel_id or "", thread_ts=ctx.thread_ts
            )
            # a thread holds one assessment at a time: an ended one hands the thread over
            if held is not None and not store.release_thread(session=session, assessment_id=held.id):
                return None
        assessment_id = store.create(
            session=session,
            team_id=ctx.team_id,
            channel_id=ctx.channel_id or "",
            thread_ts=ctx.thread_ts,
            scope=selection.scope,
            element_ids=state.element_ids,
            starter=starter,
            phase=state.phase.value,
            now=now,
        )
        if assessment_id is None:  # another start won the thread at the same moment
            return None
        row = store.get(session=session, assessment_id=assessment_id, team_id=ctx.team_id)
        assert row is not None
        return run_of(row), list(effects)


def running_in_thread(services: Services, ctx: Context) -> Run | None:
    """The assessment of the request's thread (running or ended), or None."""
    if ctx.thread_ts is None:
        return None
    with services.sessions() as session:
        row = store.in_thread(
            session=session, team_id=ctx.team_id, channel_id=ctx.channel_id or "", thread_ts=ctx.thread_ts
        )
        return run_of(row) if row is not None else None


def set_thread(services: Services, assessment_id: int, thread_ts: str) -> None:
    """Key the assessment by the thread of the header the bot posted."""
    with services.sessions.begin() as session:
        store.set_thread(session=session, assessment_id=assessment_id, thread_ts=thread_ts)


def apply(services: Services, *, team_id: str, assessment_id: int, event: Event) -> tuple[Run, list[Effect]] | None:
    """Record and step one event in one transaction; None when the workspace has no such assessment."""
    for _ in range(ATTEMPTS):
        try:
            return _apply_once(services, team_id=team_id, assessment_id=assessment_id, event=event)
        except _Moved:
            continue
    raise Busy(f"assessment {assessment_id} kept moving")


def _apply_once(
    services: Services, *, team_id: str, assessment_id: int, event: Event
) -> tuple[Run, list[Effect]] | None:
    now = services.clock()
    with services.sessions.begin() as session:
        row = store.get(session=session, assessment_id=assessment_id, team_id=team_id)
        if row is None:
            return None
        run = run_of(row)
        if isinstance(event, Answer) and accepts_answer(run.state, event.element_id):
            store.record_answer(
                session=session,
                assessment_id=row.id,
                element_id=event.element_id,
                user_id=event.user,
                choice=event.choice.value,
                now=now,
            )
        state, effects = step(run.state, event)
        if state != run.state:
            finished_at = now if state.phase is not Phase.ASKING else None
            saved = store.save_state(
                session=session,
                assessment_id=row.id,
                version=row.version,
                phase=state.phase.value,
                current=state.current,
                finished_at=finished_at,
            )
            if not saved:
                raise _Moved  # rolls the transaction back, the answer with it
            run = replace(run, state=state, finished_at=finished_at)
        return run, list(effects)


def element_answers(services: Services, run: Run, element_id: str) -> list[tuple[str, Choice]]:
    """Each person's latest answer to one element, the least recent first."""
    with services.sessions() as session:
        rows = store.element_answers(session=session, assessment_id=run.id, element_id=element_id)
        return [(r.user_id, Choice(r.choice)) for r in rows]


def answers_of(services: Services, assessment_ids: Sequence[int]) -> dict[int, list[Response]]:
    """The responses of many assessments."""
    with services.sessions() as session:
        found = store.answers(session=session, assessment_ids=assessment_ids)
        return {key: responses(rows) for key, rows in found.items()}
