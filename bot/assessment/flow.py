"""The assessment conversation as a pure state machine: transitions are a table of (phase, event) -> handler.

The state says which elements have been posted (0..current) and whose answers move the thread on (the
starter's). Storage records the answers themselves; `step` only decides what happens next, so the same
event applied twice (a double click, a retried delivery) changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

ENDED = "This assessment has ended."
NOT_ASKED = "That element has not been asked yet."
NOT_PART = "That element is not part of this assessment."


class Choice(StrEnum):
    """An answer button: its value is the button's value, `label` its text, `score` the level it counts as."""

    LEVEL_I = "level-1"
    LEVEL_II = "level-2"
    LEVEL_III = "level-3"
    NOT_YET = "not-yet"
    SKIP = "skip"

    @property
    def label(self) -> str:
        """The button text, exactly as shown in Slack."""
        return _LABELS[self]

    @property
    def score(self) -> int | None:
        """The level this answer counts as: 1-3, 0 for Not yet (below Level I), None for Skip (not counted)."""
        return _SCORES[self]

    @classmethod
    def parse(cls, value: str) -> Choice:
        """The choice for a button value ("level-2") or label ("Level II"); ValueError for anything else."""
        text = value.strip()
        for choice in cls:
            if text == choice.value or text.lower() == choice.label.lower():
                return choice
        raise ValueError(f"not an assessment answer: {value!r}")


_LABELS = {
    Choice.LEVEL_I: "Level I",
    Choice.LEVEL_II: "Level II",
    Choice.LEVEL_III: "Level III",
    Choice.NOT_YET: "Not yet",
    Choice.SKIP: "Skip",
}
_SCORES: dict[Choice, int | None] = {
    Choice.LEVEL_I: 1,
    Choice.LEVEL_II: 2,
    Choice.LEVEL_III: 3,
    Choice.NOT_YET: 0,
    Choice.SKIP: None,
}


class Phase(StrEnum):
    """Where the conversation is: still asking, done after the last element, or stopped early."""

    ASKING = "asking"
    FINISHED = "finished"
    STOPPED = "stopped"


@dataclass(frozen=True)
class State:
    """The elements in order, who started, the phase, and the index of the element awaiting the starter."""

    element_ids: tuple[str, ...]
    starter: str
    phase: Phase = Phase.ASKING
    current: int = 0

    @property
    def posted(self) -> tuple[str, ...]:
        """The elements whose messages have been posted (0..current)."""
        return self.element_ids[: self.current + 1]


# events


@dataclass(frozen=True)
class Answer:
    """Someone clicked a level button on an element's message."""

    element_id: str
    user: str
    choice: Choice


@dataclass(frozen=True)
class Change:
    """Someone asked for one element to be asked again ("change risk")."""

    element_id: str
    user: str


@dataclass(frozen=True)
class Stop:
    """Someone ended the assessment early ("stop")."""

    user: str


Event = Answer | Change | Stop


# effects


@dataclass(frozen=True)
class ShowAnswers:
    """Update the element's message to show who answered what."""

    element_id: str


@dataclass(frozen=True)
class AskElement:
    """Post the element's message (its levels and buttons); `again` when re-asked by "change"."""

    element_id: str
    index: int
    again: bool = False


@dataclass(frozen=True)
class Summarize:
    """Post the summary and the chart."""


@dataclass(frozen=True)
class Notice:
    """Tell only the person who acted (an ephemeral message)."""

    text: str


Effect = ShowAnswers | AskElement | Summarize | Notice
Outcome = tuple[State, list[Effect]]
Handler = Callable[[State, Event], Outcome]


def start(element_ids: Sequence[str], starter: str) -> Outcome:
    """A new conversation and its first effect: ask the first element."""
    ids = tuple(element_ids)
    if not ids:
        raise ValueError("an assessment needs at least one element")
    if len(set(ids)) != len(ids):
        raise ValueError("an element is listed twice")
    return State(ids, starter), [AskElement(ids[0], 0)]


def _index(state: State, element_id: str) -> int | None:
    """The element's position in the assessment, or None when it is not part of it."""
    try:
        return state.element_ids.index(element_id)
    except ValueError:
        return None


def accepts_answer(state: State, element_id: str) -> bool:
    """Whether an answer to this element should be recorded: still asking and the element already posted."""
    index = _index(state, element_id)
    return state.phase is Phase.ASKING and index is not None and index <= state.current


def _unposted_notice(state: State, element_id: str) -> Outcome:
    return state, [Notice(NOT_PART if _index(state, element_id) is None else NOT_ASKED)]


def on_answer(state: State, event: Event) -> Outcome:
    """Show the answer; when the starter answers the current element, ask the next one or finish."""
    assert isinstance(event, Answer)
    if not accepts_answer(state, event.element_id):
        return _unposted_notice(state, event.element_id)
    effects: list[Effect] = [ShowAnswers(event.element_id)]
    if event.user != state.starter or _index(state, event.element_id) != state.current:
        return state, effects
    following = state.current + 1
    if following < len(state.element_ids):
        return replace(state, current=following), [*effects, AskElement(state.element_ids[following], following)]
    return replace(state, phase=Phase.FINISHED), [*effects, Summarize()]


def on_change(state: State, event: Event) -> Outcome:
    """Post an already asked element again; its new answers replace each person's earlier one."""
    assert isinstance(event, Change)
    index = _index(state, event.element_id)
    if index is None or index > state.current:
        return _unposted_notice(state, event.element_id)
    return state, [AskElement(event.element_id, index, again=True)]


def on_stop(state: State, event: Event) -> Outcome:
    """End early and summarize what has been answered so far."""
    return replace(state, phase=Phase.STOPPED), [Summarize()]


def ended(state: State, event: Event) -> Outcome:
    """Anything after the end changes nothing; the person is told the assessment has ended."""
    return state, [Notice(ENDED)]


TRANSITIONS: dict[tuple[Phase, type], Handler] = {
    (Phase.ASKING, Answer): on_answer,
    (Phase.ASKING, Change): on_change,
    (Phase.ASKING, Stop): on_stop,
}


def step(state: State, event: Event) -> Outcome:
    """The next state and the effects to deliver (after the caller has committed the new state)."""
    handler = TRANSITIONS.get((state.phase, type(event)), ended)
    return handler(state, event)
