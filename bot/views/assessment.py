"""Block Kit of the maturity assessment: the header, one message per element, the summary, history and Home."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from slack_sdk.models.blocks import Block

from bot.assessment import Advice, Choice
from bot.knowledge.schema import MaturityEntry
from bot.views import blocks as bk
from bot.views.answers import ACTION_SUGGESTION

ACTION_ANSWER = "assess:answer"  # suffixed :0..:4, one per choice
ACTION_CHANGE = "assess:change"
ACTION_STOP = "assess:stop"
MAX_ADVICE_BUTTONS = 12
MAX_LEVEL_TEXT = 400  # a level description stays short enough to read on a phone


@dataclass(frozen=True)
class HistoryRow:
    """One past assessment as listed: when, scope, how far it got, who answered and the overall level."""

    day: str
    scope: str | None
    status: str
    respondents: tuple[str, ...]
    overall: str


def answer_value(assessment_id: int, element_id: str, choice: Choice) -> str:
    """The value of an answer button: assessment, element and choice."""
    return f"{assessment_id}|{element_id}|{choice.value}"


def parse_answer_value(value: str) -> tuple[int, str, Choice]:
    """(assessment id, element id, choice) from an answer button; ValueError for anything else."""
    assessment_id, element_id, choice = value.split("|")
    return int(assessment_id), element_id, Choice.parse(choice)


def element_value(assessment_id: int, element_id: str) -> str:
    return f"{assessment_id}|{element_id}"


def parse_element_value(value: str) -> tuple[int, str]:
    """(assessment id, element id) from a Change button; ValueError for anything else."""
    assessment_id, element_id = value.split("|")
    return int(assessment_id), element_id


def _names(titles: Sequence[str]) -> str:
    return ", ".join(titles)


def header_text(starter: str, titles: Sequence[str], scope: str | None) -> str:
    """What the assessment is and how it works, in a few lines."""
    what = f"*Maturity self-assessment*{f' for {bk.escape(scope)}' if scope else ''}, started by <@{starter}>"
    return (
        f"{what}: {len(titles)} elements ({_names(titles)}).\n"
        "For each element below, click the level that describes your organization best. Anyone here may answer; "
        f"the next element comes when <@{starter}> answers.\n"
        "`@iso20k change ELEMENT` asks one again, `@iso20k stop` (or *Stop here*) ends it with a summary."
    )


def header_message(starter: str, titles: Sequence[str], scope: str | None) -> list[dict]:
    return bk.message(bk.sections(header_text(starter, titles, scope)))


def element_text(entry: MaturityEntry, index: int, total: int) -> str:
    """The element's name and its three level descriptions."""
    levels = entry.levels
    lines = [f"*{index + 1}/{total} · {bk.escape(entry.title)}*"]
    for label, text in (("Level I", levels.I), ("Level II", levels.II), ("Level III", levels.III)):
        lines.append(f"*{label}:* {bk.escape(bk.clip(' '.join(text.split()), MAX_LEVEL_TEXT))}")
    return "\n".join(lines)


MAX_NAMED = 12  # beyond this many respondents the message counts the answers and names the latest only


def answers_text(answers: Sequence[tuple[str, Choice]]) -> str:
    """ "Answers: <@U1> Level II · <@U2> Not yet" (each person's latest, the least recent first).

    With more than MAX_NAMED people the answers are counted per choice and the latest MAX_NAMED named, so
    the message stays short however many answer.
    """
    named = " · ".join(f"<@{user}> {choice.label}" for user, choice in answers[-MAX_NAMED:])
    if len(answers) <= MAX_NAMED:
        return f"Answers: {named}"
    tally = Counter(choice for _, choice in answers)
    counted = " · ".join(f"{choice.label} {tally[choice]}" for choice in Choice if tally[choice])
    return f"{len(answers)} answers: {counted}. Latest: {named}"


def element_message(
    entry: MaturityEntry,
    *,
    assessment_id: int,
    index: int,
    total: int,
    answers: Sequence[tuple[str, Choice]] = (),
    open: bool = True,
) -> list[dict]:
    """One element: its levels, the five answer buttons, who answered what, Change and Stop here.

    Once the assessment has ended (`open` False) the message keeps the answers and loses its buttons.
    """
    out: list[Block] = [*bk.sections(element_text(entry, index, total))]
    if open:
        buttons = [
            bk.button(choice.label, f"{ACTION_ANSWER}:{n}", answer_value(assessment_id, entry.id, choice))
            for n, choice in enumerate(Choice)
        ]
        out.append(bk.actions(buttons))
    if answers:
        out.append(bk.context(answers_text(answers)))
    if open:
        more = [bk.button("Stop here", ACTION_STOP, str(assessment_id))]
        if answers:
            more.insert(0, bk.button("Change", ACTION_CHANGE, element_value(assessment_id, entry.id)))
        out.append(bk.actions(more))
    return bk.message(out)


def advice_ids(advice: Sequence[Advice]) -> list[str]:
    """The ids a person can click in the summary: for each weak element its first clause, challenge, guidance and
    activity."""
    ids: list[str] = []
    for item in advice:
        for group in (item.clauses, item.challenges, item.guidance, item.activities):
            if group and group[0] not in ids:
                ids.append(group[0])
    return ids[:MAX_ADVICE_BUTTONS]


def summary_message(lines: Sequence[str], advice: Sequence[Advice], *, stopped: bool, compared: bool) -> list[dict]:
    """The summary in the thread; the ids to work on are buttons that show the entry."""
    title = "Assessment stopped: what was answered" if stopped else "Assessment results"
    body = "\n".join(f"*{line}*" if n < 2 else line for n, line in enumerate(lines))
    out: list[Block] = [bk.header(title), *bk.sections(body)]
    ids = advice_ids(advice)
    if ids:
        out.append(bk.context("Ask about any id (e.g. `@iso20k " + ids[0] + "`) or click one:"))
        out.append(bk.actions([bk.button(i, f"{ACTION_SUGGESTION}:{n}", i) for n, i in enumerate(ids)]))
    beside = ", with the previous assessment beside them" if compared else ""
    out.append(bk.context(f"The chart below shows the same levels{beside}."))
    return bk.message(out)


def history_message(channel_id: str | None, rows: Sequence[HistoryRow]) -> list[dict]:
    """The channel's past assessments, latest first."""
    if not rows:
        return bk.message(bk.sections("No assessment has been run in this channel yet: start one with `assess`."))
    lines = [history_line(row) for row in rows]
    where = f" in <#{channel_id}>" if channel_id else ""
    return bk.message([bk.header("Assessment history"), *bk.sections(f"Assessments{where}:\n" + "\n".join(lines))])


def history_line(row: HistoryRow) -> str:
    people = len(row.respondents)
    who = ", ".join(f"<@{u}>" for u in row.respondents[:5]) + (" …" if people > 5 else "")
    scope = f" · {bk.escape(row.scope)}" if row.scope else " · whole SMS"
    respondents = f"{people} respondent{'' if people == 1 else 's'}" + (f" ({who})" if people else "")
    return f"• *{row.day}*{scope} · {respondents} · overall *{row.overall}* _({row.status})_"


def home_section(rows: Sequence[tuple[str, HistoryRow]]) -> list[Block]:
    """App Home: each channel's latest assessment."""
    if not rows:
        return [*bk.sections("*Assessments*\nNo assessment yet: `@iso20k assess` in a channel starts one.")]
    lines = [f"• <#{channel}> {history_line(row).removeprefix('• ')}" for channel, row in rows]
    return [*bk.sections("*Latest assessment per channel*\n" + "\n".join(lines))]
