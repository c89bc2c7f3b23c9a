"""The assessment end to end: signed requests into the real app, assertions on what the fake Slack Web API received."""

from __future__ import annotations

import io
import threading

from PIL import Image

from tests.slack.conftest import RunningApp, serving
from tests.slack.fake_slack import Call, FakeSlack
from tests.slack.test_e2e_http import buttons, texts

LABELS = ["Level I", "Level II", "Level III", "Not yet", "Skip"]
MENTION_TS = "1700000500.000100"


def serve(database_url: str, slack: FakeSlack, index):
    """One `iso20k serve` over HTTP on the database; leaving the block stops it."""
    return serving(database_url, slack, index)


def elements(slack: FakeSlack, thread: str) -> list[Call]:
    """The element messages posted in a thread, in order."""
    return [
        c
        for c in slack.posts_to("C0PROJECT")
        if c.body.get("thread_ts") == thread
        and [b["text"]["text"] for b in buttons(c.body.get("blocks") or [])][:5] == LABELS
    ]


def wait_elements(slack: FakeSlack, thread: str, count: int) -> list[Call]:
    slack.wait_until(lambda _: len(elements(slack, thread)) >= count)
    return elements(slack, thread)


def summaries(slack: FakeSlack, thread: str) -> list[Call]:
    return [
        c
        for c in slack.posts_to("C0PROJECT")
        if c.body.get("thread_ts") == thread and "Overall:" in c.body.get("text", "")
    ]


def click(app: RunningApp, message: Call, label: str, *, user: str = "U0ALICE", name: str = "click", **kw) -> None:
    [button] = [b for b in buttons(message.body["blocks"]) if b["text"]["text"] == label]
    posted = {"ts": message.response["ts"], "thread_ts": message.body["thread_ts"]}
    result = app.client.click(
        button["action_id"], button["value"], message=posted, user=user, response_url=app.slack.response_url(name), **kw
    )
    assert result.status == 200


def mention(app: RunningApp, text: str, **extra) -> None:
    app.client.event(
        {
            "type": "app_mention",
            "user": "U0ALICE",
            "text": f"<@UBOT> {text}",
            "ts": MENTION_TS,
            "channel": "C0PROJECT",
            **extra,
        }
    )


def test_a_default_assessment_answered_by_clicks_survives_a_restart(engine, database_url, fake_slack, index):
    slack = fake_slack
    with serve(database_url, slack, index) as app:
        app.client.command("assess", slack.response_url("start"))
        header = slack.wait_for("chat.postMessage")[0]  # the first element may follow at once
        assert "thread_ts" not in header.body and "6 elements" in header.body["text"]
        thread = header.response["ts"]
        for n, label in enumerate(["Level II", "Level III", "Level I"]):
            click(app, wait_elements(slack, thread, n + 1)[n], label)
        wait_elements(slack, thread, 4)
    with serve(database_url, slack, index) as app:  # a restart: nothing but the database carries over
        for n, label in zip(range(3, 6), ["Level II", "Not yet", "Skip"], strict=True):
            click(app, wait_elements(slack, thread, n + 1)[n], label)
        slack.wait_until(lambda _: summaries(slack, thread))
        [(upload, complete)] = slack.wait_until(lambda _: slack.uploads()) and slack.uploads()
        app.settle()
    asked = elements(slack, thread)
    assert [texts(c.body["blocks"]).split("\n")[0] for c in asked] == [
        "*1/6 · Management support*",
        "*2/6 · Process*",
        "*3/6 · Risk*",
        "*4/6 · Communication*",
        "*5/6 · Performance indicator*",
        "*6/6 · Review and internal audit*",
    ]
    updates = slack.calls_to("chat.update")
    assert len(updates) == 6 and "<@U0ALICE> Level III" in texts(updates[1].body["blocks"])
    assert updates[1].body["ts"] == asked[1].response["ts"]
    [summary] = summaries(slack, thread)
    text = summary.body["text"]
    assert "Overall: Not yet (below Level I), the lowest element level." in text
    assert "Process: Level III" in text and "Review and internal audit: not assessed (everyone skipped)" in text
    assert "Work on next:\n  Performance indicator: clauses 9.1" in text
    assert slack.calls.index(summary) < slack.calls.index(upload)  # the summary first: an upload may fail
    assert complete.body["channel_id"] == "C0PROJECT" and complete.body["thread_ts"] == thread
    image = Image.open(io.BytesIO(upload.raw))
    assert image.format == "PNG" and image.size[0] >= 800


def test_two_respondents_who_disagree_see_their_spread(running_app):
    slack = running_app.slack
    mention(running_app, "assess risk, communication")
    first = wait_elements(slack, MENTION_TS, 1)[0]
    click(running_app, first, "Level III", user="U0BOB", name="bob")
    slack.wait_for("chat.update")
    click(running_app, first, "Level I", name="alice")
    second = wait_elements(slack, MENTION_TS, 2)[1]
    click(running_app, second, "Level II", name="alice2")
    [summary] = slack.wait_until(lambda _: summaries(slack, MENTION_TS)) and summaries(slack, MENTION_TS)
    assert "respondents differ: <@U0BOB> Level III, <@U0ALICE> Level I" in summary.body["text"]
    assert "2 respondents" in summary.body["text"]


def test_a_double_click_posts_the_next_element_once(running_app):
    slack = running_app.slack
    mention(running_app, "assess risk, communication, process")
    first = wait_elements(slack, MENTION_TS, 1)[0]
    clicks = [
        threading.Thread(target=click, args=(running_app, first, "Level II"), kwargs={"name": f"d{n}"})
        for n in range(2)
    ]
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join()
    wait_elements(slack, MENTION_TS, 2)
    running_app.settle()
    assert len(elements(slack, MENTION_TS)) == 2
    assert "Asked again" not in str([c.body["text"] for c in slack.posts_to("C0PROJECT")])


def test_stale_and_foreign_clicks_change_nothing(running_app):
    slack = running_app.slack
    mention(running_app, "assess risk, communication")
    first = wait_elements(slack, MENTION_TS, 1)[0]
    click(running_app, first, "Level I", user="U0EVE", name="evil", team="T0EVIL")
    [refused] = slack.wait_for("response:evil")
    assert refused.body["response_type"] == "ephemeral" and "no longer works" in refused.body["text"]
    click(running_app, first, "Level II")
    second = wait_elements(slack, MENTION_TS, 2)[1]
    click(running_app, first, "Level III", user="U0BOB", name="old")  # an earlier element: recorded, no move
    slack.wait_until(lambda calls: len([c for c in calls if c.method == "chat.update"]) == 2)
    click(running_app, second, "Level II")
    slack.wait_until(lambda _: summaries(slack, MENTION_TS))
    click(running_app, first, "Level I", user="U0BOB", name="late")  # after the end
    [late] = slack.wait_for("response:late")
    assert "ended" in late.body["text"]
    running_app.settle()
    assert len(elements(slack, MENTION_TS)) == 2 and len(summaries(slack, MENTION_TS)) == 1
    assert len(slack.calls_to("chat.update")) == 3
    [summary] = summaries(slack, MENTION_TS)
    assert "Risk: Level II" in summary.body["text"] and "U0EVE" not in summary.body["text"]


def test_stop_in_the_thread_summarizes_what_was_answered(running_app):
    slack = running_app.slack
    mention(running_app, "assess risk, communication, process")
    first = wait_elements(slack, MENTION_TS, 1)[0]
    click(running_app, first, "Level II")
    wait_elements(slack, MENTION_TS, 2)
    mention(running_app, "stop", thread_ts=MENTION_TS, ts="1700000600.000100")
    [summary] = slack.wait_until(lambda _: summaries(slack, MENTION_TS)) and summaries(slack, MENTION_TS)
    assert "Risk: Level II" in summary.body["text"] and "Communication: not assessed" in summary.body["text"]
    assert "Process" not in summary.body["text"] and "stopped" in texts(summary.body["blocks"])
    [(upload, complete)] = slack.wait_until(lambda _: slack.uploads()) and slack.uploads()
    assert complete.body["thread_ts"] == MENTION_TS and upload.raw.startswith(b"\x89PNG")


def test_history_and_a_private_csv_export(running_app):
    slack = running_app.slack
    mention(running_app, "assess risk for incident management")
    click(running_app, wait_elements(slack, MENTION_TS, 1)[0], "Level III")
    slack.wait_until(lambda _: summaries(slack, MENTION_TS) and slack.uploads())  # the summary, then its chart
    running_app.client.command("assess history", slack.response_url("history"))
    [listed] = slack.wait_for("response:history")
    assert listed.body["response_type"] == "ephemeral"
    assert "incident management · 1 respondent (<@U0ALICE>) · overall *Level III*" in texts(listed.body["blocks"])
    posts_before = len(slack.posts_to("C0PROJECT"))
    running_app.client.command("assess export", slack.response_url("export"))
    slack.wait_until(lambda _: len(slack.uploads()) == 2)
    [opened] = slack.calls_to("conversations.open")
    assert opened.body["users"] == "U0ALICE"
    [(upload, complete)] = [u for u in slack.uploads() if u[1].body.get("channel_id") == "D0ALICE"]
    lines = upload.raw.decode().splitlines()
    assert lines[0].startswith("assessment_id,channel,scope") and ",maturity-risk,Risk,U0ALICE,Level III," in lines[1]
    running_app.settle()
    assert len(slack.posts_to("C0PROJECT")) == posts_before


def test_slack_hiccups_during_an_assessment_are_retried_and_lose_nothing(running_app):
    slack = running_app.slack
    mention(running_app, "assess risk, communication")
    [first] = wait_elements(slack, MENTION_TS, 1)
    slack.fail("chat.postMessage", 429, {"Retry-After": "1"})  # the next element: rate limited once
    slack.fail("chat.update", 500)  # the answered element's update: a server error once
    click(running_app, first, "Level II")
    slack.wait_until(lambda _: len([c for c in elements(slack, MENTION_TS) if c.response.get("ok")]) == 2, timeout=20)
    slack.wait_until(lambda calls: any(c.method == "chat.update" and c.response.get("ok") for c in calls))
    slack.fail("files.getUploadURLExternal", 500, times=3)  # the chart cannot be uploaded at all
    second = [c for c in elements(slack, MENTION_TS) if c.response.get("ok")][1]
    click(running_app, second, "Level I")
    slack.wait_until(lambda _: summaries(slack, MENTION_TS), timeout=20)
    running_app.settle()
    posted = [c for c in elements(slack, MENTION_TS) if c.response.get("ok")]
    assert len(posted) == 2 and len(summaries(slack, MENTION_TS)) == 1  # nothing doubled, the summary not lost
    assert slack.uploads() == []
