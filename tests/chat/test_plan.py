"""The plan's commands and buttons, through the router, with a clock the test controls."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from bot.chat.outcome import Ephemeral, Post, Upload
from bot.storage import plans as store
from bot.storage.models import Plan, PlanChange, PlanItem, PlanRole
from tests.chat.conftest import channel, slash


def text_of(outcome) -> str:
    return "\n".join(e.text + str(getattr(e, "blocks", "")) for e in outcome.effects)


def items(session_factory, activity_id: str) -> list[PlanItem]:
    with session_factory() as session:
        return list(
            session.scalars(select(PlanItem).where(PlanItem.activity_id == activity_id).order_by(PlanItem.phase))
        )


def snapshot(session_factory) -> tuple:
    """Everything a plan command could change, to prove a refused command changed nothing."""
    with session_factory() as session:
        rows = session.execute(
            select(
                PlanItem.activity_id,
                PlanItem.phase,
                PlanItem.due,
                PlanItem.status,
                PlanItem.owner,
                PlanItem.snoozed_until,
            ).order_by(PlanItem.id)
        ).all()
        plans = session.execute(select(Plan.start_date, Plan.phase1_weeks, Plan.remind_time, Plan.time_zone)).all()
        roles = session.execute(select(PlanRole.role, PlanRole.user_id)).all()
    return rows, plans, roles


@pytest.fixture
def started(team_router, session_factory):
    team_router.handle_text("plan start 2026-09-01", channel())
    return team_router


def test_start_lays_out_phases_and_due_dates_in_the_creators_time_zone(team_router, session_factory):
    [post] = team_router.handle_text("plan start 2026-09-01 --weeks 10,12,14 --initiation 2", channel()).effects
    assert isinstance(post, Post) and "*Phase 1*: Tue 15 Sep 2026" in post.text
    with session_factory() as session:
        plan = session.scalars(select(Plan)).one()
        initiation = session.scalars(select(PlanItem).where(PlanItem.phase == 0)).all()
        phases = dict(session.execute(select(PlanItem.phase, func.max(PlanItem.due)).group_by(PlanItem.phase)).all())
    assert plan.time_zone == "Europe/Paris" and plan.created_by == "U0ALICE"
    assert len(initiation) == 9 and {i.due for i in initiation} == {date(2026, 9, 14)}
    assert phases == {0: date(2026, 9, 14), 1: date(2026, 11, 23), 2: date(2027, 2, 15), 3: date(2027, 5, 24)}
    incident_b = items(session_factory, "activity-incident-management-b")
    assert [(i.phase, i.due) for i in incident_b] == [(2, date(2027, 2, 15)), (3, date(2027, 5, 24))]


def test_rescheduling_asks_first_and_keeps_progress(started, session_factory):
    started.handle_text("plan done activity-project-initiation-a minutes.pdf", channel())
    [question] = started.handle_text("plan start 2026-10-05", channel()).effects
    assert isinstance(question, Ephemeral) and "plan:replace" in str(question.blocks)
    assert "1 activities already done" in str(question.blocks)
    assert items(session_factory, "activity-project-initiation-a")[0].due == date(2026, 9, 28)  # nothing moved yet
    started.handle_action("plan:replace", "2026-10-05", channel())
    [item] = items(session_factory, "activity-project-initiation-a")
    assert (item.due, item.status, item.evidence) == (date(2026, 11, 1), "done", "minutes.pdf")


def test_only_the_creator_or_an_admin_may_reschedule(started, session_factory):
    before = snapshot(session_factory)
    [refused] = started.handle_action("plan:replace", "2027-01-04", channel(user="U0MALLORY")).effects
    assert isinstance(refused, Ephemeral) and "Only the plan's creator" in refused.text
    assert snapshot(session_factory) == before
    started.handle_action("plan:replace", "2027-01-04", channel(user="U0ADMIN"))
    with session_factory() as session:
        assert session.scalars(select(Plan.start_date)).one() == date(2027, 1, 4)


def test_done_with_evidence_then_a_second_done_changes_nothing(started, session_factory, clock):
    [post] = started.handle_text("plan done activity-incident-management-b https://wiki/tickets", channel()).effects
    assert isinstance(post, Post) and "marked *activity-incident-management-b* done for Phase 2" in post.text
    phase2, phase3 = items(session_factory, "activity-incident-management-b")
    assert (phase2.status, phase2.done_by, phase2.evidence, phase2.done_at) == (
        "done",
        "U0ALICE",
        "https://wiki/tickets",
        clock.now,
    )
    assert phase3.status == "open"
    started.handle_text("plan done activity-incident-management-b", channel())
    [again] = started.handle_text("plan done activity-incident-management-b", channel()).effects
    assert isinstance(again, Ephemeral) and "nothing open" in again.text
    with session_factory() as session:
        actions = session.scalars(
            select(PlanChange.action).where(PlanChange.activity_id == "activity-incident-management-b")
        ).all()
    assert actions == ["done (Phase 2)", "done (Phase 3)"]


def test_undo_snooze_and_skip(started, session_factory):
    started.handle_text("plan done project-initiation-b", channel())
    started.handle_text("plan undo activity-project-initiation-b", channel())
    assert items(session_factory, "activity-project-initiation-b")[0].status == "open"
    started.handle_text("plan snooze activity-project-initiation-c 2w", channel())
    assert items(session_factory, "activity-project-initiation-c")[0].snoozed_until == date(2026, 12, 7)
    started.handle_text("plan snooze activity-project-initiation-d 2027-01-15", channel())
    assert items(session_factory, "activity-project-initiation-d")[0].snoozed_until == date(2027, 1, 15)
    started.handle_text("plan skip activity-incident-management-b no service desk in scope", channel())
    assert {i.status for i in items(session_factory, "activity-incident-management-b")} == {"skipped"}
    overdue_part = text_of(started.handle_text("plan", channel())).split("Next due")[0]
    assert "activity-project-initiation-c" not in overdue_part and "activity-project-initiation-e" in overdue_part


def test_assign_a_role_fuzzily_and_one_activity(started, session_factory):
    [post] = started.handle_text("plan assign Top Mgmt <@U0DANA>", channel()).effects
    assert "<@U0DANA> is now *top management*" in post.text
    started.handle_text("plan assign process owner <@U0PAT>", channel())
    started.handle_text("plan assign incident-management-a <@U0INC|ingrid>", channel())
    with session_factory() as session:
        assert dict(session.execute(select(PlanRole.role, PlanRole.user_id)).all()) == {
            "top management": "U0DANA",
            "process owners": "U0PAT",
        }
    assert {i.owner for i in items(session_factory, "activity-incident-management-a")} == {"U0INC"}
    mine = text_of(started.handle_text("plan mine", channel(user="U0DANA")))
    assert "activity-project-initiation-a" in mine and "activity-project-initiation-b" not in mine


@pytest.mark.parametrize(
    "command, says",
    [
        ("plan start 2026-02-30", "is not a date"),
        ("plan start 2026-09-01 --weeks 0,12,12", "weeks"),
        ("plan start 2026-09-01 --weeks 500,12,12", "weeks"),
        ("plan done activity-no-such-thing", "is not an activity"),
        ("plan assign chief wizard <@U0X>", "is not a role"),
        ("plan assign top management dana", "mention a person"),
        ("plan snooze activity-project-initiation-a tomorrowish", ""),
        ("plan phase 7", "phase"),
        ("remind someday 09:00", ""),
        ("remind mon 25:00", ""),
        ("remind mon 09:00 Mars/Olympus", ""),
    ],
)
def test_bad_input_gets_a_clear_private_reply_and_changes_nothing(started, session_factory, command, says):
    before = snapshot(session_factory)
    [reply] = started.handle_text(command, channel()).effects
    assert isinstance(reply, Ephemeral) and says in reply.text and len(reply.text) < 700
    assert snapshot(session_factory) == before


def test_commands_without_a_plan_say_how_to_start(team_router):
    for command in ("plan", "plan done activity-project-initiation-a", "remind", "nudge"):
        assert "plan start YYYY-MM-DD" in text_of(team_router.handle_text(command, channel()))


def test_a_question_that_starts_with_plan_is_answered(started):
    [answer] = started.handle_text("plan contents for the implementation", channel()).effects
    assert "guidance-5.4" in answer.text or "6.3" in answer.text


def test_one_activity_shows_due_dates_status_and_history(started):
    started.handle_text("plan done activity-incident-management-b see <https://x|ticket stats>", channel())
    shown = text_of(started.handle_text("plan activity-incident-management-b", channel()))
    assert "Phase 2" in shown and "Phase 3" in shown and "done" in shown and "History" in shown
    assert "plan:done" in shown  # phase 3 is still open: its Done button is there


def test_buttons_mark_done_and_snooze_and_ignore_other_plans(started, session_factory):
    with session_factory() as session:
        plan_id = session.scalars(select(Plan.id)).one()
    value = f"{plan_id}|activity-project-initiation-e|0"
    [post] = started.handle_action("plan:done:3", value, channel(user="U0BOB")).effects
    assert isinstance(post, Post) and "<@U0BOB> marked" in post.text
    [again] = started.handle_action("plan:done:3", value, channel(user="U0BOB")).effects
    assert isinstance(again, Ephemeral)
    started.handle_action("plan:snooze:1", f"{plan_id}|activity-project-initiation-f|0", channel())
    assert items(session_factory, "activity-project-initiation-f")[0].snoozed_until == date(2026, 11, 30)
    [other] = started.handle_action("plan:done:0", f"{plan_id + 99}|activity-project-initiation-g|0", channel()).effects
    [junk] = started.handle_action("plan:done:0", "garbage", channel()).effects
    [elsewhere] = started.handle_action("plan:done:0", value, channel(team="T0OTHER")).effects
    assert all(isinstance(e, Ephemeral) for e in (other, junk, elsewhere))
    assert items(session_factory, "activity-project-initiation-g")[0].status == "open"


def test_export_gives_every_row_privately(started):
    started.handle_text("plan done activity-project-initiation-a board minutes", channel())
    upload, note = started.handle_text("plan export", slash()).effects
    assert isinstance(upload, Upload) and upload.private and isinstance(note, Ephemeral)
    lines = upload.data().decode().splitlines()
    assert lines[0].startswith("activity_id,title,group,phase,clauses,owner,due,status")
    assert len(lines) == 1 + 508
    assert any("activity-project-initiation-a" in line and "board minutes" in line for line in lines)


def test_remind_settings_and_opt_in(started, session_factory):
    assert "Mondays at 09:00 (Europe/Paris)" in text_of(started.handle_text("remind", channel()))
    started.handle_text("remind fri 16:30 America/New_York", channel())
    started.handle_text("remind me", channel(user="U0DANA"))
    started.handle_text("remind on-track off", channel())
    with session_factory() as session:
        plan = session.scalars(select(Plan)).one()
        assert (plan.remind_weekday, plan.remind_time, plan.remind_tz, plan.on_track_note) == (
            4,
            "16:30",
            "America/New_York",
            False,
        )
        assert store.subscribers(session=session, plan_id=plan.id) == ["U0DANA"]
    started.handle_text("remind off", channel())
    assert "off" in text_of(started.handle_text("remind", channel()))
