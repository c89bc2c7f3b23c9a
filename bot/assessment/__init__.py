"""The maturity self-assessment as pure domain logic: no Slack, no database, no clock (callers pass times).

`render_profile` (bot.assessment.chart) is loaded on first use, so importing the package does not import matplotlib.
"""

from typing import Any

from bot.assessment.advice import Advice, advise, advise_element
from bot.assessment.elements import (
    DEFAULT_ELEMENTS,
    DEFAULT_RATIONALE,
    ElementNameError,
    Selection,
    match_element,
    parse_assess_args,
)
from bot.assessment.export import EXPORT_FIELDS, to_csv, to_json
from bot.assessment.flow import (
    TRANSITIONS,
    Answer,
    AskElement,
    Change,
    Choice,
    Effect,
    Event,
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
from bot.assessment.report import summary_lines
from bot.assessment.scoring import ElementScore, Response, Result, latest_responses, level_name, score

__all__ = [
    "DEFAULT_ELEMENTS",
    "DEFAULT_RATIONALE",
    "EXPORT_FIELDS",
    "TRANSITIONS",
    "Advice",
    "Answer",
    "AskElement",
    "Change",
    "Choice",
    "Effect",
    "ElementNameError",
    "ElementScore",
    "Event",
    "Notice",
    "Phase",
    "Response",
    "Result",
    "Selection",
    "ShowAnswers",
    "State",
    "Stop",
    "Summarize",
    "accepts_answer",
    "advise",
    "advise_element",
    "latest_responses",
    "level_name",
    "match_element",
    "parse_assess_args",
    "render_profile",
    "score",
    "start",
    "step",
    "summary_lines",
    "to_csv",
    "to_json",
]


def __getattr__(name: str) -> Any:
    """Load the chart module (and matplotlib) only when `render_profile` is asked for."""
    if name == "render_profile":
        from bot.assessment.chart import render_profile

        return render_profile
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
