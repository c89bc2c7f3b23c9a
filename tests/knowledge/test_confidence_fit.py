"""The fit behind `answered` (bench/confidence.py) learns which features mean a right answer."""

import importlib.util
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("confidence_bench", ROOT / "bench" / "confidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_fit_gives_weight_to_the_feature_that_separates_right_from_wrong():
    rng = np.random.default_rng(3)
    x = rng.random((200, 2))
    y = (x[:, 0] > 0.5).astype(float)
    weights = _bench().fit(x, y)
    assert weights[1] > 3 and abs(weights[2]) < 1
