"""Search benchmark: latency on the shipped and a 100x synthetic knowledge, start-up time, and
accuracy/latency side by side with a plain BM25 baseline and a naive rapidfuzz title scan.

Run: python bench/search.py [QUESTIONS.yaml]   (needs the test extras: rank-bm25; the question set
defaults to tests/questions.yaml, pass a blind set kept outside the repository to compare on it)
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rank_bm25 import BM25Okapi
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.knowledge import Catalog, SearchIndex, load_catalog  # noqa: E402
from bot.knowledge.evaluate import OUT_OF_DOMAIN, load_questions  # noqa: E402
from bot.knowledge.schema import LocalEntry  # noqa: E402
from bot.knowledge.text import content_stems  # noqa: E402

QUESTION = "what clause covers communication?"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(fn, questions: list[str], rounds: int = 5) -> list[float]:
    samples = []
    for _ in range(rounds):
        for q in questions:
            start = time.perf_counter()
            fn(q)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def synthetic(catalog: Catalog, factor: int, seed: int = 7) -> Catalog:
    """The knowledge plus (factor - 1) reshuffled copies of every entry, as organization FAQs."""
    rng = random.Random(seed)
    vocabulary = sorted({w for e in catalog.entries for w in e.summary.split()})
    extra = []
    for copy in range(1, factor):
        for e in catalog.entries:
            words = e.summary.split()
            rng.shuffle(words)
            noise = rng.sample(vocabulary, 8)
            extra.append(
                LocalEntry(
                    id=f"{e.id}-syn{copy}",
                    kind="faq",
                    title=f"{e.title} {' '.join(noise[:2])}",
                    summary=" ".join(words + noise),
                    clauses=list(e.clauses),
                    source="synthetic",
                    keywords=rng.sample(list(e.keywords), min(3, len(e.keywords))) if e.keywords else [],
                )
            )
    return Catalog(catalog.entries + extra, synonyms=catalog.synonyms)


def accuracy(rank, questions) -> float:
    hits = sum(1 for q in questions if (ids := rank(q.q)) and ids[0] in q.expect)
    return hits / len(questions)


def report(name: str, samples: list[float], acc: float | None = None) -> None:
    extra = f"  top-1 {acc:.3f}" if acc is not None else ""
    print(f"{name:<34} p50 {statistics.median(samples):7.3f} ms  p99 {percentile(samples, 99):7.3f} ms{extra}")


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "questions.yaml"
    questions = [q for q in load_questions(source) if q.kind != OUT_OF_DOMAIN]
    texts = [q.q for q in questions]
    catalog = load_catalog()
    print(f"knowledge: {len(catalog)} entries; {len(texts)} in-domain questions x 5 rounds\n")

    index = SearchIndex(catalog)
    ours = lambda q: [h.entry.id for h in index.search(q).hits]  # noqa: E731
    confident = lambda q: (lambda a: [h.entry.id for h in a.hits] if a.answered else [])(index.search(q))  # noqa: E731
    report("iso20k search (shipped)", timed(index.search, texts), accuracy(ours, questions))
    print(f"{'  top-1 counting only confident':<34} {accuracy(confident, questions):.3f}")

    start = time.perf_counter()
    big = SearchIndex(synthetic(catalog, 100))
    build = time.perf_counter() - start
    report(f"iso20k search (100x: {len(big.entries)})", timed(big.search, texts, rounds=2))
    print(f"{'  index build at 100x':<34} {build:.2f} s")

    docs = [content_stems(" ".join([e.title, *e.keywords, e.summary])) for e in catalog.entries]
    bm25 = BM25Okapi(docs)
    entry_ids = [e.id for e in catalog.entries]

    def bm25_rank(q: str) -> list[str]:
        scores = bm25.get_scores(content_stems(q))
        return [entry_ids[i] for i in sorted(range(len(scores)), key=lambda i: -scores[i])[:5]]

    report("baseline: BM25 (rank-bm25)", timed(bm25_rank, texts, rounds=2), accuracy(bm25_rank, questions))

    titles = [e.title for e in catalog.entries]

    def fuzzy_rank(q: str) -> list[str]:
        return [entry_ids[i] for _, _, i in process.extract(q, titles, scorer=fuzz.WRatio, limit=5)]

    report("baseline: rapidfuzz title scan", timed(fuzzy_rank, texts, rounds=2), accuracy(fuzzy_rank, questions))

    command = shutil.which("iso20k") or str(Path(sys.executable).with_name("iso20k"))
    with tempfile.TemporaryDirectory() as cache_home:
        env = {**os.environ, "XDG_CACHE_HOME": cache_home}
        first = one_shot(command, env)  # builds the index and keeps it (bot.knowledge.cache)
        walls = [one_shot(command, env) for _ in range(5)]
        shutil.rmtree(Path(cache_home) / "iso20k")
        cold = [one_shot(command, env, keep=False) for _ in range(3)]
    print(f"\none-shot `iso20k ask` wall time: median {statistics.median(walls):.2f} s, max {max(walls):.2f} s")
    print(f"{'  first run (builds the index)':<34} {first:.2f} s")
    print(f"{'  where no index can be kept':<34} median {statistics.median(cold):.2f} s")


def one_shot(command: str, env: dict[str, str], keep: bool = True) -> float:
    """Seconds for one `iso20k ask`; keep=False runs it where no index can be kept."""
    if not keep:
        env = {**env, "XDG_CACHE_HOME": "/dev/null"}
    start = time.perf_counter()
    subprocess.run([command, "ask", QUESTION], check=True, capture_output=True, env=env)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
