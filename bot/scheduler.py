"""APScheduler wiring: registers the jobs, nothing else. The jobs themselves live with their use cases."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler

PRUNE_EVERY_HOURS = 1
SWEEP_EVERY_SECONDS = 60  # a nudge goes out within a minute of its weekly time
# how long a stopping process waits for a job still running (a sweep takes well under a second; platforms kill
# a process 30 s after asking it to stop)
STOP_GRACE_SECONDS = 10.0


@dataclass(frozen=True)
class Jobs:
    """What the clock runs, each a function of no arguments with its dependencies bound."""

    prune_event_claims: Callable[[], object]
    nudge_sweep: Callable[[], object] | None = None  # None in a process that cannot post (no Slack token)


def build_scheduler(jobs: Jobs, *, blocking: bool = False) -> BaseScheduler:
    """A scheduler with every job registered: in the background (serve) or in the foreground (clock)."""
    scheduler: BaseScheduler = BlockingScheduler(timezone="UTC") if blocking else BackgroundScheduler(timezone="UTC")
    # coalesce + one instance: a run missed while the process was busy or down happens once, not per miss
    common = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
    scheduler.add_job(jobs.prune_event_claims, "interval", hours=PRUNE_EVERY_HOURS, id="prune-event-claims", **common)
    if jobs.nudge_sweep is not None:
        # the first sweep runs as the process starts: a nudge due while no clock ran goes out at once
        scheduler.add_job(
            jobs.nudge_sweep,
            "interval",
            seconds=SWEEP_EVERY_SECONDS,
            id="nudge-sweep",
            next_run_time=datetime.now(UTC),
            **common,
        )
    return scheduler


def stop(scheduler: BaseScheduler, grace: float = STOP_GRACE_SECONDS) -> bool:
    """Start no more jobs and wait up to `grace` seconds for a running one to finish; False if one still runs.

    A job cut off by the process exiting loses nothing: a nudge it claimed and did not send is taken over by
    the next sweep (`bot.chat.nudges.ABANDONED`).
    """
    if scheduler.state == STATE_STOPPED:
        return True
    waiter = threading.Thread(target=scheduler.shutdown, kwargs={"wait": True}, name="scheduler-stop", daemon=True)
    waiter.start()
    waiter.join(grace)
    return not waiter.is_alive()
