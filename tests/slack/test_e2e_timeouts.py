"""A Slack that takes the request and does not answer in time: the call is retried, then given up.

The fake holds a call past the client's timeout; the client hangs up, and the fake drops the call as if
Slack never acted on it (`Call.abandoned`). What people see is what the fake answered.
"""

from __future__ import annotations

import logging
import time

from sqlalchemy import select

from bot.chat import nudges
from bot.slack.scheduled import ScheduledPoster
from bot.storage.models import NudgeClaim
from tests.slack.test_e2e_http import MENTION_TS, mention
from tests.slack.test_e2e_plan import nudges_to, owe_this_weeks_nudge, start_plan, this_week

HELD = 5  # seconds the fake holds a call: ten times what the impatient app waits


def wait_for_log(caplog, text: str, timeout: float = 15) -> logging.LogRecord:
    """The first log record containing `text`; fails the test if none comes in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [r for r in caplog.records if text in r.getMessage()]
        if found:
            return found[0]
        time.sleep(0.05)  # polling the records: a listener thread writes the one we wait for
    raise AssertionError(f"no log record with {text!r}; got {[r.getMessage() for r in caplog.records]}")


def test_an_answer_whose_first_post_times_out_is_posted_once_by_the_retry(impatient_app):
    slack = impatient_app.slack
    slack.delay("chat.postMessage", HELD)
    impatient_app.client.event(mention("what clause covers communication?"))
    slack.wait_until(lambda _: slack.answered("chat.postMessage"))
    impatient_app.settle()
    first, retry = slack.posts_to("C0PROJECT")  # received twice ...
    assert first.abandoned and not first.response
    assert retry.response["ok"] and retry.body == first.body and retry.body["thread_ts"] == MENTION_TS
    seen = [c for c in slack.answered("chat.postMessage") if c.body["channel"] == "C0PROJECT"]
    assert seen == [retry]  # ... seen once


def test_an_answer_whose_posts_all_time_out_is_logged_with_its_event_and_nothing_crashes(impatient_app, caplog):
    slack = impatient_app.slack
    slack.delay("chat.postMessage", HELD, times=3)  # the first try and the two retries
    impatient_app.client.event(mention("what clause covers communication?"), event_id="Ev0SILENT")
    record = wait_for_log(caplog, "Ev0SILENT")
    assert record.levelno == logging.ERROR and "could not be sent" in record.getMessage()
    slack.wait_until(lambda _: len([p for p in slack.posts_to("C0PROJECT") if p.abandoned]) == 3)
    assert slack.answered("chat.postMessage") == []
    assert impatient_app.client.get("/healthz").status == 200
    impatient_app.client.event(mention("CMDB", ts="1700000000.000200"))  # the next question is answered
    slack.wait_until(lambda _: any(c.body["channel"] == "C0PROJECT" for c in slack.answered("chat.postMessage")))
    assert len(slack.posts_to("C0PROJECT")) == 4


def test_a_nudge_whose_post_times_out_is_not_recorded_and_goes_out_on_the_next_sweep(impatient_app):
    slack, services = impatient_app.slack, impatient_app.runtime.services
    start_plan(impatient_app)
    poster = ScheduledPoster(impatient_app.clients, sleep=lambda seconds: None)
    slack.delay("chat.postMessage", HELD, times=3)
    _, report = nudges.nudge_now(services, poster)
    assert report.failed == [f"C0PROJECT {this_week()}"] and report.sent == []
    with services.sessions() as session:
        assert session.scalars(select(NudgeClaim)).all() == []  # not recorded as sent
    owe_this_weeks_nudge(impatient_app)
    report = nudges.sweep(services, poster)  # the clock's next sweep
    assert report.sent == [f"C0PROJECT {this_week()}"]
    tries = nudges_to(slack, "C0PROJECT")
    assert [c.abandoned for c in tries] == [True, True, True, False] and tries[-1].response["ok"]
    with services.sessions() as session:
        [claim] = session.scalars(select(NudgeClaim)).all()
    assert claim.week == this_week() and claim.sent_at is not None
