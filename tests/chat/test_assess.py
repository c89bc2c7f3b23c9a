"""The assessment through the router: starting, answering with buttons, several respondents, change and stop."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select

from bot.assessment import DEFAULT_ELEMENTS, DEFAULT_RATIONALE
from bot.chat.context import Context, Surface
from bot.chat.outcome import Ephemeral, Outcome, Post, Update, Upload
from bot.storage.models import Assessment, AssessmentAnswer
from tests.chat.conftest import channel, slash

LABELS = ["Level I", "Level II", "Level III", "Not yet", "Skip"]


def buttons(effect) -> list[dict]:
    return [e for b in effect.blocks if b["type"] == "actions" for e in b["elements"]]


def shown(effect) -> str:
    """What a person reads in a message: its section and context texts."""
    out = []
    for block in effect.blocks:
        if "text" in block:
            out.append(block["text"]["text"])
        out += [e.get("text", "") for e in block.get("elements", []) if isinstance(e.get("text"), str)]
    return "\n".join(out)


def posts(outcome: Outcome) -> list[Post]:
    return [e for e in outcome.effects if isinstance(e, Post)]


def elements_asked(outcome: Outcome) -> list[Post]:
    """The element messages among the posts: those with the five answer buttons."""
    return [p for p in posts(outcome) if [b["text"]["text"] for b in buttons(p)][:5] == LABELS]


def click(router, message, label: str, ctx: Context) -> Outcome:
    [button] = [b for b in buttons(message) if b["text"]["text"] == label]
    return router.handle_action(button["action_id"], button["value"], ctx)


def answer_all(router, first: Post, labels: list[str], ctx: Context) -> Outcome:
    """The starter answers each element in turn; returns the last click's outcome."""
    message, outcome = first, Outcome()
    for label in labels:
        outcome = click(router, message, label, ctx)
        asked = elements_asked(outcome)
        message = asked[0] if asked else message
    return outcome


def count(session_factory, model) -> int:
    with session_factory() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_assess_posts_the_header_and_the_first_element_with_its_levels_and_buttons(team_router):
    outcome = team_router.handle_text("<@UBOT> assess", channel())
    header, first = posts(outcome)
    assert "6 elements" in header.text and "Management support" in header.text
    assert "1/6 · Management support" in shown(first)
    assert "*Level I:*" in shown(first) and "*Level II:*" in shown(first) and "*Level III:*" in shown(first)
    assert [b["text"]["text"] for b in buttons(first)] == [*LABELS, "Stop here"]
    assert header.thread and first.thread  # both in the mention's thread


def test_help_says_which_elements_are_asked_by_default_and_why(team_router):
    help_text = shown(team_router.handle_text("help", channel()).effects[0])
    assert "assess [ELEMENT, ELEMENT | full] [for SCOPE]" in help_text
    assert "review and internal audit" in help_text and DEFAULT_RATIONALE in help_text
    assert "assess history" in help_text and "assess export" in help_text


def test_named_elements_full_and_a_scope(team_router, session_factory):
    header, first = posts(team_router.handle_text("assess risk, comms for incident management", channel()))
    assert "for incident management" in header.text and "(Risk, Communication)" in header.text
    assert "1/2 · Risk" in shown(first)
    [_, first] = posts(team_router.handle_text("assess full", channel(channel_id="C0OTHER")))
    assert "1/19 ·" in shown(first)


def test_an_unknown_element_lists_the_valid_ones_and_starts_nothing(team_router, session_factory):
    [reply] = team_router.handle_text("assess risk, banana", channel()).effects
    assert '"banana"' in reply.text and "Performance indicator" in reply.text and "full" in reply.text
    assert count(session_factory, Assessment) == 0


def test_a_slash_command_posts_the_header_in_the_channel_and_the_elements_in_its_thread(team_router, session_factory):
    outcome = team_router.handle_text("assess risk", slash())
    header, first = outcome.effects
    assert isinstance(header, Post) and header.thread is False and header.anchor
    assert isinstance(first, Post) and first.thread_of == header.anchor
    outcome.then({header.anchor: "1700.1"})  # the surface reports the header's timestamp
    thread = replace(channel(), thread_ts="1700.1")
    summary = team_router.handle_text("stop", thread)
    assert any(isinstance(e, Upload) for e in summary.effects)


def test_the_starters_answer_moves_on_and_others_answers_are_shown(team_router, session_factory):
    _, first = posts(team_router.handle_text("assess risk, communication", channel()))
    bob = click(team_router, first, "Level III", channel(user="U0BOB"))
    [update] = bob.effects
    assert isinstance(update, Update) and "<@U0BOB> Level III" in shown(update)
    assert "Change" in [b["text"]["text"] for b in buttons(update)]  # buttons kept for others
    alice = click(team_router, first, "Level I", channel())
    update, second = alice.effects
    assert "<@U0BOB> Level III" in shown(update) and "<@U0ALICE> Level I" in shown(update)
    assert "2/2 · Communication" in shown(second)


def test_a_double_click_or_a_click_on_an_old_element_posts_nothing_new(team_router, session_factory):
    _, first = posts(team_router.handle_text("assess risk, communication, process", channel()))
    assert len(elements_asked(click(team_router, first, "Level II", channel()))) == 1
    again = click(team_router, first, "Level II", channel())
    assert elements_asked(again) == [] and [type(e) for e in again.effects] == [Update]
    changed = click(team_router, first, "Level III", channel())  # a later answer replaces the earlier one
    assert elements_asked(changed) == [] and "<@U0ALICE> Level III" in shown(changed.effects[0])
    assert count(session_factory, AssessmentAnswer) == 1


def test_a_click_from_another_workspace_changes_nothing(team_router, session_factory):
    _, first = posts(team_router.handle_text("assess risk", channel()))
    [refused] = click(team_router, first, "Level I", channel(team="T0EVIL")).effects
    assert isinstance(refused, Ephemeral) and "no longer works" in refused.text
    assert count(session_factory, AssessmentAnswer) == 0


def test_a_click_after_the_end_is_refused_privately(team_router, session_factory):
    _, first = posts(team_router.handle_text("assess risk", channel()))
    click(team_router, first, "Level I", channel())
    [late] = click(team_router, first, "Level II", channel(user="U0BOB")).effects
    assert isinstance(late, Ephemeral) and "ended" in late.text
    assert count(session_factory, AssessmentAnswer) == 1


def test_one_assessment_at_a_time_per_thread(team_router):
    _, first = posts(team_router.handle_text("assess risk", channel()))
    [busy] = team_router.handle_text("assess", channel(user="U0BOB")).effects
    assert "already running" in busy.text
    click(team_router, first, "Level I", channel())
    assert len(posts(team_router.handle_text("assess process", channel()))) == 2  # ended: a new one may start


def test_change_asks_an_element_again_and_stop_summarizes_what_was_answered(team_router):
    _, first = posts(team_router.handle_text("assess risk, communication, process", channel()))
    second = elements_asked(click(team_router, first, "Level II", channel()))[0]
    [again] = team_router.handle_text("<@UBOT> change risk", channel()).effects
    assert "1/3 · Risk" in shown(again) and "<@U0ALICE> Level II" in shown(again)
    click(team_router, again, "Level III", channel())
    summary, chart = team_router.handle_text("<@UBOT> stop", channel()).effects
    assert isinstance(summary, Post) and "Risk: Level III" in summary.text
    assert "Communication: not assessed (no answers)" in summary.text and "Process" not in summary.text
    assert "stopped" in shown(summary)
    assert isinstance(chart, Upload) and chart.data().startswith(b"\x89PNG") and not chart.private
    [after] = click(team_router, second, "Level I", channel()).effects
    assert "ended" in after.text


def test_change_management_is_still_a_question_outside_an_assessment(team_router):
    [answer] = team_router.handle_text("change management", channel()).effects
    assert "8.5.1" in shown(answer)


def test_questions_typed_in_an_assessment_thread_are_answered(team_router):
    team_router.handle_text("assess risk", channel())
    [answer] = team_router.handle_text("<@UBOT> what clause covers communication?", channel()).effects
    assert "7.4" in shown(answer)


def test_the_summary_scores_spread_trend_and_what_to_work_on(team_router, clock):
    elements = "management support, risk, communication, process"
    _, first = posts(team_router.handle_text(f"assess {elements}", channel()))
    answer_all(team_router, first, ["Level II", "Level II", "Level II", "Level II"], channel())
    clock.advance(days=30)
    team_router.handle_text("plan start 2026-09-01", channel(channel_id="C0PROJECT"))
    _, first = posts(team_router.handle_text(f"assess {elements}", channel(channel_id="C0PROJECT")))
    bob = channel(user="U0BOB")
    click(team_router, first, "Level III", bob)
    outcome = answer_all(team_router, first, ["Level I", "Skip", "Not yet", "Level III"], channel())
    summary = [p for p in posts(outcome) if "Overall" in p.text][0]
    text = summary.text
    assert "Overall: Not yet (below Level I), the lowest element level." in text
    assert "Management support: Level II, unchanged" in text  # I and III: the median rounded down
    assert "respondents differ: <@U0BOB> Level III, <@U0ALICE> Level I" in text
    assert "Risk: not assessed (everyone skipped)" in text
    assert "Communication: Not yet (below Level I), down 2 since 2026-11-23" in text
    assert "Process: Level III, up 1 since 2026-11-23" in text
    assert "Work on next:" in text and "Communication: clauses 7.4" in text
    assert "plan activity-" in text  # the channel's plan has open activities for communication
    clickable = [b for b in buttons(summary) if b["action_id"].startswith("ask:suggest")]
    assert clickable and clickable[0]["value"] == "7.4"
    [entry] = team_router.handle_action(clickable[0]["action_id"], "7.4", channel()).effects
    assert "Communication" in entry.text


def test_history_export_and_home(team_router, router, session_factory):
    _, first = posts(team_router.handle_text("assess risk for incident management", channel()))
    click(team_router, first, "Level II", channel(user="U0BOB"))
    click(team_router, first, "Level I", channel())
    [listed] = team_router.handle_text("assess history", slash()).effects
    assert isinstance(listed, Ephemeral)
    assert "incident management · 2 respondents (<@U0BOB>, <@U0ALICE>) · overall *Level I*" in shown(listed)
    upload, note = team_router.handle_text("assess export", slash()).effects
    assert isinstance(upload, Upload) and upload.private and isinstance(note, Ephemeral)
    rows = upload.data().decode().splitlines()
    assert rows[0] == "assessment_id,channel,scope,started_at,element_id,element,respondent,level,answered_at"
    assert len(rows) == 3 and ",maturity-risk,Risk,U0ALICE,Level I," in rows[2]
    home = team_router.home(Context(team_id="T0ACME", surface=Surface.DM, user_id="U0ALICE"))
    assert "<#C0PROJECT>" in str(home["blocks"]) and "Level I" in str(home["blocks"])


def test_the_default_set_is_about_six_elements():
    assert 5 <= len(DEFAULT_ELEMENTS) <= 7


def test_the_command_line_export_gives_every_answer_as_csv_or_json(team_router, team_services):
    import json

    from bot.chat.exports import export_records

    _, first = posts(team_router.handle_text("assess risk", channel()))
    click(team_router, first, "Not yet", channel())
    _, other = posts(team_router.handle_text("assess process", channel(channel_id="C0OTHER", team="T0B")))
    click(team_router, other, "Level II", channel(channel_id="C0OTHER", team="T0B"))
    csv_text = export_records(team_services, "assessments", team_id=None, channel_id=None, fmt="csv")
    assert len(csv_text.splitlines()) == 3 and ",maturity-risk,Risk,U0ALICE,Not yet," in csv_text
    data = json.loads(export_records(team_services, "assessments", team_id="T0B", channel_id=None, fmt="json"))
    assert [(row["channel"], row["element_id"], row["level"]) for row in data] == [
        ("C0OTHER", "maturity-process", "Level II")
    ]
