"""`iso20k serve` (the Slack app over Socket Mode or HTTP) and `iso20k clock` (the scheduler alone)."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
from collections.abc import Callable
from datetime import datetime

from bot.clock import utcnow
from bot.config import Settings
from bot.knowledge import SearchIndex
from bot.runtime import Runtime, build_runtime, settle_heap
from bot.scheduler import STOP_GRACE_SECONDS, build_scheduler, stop
from bot.slack.app import check_slack_settings, create_app, installation_store, listener_pool
from bot.slack.clients import WorkspaceClients
from bot.slack.http import make_server, wsgi_app
from bot.slack.people import SlackDirectory
from bot.slack.scheduled import ScheduledPoster
from bot.slack.socket import run_socket_mode

log = logging.getLogger("iso20k")


def _logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def slack_runtime(
    settings: Settings, *, migrate: bool, index: SearchIndex | None = None, clock: Callable[[], datetime] = utcnow
) -> tuple[Runtime, WorkspaceClients]:
    """The runtime with Slack's directory of people, and clients for scheduled posts."""
    runtime = build_runtime(settings, migrate=migrate, index=index, clock=clock)
    clients = WorkspaceClients(
        base_url=settings.slack_api_url,
        bot_token=settings.slack_bot_token,
        installations=installation_store(settings, runtime.engine),
    )
    runtime.services.people = SlackDirectory(clients)
    return runtime, clients


def slack_poster(settings: Settings) -> tuple[Runtime, ScheduledPoster]:
    """The runtime and a poster for messages no request asked for (`iso20k nudge --now`)."""
    check_slack_settings(settings, socket_mode=False, receives_requests=False)
    runtime, clients = slack_runtime(settings, migrate=False)
    return runtime, ScheduledPoster(clients)


def serve(settings: Settings, *, migrate: bool = False, scheduler: bool = True) -> int:
    """Run until stopped: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on $PORT."""
    _logging(settings)
    socket_mode = bool(settings.slack_app_token)
    check_slack_settings(settings, socket_mode=socket_mode)
    runtime, clients = slack_runtime(settings, migrate=migrate)
    import bot.assessment.chart  # noqa: F401  # load matplotlib now, not on the first assessment's summary

    listeners = listener_pool()
    app = create_app(
        settings=settings, router=runtime.router, engine=runtime.engine, socket_mode=socket_mode, listeners=listeners
    )
    clock = build_scheduler(runtime.jobs(clients)) if scheduler else None
    settle_heap()
    if clock is not None:
        clock.start()
    signal.signal(signal.SIGTERM, _stop)  # platforms stop processes with SIGTERM: leave as on Ctrl-C
    try:
        if settings.slack_app_token:
            log.info("iso20k: connecting to Slack in Socket Mode")
            with contextlib.suppress(KeyboardInterrupt):
                run_socket_mode(app, app_token=settings.slack_app_token, api_url=settings.slack_api_url)
        else:
            server = make_server(wsgi_app(app, runtime.engine), port=settings.port)
            log.info("iso20k: listening on port %s (POST /slack/events, GET /healthz)", settings.port)
            with contextlib.suppress(KeyboardInterrupt):
                server.run()
            server.close()
    finally:
        jobs_done = clock is None or stop(clock)
        listeners.shutdown(wait=True)  # answers already acknowledged are finished and delivered
        runtime.engine.dispose()
    log.info("iso20k: stopped")
    if not jobs_done:
        _exit_leaving_a_job()
    return 0


def clock(settings: Settings) -> int:
    """Run the scheduled jobs alone until stopped (the Procfile's `clock` process)."""
    _logging(settings)
    check_slack_settings(settings, socket_mode=False, receives_requests=False)
    runtime, clients = slack_runtime(settings, migrate=False)
    scheduler = build_scheduler(runtime.jobs(clients), blocking=True)
    settle_heap()
    signal.signal(signal.SIGTERM, _stop)
    log.info("iso20k: clock started")
    with contextlib.suppress(KeyboardInterrupt, SystemExit):
        scheduler.start()
    log.info("iso20k: clock stopping")
    jobs_done = stop(scheduler)
    runtime.engine.dispose()
    log.info("iso20k: clock stopped")
    if not jobs_done:
        _exit_leaving_a_job()
    return 0


def _stop(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # asked twice: stop at once
    raise KeyboardInterrupt


def _exit_leaving_a_job() -> None:
    """Exit now, though a scheduled job's thread still runs: Python would wait for it at exit, without end."""
    log.warning(
        "iso20k: a scheduled job was still running %.0f s after the stop; leaving it to the next process "
        "(a nudge it claimed and did not send goes out from a later sweep)",
        STOP_GRACE_SECONDS,
    )
    logging.shutdown()
    os._exit(1)
