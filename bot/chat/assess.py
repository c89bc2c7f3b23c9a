"""Assess: a maturity self-assessment in a thread, one message per element, answered with buttons.

Every click and command is one transaction in assess_state (load, upsert the answer, step the pure flow,
save with a version check); this module turns the flow's effects into messages after the commit.
"""

from __future__ import annotations

from bot.assessment import (
    DEFAULT_ELEMENTS,
    DEFAULT_RATIONALE,
    Answer,
    AskElement,
    Change,
    Effect,
    ElementNameError,
    Event,
    Notice,
    ShowAnswers,
    Stop,
    Summarize,
    match_element,
    parse_assess_args,
)
from bot.chat import assess_report, assess_state
from bot.chat.assess_state import Busy, Run
from bot.chat.context import Context
from bot.chat.outcome import Effect as Shown
from bot.chat.outcome import Ephemeral, Outcome, Post, Update, say
from bot.chat.router import Command, Feature
from bot.chat.services import Services
from bot.knowledge.schema import MaturityEntry
from bot.views import assessment as view

ANCHOR = "assessment"  # the header the bot posts when the request has no thread (slash command, DM)
GONE = "That button no longer works: its assessment is not in this workspace any more."
BUSY = "Several answers arrived at the same moment and yours could not be saved: please click again."
RUNNING = "An assessment is already running in this thread: answer it, or end it with `@iso20k stop`."
STOP_WHERE = "To end an assessment, type `@iso20k stop` in its thread or click *Stop here* on one of its elements."
NO_CHANNEL = "Assessments run in a conversation: use this in a channel or a direct message with me."


def _entry(services: Services, element_id: str) -> MaturityEntry:
    entry = services.catalog.get(element_id)
    if not isinstance(entry, MaturityEntry):
        raise KeyError(f"not a maturity element: {element_id}")
    return entry


def _element_post(services: Services, run: Run, ask: AskElement, thread_of: str | None) -> Post:
    entry = _entry(services, ask.element_id)
    answers = assess_state.element_answers(services, run, ask.element_id) if ask.again else []
    blocks = view.element_message(
        entry, assessment_id=run.id, index=ask.index, total=len(run.element_ids), answers=answers
    )
    text = ("Asked again: " if ask.again else "") + f"{entry.title}: Level I, II or III?"
    return Post(text, blocks, thread_of=thread_of)


def _answers_update(services: Services, run: Run, show: ShowAnswers) -> Update:
    entry = _entry(services, show.element_id)
    answers = assess_state.element_answers(services, run, show.element_id)  # read after the commit: all of them
    blocks = view.element_message(
        entry,
        assessment_id=run.id,
        index=run.element_ids.index(show.element_id),
        total=len(run.element_ids),
        answers=answers,
        open=run.running,
    )
    return Update(f"{entry.title}: {view.answers_text(answers)}", blocks)


def render(services: Services, run: Run, effects: list[Effect], *, thread_of: str | None = None) -> list[Shown]:
    """The flow's effects as messages: updates, posts in the thread, the summary and chart, private notices."""
    shown: list[Shown] = []
    for effect in effects:
        if isinstance(effect, AskElement):
            shown.append(_element_post(services, run, effect, thread_of))
        elif isinstance(effect, ShowAnswers):
            shown.append(_answers_update(services, run, effect))
        elif isinstance(effect, Summarize):
            shown += assess_report.summary_effects(services, run)
        elif isinstance(effect, Notice):
            shown.append(Ephemeral(effect.text))
    return shown


def _apply(services: Services, ctx: Context, assessment_id: int, event: Event) -> Outcome:
    try:
        applied = assess_state.apply(services, team_id=ctx.team_id, assessment_id=assessment_id, event=event)
    except Busy:
        return say(BUSY, private=True)
    if applied is None:  # unknown id, or another workspace's assessment
        return say(GONE, private=True)
    run, effects = applied
    return Outcome(render(services, run, effects))


# ----- text commands -----------------------------------------------------------------------------------------


def start(services: Services, rest: str, ctx: Context) -> Outcome:
    """`assess [ELEMENT, ... | full] [for SCOPE]`: the header and the first element, in a thread."""
    if ctx.channel_id is None:
        return say(NO_CHANNEL, private=True)
    try:
        selection = parse_assess_args(rest, services.catalog)
    except ElementNameError as exc:
        return say(str(exc), private=ctx.private)
    started = assess_state.start(services, ctx, selection)
    if started is None:
        return say(RUNNING, private=ctx.private)
    run, effects = started
    titles = [_entry(services, element_id).title for element_id in run.element_ids]
    header_text = view.header_text(run.starter, titles, run.scope)
    blocks = view.header_message(run.starter, titles, run.scope)
    if ctx.thread_ts is not None:
        return Outcome([Post(header_text, blocks), *render(services, run, effects)])
    # a slash command or a DM: the bot's header starts the thread, which then keys the assessment
    header = Post(header_text, blocks, thread=False, anchor=ANCHOR)
    return Outcome(
        [header, *render(services, run, effects, thread_of=ANCHOR)],
        then=lambda anchors: assess_state.set_thread(services, run.id, anchors[ANCHOR]),
    )


def run_assess(services: Services, rest: str, ctx: Context) -> Outcome | None:
    """`assess ...`, `assess history`, `assess export`."""
    word = rest.strip().lower()
    if word == "history":
        return assess_report.history(services, ctx)
    if word == "export":
        return assess_report.export(services, ctx)
    return start(services, rest, ctx)


def run_stop(services: Services, rest: str, ctx: Context) -> Outcome | None:
    """`stop` in an assessment's thread: end it and summarize; anything longer is a question."""
    if rest:
        return None
    run = assess_state.running_in_thread(services, ctx)
    if run is None:
        return say(STOP_WHERE, private=ctx.private)
    return _apply(services, ctx, run.id, Stop(ctx.user_id or "someone"))


def run_change(services: Services, rest: str, ctx: Context) -> Outcome | None:
    """`change ELEMENT` in an assessment's thread; elsewhere (or "change management") it is a question."""
    run = assess_state.running_in_thread(services, ctx)
    if run is None:
        return None
    element_id = match_element(rest, services.catalog) if rest else None
    if element_id is None or element_id not in run.element_ids:
        if rest:
            return None
        return say("Which element should I ask again? For example `@iso20k change risk`.", private=ctx.private)
    return _apply(services, ctx, run.id, Change(element_id, ctx.user_id or "someone"))


# ----- buttons -----------------------------------------------------------------------------------------------


def click_answer(services: Services, value: str, ctx: Context) -> Outcome:
    """Level I ... Skip on an element: recorded as the person's latest answer; the starter's moves the thread on."""
    try:
        assessment_id, element_id, choice = view.parse_answer_value(value)
    except ValueError:
        return say(GONE, private=True)
    return _apply(services, ctx, assessment_id, Answer(element_id, ctx.user_id or "someone", choice))


def click_change(services: Services, value: str, ctx: Context) -> Outcome:
    """Change: post the element again at the end of the thread."""
    try:
        assessment_id, element_id = view.parse_element_value(value)
    except ValueError:
        return say(GONE, private=True)
    return _apply(services, ctx, assessment_id, Change(element_id, ctx.user_id or "someone"))


def click_stop(services: Services, value: str, ctx: Context) -> Outcome:
    """Stop here: end now and summarize what was answered."""
    if not value.isdigit():
        return say(GONE, private=True)
    return _apply(services, ctx, int(value), Stop(ctx.user_id or "someone"))


# ----- the feature -------------------------------------------------------------------------------------------

_DEFAULT_NAMES = ", ".join(i.removeprefix("maturity-").replace("-", " ") for i in DEFAULT_ELEMENTS)

FEATURE = Feature(
    name="assess",
    title="Assess",
    blurb=(
        "a maturity self-assessment in a thread: one message per key element of TS 20000-5 (Table 1) with its "
        "Level I, II and III, answered with buttons by anyone in the thread; then a summary with the overall level "
        "(the lowest element), the change since the last run, what to work on next, and a chart. "
        f"By default {len(DEFAULT_ELEMENTS)} elements ({_DEFAULT_NAMES}): {DEFAULT_RATIONALE}"
    ),
    commands=(
        Command(
            "assess",
            run_assess,
            "assess [ELEMENT, ELEMENT | full] [for SCOPE]",
            "start an assessment: the short default set, the elements you name, or all 19 with `full`",
        ),
        Command("change", run_change, "change ELEMENT", "in an assessment's thread: ask that element again"),
        Command("stop", run_stop, "stop", "in an assessment's thread: end it now and summarize what was answered"),
    ),
    actions={"answer": click_answer, "change": click_change, "stop": click_stop},
    examples=("assess", "assess risk, communication", "assess full", "assess for incident management"),
    home=assess_report.home_section,
    guide=(
        ("assess history", "the channel's past assessments: date, scope, respondents and overall level"),
        ("assess export", "every answer given in the channel, as a CSV sent to you"),
    ),
)
