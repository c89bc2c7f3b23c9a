"""The conversation as a state machine: who moves it on, what is refused, and that it ends exactly once."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.assessment.elements import DEFAULT_ELEMENTS
from bot.assessment.flow import (
    ENDED,
    NOT_ASKED,
    NOT_PART,
    TRANSITIONS,
    Answer,
    AskElement,
    Change,
    Choice,
    Notice,
    Phase,
    ShowAnswers,
    State,
    Stop,
    Summarize,
    accepts_answer,
    start,
    step,
)

IDS = ("e1", "e2", "e3")
STARTER = "U_START"
OTHER = "U_OTHER"


def test_choice_labels_scores_and_parse():
    assert [c.label for c in Choice] == ["Level I", "Level II", "Level III", "Not yet", "Skip"]
    assert [c.score for c in Choice] == [1, 2, 3, 0, None]
    assert Choice.parse("level-2") is Choice.LEVEL_II
    assert Choice.parse("Not yet") is Choice.NOT_YET
    assert Choice.parse(" skip ") is Choice.SKIP
    for junk in ("", "level-4", "Level IV", "3", "none"):
        with pytest.raises(ValueError):
            Choice.parse(junk)


def test_transitions_are_data():
    assert set(TRANSITIONS) == {(Phase.ASKING, Answer), (Phase.ASKING, Change), (Phase.ASKING, Stop)}


def test_start_asks_the_first_element():
    state, effects = start(IDS, STARTER)
    assert state == State(IDS, STARTER, Phase.ASKING, 0)
    assert effects == [AskElement("e1", 0)]


@pytest.mark.parametrize("ids", [(), ("e1", "e1")])
def test_start_refuses_empty_or_repeated_elements(ids):
    with pytest.raises(ValueError):
        start(ids, STARTER)


def test_the_starter_moves_on_and_others_do_not():
    state, _ = start(IDS, STARTER)
    after_other, effects = step(state, Answer("e1", OTHER, Choice.LEVEL_II))
    assert after_other == state
    assert effects == [ShowAnswers("e1")]
    after_starter, effects = step(after_other, Answer("e1", STARTER, Choice.LEVEL_I))
    assert after_starter.current == 1
    assert effects == [ShowAnswers("e1"), AskElement("e2", 1)]


def test_others_may_answer_any_posted_element():
    state = State(IDS, STARTER, current=2)
    for element in ("e1", "e2", "e3"):
        assert step(state, Answer(element, OTHER, Choice.SKIP)) == (state, [ShowAnswers(element)])
        assert accepts_answer(state, element)


def test_answer_on_an_unposted_element_is_a_notice():
    state, _ = start(IDS, STARTER)
    assert step(state, Answer("e2", STARTER, Choice.LEVEL_I)) == (state, [Notice(NOT_ASKED)])
    assert step(state, Answer("nope", STARTER, Choice.LEVEL_I)) == (state, [Notice(NOT_PART)])
    assert not accepts_answer(state, "e2")
    assert not accepts_answer(state, "nope")


def test_double_click_of_the_starter_does_not_skip_an_element():
    state, _ = start(IDS, STARTER)
    state, _ = step(state, Answer("e1", STARTER, Choice.LEVEL_I))
    again, effects = step(state, Answer("e1", STARTER, Choice.LEVEL_I))
    assert again == state and again.current == 1
    assert effects == [ShowAnswers("e1")]


def test_change_re_asks_a_posted_element_only():
    state = State(IDS, STARTER, current=1)
    assert step(state, Change("e1", OTHER)) == (state, [AskElement("e1", 0, again=True)])
    assert step(state, Change("e3", STARTER)) == (state, [Notice(NOT_ASKED)])
    assert step(state, Change("zzz", STARTER)) == (state, [Notice(NOT_PART)])


def test_stop_summarizes_and_ends():
    state = State(IDS, STARTER, current=1)
    stopped, effects = step(state, Stop(OTHER))
    assert stopped.phase is Phase.STOPPED and stopped.current == 1
    assert effects == [Summarize()]


@pytest.mark.parametrize("phase", [Phase.FINISHED, Phase.STOPPED])
@pytest.mark.parametrize(
    "event", [Answer("e1", STARTER, Choice.LEVEL_I), Change("e1", STARTER), Stop(STARTER)], ids=repr
)
def test_after_the_end_everything_is_a_notice(phase, event):
    state = State(IDS, STARTER, phase=phase, current=2)
    assert step(state, event) == (state, [Notice(ENDED)])
    assert not accepts_answer(state, "e1")


def test_full_walk_of_six_elements_summarizes_exactly_once():
    state, effects = start(DEFAULT_ELEMENTS, STARTER)
    asked = [e.element_id for e in effects if isinstance(e, AskElement)]
    summaries = 0
    for element in DEFAULT_ELEMENTS:
        state, effects = step(state, Answer(element, OTHER, Choice.LEVEL_III))
        state, effects2 = step(state, Answer(element, STARTER, Choice.LEVEL_II))
        effects = effects + effects2
        asked += [e.element_id for e in effects if isinstance(e, AskElement)]
        summaries += sum(isinstance(e, Summarize) for e in effects)
    assert asked == list(DEFAULT_ELEMENTS)
    assert summaries == 1
    assert state.phase is Phase.FINISHED and state.current == len(DEFAULT_ELEMENTS) - 1
    late, effects = step(state, Answer(DEFAULT_ELEMENTS[-1], STARTER, Choice.LEVEL_I))
    assert late == state and effects == [Notice(ENDED)]


_users = st.sampled_from([STARTER, OTHER, "U3"])
_elements = st.sampled_from([*IDS, "e9"])
_events = st.one_of(
    st.builds(Answer, _elements, _users, st.sampled_from(list(Choice))),
    st.builds(Change, _elements, _users),
    st.builds(Stop, _users),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_events, max_size=40))
def test_any_events_keep_current_in_range_and_summarize_at_most_once(events):
    state, effects = start(IDS, STARTER)
    summaries = 0
    for event in events:
        before = state
        state, effects = step(state, event)
        assert before.current <= state.current < len(IDS)
        summaries += sum(isinstance(e, Summarize) for e in effects)
        if before.phase is not Phase.ASKING:
            assert state == before
        if isinstance(event, Answer) and not accepts_answer(before, event.element_id):
            assert state == before and all(isinstance(e, Notice) for e in effects)
    assert summaries <= 1
    assert (summaries == 1) == (state.phase is not Phase.ASKING)
