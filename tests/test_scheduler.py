"""The scheduler registers the jobs; the upkeep job forgets old event claims."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.chat import housekeeping
from bot.chat.services import Services
from bot.scheduler import Jobs, build_scheduler, stop
from bot.storage import queries
from bot.storage.models import ProcessedEvent


def test_every_job_is_registered_once_and_coalesced():
    ran: list[str] = []
    scheduler = build_scheduler(Jobs(prune_event_claims=lambda: ran.append("prune")))
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"prune-event-claims"}
    assert all(job.coalesce and job.max_instances == 1 for job in jobs.values())
    jobs["prune-event-claims"].func()
    assert ran == ["prune"]


def test_old_event_claims_are_pruned_recent_ones_kept(index, session_factory):
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    with session_factory.begin() as session:
        queries.claim_event(session=session, team_id="T1", event_id="Ev-old", now=now - timedelta(days=2))
        queries.claim_event(session=session, team_id="T1", event_id="Ev-new", now=now - timedelta(minutes=5))
    removed = housekeeping.prune_event_claims(Services(index=index, sessions=session_factory, clock=lambda: now))
    with session_factory() as session:
        left = session.scalars(select(ProcessedEvent.event_id)).all()
    assert removed == 1 and left == ["Ev-new"]


def test_the_nudge_sweep_runs_every_minute_and_first_at_start():
    scheduler = build_scheduler(Jobs(prune_event_claims=lambda: None, nudge_sweep=lambda: None))
    scheduler.start(paused=True)
    try:
        sweep = scheduler.get_job("nudge-sweep")
        assert sweep.trigger.interval.total_seconds() == 60 and sweep.coalesce and sweep.max_instances == 1
        assert (sweep.next_run_time - datetime.now(UTC)).total_seconds() < 5
    finally:
        scheduler.shutdown(wait=False)


def test_scheduled_posts_keep_one_message_per_second_per_channel():
    from bot.chat.outcome import Outcome, Post
    from bot.slack.scheduled import ScheduledPoster

    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        now[0] += seconds

    class Clients:
        def for_team(self, team_id):
            from unittest.mock import Mock

            from slack_sdk import WebClient

            return Mock(WebClient)

    poster = ScheduledPoster(Clients(), sleep=sleep, monotonic=lambda: now[0])
    for channel in ("C1", "C1", "C2", "C1"):
        assert poster("T1", channel, Outcome([Post("hi", thread=False)]))
    assert slept == [1.0, 1.0]  # C1's second and third messages wait; C2 does not


def test_a_stop_waits_for_a_running_job_but_no_longer_than_its_grace():
    started, release = threading.Event(), threading.Event()

    def sweep() -> None:
        started.set()
        release.wait(30)

    scheduler = build_scheduler(Jobs(prune_event_claims=lambda: None, nudge_sweep=sweep))
    scheduler.start()
    try:
        assert started.wait(10)
        began = time.monotonic()
        assert not stop(scheduler, grace=0.3)  # the sweep still runs: the caller must leave it
        assert time.monotonic() - began < 3
    finally:
        release.set()


def test_a_stop_lets_a_running_job_finish_within_its_grace():
    started, finished = threading.Event(), threading.Event()

    def sweep() -> None:
        started.set()
        time.sleep(0.3)
        finished.set()

    scheduler = build_scheduler(Jobs(prune_event_claims=lambda: None, nudge_sweep=sweep))
    scheduler.start()
    assert started.wait(10)
    assert stop(scheduler, grace=10) and finished.is_set()
    assert stop(scheduler, grace=0)  # stopped already
