"""Messages that answer questions: the answer, did-you-mean, the decline and help."""

from __future__ import annotations

from bot.knowledge import Answer, Catalog, Hit
from bot.knowledge.schema import Entry
from bot.slack import blocks as bk
from bot.textview import EXAMPLES, entry_details

ACTION_HELPFUL = "feedback_helpful"
ACTION_NOT_HELPFUL = "feedback_not_helpful"
ACTION_SUGGESTION = "suggestion"  # suffixed _0.._2: action ids must differ within a block
ACTION_SHARE = "share_answer"
MAX_DETAIL = 12_000  # characters of summary or details in one answer: a few screens, never a wall
KIND_LABELS = {"clause": "ISO/IEC 20000-1 clause", "challenge": "Implementation challenge",
               "maturity": "Maturity element", "guidance": "TS 20000-5 guidance",
               "activity": "Implementation activity", "faq": "Local FAQ", "policy": "Local policy"}


def entry_heading(entry: Entry) -> str:
    return f"{entry.id} · {entry.title}" if entry.kind != "clause" else f"Clause {entry.id} · {entry.title}"


def entry_line(entry: Entry) -> str:
    clauses = ", ".join(entry.clauses)
    kind = KIND_LABELS.get(entry.kind, entry.kind)
    return f"• *{bk.escape(entry.id)}* {bk.escape(entry.title)} _({kind}; {clauses})_"


def entry_body(entry: Entry) -> list:
    """Blocks that present one entry in full."""
    clauses = ", ".join(entry.clauses)
    out: list = [bk.header(entry_heading(entry)),
                 bk.context(f"{KIND_LABELS.get(entry.kind, entry.kind)} · clauses {clauses}")]
    out += bk.sections(bk.clip(bk.escape(entry.summary), MAX_DETAIL))
    details = "\n".join(_mrkdwn_detail(line) for line in entry_details(entry))
    if len(details) > MAX_DETAIL:
        details = bk.clip(details, MAX_DETAIL) + "\n_…shortened to fit in one Slack message._"
    if details:
        out += bk.sections(details)
    out.append(bk.context(f"Source: {bk.escape(entry.source)}"))
    return out


def _mrkdwn_detail(line: str) -> str:
    if line.startswith("Level "):
        name, _, text = line.partition(": ")
        return f"*{name}:* {bk.escape(text)}"
    if line.endswith(":") and not line.startswith(" "):
        return f"*{bk.escape(line)}*"
    return bk.escape(line.replace("  - ", "• ", 1).replace("- ", "• ", 1) if line.lstrip().startswith("-") else line)


def answer_message(answer: Answer, catalog: Catalog, question_id: int | None, shareable: bool = False,
                   intro: str | None = None) -> list[dict]:
    """The reply to a question: the answer with related entries and feedback buttons, or did-you-mean."""
    if not answer.answered:
        return suggestion_message(answer) if answer.hits else decline_message(answer.query)
    top = answer.hits[0].entry
    out = ([*bk.sections(intro)] if intro else []) + entry_body(top)
    related = catalog.related(top.id)
    if related:
        out += [bk.divider(), *bk.sections("*Related*\n" + "\n".join(entry_line(e) for e in related))]
    others = [hit.entry for hit in answer.hits[1:4] if hit.entry not in related]
    if others:
        out += bk.sections("*Also matching*\n" + "\n".join(entry_line(e) for e in others))
    buttons = []
    if question_id is not None:
        buttons += [bk.button("Helpful", ACTION_HELPFUL, str(question_id), "primary"),
                    bk.button("Not helpful", ACTION_NOT_HELPFUL, str(question_id))]
    if shareable:
        buttons.append(bk.button("Share in channel", ACTION_SHARE, top.id))
    if buttons:
        out.append(bk.actions(buttons, block_id="answer_actions"))
    return bk.message(out)


def entry_message(
    entry: Entry, catalog: Catalog, question_id: int | None = None, intro: str | None = None
) -> list[dict]:
    """One entry shown as an answer (a did-you-mean choice or a shared answer)."""
    answer = Answer(query=entry.title, answered=True, hits=(Hit(entry, 1.0),))
    return answer_message(answer, catalog, question_id, intro=intro)


def suggestion_message(answer: Answer) -> list[dict]:
    text = f"I'm not sure what you mean by “{bk.escape(bk.clip(answer.query, 200))}”. Did you mean:"
    buttons = [
        bk.button(f"{hit.entry.id} {hit.entry.title}", f"{ACTION_SUGGESTION}_{n}", hit.entry.id)
        for n, hit in enumerate(answer.hits[:3])
    ]
    return bk.message([*bk.sections(text), bk.actions(buttons, block_id="did_you_mean")])


def decline_message(question: str) -> list[dict]:
    if not question.strip():
        return help_message()
    text = (
        "That's outside what I know, sorry. I answer questions about *ISO/IEC 20000-1:2018* clauses, "
        "*ISO/IEC TS 20000-5* implementation guidance, maturity levels, implementation challenges and "
        "the three-phase implementation plan. Try one of these:\n" + "\n".join(f"• `{q}`" for q in EXAMPLES)
    )
    return bk.message(bk.sections(text))


HELP_TEXT = (
    "*iso20k* helps you implement an ISO/IEC 20000-1 service management system the way "
    "ISO/IEC TS 20000-5 recommends.\n\n"
    "*Ask* anything about the standard: mention me in a channel (`@iso20k what clause covers "
    "communication?`), send me a direct message, or use `/iso20k <question>`.\n"
    "I answer with the clause, what it asks for and what relates to it: challenges, maturity "
    "elements, implementation activities and guidance.\n\n*Examples*\n"
    + "\n".join(f"• `{q}`" for q in EXAMPLES)
)


def help_message() -> list[dict]:
    return bk.message(bk.sections(HELP_TEXT))
