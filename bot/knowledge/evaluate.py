"""Scores the search on a question set: top-1 / top-3 accuracy per kind."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, field_validator

from bot.knowledge.index import SearchIndex
from bot.knowledge.schema import KINDS

OUT_OF_DOMAIN = "out-of-domain"


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")
    q: str
    kind: str
    expect: list[str] = []

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in (*KINDS, OUT_OF_DOMAIN):
            raise ValueError(f"kind must be one of {', '.join((*KINDS, OUT_OF_DOMAIN))}")
        return value


@dataclass
class KindScore:
    total: int = 0
    top1: int = 0
    top3: int = 0
    answered: int = 0

    def rate(self, n: int) -> float:
        return n / self.total if self.total else 0.0


CURVE_THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True)
class CurvePoint:
    """`answered` if the confidence were at least `threshold`: how often right, how much of what is right."""

    threshold: float
    answered: int
    precision: float  # answered questions whose first result is right (out-of-domain ones never are)
    recall: float  # questions with a right first result that are answered


@dataclass
class EvalReport:
    kinds: dict[str, KindScore] = field(default_factory=lambda: defaultdict(KindScore))
    misses: list[tuple[Question, list[str]]] = field(default_factory=list)
    # (confidence, first result right) of every question; out-of-domain questions are never right
    outcomes: list[tuple[float, bool]] = field(default_factory=list)

    def curve(self, thresholds: tuple[float, ...] = CURVE_THRESHOLDS) -> list[CurvePoint]:
        """Precision and recall of `answered` as the confidence threshold moves."""
        right = sum(ok for _, ok in self.outcomes)
        points = []
        for t in thresholds:
            answered = [ok for conf, ok in self.outcomes if conf >= t]
            hits = sum(answered)
            points.append(
                CurvePoint(t, len(answered), hits / len(answered) if answered else 1.0, hits / right if right else 0.0)
            )
        return points

    def curve_lines(self) -> list[str]:
        out = [f"{'threshold':<11}{'answered':>9}{'precision':>11}{'recall':>8}"]
        out += [f"{p.threshold:<11.2f}{p.answered:>9}{p.precision:>11.3f}{p.recall:>8.3f}" for p in self.curve()]
        return out

    @property
    def overall(self) -> KindScore:
        total = KindScore()
        for kind, s in self.kinds.items():
            if kind != OUT_OF_DOMAIN:
                total.total += s.total
                total.top1 += s.top1
                total.top3 += s.top3
                total.answered += s.answered
        return total

    def lines(self) -> list[str]:
        out = [f"{'kind':<14}{'n':>5}{'top-1':>8}{'top-3':>8}{'answered':>10}"]
        for kind in sorted(k for k in self.kinds if k != OUT_OF_DOMAIN):
            out.append(_row(kind, self.kinds[kind]))
        out.append(_row("overall", self.overall))
        ood = self.kinds.get(OUT_OF_DOMAIN)
        if ood:
            declined = ood.total - ood.answered
            out.append(f"{OUT_OF_DOMAIN:<14}{ood.total:>5}  declined {declined / ood.total:.3f}")
        return out


def _row(name: str, s: KindScore) -> str:
    return f"{name:<14}{s.total:>5}{s.rate(s.top1):>8.3f}{s.rate(s.top3):>8.3f}{s.rate(s.answered):>10.3f}"


class QuestionFileError(ValueError):
    """A question set that is not valid YAML or not a list of questions; the message says where."""


def load_questions(path: Path) -> list[Question]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        return TypeAdapter(list[Question]).validate_python(data)
    except yaml.YAMLError as error:
        raise QuestionFileError(f"{path}: not valid YAML: {error}") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise QuestionFileError(
            f"{path}: {error.error_count()} invalid field(s); first at question {where}: {first['msg']}"
        ) from None


def evaluate(index: SearchIndex, questions: list[Question]) -> EvalReport:
    """Ask every question; a hit counts when a result id is one of the expected ids."""
    report = EvalReport()
    for question in questions:
        answer = index.search(question.q)
        ids = [hit.entry.id for hit in answer.hits]
        score = report.kinds[question.kind]
        score.total += 1
        score.answered += answer.answered
        first_right = question.kind != OUT_OF_DOMAIN and bool(ids) and ids[0] in question.expect
        report.outcomes.append((answer.confidence, first_right))
        if question.kind == OUT_OF_DOMAIN:
            if answer.answered:
                report.misses.append((question, ids))
            continue
        hit1 = answer.answered and bool(ids) and ids[0] in question.expect
        hit3 = any(i in question.expect for i in ids[:3])
        score.top1 += hit1
        score.top3 += hit3
        if not hit1:
            report.misses.append((question, ids))
    return report
