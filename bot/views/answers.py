"""Messages that answer questions: the answer, did-you-mean and the decline."""

from __future__ import annotations

from bot.knowledge import Answer, Catalog, Hit
from bot.knowledge.schema import Entry
from bot.views import blocks as bk
from bot.views.entries import DOMAIN, EXAMPLES, Detail, details, heading, kind_label

ACTION_HELPFUL = "ask:helpful"
ACTION_NOT_HELPFUL = "ask:not_helpful"
ACTION_SUGGESTION = "ask:suggest"  # suffixed :0..:2, action ids must differ within a block
ACTION_SHARE = "ask:share"
MAX_DETAIL = 12_000  # characters of summary or details in one answer: a few screens, never a wall


def entry_line(entry: Entry) -> str:
    """One entry as a list item: id, title, kind and clauses."""
    clauses = ", ".join(entry.clauses)
    return f"• *{bk.escape(entry.id)}* {bk.escape(entry.title)} _({kind_label(entry)}; {clauses})_"


def _detail_mrkdwn(detail: Detail) -> str:
    if not detail.items:
        return f"*{bk.escape(detail.label)}:* {bk.escape(detail.text)}"
    return "\n".join([f"*{bk.escape(detail.label)}*", *(f"• {bk.escape(item)}" for item in detail.items)])


def entry_body(entry: Entry) -> list:
    """Blocks that present one entry in full."""
    out: list = [bk.header(heading(entry)), bk.context(f"{kind_label(entry)} · clauses {', '.join(entry.clauses)}")]
    out += bk.sections(bk.clip(bk.escape(entry.summary), MAX_DETAIL))
    text = "\n".join(_detail_mrkdwn(d) for d in details(entry))
    if len(text) > MAX_DETAIL:
        text = bk.clip(text, MAX_DETAIL) + "\n_…shortened to fit in one Slack message._"
    if text:
        out += bk.sections(text)
    out.append(bk.context(f"Source: {bk.escape(entry.source)}"))
    return out


def answer_message(
    answer: Answer, catalog: Catalog, question_id: int | None, shareable: bool = False, intro: str | None = None
) -> list[dict]:
    """The reply to a question: the answer with related entries and feedback buttons, or did-you-mean."""
    if not answer.answered or answer.top is None:
        return suggestion_message(answer) if answer.hits else decline_message(answer.query)
    top = answer.top.entry
    out = ([*bk.sections(intro)] if intro else []) + entry_body(top)
    related = catalog.related(top.id)
    if related:
        out += [bk.divider(), *bk.sections("*Related*\n" + "\n".join(entry_line(e) for e in related))]
    others = [hit.entry for hit in answer.hits[1:4] if hit.entry not in related]
    if others:
        out += bk.sections("*Also matching*\n" + "\n".join(entry_line(e) for e in others))
    buttons = []
    if question_id is not None:
        buttons += [
            bk.button("Helpful", ACTION_HELPFUL, str(question_id), "primary"),
            bk.button("Not helpful", ACTION_NOT_HELPFUL, str(question_id)),
        ]
    if shareable:
        buttons.append(bk.button("Share in channel", ACTION_SHARE, top.id))
    if buttons:
        out.append(bk.actions(buttons, block_id="answer_actions"))
    return bk.message(out)


def entry_message(
    entry: Entry, catalog: Catalog, question_id: int | None = None, intro: str | None = None, shareable: bool = False
) -> list[dict]:
    """One entry shown as an answer (a did-you-mean choice or a shared answer)."""
    answer = Answer(query=entry.title, answered=True, hits=(Hit(entry, 1.0),))
    return answer_message(answer, catalog, question_id, shareable=shareable, intro=intro)


def suggestion_message(answer: Answer) -> list[dict]:
    text = f"I'm not sure what you mean by “{bk.escape(bk.clip(answer.query, 200))}”. Did you mean:"
    buttons = [
        bk.button(f"{hit.entry.id} {hit.entry.title}", f"{ACTION_SUGGESTION}:{n}", hit.entry.id)
        for n, hit in enumerate(answer.hits[:3])
    ]
    return bk.message([*bk.sections(text), bk.actions(buttons, block_id="did_you_mean")])


def decline_message(question: str) -> list[dict]:
    text = f"That's outside what I know, sorry. I answer questions about {DOMAIN}. Try one of these:\n" + "\n".join(
        f"• `{q}`" for q in EXAMPLES
    )
    return bk.message(bk.sections(text))


def answer_title(answer: Answer) -> str:
    """The notification text of an answer."""
    top = answer.top
    return f"{top.entry.id} {top.entry.title}" if answer.answered and top else "No confident answer"
