"""Fits the logistic model behind `answered` (ranking.CONFIDENCE_WEIGHTS) on question sets.

Run: python bench/confidence.py QUESTIONS.yaml [MORE.yaml ...]
Prints the fitted bias and weights, and precision / recall of `answered` at a few thresholds with
the fitted model. Fit on the project's question set or a calibration set, never on a final test set.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.knowledge import SearchIndex, load_catalog, ranking  # noqa: E402
from bot.knowledge.evaluate import OUT_OF_DOMAIN, load_questions  # noqa: E402

L2 = 1.0


def collect(index: SearchIndex, paths: list[Path]) -> tuple[np.ndarray, np.ndarray]:
    """Features of the best entry and whether it is right, for every question the model decides."""
    names = list(ranking.CONFIDENCE_WEIGHTS)
    seen: list[dict[str, float]] = []
    original = ranking.answer_confidence

    def record(features: dict[str, float]) -> float:
        seen.append(features)
        return original(features)

    rows, labels = [], []
    ranking.answer_confidence = record
    try:
        for path in paths:
            for question in load_questions(path):
                seen.clear()
                answer = index.search(question.q)
                if not seen:
                    continue  # outside the domain: never answered
                features = seen[-1]
                if (
                    features["direct"]
                    or not features["specific"]
                    or features["domain"] < features["domain_min"]
                    or features.get("errand")
                ):
                    continue  # decided by rule, not by the model
                right = question.kind != OUT_OF_DOMAIN and bool(answer.hits)
                right = right and answer.hits[0].entry.id in question.expect
                rows.append([features[n] for n in names])
                labels.append(float(right))
    finally:
        ranking.answer_confidence = original
    return np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 50) -> np.ndarray:
    """Newton's method for L2-penalized logistic regression; the bias (first weight) is not penalized."""
    x1 = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x1.shape[1])
    penalty = np.full(x1.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x1 @ w))
        grad = x1.T @ (p - y) + penalty * w
        hess = x1.T @ (x1 * (p * (1 - p))[:, None]) + np.diag(penalty)
        w -= np.linalg.solve(hess, grad)
    return w


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    x, y = collect(SearchIndex(load_catalog()), [Path(a) for a in argv])
    w = fit(x, y)
    names = list(ranking.CONFIDENCE_WEIGHTS)
    print(f"{len(y)} questions decided by the model, {int(y.sum())} with a right first result")
    print(f"CONFIDENCE_BIAS = {w[0]:.2f}")
    print("CONFIDENCE_WEIGHTS = {" + ", ".join(f'"{n}": {v:.2f}' for n, v in zip(names, w[1:], strict=True)) + "}")
    p = 1 / (1 + np.exp(-(w[0] + x @ w[1:])))
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        chosen = p >= t
        precision = y[chosen].mean() if chosen.any() else 1.0
        recall = (chosen & (y == 1)).sum() / max(1, (y == 1).sum())
        print(f"threshold {t:.1f}: answered {int(chosen.sum())}, precision {precision:.3f}, recall {recall:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
