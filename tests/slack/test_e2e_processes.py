"""Two web processes and two clock processes on one database (Postgres as the Procfile scales, or one SQLite
file on one machine): each event, click and nudge is handled once, whichever process Slack (or its retry)
reaches."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update

from bot.storage.db import make_engine, make_session_factory
from bot.storage.migrate import upgrade
from bot.storage.models import NudgeClaim, Plan, PlanChange
from tests.conftest import ROOT
from tests.slack.conftest import settle
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import start_serve
from tests.slack.simulator import HttpResult, SlackClientSim
from tests.slack.test_e2e_http import buttons
from tests.slack.test_e2e_plan import START
from tests.slack.test_serve import serve_env


def wait_for_lines(logs: list[Path], text: str, count: int, timeout: float = 30) -> None:
    """Until the processes' logs hold `count` lines with `text` between them; fails the test if they do not."""
    deadline = time.monotonic() + timeout
    while (seen := sum(log.read_text().count(text) for log in logs)) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"{seen} of {count} log lines with {text!r} within {timeout}s")
        time.sleep(0.1)  # polling the processes' logs: each line is a sentinel the test waits for


def at_once(sends: list[Callable[[], HttpResult]]) -> list[HttpResult]:
    """Run the sends at the same moment, each from its own thread; their results in order."""
    with ThreadPoolExecutor(len(sends)) as pool:
        return [f.result() for f in [pool.submit(send) for send in sends]]


def start_clocks(env: dict, logs: list[Path]) -> list[subprocess.Popen]:
    return [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "clock"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log.open("w"),
        )
        for log in logs
    ]


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=15)


def test_two_web_and_two_clock_processes_handle_each_event_click_and_nudge_once(
    fake_slack: FakeSlack, database_url, tmp_path
):
    upgrade(database_url)
    engine = make_engine(database_url)
    env = serve_env(database_url, fake_slack, token="xoxb-scale", LOG_LEVEL="INFO")
    web_logs = [tmp_path / f"web{n}.log" for n in (1, 2)]
    clock_logs = [tmp_path / f"clock{n}.log" for n in (1, 2)]
    processes: list[subprocess.Popen] = []
    try:
        webs: list[SlackClientSim] = []
        for log in web_logs:  # the Procfile's web: the clocks alone run the scheduler
            with log.open("w") as stderr:
                process, client = start_serve(env, "--no-scheduler", stderr=stderr)
            processes.append(process)
            webs.append(client)
        one, two = webs

        # one event delivered to both processes, and Slack's retry of it to both: one answer
        mention = {"type": "app_mention", "user": "U1", "text": "<@UBOT> CMDB", "ts": "8.8", "channel": "C0EVENT"}
        retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        results = at_once(
            [
                lambda web=web, headers=headers: web.event(mention, event_id="Ev0SCALE", headers=headers)
                for web in webs
                for headers in ({}, retry)
            ]
        )
        assert [r.status for r in results] == [200] * 4
        wait_for_lines(web_logs, "event Ev0SCALE already handled", 3)  # three of the four deliveries dropped
        fake_slack.wait_until(lambda _: fake_slack.posts_to("C0EVENT"))
        for web in webs:
            settle(fake_slack, web)
        [answer] = fake_slack.posts_to("C0EVENT")
        assert answer.response["ok"] and answer.body["thread_ts"] == "8.8"

        # a plan due for its nudge: started through one process, its reminder set through the other
        one.command(f"plan start {START}", fake_slack.response_url("start"))
        fake_slack.wait_until(lambda _: any("started the implementation" in c.body["text"] for c in posts(fake_slack)))
        two.command(f"remind {datetime.now(UTC):%A} 00:00 UTC", fake_slack.response_url("remind"))
        fake_slack.wait_for("response:remind")
        with engine.begin() as connection:  # made a week ago: today's reminder time came after it
            connection.execute(update(Plan).values(created_at=datetime.now(UTC) - timedelta(weeks=1)))

        # two clocks sweep at once: one nudge (an empty sweep is logged at DEBUG)
        clock_env = {**env, "LOG_LEVEL": "DEBUG"}
        del clock_env["SLACK_SIGNING_SECRET"]
        clocks = start_clocks(clock_env, clock_logs)
        processes += clocks
        wait_for_lines(clock_logs, "nudge sweep:", 2, timeout=60)
        stop(clocks)
        [nudge] = [c for c in posts(fake_slack) if c.body["text"].startswith("Plan check")]
        assert nudge.response["ok"] and sum("1 sent" in log.read_text() for log in clock_logs) == 1

        # its Done button clicked through both processes at once: one effect, the other click told so
        done = next(b for b in buttons(nudge.body["blocks"]) if b["action_id"].startswith("plan:done"))
        activity = done["value"].split("|")[1]
        clicked = {"ts": nudge.response["ts"]}
        results = at_once(
            [
                lambda web=web, n=n: web.click(
                    done["action_id"], done["value"], message=clicked, response_url=fake_slack.response_url(f"c{n}")
                )
                for n, web in enumerate(webs)
            ]
        )
        assert [r.status for r in results] == [200, 200]
        fake_slack.wait_until(lambda _: len(marked(fake_slack)) + len(told(fake_slack)) == 2)
        for web in webs:
            settle(fake_slack, web)
        [confirm] = marked(fake_slack)
        assert confirm.body["thread_ts"] == nudge.response["ts"] and activity in confirm.body["text"]
        [nothing] = told(fake_slack)
        assert f"{activity} has nothing open" in nothing.body["text"]
        with make_session_factory(engine)() as session:
            claims = session.scalars(select(NudgeClaim)).all()
            changes = session.scalars(select(PlanChange.action).where(PlanChange.activity_id == activity)).all()
        assert [c.sent_at is not None for c in claims] == [True] and len(changes) == 1
    finally:
        stop(processes)
        engine.dispose()


def posts(slack: FakeSlack) -> list:
    return slack.answered("chat.postMessage")


def marked(slack: FakeSlack) -> list:
    """The channel's confirmations that an activity was marked done."""
    return [c for c in posts(slack) if " marked " in c.body["text"]]


def told(slack: FakeSlack) -> list:
    """Private replies to the clicks that found nothing left to do."""
    return [c for c in slack.calls if c.method.startswith("response:c") and "nothing open" in c.body.get("text", "")]
