"""HTTP benchmark: a burst of signed events against a running `iso20k serve`.

Starts a fake Slack Web API and `iso20k serve` (HTTP, SQLite by default or $DATABASE_URL), sends
--events app_mention events --concurrency at a time, then the same events again as Slack retries,
and prints ack latency p50/p99/max, answers per second and whether every event was answered once.

Run: python bench/http.py [--events 200] [--concurrency 20]
"""

from __future__ import annotations

import sys
from pathlib import Path

# this file is named http.py: keep its folder off the import path so the standard library's http is found
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import os
import statistics
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.storage.migrate import upgrade  # noqa: E402
from tests.slack.fake_slack import FakeSlack  # noqa: E402
from tests.slack.harness import QUESTIONS, percentile, serving_process  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()

    database = os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    upgrade(database)
    with FakeSlack() as slack, serving_process(slack, database, log_level="WARNING") as (server, client):
        events = [
            {
                "type": "app_mention",
                "user": "U1",
                "channel": "C1",
                "ts": f"{1700000000 + n}.000100",
                "text": f"<@UBOT> {QUESTIONS[n % len(QUESTIONS)]}",
            }
            for n in range(args.events)
        ]
        ids = [f"EvBENCH{n:05d}" for n in range(args.events)]

        def send(n: int, retry: bool = False) -> float:
            headers = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"} if retry else None
            result = client.event(events[n], event_id=ids[n], headers=headers)
            assert result.status == 200, result
            return result.elapsed * 1000

        start = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            acks = list(pool.map(send, range(args.events)))
        slack.wait_for("chat.postMessage", count=args.events, timeout=120)
        answered_in = time.perf_counter() - start
        with ThreadPoolExecutor(args.concurrency) as pool:
            retry_acks = list(pool.map(lambda n: send(n, retry=True), range(args.events)))
        time.sleep(2)

    posts = slack.calls_to("chat.postMessage")
    per_thread = Counter(c.body["thread_ts"] for c in posts)
    print(f"{args.events} signed events, {args.concurrency} at a time, against iso20k serve ({database.split(':')[0]})")
    print(
        f"ack latency:   p50 {statistics.median(acks):6.1f} ms   p99 {percentile(acks, 99):6.1f} ms   "
        f"max {max(acks):6.1f} ms"
    )
    print(f"retries' acks: p50 {statistics.median(retry_acks):6.1f} ms   p99 {percentile(retry_acks, 99):6.1f} ms")
    print(f"answers/s:     {args.events / answered_in:6.1f}  ({args.events} answers in {answered_in:.2f} s)")
    once = len(posts) == args.events and set(per_thread.values()) == {1}
    print(
        f"answered exactly once: {'yes' if once else 'NO'} ({len(posts)} answers for {args.events} events, "
        f"{args.events} retries ignored)"
    )
    if not once:
        sys.exit(1)


if __name__ == "__main__":
    main()
