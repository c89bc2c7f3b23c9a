"""The weekly nudge over several weeks of a clock the test moves: once a week, catch-up, failures, --now."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from sqlalchemy import select

from bot.chat import nudges
from bot.chat.services import Services
from bot.storage.models import NudgeClaim, Plan
from tests.chat.conftest import channel


class Poster:
    """Records what would go to Slack; fails while `failing` is set."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, str, str]] = []
        self.failing = False
        self.lock = threading.Lock()

    def __call__(self, team_id, channel_id, outcome) -> bool:
        if self.failing:
            return False
        with self.lock:
            self.posts += [(team_id, channel_id, str(e.text) + str(getattr(e, "blocks", ""))) for e in outcome]
        return True

    def to(self, channel_id: str) -> list[str]:
        return [text for _, where, text in self.posts if where == channel_id]


def start_plan(router, clock, start="2026-09-01", where="C0PROJECT"):
    router.handle_text(f"plan start {start}", channel(channel_id=where))


def run_sweeps(services, poster, clock, *, hours: int, step_minutes: int = 30):
    for _ in range(hours * 60 // step_minutes):
        nudges.sweep(services, poster)
        clock.advance(minutes=step_minutes)


def test_one_nudge_per_week_at_the_plans_time(team_router, team_services, clock):
    clock.now = datetime(2026, 11, 20, 12, tzinfo=UTC)  # a Friday: the plan starts before its first Monday
    start_plan(team_router, clock)
    poster = Poster()
    run_sweeps(team_services, poster, clock, hours=24 * 17)  # until Monday 7 Dec, 12:00 UTC: three Mondays
    sent = poster.to("C0PROJECT")
    assert [week in text for week, text in zip(("2026-W48", "2026-W49", "2026-W50"), sent, strict=True)] == [True] * 3
    # Monday 09:00 in Paris is 08:00 UTC: nothing goes out before
    clock.now = datetime(2026, 12, 14, 7, 59, tzinfo=UTC)
    nudges.sweep(team_services, poster)
    assert len(poster.to("C0PROJECT")) == 3
    clock.now = datetime(2026, 12, 14, 8, 0, tzinfo=UTC)
    nudges.sweep(team_services, poster)
    nudges.sweep(team_services, poster)
    assert len(poster.to("C0PROJECT")) == 4


def test_weeks_missed_while_down_are_sent_once(team_router, team_services, clock):
    clock.now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    start_plan(team_router, clock)
    poster = Poster()
    clock.now = datetime(2026, 12, 16, 10, tzinfo=UTC)  # down for three Mondays
    for _ in range(5):
        nudges.sweep(team_services, poster)
    [text] = poster.to("C0PROJECT")
    assert "2026-W51" in text


def test_the_nudge_lists_overdue_with_owners_and_escalates_to_top_management(team_router, team_services, clock):
    start_plan(team_router, clock)  # initiation ended 28 Sep: 8 weeks late on 23 Nov
    team_router.handle_text("plan assign top management <@U0DANA>", channel())
    team_router.handle_text("plan assign project manager <@U0PM>", channel())
    team_router.handle_text("plan done activity-project-initiation-a", channel())
    team_router.handle_text("plan skip activity-project-initiation-c not ours", channel())
    team_router.handle_text("plan snooze activity-project-initiation-d 2w", channel())
    poster = Poster()
    nudges.sweep(team_services, poster)
    [text] = poster.to("C0PROJECT")
    assert "activity-project-initiation-b" in text and "<@U0PM>" in text
    for gone in ("activity-project-initiation-a", "activity-project-initiation-c", "activity-project-initiation-d"):
        assert gone not in text
    assert "four weeks or more: <@U0DANA>" in text and "plan:done" in text and "plan:snooze" in text


def test_more_than_ten_overdue_gives_a_summary_and_a_see_all_button(team_router, team_services, clock):
    clock.now = datetime(2027, 2, 1, 7, tzinfo=UTC)  # phase 1 (ended 21 Dec) is overdue too
    start_plan(team_router, clock)
    poster = Poster()
    clock.advance(hours=2)
    nudges.sweep(team_services, poster)
    [text] = poster.to("C0PROJECT")
    assert "more overdue" in text and "plan:all" in text and text.count("plan:done") == 10


def test_on_track_weeks_get_a_short_note_or_nothing(team_router, team_services, clock):
    start_plan(team_router, clock, start="2026-11-23")
    poster = Poster()
    clock.now = datetime(2026, 11, 30, 8, 30, tzinfo=UTC)
    nudges.sweep(team_services, poster)
    [text] = poster.to("C0PROJECT")
    assert "On track" in text and "Next due" in text
    team_router.handle_text("remind on-track off", channel())
    clock.advance(days=7)
    nudges.sweep(team_services, poster)
    assert len(poster.to("C0PROJECT")) == 1


def test_a_failed_post_is_not_recorded_and_goes_out_on_the_next_sweep(
    team_router, team_services, clock, session_factory
):
    start_plan(team_router, clock)
    poster = Poster()
    poster.failing = True
    report = nudges.sweep(team_services, poster)
    assert report.failed and poster.posts == []
    with session_factory() as session:
        assert session.scalars(select(NudgeClaim)).all() == []
    poster.failing = False
    clock.advance(minutes=1)
    nudges.sweep(team_services, poster)
    nudges.sweep(team_services, poster)
    assert len(poster.to("C0PROJECT")) == 1
    with session_factory() as session:
        claim = session.scalars(select(NudgeClaim)).one()
    assert claim.sent_at is not None and claim.week == "2026-W48"


def test_subscribers_get_their_own_list_by_dm(team_router, team_services, clock):
    start_plan(team_router, clock)
    team_router.handle_text("plan assign project manager <@U0PM>", channel())
    team_router.handle_text("remind me", channel(user="U0PM"))
    team_router.handle_text("remind me", channel(user="U0IDLE"))
    poster = Poster()
    nudges.sweep(team_services, poster)
    [mine] = poster.to("U0PM")
    assert "activity-project-initiation-b" in mine and "activity-project-initiation-a" not in mine
    assert poster.to("U0IDLE") == []


def test_nudge_now_counts_as_the_weeks_nudge(team_router, team_services, clock):
    clock.now = datetime(2026, 11, 24, 12, tzinfo=UTC)  # Tuesday: this week's Monday nudge already went out?
    start_plan(team_router, clock, where="C0A")
    start_plan(team_router, clock, where="C0B")
    poster = Poster()
    messages, report = nudges.nudge_now(team_services, poster, channel_id="C0A")
    assert [m.channel_id for m in messages] == ["C0A"] and report.sent == ["C0A 2026-W48"]
    _, again = nudges.nudge_now(team_services, poster, channel_id="C0A")
    assert again.sent == [] and len(poster.to("C0A")) == 1
    _, forced = nudges.nudge_now(team_services, poster, channel_id="C0A", force=True)
    assert forced.sent == ["C0A 2026-W48"] and len(poster.to("C0A")) == 2
    preview, _ = nudges.nudge_now(team_services, None, dry_run=True)
    assert {m.channel_id for m in preview} == {"C0A", "C0B"} and "overdue" in preview[0].text()
    clock.advance(days=6)
    nudges.sweep(team_services, poster)  # next Monday: a new week for both
    assert len(poster.to("C0A")) == 3 and len(poster.to("C0B")) == 1


def test_concurrent_sweeps_send_each_plan_once(team_router, index, session_factory, clock, people):
    for n in range(6):
        start_plan(team_router, clock, where=f"C0P{n}")
    poster = Poster()
    barrier = threading.Barrier(4)

    def worker():
        services = Services(index=index, sessions=session_factory, clock=clock, people=people)
        barrier.wait()
        nudges.sweep(services, poster)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    channels = sorted(where for _, where, _ in poster.posts)
    assert channels == [f"C0P{n}" for n in range(6)]
    with session_factory() as session:
        assert len(session.scalars(select(Plan)).all()) == 6


def test_a_nudge_claimed_by_a_process_that_died_goes_out_once_later(team_router, team_services, clock, session_factory):
    start_plan(team_router, clock)
    start_plan(team_router, clock, where="C0QUIET", start="2026-11-23")
    team_router.handle_text("remind on-track off", channel(channel_id="C0QUIET"))
    due = nudges.due_plans(team_services, now=clock.now)
    assert len(nudges.claim(team_services, due, now=clock.now)) == 2  # C0QUIET is on track: a quiet week
    # ... and the process dies here, before posting: the claim stays, never marked sent
    poster = Poster()
    clock.advance(minutes=5)
    nudges.sweep(team_services, poster)
    assert poster.posts == []  # maybe the other process is still posting: wait
    clock.advance(minutes=6)
    nudges.sweep(team_services, poster)
    nudges.sweep(team_services, poster)
    assert len(poster.to("C0PROJECT")) == 1
    clock.advance(days=7, minutes=30)
    for _ in range(3):
        nudges.sweep(team_services, poster)
        clock.advance(minutes=15)
    assert len(poster.to("C0PROJECT")) == 2 and poster.to("C0QUIET") == []
    with session_factory() as session:
        claims = session.scalars(select(NudgeClaim)).all()
    assert all(c.sent_at is not None for c in claims) and len(claims) == 4
