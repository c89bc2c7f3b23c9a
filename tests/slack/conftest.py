"""The real app over HTTP (waitress), signed requests, and a fake Slack Web API."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from bot.config import load_settings
from bot.runtime import Runtime
from bot.serve import slack_runtime
from bot.slack.app import create_app, listener_pool
from bot.slack.clients import WorkspaceClients
from bot.slack.http import make_server, wsgi_app
from tests.slack.fake_slack import FakeSlack
from tests.slack.simulator import SECRET, SlackClientSim

SENTINEL_CHANNEL = "C0SENTINEL"
IMPATIENT_SECONDS = 0.5  # the Web API timeout of `impatient_app`: the fake's delays are longer


@dataclass
class RunningApp:
    slack: FakeSlack
    client: SlackClientSim
    runtime: Runtime
    clients: WorkspaceClients  # the clock's per-workspace clients, pointing at the fake

    def settle(self) -> None:
        """Wait until a sentinel question sent now is answered: what was sent before has been handled."""
        settle(self.slack, self.client)


def settle(slack: FakeSlack, client: SlackClientSim) -> None:
    """Send a sentinel mention in its own channel and wait for its answer (instead of sleeping)."""
    before = len([c for c in slack.calls_to("chat.postMessage") if c.body.get("channel") == SENTINEL_CHANNEL])
    client.event(
        {"type": "app_mention", "user": "U0SENTINEL", "text": "<@UBOT> CMDB", "ts": "1.0", "channel": SENTINEL_CHANNEL}
    )
    slack.wait_until(
        lambda calls: (
            len([c for c in calls if c.method == "chat.postMessage" and c.body.get("channel") == SENTINEL_CHANNEL])
            > before
        )
    )


def serve_in_thread(server) -> threading.Thread:
    """Run a waitress server in a daemon thread; closing it from the test ends the loop quietly."""

    def run() -> None:
        with contextlib.suppress(OSError, ValueError):  # the test closed the sockets under the loop's select()
            server.run()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def fake_slack():
    with FakeSlack() as slack:
        yield slack


@contextmanager
def serving(
    database_url: str, slack: FakeSlack, index, *, web_api_timeout: float | None = None
) -> Iterator[RunningApp]:
    """The app of `iso20k serve` over HTTP on a free port, its Web API calls going to the fake; stops on exit.

    `web_api_timeout`: seconds every Web API and response_url call waits for Slack's answer, instead of the
    bot's WEB_API_TIMEOUT, so that a test of a silent Slack does not wait that long.
    """
    settings = load_settings(
        slack_bot_token="xoxb-test",
        slack_signing_secret=SECRET,
        slack_api_url=slack.api_url,
        database_url=database_url,
        slack_app_token=None,
        slack_client_id=None,
        slack_client_secret=None,
    )
    runtime, clients = slack_runtime(settings, migrate=False, index=index)
    listeners = listener_pool()
    app = create_app(settings=settings, router=runtime.router, engine=runtime.engine, listeners=listeners)
    if web_api_timeout is not None:  # each request's client and respond() take the app client's timeout
        app.client.timeout = clients.timeout = web_api_timeout
    server = make_server(wsgi_app(app, runtime.engine), host="127.0.0.1", port=0, threads=8)
    thread = serve_in_thread(server)
    try:
        yield RunningApp(
            slack=slack,
            client=SlackClientSim(f"http://127.0.0.1:{server.effective_port}"),
            runtime=runtime,
            clients=clients,
        )
    finally:
        server.close()
        thread.join(timeout=5)
        listeners.shutdown(wait=True)  # what the test set off finishes while the fake Slack still listens
        runtime.engine.dispose()


@pytest.fixture
def running_app(engine, database_url, fake_slack, index):
    """`iso20k serve` in HTTP mode on a free port, its Web API calls going to the fake."""
    with serving(database_url, fake_slack, index) as app:
        yield app


@pytest.fixture
def impatient_app(engine, database_url, fake_slack, index):
    """`running_app` whose Web API calls give up waiting for an answer after half a second."""
    with serving(database_url, fake_slack, index, web_api_timeout=IMPATIENT_SECONDS) as app:
        yield app
