"""Assessment benchmark: how fast a click brings the next element, and what the chart costs.

Starts a fake Slack Web API and `iso20k serve` (HTTP, SQLite by default or $DATABASE_URL), runs --runs scripted
assessments of all 19 elements (each in its own thread, --concurrency at a time) by signed button clicks, and
prints the time from a click to the next element being posted (p50/p99), from the last click to the summary and
to the chart's upload, and the chart's size and render time (in this process).

Run: python bench/assess.py [--runs 6] [--concurrency 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# bench/ holds http.py: keep this folder off the import path so the standard library's http is found
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.assessment import DEFAULT_ELEMENTS  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402
from tests.slack.fake_slack import Call, FakeSlack  # noqa: E402
from tests.slack.harness import percentile, serving_process  # noqa: E402
from tests.slack.simulator import SlackClientSim  # noqa: E402

LABELS = ("Level I", "Level II", "Level III", "Not yet", "Skip")
CHANNEL = "C0BENCH"


def element_posts(slack: FakeSlack, thread: str) -> list[Call]:
    return [
        c
        for c in slack.posts_to(CHANNEL)
        if c.body.get("thread_ts") == thread
        and any(
            e.get("text", {}).get("text") == "Level I"
            for b in c.body.get("blocks") or []
            if b["type"] == "actions"
            for e in b["elements"]
        )
    ]


def summary_posted(slack: FakeSlack, thread: str) -> bool:
    return any(
        c.body.get("thread_ts") == thread and "Overall:" in c.body.get("text", "") for c in slack.posts_to(CHANNEL)
    )


def chart_uploaded(slack: FakeSlack, thread: str) -> bool:
    return any(c.body.get("thread_ts") == thread for c in slack.calls_to("files.completeUploadExternal"))


def run_one(client: SlackClientSim, slack: FakeSlack, n: int) -> tuple[list[float], float, float]:
    """One full assessment by clicks; (click -> next element ms, last click -> summary ms, -> chart ms)."""
    thread = f"{1700000000 + n}.000100"
    client.event(
        {"type": "app_mention", "user": "U0LEAD", "channel": CHANNEL, "ts": thread, "text": "<@UBOT> assess full"}
    )
    slack.wait_until(lambda _: len(element_posts(slack, thread)) >= 1, timeout=60)
    latencies = []
    for index in range(19):
        message = element_posts(slack, thread)[index]
        button = next(
            e
            for b in message.body["blocks"]
            if b["type"] == "actions"
            for e in b["elements"]
            if e["text"]["text"] == LABELS[(n + index) % 4]
        )
        start = time.perf_counter()
        client.click(
            button["action_id"],
            button["value"],
            user="U0LEAD",
            channel=CHANNEL,
            message={"ts": message.response["ts"], "thread_ts": thread},
            response_url=slack.response_url(f"b{n}"),
        )
        if index < 18:
            slack.wait_until(lambda _, i=index: len(element_posts(slack, thread)) >= i + 2, timeout=60)
            latencies.append((time.perf_counter() - start) * 1000)
    slack.wait_until(lambda _: summary_posted(slack, thread), timeout=60)
    summary = (time.perf_counter() - start) * 1000
    slack.wait_until(lambda _: chart_uploaded(slack, thread), timeout=60)
    return latencies, summary, (time.perf_counter() - start) * 1000


def chart_cost(rounds: int = 10) -> tuple[int, float, float]:
    """(PNG bytes, p50 ms, max ms) of rendering a 19-element profile with a previous run."""
    from bot.assessment.chart import render_profile

    rows = [(f"Element {n}", n % 4, (n + 1) % 4) for n in range(19)]
    render_profile(rows[: len(DEFAULT_ELEMENTS)], "warm-up")  # the first call loads matplotlib's fonts
    times, size = [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        size = len(render_profile(rows, "Maturity profile"))
        times.append((time.perf_counter() - start) * 1000)
    return size, statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--concurrency", type=int, default=3)
    args = parser.parse_args()

    database = os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    upgrade(database)
    with (
        FakeSlack() as slack,
        serving_process(slack, database, "--no-scheduler", log_level="WARNING") as (server, client),
        ThreadPoolExecutor(args.concurrency) as pool,
    ):
        results = list(pool.map(lambda n: run_one(client, slack, n), range(args.runs)))

    clicks = [ms for latencies, _, _ in results for ms in latencies]
    summaries = [s for _, s, _ in results]
    charts = [c for _, _, c in results]
    size, render_p50, render_max = chart_cost()
    print(
        f"{args.runs} full assessments (19 elements), {args.concurrency} at a time, against iso20k serve "
        f"({database.split(':')[0]})"
    )
    print(
        f"click -> next element posted: p50 {statistics.median(clicks):6.1f} ms   "
        f"p99 {percentile(clicks, 99):6.1f} ms   max {max(clicks):6.1f} ms   ({len(clicks)} clicks)"
    )
    print(f"last click -> summary posted: p50 {statistics.median(summaries):6.1f} ms   max {max(summaries):6.1f} ms")
    print(f"last click -> chart uploaded: p50 {statistics.median(charts):6.1f} ms   max {max(charts):6.1f} ms")
    print(
        f"chart (19 elements, previous run beside): {size / 1024:.1f} KiB PNG, render p50 {render_p50:.1f} ms, "
        f"max {render_max:.1f} ms"
    )


if __name__ == "__main__":
    main()
