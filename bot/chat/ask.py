"""Ask: a question answered from the knowledge, and the answer's buttons (feedback, did-you-mean, share)."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.outcome import DeleteSource, Ephemeral, Outcome, Post, say
from bot.chat.router import Feature
from bot.chat.services import Services
from bot.storage import queries
from bot.views import answers as view
from bot.views.entries import EXAMPLES


def answer(services: Services, question: str, ctx: Context) -> Outcome:
    """Search, record the question, and reply: privately to a slash command, else in the thread."""
    result = services.index.search(question)
    top = result.top.entry.id if result.answered and result.top else None
    question_id = _record(services, ctx, question, answered=result.answered, top=top)
    blocks = view.answer_message(result, services.catalog, question_id, shareable=ctx.private)
    return say(view.answer_title(result), blocks, private=ctx.private)


def show_entry(services: Services, entry_id: str, ctx: Context) -> Outcome:
    """An entry picked from a did-you-mean list: answered as if asked for, where the list was."""
    entry = services.catalog.get(entry_id)
    if entry is None:
        return _gone(entry_id)
    question_id = _record(services, ctx, entry.title, answered=True, top=entry.id)
    blocks = view.entry_message(entry, services.catalog, question_id, shareable=ctx.private)
    text = f"{entry.id} {entry.title}"
    if ctx.private:
        return Outcome([Ephemeral(text, blocks, replace=True)])
    return Outcome([Post(text, blocks)])


def share(services: Services, entry_id: str, ctx: Context) -> Outcome:
    """An answer the asker saw alone, posted for the channel; the private copy goes away."""
    entry = services.catalog.get(entry_id)
    if entry is None:
        return _gone(entry_id)
    intro = f"<@{ctx.user_id}> shared this answer:" if ctx.user_id else "Shared answer:"
    blocks = view.entry_message(entry, services.catalog, intro=intro)
    return Outcome([Post(f"{intro} {entry.id} {entry.title}", blocks, thread=False), DeleteSource()])


def feedback(services: Services, question_id: str, ctx: Context, *, helpful: bool) -> Outcome:
    """Store a helpful / not helpful vote (one per person and answer; a second click replaces it)."""
    try:
        qid = int(question_id)
        with services.sessions.begin() as session:
            queries.record_feedback(
                session=session,
                team_id=ctx.team_id,
                question_id=qid,
                user_id=ctx.user_id or "console",
                helpful=helpful,
                now=services.clock(),
            )
    except (ValueError, LookupError):
        return say("I couldn't find that answer any more, so the feedback was not stored.", private=True)
    if helpful:
        return say("Thanks! Glad it helped.", private=True)
    return say("Thanks for telling me. The knowledge owners will see this question in their report.", private=True)


def _record(services: Services, ctx: Context, text: str, *, answered: bool, top: str | None) -> int:
    with services.sessions.begin() as session:
        return queries.record_question(
            session=session,
            team_id=ctx.team_id,
            channel_id=ctx.channel_id,
            user_id=ctx.user_id,
            text=text,
            answered=answered,
            top_entry_id=top,
            surface=ctx.surface.value,
            now=services.clock(),
        )


def _gone(entry_id: str) -> Outcome:
    return say(f"I no longer know the entry {entry_id}.", private=True)


FEATURE = Feature(
    name="ask",
    title="Ask",
    blurb=(
        "anything about the standard: I answer with the clause, what it asks for and what relates to it "
        "(challenges, maturity elements, implementation activities and guidance)."
    ),
    actions={
        "helpful": lambda s, value, ctx: feedback(s, value, ctx, helpful=True),
        "not_helpful": lambda s, value, ctx: feedback(s, value, ctx, helpful=False),
        "suggest": show_entry,
        "share": share,
    },
    examples=EXAMPLES,
)

LEGACY_ACTIONS = {
    "feedback_helpful": "ask:helpful",
    "feedback_not_helpful": "ask:not_helpful",
    "suggestion": "ask:suggest",
    "share_answer": "ask:share",
}
