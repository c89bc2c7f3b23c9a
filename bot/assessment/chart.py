"""The maturity profile as a PNG: one horizontal bar per element, the previous run as a thinner bar beside it.

Uses a matplotlib Figure with the Agg canvas directly (never pyplot), so it is thread-safe and needs no display.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

LEVEL_TICKS = ("Not yet", "I", "II", "III")
WIDTH_INCHES = 10.0
DPI = 100  # 10 inches at 100 dpi: 1000 px wide, readable in a Slack thread
CURRENT_COLOR = "#2b6cb0"
PREVIOUS_COLOR = "#a0aec0"
STUB = 0.06  # the width drawn for "Not yet" (level 0), so the bar is still visible

Row = tuple[str, int | None, int | None]


def _width(level: int | None) -> float:
    """The drawn length of a bar: the level, a short stub for 0, nothing for not assessed."""
    if level is None:
        return 0.0
    return max(float(level), STUB)


def _label(level: int | None) -> str:
    return "not assessed" if level is None else LEVEL_TICKS[max(0, min(level, 3))]


def render_profile(rows: Sequence[Row], title: str) -> bytes:
    """PNG bytes of the profile; rows are (element title, level, previous level), drawn top to bottom."""
    count = max(len(rows), 1)
    has_previous = any(previous is not None for _, _, previous in rows)
    figure = Figure(figsize=(WIDTH_INCHES, 1.6 + 0.5 * count), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(count))[::-1]  # the first row at the top
    current_height, previous_height = (0.5, 0.25) if has_previous else (0.6, 0.0)
    for y, (_name, level, previous) in zip(positions, rows, strict=False):
        offset = previous_height / 2
        axes.barh(y + offset, _width(level), height=current_height, color=CURRENT_COLOR)
        axes.text(_width(level) + 0.04, y + offset, _label(level), va="center", fontsize=10, color="#1a202c")
        if has_previous and previous is not None:
            axes.barh(y - current_height / 2, _width(previous), height=previous_height, color=PREVIOUS_COLOR)
    axes.set_yticks(positions[: len(rows)], [name for name, _, _ in rows], fontsize=11)
    axes.set_xlim(0, 3.45)
    axes.set_xticks(range(4), LEVEL_TICKS, fontsize=11)
    axes.set_xlabel("Maturity level")
    axes.grid(axis="x", color="#e2e8f0")
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title(title, fontsize=13, loc="left")
    handles = [Patch(color=CURRENT_COLOR, label="This assessment")]
    if has_previous:
        handles.append(Patch(color=PREVIOUS_COLOR, label="Previous assessment"))
    figure.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=10, frameon=False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
