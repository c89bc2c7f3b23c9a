"""The database goes away while the bot serves: polite replies, /healthz 503, nothing half-written, recovery."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot.config import load_settings
from bot.serve import slack_runtime
from bot.slack.app import create_app
from bot.slack.http import make_server, wsgi_app
from bot.storage.migrate import upgrade
from bot.storage.models import Plan, Question
from tests.slack.conftest import serve_in_thread, settle
from tests.slack.proxy import CuttableProxy
from tests.slack.simulator import SECRET, SlackClientSim
from tests.slack.test_e2e_http import mention, texts

pytestmark = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="needs Postgres (TEST_DATABASE_URL)")


def test_a_lost_database_gets_polite_replies_and_the_bot_recovers(fake_slack, database_url, index):
    if database_url.startswith("sqlite"):
        pytest.skip("a SQLite file does not go away")
    upgrade(database_url)
    url = make_url(database_url)
    proxy = CuttableProxy((url.host or "127.0.0.1", url.port or 5432))
    through_proxy = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    settings = load_settings(
        slack_bot_token="xoxb-test",
        slack_signing_secret=SECRET,
        database_url=through_proxy,
        slack_api_url=fake_slack.api_url,
        slack_app_token=None,
    )
    runtime, _ = slack_runtime(settings, migrate=False, index=index)
    app = create_app(settings=settings, router=runtime.router, engine=runtime.engine)
    server = make_server(wsgi_app(app, runtime.engine), host="127.0.0.1", port=0, threads=4)
    serve_in_thread(server)
    client = SlackClientSim(f"http://127.0.0.1:{server.effective_port}")
    try:
        client.event(mention("CMDB"))
        fake_slack.wait_for("chat.postMessage")
        assert client.get("/healthz").status == 200

        proxy.cut()
        assert client.get("/healthz").status == 503
        client.event(mention("what clause covers communication?"))
        [sorry] = fake_slack.wait_for("chat.postEphemeral")  # only the asker sees it
        assert "try again in a minute" in sorry.body["text"] and sorry.body["user"] == "U0ALICE"
        client.command("plan start 2026-01-05", fake_slack.response_url("plan"))
        [refused] = fake_slack.wait_for("response:plan")
        assert "nothing was changed" in refused.body["text"]

        proxy.restore()
        assert client.get("/healthz").status == 200
        client.event(mention("level II for risk"))
        fake_slack.wait_until(
            lambda calls: any(
                "maturity-risk" in texts(c.body.get("blocks") or []) for c in calls if c.method == "chat.postMessage"
            )
        )
        settle(fake_slack, client)
        with runtime.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Plan)) == 0  # nothing half-written
            asked = session.scalars(select(Question.text)).all()
        assert "CMDB" in asked and "level II for risk" in asked and "what clause covers communication?" not in asked
    finally:
        server.close()
        runtime.engine.dispose()
        proxy.close()
