"""The plan and its nudge end to end: signed requests in, what the fake Slack Web API received out."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from bot.chat import nudges
from bot.plan import week_key
from bot.slack.scheduled import ScheduledPoster
from bot.storage.models import NudgeClaim, Plan, PlanChange, PlanItem
from tests.conftest import ROOT
from tests.slack.test_e2e_http import buttons, texts

PARIS = ZoneInfo("Europe/Paris")  # the fake users.info's time zone


def today() -> date:
    return datetime.now(PARIS).date()


def this_week() -> str:
    return week_key(today())


# project initiation (4 weeks) ended 8 weeks ago; phase 1 ends in 4 weeks: exactly its 9 activities are overdue
START = (today() - timedelta(weeks=12)).isoformat()


def command(app, text: str, name: str):
    app.client.command(text, app.slack.response_url(name))
    return app.slack.wait_for(f"response:{name}")[-1]


def start_plan(app) -> None:
    command(app, f"plan start {START}", "start")
    app.slack.wait_until(
        lambda calls: any(
            c.method == "chat.postMessage" and "started the implementation plan" in c.body.get("text", "")
            for c in calls
        )
    )


def nudges_to(slack, channel: str) -> list:
    """Every nudge post the fake received for a channel, answered or not."""
    return [c for c in slack.posts_to(channel) if c.body.get("text", "").startswith("Plan check")]


def owe_this_weeks_nudge(app) -> None:
    """Make the clock's sweep owe this week's nudge: the plan made a week ago, the clock past Monday 09:00."""
    services = app.runtime.services
    with services.sessions.begin() as session:
        session.execute(update(Plan).values(created_at=datetime.now(PARIS) - timedelta(weeks=1)))
    monday = today() - timedelta(days=today().weekday())
    services.clock = lambda: max(datetime.now(PARIS), datetime.combine(monday, time(9, 1), PARIS))


def changes_of(app, activity_id: str) -> list[str]:
    """The plan history's actions on one activity."""
    with app.runtime.sessions() as session:
        return list(session.scalars(select(PlanChange.action).where(PlanChange.activity_id == activity_id)))


def test_plan_start_assign_and_done_with_evidence_by_button(running_app):
    slack = running_app.slack
    start_plan(running_app)
    [info] = slack.calls_to("users.info")
    assert info.body["user"] == "U0ALICE"  # the creator's time zone comes from Slack
    [announce] = slack.posts_to("C0PROJECT")
    assert "Project initiation" in announce.body["text"] and "Europe/Paris" in announce.body["text"]

    assert (
        "is now *top management*" in command(running_app, "plan assign top management <@U0DANA>", "assign").body["text"]
    )
    overview = command(running_app, "plan", "overview")
    done = [b for b in buttons(overview.body["blocks"]) if b["action_id"].startswith("plan:done")]
    assert overview.body["response_type"] == "ephemeral" and len(done) == 9

    message = {"ts": "1700000100.000100"}
    running_app.client.click(
        done[0]["action_id"], done[0]["value"], message=message, response_url=slack.response_url("done"), user="U0DANA"
    )
    posted = slack.wait_until(
        lambda calls: any("marked" in c.body.get("text", "") for c in calls if c.method == "chat.postMessage")
    )
    [confirm] = [c for c in posted if c.method == "chat.postMessage" and "marked" in c.body.get("text", "")]
    assert confirm.body["thread_ts"] == message["ts"] and "<@U0DANA> marked" in confirm.body["text"]
    [add] = buttons(confirm.body["blocks"])
    running_app.client.click(
        add["action_id"],
        add["value"],
        message={"ts": "1700000100.000200"},
        response_url=slack.response_url("form"),
        user="U0DANA",
    )
    [opened] = slack.wait_for("views.open")
    assert opened.body["view"]["type"] == "modal" and opened.body["trigger_id"] == "1.2.3"
    running_app.client.submit_view(opened.body["view"], {"evidence": "https://wiki.acme/board-minutes"}, user="U0DANA")
    slack.wait_until(lambda calls: any("added evidence" in c.body.get("text", "") for c in calls))
    with running_app.runtime.sessions() as session:
        item = session.scalars(select(PlanItem).where(PlanItem.activity_id == done[0]["value"].split("|")[1])).one()
    assert (item.status, item.done_by, item.evidence) == ("done", "U0DANA", "https://wiki.acme/board-minutes")


def test_the_nudge_lists_overdue_with_buttons_that_work(running_app):
    slack = running_app.slack
    start_plan(running_app)
    command(running_app, "plan assign project manager <@U0PM>", "assign")
    poster = ScheduledPoster(running_app.clients)
    _, report = nudges.nudge_now(running_app.runtime.services, poster)
    assert report.sent == [f"C0PROJECT {this_week()}"]
    nudge = [c for c in slack.posts_to("C0PROJECT") if "Plan check" in c.body["text"]][0]
    shown = texts(nudge.body["blocks"])
    assert "thread_ts" not in nudge.body and "9 activities are overdue" in shown and "<@U0PM>" in shown
    labels = [b["text"]["text"] for b in buttons(nudge.body["blocks"])]
    assert labels[:2] == ["Done", "Snooze 1 week"] and len(labels) == 18
    snooze = buttons(nudge.body["blocks"])[1]
    running_app.client.click(
        snooze["action_id"],
        snooze["value"],
        message={"ts": "1700000200.000100"},
        response_url=slack.response_url("snooze"),
    )
    slack.wait_until(lambda calls: any("snoozed" in c.body.get("text", "") for c in calls))
    with running_app.runtime.sessions() as session:
        snoozed = session.scalars(select(PlanItem).where(PlanItem.snoozed_until.is_not(None))).all()
    assert [i.activity_id for i in snoozed] == [snooze["value"].split("|")[1]]


def test_a_nudge_slack_refuses_is_retried_on_the_next_sweep(running_app):
    slack = running_app.slack
    start_plan(running_app)
    poster = ScheduledPoster(running_app.clients, sleep=lambda seconds: None)
    slack.fail("chat.postMessage", 500, times=3)  # the first try and slack_sdk's two retries
    _, failed = nudges.nudge_now(running_app.runtime.services, poster)
    assert failed.failed == [f"C0PROJECT {this_week()}"]
    with running_app.runtime.sessions() as session:
        assert session.scalars(select(NudgeClaim)).all() == []
    services = running_app.runtime.services
    next_monday = today() + timedelta(days=7 - today().weekday())
    services.clock = lambda: datetime.combine(next_monday, time(9, 1), PARIS)  # next week's nudge time has come
    report = nudges.sweep(services, poster)
    assert report.sent == [f"C0PROJECT {week_key(next_monday)}"]
    attempts = [c for c in slack.posts_to("C0PROJECT") if "Plan check" in c.body.get("text", "")]
    assert len(attempts) == 4  # three refused (first try and two retries), then the sweep's one


def test_a_nudge_rate_limited_once_goes_out_once_and_is_the_weeks_nudge(running_app):
    slack, services = running_app.slack, running_app.runtime.services
    start_plan(running_app)
    poster = ScheduledPoster(running_app.clients, sleep=lambda seconds: None)
    slack.fail("chat.postMessage", 429, {"Retry-After": "1"})
    _, report = nudges.nudge_now(services, poster)
    assert report.sent == [f"C0PROJECT {this_week()}"]
    _, again = nudges.nudge_now(services, poster)  # a second --now the same week
    owe_this_weeks_nudge(running_app)
    later = nudges.sweep(services, poster)  # the clock, once this week's nudge time has come
    assert again.sent == again.failed == later.sent == later.failed == []
    assert [c.response.get("ok") for c in nudges_to(slack, "C0PROJECT")] == [None, True]  # 429, then posted once
    with services.sessions() as session:
        [claim] = session.scalars(select(NudgeClaim)).all()
    assert claim.week == this_week() and claim.sent_at is not None


def test_a_plan_done_reply_slack_fails_once_is_retried_and_done_once(running_app):
    slack = running_app.slack
    start_plan(running_app)
    slack.fail("response:done", 500)
    running_app.client.command("plan done activity-project-initiation-a", slack.response_url("done"))
    slack.wait_until(lambda _: slack.answered("response:done"))
    running_app.settle()
    refused, reply = slack.calls_to("response:done")
    assert not refused.response and reply.response["ok"] and reply.body == refused.body
    assert "marked *activity-project-initiation-a* done" in reply.body["text"]
    assert changes_of(running_app, "activity-project-initiation-a") == ["done (Project initiation)"]


def test_a_done_button_whose_post_slack_fails_once_is_retried_and_done_once(running_app):
    slack = running_app.slack
    start_plan(running_app)
    overview = command(running_app, "plan", "overview")
    done = [b for b in buttons(overview.body["blocks"]) if b["action_id"].startswith("plan:done")][0]
    activity = done["value"].split("|")[1]
    slack.fail("chat.postMessage", 500)
    running_app.client.click(
        done["action_id"], done["value"], message={"ts": "1700000100.000100"}, response_url=slack.response_url("done")
    )
    slack.wait_until(lambda _: [c for c in slack.answered("chat.postMessage") if "marked" in c.body["text"]])
    running_app.settle()
    refused, confirm = [c for c in slack.posts_to("C0PROJECT") if "marked" in c.body["text"]]
    assert not refused.response and confirm.response["ok"] and confirm.body == refused.body
    [change] = changes_of(running_app, activity)
    assert change.startswith("done (")


def test_two_nudge_now_processes_at_once_send_each_plan_once(running_app, database_url):
    start_plan(running_app)
    command(running_app, f"plan start {START}", "other")  # the same channel: asks, changes nothing
    running_app.client.command(f"plan start {START}", running_app.slack.response_url("second"), channel_id="C0SECOND")
    running_app.slack.wait_until(lambda calls: len(running_app.slack.posts_to("C0SECOND")) == 1)
    env = {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": database_url,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": running_app.slack.api_url,
    }
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "nudge", "--now"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    nudged = [
        c.body["channel"]
        for c in running_app.slack.calls_to("chat.postMessage")
        if c.body.get("text", "").startswith("Plan check")
    ]
    assert sorted(nudged) == ["C0PROJECT", "C0SECOND"]
    sent = [line for out, _ in outputs for line in out.splitlines() if line.startswith("sent:")]
    assert sorted(sent) == [f"sent: C0PROJECT {this_week()}", f"sent: C0SECOND {this_week()}"]


def test_peoples_words_never_ping_the_channel(running_app):
    start_plan(running_app)
    command(running_app, "plan skip activity-project-initiation-c <!channel> wake up <!here|here> <!everyone>", "skip")
    running_app.settle()
    posted = " ".join(
        str(c.body)
        for c in running_app.slack.calls
        if c.method in ("chat.postMessage", "chat.update") or c.method.startswith("response:")
    )
    assert "wake up" in posted and "<!" not in posted


def test_plan_export_reaches_the_requester_as_a_csv(running_app):
    start_plan(running_app)
    command(running_app, "plan done activity-project-initiation-a https://wiki.acme/minutes", "done")
    note = command(running_app, "plan export", "export")
    assert "direct message" in note.body["text"]
    running_app.slack.wait_until(lambda calls: running_app.slack.uploads())
    [(upload, _)] = running_app.slack.uploads()
    [opened] = running_app.slack.calls_to("conversations.open")
    assert opened.body["users"] == "U0ALICE"
    rows = upload.raw.decode().splitlines()
    assert rows[0].startswith("activity_id,title,group,phase,clauses,owner,due,status,done_by,done_at,evidence")
    assert len(rows) == 1 + 508
    assert any(r.startswith("activity-project-initiation-a,") and "https://wiki.acme/minutes" in r for r in rows)
