"""The profile chart is a PNG of Slack size, drawn without pyplot."""

from __future__ import annotations

import io
import time

import pytest

from bot.assessment.chart import render_profile

PNG = b"\x89PNG\r\n\x1a\n"


def _size(data: bytes) -> tuple[int, int]:
    from matplotlib.image import imread

    pixels = imread(io.BytesIO(data), format="png")
    return pixels.shape[1], pixels.shape[0]


@pytest.mark.parametrize("previous", [True, False])
def test_profile_of_all_nineteen_elements_is_a_png(catalog, previous):
    rows = [
        (e.title, [None, 0, 1, 2, 3][i % 5], (i % 4 if previous else None))
        for i, e in enumerate(catalog.of_kind("maturity"))
    ]
    began = time.perf_counter()
    data = render_profile(rows, "Maturity profile for incident management")
    assert time.perf_counter() - began < 10
    assert data.startswith(PNG)
    assert 5_000 < len(data) < 1_000_000
    width, height = _size(data)
    assert 900 <= width <= 1200
    assert 400 < height < 2000


def test_a_short_profile_is_shorter(catalog):
    small = render_profile([("Risk", 1, None), ("Process", 0, 2)], "Profile")
    big = render_profile([(e.title, 2, 1) for e in catalog.of_kind("maturity")], "Profile")
    assert _size(small)[1] < _size(big)[1]
    assert render_profile([], "Nothing yet").startswith(PNG)
