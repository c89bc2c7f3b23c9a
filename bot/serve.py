"""`iso20k serve`: the Slack app over Socket Mode or HTTP."""

from __future__ import annotations

import contextlib
import logging
import signal

from bot.config import Settings
from bot.runtime import build_runtime
from bot.slack.app import check_slack_settings, create_app
from bot.slack.http import make_server, wsgi_app
from bot.slack.socket import run_socket_mode

log = logging.getLogger("iso20k")


def serve(settings: Settings, *, migrate: bool = False) -> int:
    """Run until stopped: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on $PORT."""
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    socket_mode = bool(settings.slack_app_token)
    check_slack_settings(settings, socket_mode=socket_mode)
    runtime = build_runtime(settings, migrate=migrate)
    app = create_app(settings=settings, chat=runtime.chat, engine=runtime.engine, clock=runtime.clock,
                     socket_mode=socket_mode)
    if socket_mode:
        log.info("iso20k: connecting to Slack in Socket Mode")
        run_socket_mode(app, app_token=settings.slack_app_token, api_url=settings.slack_api_url)
        return 0
    server = make_server(wsgi_app(app, runtime.engine), port=settings.port)
    signal.signal(signal.SIGTERM, _stop)  # platforms stop processes with SIGTERM: leave as on Ctrl-C
    log.info("iso20k: listening on port %s (POST /slack/events, GET /healthz)", settings.port)
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
    server.close()
    runtime.engine.dispose()
    log.info("iso20k: stopped")
    return 0


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
