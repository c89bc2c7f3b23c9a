"""HTTP mode: Slack's requests and the health check, on waitress (a production WSGI server)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy.engine import Engine
from waitress.server import create_server

from bot.storage.db import database_reachable

log = logging.getLogger(__name__)
MAX_BODY = 1024 * 1024  # Slack's payloads are far smaller; refuse anything larger


def wsgi_app(app: App, engine: Engine) -> Callable:
    """POST /slack/events (events, commands, interactivity), OAuth pages, and GET /healthz."""
    slack = SlackRequestHandler(app, path="/slack/events")

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/healthz" and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            ok = database_reachable(engine)
            body = b"ok\n" if ok else b"database unreachable\n"
            start_response(
                "200 OK" if ok else "503 Service Unavailable",
                [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))],
            )
            return [body]
        try:
            return slack(environ, start_response)
        except ValueError:  # a body Bolt cannot parse (broken JSON or payload): the sender's fault
            log.warning("refused a malformed request to %s", path)
            body = b"malformed request\n"
            start_response("400 Bad Request", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
            return [body]

    return application


def make_server(application: Callable, *, host: str = "0.0.0.0", port: int = 3000, threads: int = 16):
    """A waitress server (call .run(); .close() stops it); port 0 picks a free one."""
    return create_server(
        application,
        host=host,
        port=port,
        threads=threads,
        max_request_body_size=MAX_BODY,
        ident="iso20k",
        clear_untrusted_proxy_headers=True,
        asyncore_use_poll=True,  # poll(), not select(): the I/O loop's cost does not grow with open connections
    )
