"""`iso20k serve` as a process: settings checks, migrations, health, multi-workspace install."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from html import unescape
from urllib.parse import urlencode

import pytest
from sqlalchemy import create_engine

from bot.config import load_settings
from bot.runtime import build_runtime
from bot.slack.app import create_app
from bot.slack.http import make_server, wsgi_app
from bot.storage.migrate import upgrade
from tests.conftest import ROOT
from tests.slack.conftest import serve_in_thread, settle
from tests.slack.harness import free_port, start_serve
from tests.slack.simulator import SECRET, SlackClientSim


def iso20k(*args: str, env: dict, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env},
        timeout=timeout,
    )


def serve_env(database: str, slack, *, token: str, **extra: str) -> dict:
    """The environment of an `iso20k serve` process on a database, talking to the fake Slack."""
    return {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": database,
        "SLACK_BOT_TOKEN": token,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack.api_url,
        **extra,
    }


@pytest.mark.parametrize(
    "env, named",
    [
        ({"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxp-user-token", "SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "PORT": "http"}, "PORT"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "PORT": "70000"}, "PORT"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "DATABASE_URL": "mysql://x/y"}, "DATABASE_URL"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-wrong"}, "SLACK_APP_TOKEN"),
        ({"SLACK_CLIENT_ID": "1.2", "SLACK_SIGNING_SECRET": "s"}, "SLACK_CLIENT_SECRET"),
    ],
)
def test_a_bad_setting_stops_with_one_line(env, named, tmp_path):
    result = iso20k("serve", env={"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", **env})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and named in result.stderr and "Traceback" not in result.stderr


def test_unmigrated_database_is_refused_then_migrated(tmp_path):
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}",
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_SIGNING_SECRET": "s",
    }
    refused = iso20k("serve", env=env)
    assert refused.returncode == 2 and "iso20k db upgrade" in refused.stderr
    upgraded = iso20k("db", "upgrade", env=env)
    assert upgraded.returncode == 0 and "up to date" in upgraded.stdout


def test_unreachable_database_is_named(tmp_path):
    port = free_port()  # nothing listens there
    env = {
        "DATABASE_URL": f"postgresql+psycopg://nobody@127.0.0.1:{port}/none",
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_SIGNING_SECRET": "s",
    }
    result = iso20k("serve", env=env)
    assert result.returncode == 2 and "DATABASE_URL" in result.stderr and "cannot use the database" in result.stderr


def test_serve_process_answers_health_and_events(fake_slack, tmp_path):
    db = f"sqlite:///{tmp_path / 'serve.db'}"
    upgrade(db)
    env = serve_env(db, fake_slack, token="xoxb-proc")
    process, client = start_serve(env)
    try:
        client.event({"type": "app_mention", "user": "U1", "text": "<@UBOT> comms", "ts": "5.5", "channel": "C1"})
        [call] = fake_slack.wait_for("chat.postMessage")
        assert call.body["thread_ts"] == "5.5" and call.headers["Authorization"] == "Bearer xoxb-proc"
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert process.returncode == 0


def test_healthz_is_503_when_the_database_is_gone(running_app):
    dead = create_engine(f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none")
    app = create_app(
        settings=load_settings(
            slack_bot_token="xoxb-t", slack_signing_secret=SECRET, slack_api_url=running_app.slack.api_url
        ),
        router=running_app.runtime.router,
        engine=dead,
    )
    server = make_server(wsgi_app(app, dead), host="127.0.0.1", port=0)
    serve_in_thread(server)
    try:
        assert SlackClientSim(f"http://127.0.0.1:{server.effective_port}").get("/healthz").status == 503
    finally:
        server.close()


def test_multi_workspace_install_then_events_use_the_installed_token(engine, database_url, fake_slack, index):
    settings = load_settings(
        slack_client_id="111.222",
        slack_client_secret="shh",
        slack_signing_secret=SECRET,
        slack_api_url=fake_slack.api_url,
        database_url=database_url,
        slack_bot_token=None,
    )
    runtime = build_runtime(settings, index=index)
    app = create_app(settings=settings, router=runtime.router, engine=runtime.engine)
    server = make_server(wsgi_app(app, runtime.engine), host="127.0.0.1", port=0)
    serve_in_thread(server)
    base = f"http://127.0.0.1:{server.effective_port}"
    try:
        with urllib.request.urlopen(base + "/slack/install") as page:
            html, cookie = unescape(page.read().decode()), page.headers["Set-Cookie"].split(";")[0]
        state = re.search(r"state=([\w-]+)", html).group(1)
        assert "slack.com/oauth/v2/authorize" in html and "client_id=111.222" in html and "chat:write" in html
        callback = urllib.request.Request(
            f"{base}/slack/oauth_redirect?{urlencode({'code': 'c0de', 'state': state})}", headers={"Cookie": cookie}
        )
        with urllib.request.urlopen(callback) as done:
            assert done.status == 200
        assert fake_slack.wait_for("oauth.v2.access")[0].body["code"] == "c0de"

        SlackClientSim(base).post(
            '{"type":"event_callback","team_id":"T0OTHER","api_app_id":"A1","event_id":"Ev0INST",'
            '"event":{"type":"app_mention","user":"U9","text":"<@UBOT2> CMDB","ts":"7.7","channel":"C9"}}',
            "application/json",
        )
        [answer] = fake_slack.wait_for("chat.postMessage")
        assert answer.headers["Authorization"] == "Bearer xoxb-installed" and answer.body["channel"] == "C9"
    finally:
        server.close()
        runtime.engine.dispose()


def test_socket_mode_connects_out_with_the_app_token(fake_slack, tmp_path):
    db = f"sqlite:///{tmp_path / 'socket.db'}"
    upgrade(db)
    env = {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": db,
        "SLACK_BOT_TOKEN": "xoxb-sock",
        "SLACK_APP_TOKEN": "xapp-1-sock",
        "SLACK_API_URL": fake_slack.api_url,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        [call] = fake_slack.wait_for("apps.connections.open", timeout=30)[:1]
        assert call.headers["Authorization"] == "Bearer xapp-1-sock"
        assert fake_slack.calls_to("auth.test")[0].headers["Authorization"] == "Bearer xoxb-sock"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_retry_reaching_another_process_is_not_answered_again(engine, database_url, fake_slack, index):
    servers = []
    for _ in range(2):  # two web processes sharing one database
        settings = load_settings(
            slack_bot_token="xoxb-t",
            slack_signing_secret=SECRET,
            database_url=database_url,
            slack_api_url=fake_slack.api_url,
            slack_app_token=None,
        )
        runtime = build_runtime(settings, index=index)
        app = create_app(settings=settings, router=runtime.router, engine=runtime.engine)
        server = make_server(wsgi_app(app, runtime.engine), host="127.0.0.1", port=0)
        serve_in_thread(server)
        servers.append((server, runtime))
    try:
        event = {"type": "app_mention", "user": "U1", "text": "<@UBOT> CMDB", "ts": "8.8", "channel": "C1"}
        for server, _ in servers:
            assert (
                SlackClientSim(f"http://127.0.0.1:{server.effective_port}")
                .event(event, event_id="Ev0TWICE", headers={"X-Slack-Retry-Num": "1"})
                .status
                == 200
            )
        fake_slack.wait_for("chat.postMessage")
        for server, _ in servers:
            settle(fake_slack, SlackClientSim(f"http://127.0.0.1:{server.effective_port}"))
        assert len(fake_slack.posts_to("C1")) == 1
    finally:
        for server, runtime in servers:
            server.close()
            runtime.engine.dispose()


def test_secrets_never_reach_the_logs_or_a_dry_run(fake_slack, database_url, tmp_path):
    secret_pw = "pw-s3cr3t-42"
    # Postgres here uses trust auth, which accepts any password: put one in the URL, check it is never printed
    db = database_url.replace("postgres@", f"postgres:{secret_pw}@", 1)
    upgrade(db)
    env = serve_env(db, fake_slack, token="xoxb-top-secret-token", LOG_LEVEL="DEBUG")
    log = tmp_path / "serve.log"
    with log.open("w") as stderr:
        process, client = start_serve(env, stderr=stderr)
    try:
        client.event(
            {"type": "app_mention", "user": "U1", "text": "<@UBOT> plan start 2026-01-05", "ts": "5.5", "channel": "C1"}
        )
        client.post("{not json", "application/json")
        client.post("{}", "application/json", signature="v0=" + "0" * 64)
        [started] = fake_slack.wait_for("chat.postMessage")
    finally:
        process.terminate()
        process.wait(timeout=10)
    logs = log.read_text()
    assert "started the implementation plan" in started.body["text"], started.body["text"]
    dry = iso20k("nudge", "--now", "--dry-run", env={"DATABASE_URL": db})
    assert "DEBUG" in logs and dry.returncode == 0 and "C1" in dry.stdout
    for secret in ("xoxb-top-secret-token", SECRET, secret_pw):
        assert secret not in logs and secret not in dry.stdout + dry.stderr


def plan_due_now(database_url: str, index, channel: str) -> None:
    """A plan in `channel` whose nudge of this week is due: started weeks ago, reminded today at 00:00 UTC."""
    from datetime import UTC, datetime, timedelta

    from bot.chat.context import Context, Surface
    from bot.chat.features import build_router
    from bot.chat.services import Services
    from bot.storage.db import make_engine, make_session_factory

    upgrade(database_url)
    engine = make_engine(database_url)
    month_ago = datetime.now(UTC) - timedelta(days=30)
    router = build_router(Services(index=index, sessions=make_session_factory(engine), clock=lambda: month_ago))
    ctx = Context(team_id="T0ACME", surface=Surface.MENTION, channel_id=channel, user_id="U1", thread_ts="1.1")
    router.handle_text(f"plan start {(month_ago - timedelta(weeks=8)).date().isoformat()}", ctx)
    router.handle_text(f"remind {datetime.now(UTC):%A} 00:00 UTC", ctx)  # this week's nudge time has passed
    engine.dispose()


def start_clock(database_url: str, fake_slack, log) -> subprocess.Popen:
    """`iso20k clock` on the database, posting to the fake Slack, its log (DEBUG) in `log`."""
    env = {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": database_url,
        "SLACK_BOT_TOKEN": "xoxb-clock",
        "SLACK_API_URL": fake_slack.api_url,
        "LOG_LEVEL": "DEBUG",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "clock"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log.open("w")
    )


def wait_for_sweeps(logs, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not all("nudge sweep:" in log.read_text() for log in logs):
        time.sleep(0.1)  # polling the processes' logs: each must have swept once
    assert all("nudge sweep:" in log.read_text() for log in logs)


def test_the_clock_process_sends_a_due_nudge_once(fake_slack, database_url, index, tmp_path):
    plan_due_now(database_url, index, "C0CLOCK")
    logs = [tmp_path / f"clock{n}.log" for n in range(2)]
    clocks = [start_clock(database_url, fake_slack, log) for log in logs]
    try:
        wait_for_sweeps(logs)
    finally:
        for clock in clocks:
            clock.terminate()
        for clock in clocks:
            clock.wait(timeout=10)
    [nudge] = fake_slack.calls_to("chat.postMessage")  # two clocks, one nudge
    assert nudge.body["channel"] == "C0CLOCK" and nudge.body["text"].startswith("Plan check")
    assert nudge.headers["Authorization"] == "Bearer xoxb-clock"
    assert sum("1 sent" in log.read_text() for log in logs) == 1


def test_a_clock_stopped_while_slack_holds_its_post_exits_within_the_grace(fake_slack, database_url, index, tmp_path):
    from bot.scheduler import STOP_GRACE_SECONDS

    plan_due_now(database_url, index, "C0HELD")
    fake_slack.delay("chat.postMessage", 120)  # the sweep waits on Slack far longer than the grace
    log = tmp_path / "clock.log"
    clock = start_clock(database_url, fake_slack, log)
    try:
        fake_slack.wait_for("chat.postMessage", timeout=60)
        stopped_at = time.monotonic()
        clock.terminate()
        code = clock.wait(timeout=STOP_GRACE_SECONDS + 10)
    finally:
        clock.kill()
    assert time.monotonic() - stopped_at >= STOP_GRACE_SECONDS - 1  # the running sweep was given its grace
    assert code == 1 and "still running" in log.read_text()


def test_a_clock_killed_while_posting_a_nudge_leaves_it_to_the_next_clock_once(
    fake_slack, database_url, index, tmp_path
):
    from datetime import timedelta

    from sqlalchemy import select, update

    from bot.storage.db import make_engine, make_session_factory
    from bot.storage.models import NudgeClaim

    plan_due_now(database_url, index, "C0KILLED")
    fake_slack.delay("chat.postMessage", 5)  # Slack holds the post: the clock is killed while it waits
    clock = start_clock(database_url, fake_slack, tmp_path / "first.log")
    try:
        fake_slack.wait_for("chat.postMessage", timeout=60)
    finally:
        clock.send_signal(signal.SIGKILL)
        clock.wait(timeout=10)
    fake_slack.wait_until(lambda _: fake_slack.calls_to("chat.postMessage")[0].abandoned)
    engine = make_engine(database_url)
    with make_session_factory(engine).begin() as session:
        [claim] = session.scalars(select(NudgeClaim)).all()
        assert claim.sent_at is None  # claimed, never recorded as sent
        # ten minutes go by: the claim of a process that died is taken over
        session.execute(update(NudgeClaim).values(claimed_at=claim.claimed_at - timedelta(minutes=11)))
    log = tmp_path / "second.log"
    clock = start_clock(database_url, fake_slack, log)
    try:
        wait_for_sweeps([log])
    finally:
        clock.terminate()
        clock.wait(timeout=10)
    [nudge] = fake_slack.answered("chat.postMessage")  # what the channel saw: one nudge
    assert nudge.body["channel"] == "C0KILLED" and nudge.body["text"].startswith("Plan check")
    with make_session_factory(engine)() as session:
        [claim] = session.scalars(select(NudgeClaim)).all()
    engine.dispose()
    assert claim.sent_at is not None and "1 sent" in log.read_text()


def test_an_assessment_continues_after_the_process_is_killed(fake_slack, database_url):
    from tests.slack.conftest import RunningApp
    from tests.slack.test_e2e_assess import click, elements, summaries, wait_elements

    upgrade(database_url)
    env = serve_env(database_url, fake_slack, token="xoxb-t")
    process, client = start_serve(env)
    app = RunningApp(slack=fake_slack, client=client, runtime=None, clients=None)  # type: ignore[arg-type]
    try:
        client.command("assess risk, communication", fake_slack.response_url("start"))
        header = fake_slack.wait_for("chat.postMessage")[0]  # the first element may follow at once
        thread = header.response["ts"]
        click(app, wait_elements(fake_slack, thread, 1)[0], "Level II")
        wait_elements(fake_slack, thread, 2)
    finally:
        process.send_signal(signal.SIGKILL)  # no shutdown, no flush: only what was committed survives
        process.wait(timeout=10)
    process, client = start_serve(env)
    app.client = client
    try:
        click(app, elements(fake_slack, thread)[1], "Level III")
        fake_slack.wait_until(lambda _: summaries(fake_slack, thread))
        settle(fake_slack, client)
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert len(elements(fake_slack, thread)) == 2 and len(summaries(fake_slack, thread)) == 1
    [summary] = summaries(fake_slack, thread)
    assert "Overall: Level II" in summary.body["text"]


def test_a_plan_change_survives_the_process_killed_before_its_reply(fake_slack, database_url):
    from sqlalchemy import select

    from bot.storage.db import make_engine, make_session_factory
    from bot.storage.models import PlanChange
    from tests.slack.conftest import RunningApp
    from tests.slack.test_e2e_plan import command, start_plan

    activity = "activity-project-initiation-a"
    upgrade(database_url)
    env = serve_env(database_url, fake_slack, token="xoxb-t")
    process, client = start_serve(env)
    app = RunningApp(slack=fake_slack, client=client, runtime=None, clients=None)  # type: ignore[arg-type]
    try:
        start_plan(app)
        fake_slack.delay("response:done", 10)  # Slack holds the reply: the process dies before it is answered
        client.command(f"plan done {activity} evidence: minutes of the kick-off", fake_slack.response_url("done"))
        fake_slack.wait_for("response:done")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    process, client = start_serve(env)
    app.client = client
    try:
        again = command(app, f"plan done {activity}", "again")  # the click of someone who saw no reply
        shown = command(app, f"plan {activity}", "show")
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert f"{activity} has nothing open" in again.body["text"]  # the change was kept, and is not made twice
    assert "minutes of the kick-off" in json.dumps(shown.body)
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        actions = session.scalars(select(PlanChange.action).where(PlanChange.activity_id == activity)).all()
    engine.dispose()
    assert actions == ["done (Project initiation)"]
