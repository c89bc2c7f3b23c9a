"""Load benchmark: a sustained mix of questions, assessment clicks and plan commands against `iso20k serve`.

Starts a fake Slack Web API and `iso20k serve` (HTTP; SQLite by default or $DATABASE_URL), then sends
signed requests at --rate per second for --seconds from this process over loopback: 60% questions
(mentions), 20% assessment clicks (on the elements of assessments started first), 20% plan commands.
Prints throughput, ack latency p50/p99/max, errors, replies counted against requests, and the server's
memory before and after. Goal on a 2-core machine: >= 100 events/s, ack p99 <= 100 ms, no errors, no
lost or doubled replies, memory flat over a 5-minute soak (--seconds 300).

Run: python bench/load.py [--rate 100] [--seconds 60]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# bench/http.py would shadow the standard library's http: keep this folder off the import path
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from concurrent.futures import ThreadPoolExecutor  # noqa: E402

from bot.storage.migrate import upgrade  # noqa: E402
from tests.slack.fake_slack import FakeSlack  # noqa: E402
from tests.slack.harness import QUESTIONS, percentile, serving_process  # noqa: E402

COMMANDS = ["plan", "plan phase 1", "remind", "plan activity-incident-management-a", "nudge"]
ASSESSMENTS = 20


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def first_elements(slack: FakeSlack) -> list[tuple[str, str, str]]:
    """(thread, button value of Level II, message ts) of each assessment's first element."""
    found = []
    for call in slack.calls_to("chat.postMessage"):
        for block in call.body.get("blocks") or []:
            for button in block.get("elements", []) if block.get("type") == "actions" else []:
                if button.get("text", {}).get("text") == "Level II":
                    found.append((call.body["thread_ts"], button["action_id"], button["value"], call.response["ts"]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=100.0, help="requests per second (default: %(default)s)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=32, help="sending threads (default: %(default)s)")
    args = parser.parse_args()
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/load.db"
    upgrade(database)
    with (
        FakeSlack() as slack,
        serving_process(slack, database, "--no-scheduler", log_level="ERROR") as (server, client),
    ):
        run = int(time.time())  # threads of this run: a reused database may hold earlier runs
        client.command("plan start 2026-01-05", slack.response_url("setup"), channel_id="C0LOAD")
        for n in range(ASSESSMENTS):
            client.event(
                {
                    "type": "app_mention",
                    "user": "U0STARTER",
                    "channel": "C0PROJECT",
                    "ts": f"{run}.{n:06d}",
                    "text": "<@UBOT> assess full",
                }
            )
        slack.wait_until(lambda _: len(first_elements(slack)) >= ASSESSMENTS, timeout=60)
        elements = first_elements(slack)
        before = rss_mb(server.pid)
        baseline = {m: len(slack.calls_to(m)) for m in ("chat.postMessage", "chat.update")}
        acks: list[float] = []
        timeline: list[tuple[float, float]] = []  # (seconds into the run, ack ms)
        by_kind: dict[str, list[float]] = {"question": [], "click": [], "command": []}
        memory: list[tuple[float, float]] = []  # (seconds into the run, server RSS MB)
        errors: list[str] = []
        sent = {"question": 0, "click": 0, "command": 0}
        lock = threading.Lock()

        def one(n: int) -> None:
            kind = "question" if n % 5 < 3 else "click" if n % 5 == 3 else "command"
            try:
                if kind == "question":
                    result = client.event(
                        {
                            "type": "app_mention",
                            "user": f"U{n % 50}",
                            "channel": "C0ASK",
                            "ts": f"{run + 1}.{n:06d}",
                            "text": f"<@UBOT> {QUESTIONS[n % len(QUESTIONS)]}",
                        }
                    )
                elif kind == "click":
                    thread, action_id, value, ts = elements[n % len(elements)]
                    result = client.click(
                        action_id,
                        value,
                        user=f"U{n % 997:04d}",  # others' answers
                        message={"ts": ts, "thread_ts": thread},
                        response_url=slack.response_url(f"c{n}"),
                    )
                else:
                    result = client.command(
                        COMMANDS[n % len(COMMANDS)], slack.response_url(f"k{n}"), channel_id="C0LOAD"
                    )
                with lock:
                    acks.append(result.elapsed * 1000)
                    timeline.append((time.perf_counter() - start, result.elapsed * 1000))
                    by_kind[kind].append(result.elapsed * 1000)
                    sent[kind] += 1
                    if result.status != 200:
                        errors.append(f"{kind}: HTTP {result.status}")
            except OSError as exc:
                with lock:
                    errors.append(f"{kind}: {exc}")

        total = int(args.rate * args.seconds)
        start = time.perf_counter()
        sampling = threading.Event()

        def sample_memory() -> None:  # ten samples over the run
            while not sampling.wait(args.seconds / 10):
                memory.append((time.perf_counter() - start, rss_mb(server.pid)))

        threading.Thread(target=sample_memory, daemon=True).start()
        with ThreadPoolExecutor(args.workers) as pool:
            for n in range(total):  # paced: request n leaves at n / rate seconds
                delay = start + n / args.rate - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                pool.submit(one, n)
        sent_in = time.perf_counter() - start
        sampling.set()
        expected_posts = baseline["chat.postMessage"] + sent["question"]
        expected_updates = baseline["chat.update"] + sent["click"]
        try:
            slack.wait_until(
                lambda _: (
                    len(slack.calls_to("chat.postMessage")) >= expected_posts
                    and len(slack.calls_to("chat.update")) >= expected_updates
                    and sum(c.method.startswith("response:k") for c in slack.calls) >= sent["command"]
                ),
                timeout=120,
            )
        except AssertionError as exc:
            errors.append(f"replies missing: {exc}"[:300])
        done_in = time.perf_counter() - start
        time.sleep(1)
        after = rss_mb(server.pid)

    posts = len(slack.calls_to("chat.postMessage")) - baseline["chat.postMessage"]
    updates = len(slack.calls_to("chat.update")) - baseline["chat.update"]
    responses = sum(c.method.startswith("response:k") for c in slack.calls)
    requests = sum(sent.values())
    print(
        f"{requests} signed requests in {sent_in:.1f} s against iso20k serve ({database.split(':')[0]}): "
        f"{sent['question']} questions, {sent['click']} assessment clicks, {sent['command']} plan commands"
    )
    print(
        f"throughput:  {requests / sent_in:6.1f} requests/s sent, all replies in {done_in:.1f} s "
        f"({requests / done_in:.1f}/s end to end)"
    )
    print(
        f"ack latency: p50 {statistics.median(acks):6.1f} ms   p99 {percentile(acks, 99):6.1f} ms   "
        f"max {max(acks):6.1f} ms"
    )
    print(
        "ack p99 by kind: " + "   ".join(f"{kind}s {percentile(ms, 99):.1f} ms" for kind, ms in by_kind.items() if ms)
    )
    print(
        f"replies:     {posts} answers for {sent['question']} questions, {updates} element updates for "
        f"{sent['click']} clicks, {responses} replies for {sent['command']} commands"
    )
    print(f"errors:      {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    print(f"memory:      {before:.0f} MB before, {after:.0f} MB after")
    print("over time:   " + "  ".join(f"{at:.0f}s {mb:.0f} MB" for at, mb in memory))
    window = args.seconds / 5
    slices = [[ms for at, ms in timeline if n * window <= at < (n + 1) * window] for n in range(5)]
    print(
        "ack p99 by fifth of the run: "
        + "  ".join(f"{percentile(part, 99):.0f} ms" if part else "-" for part in slices)
    )


if __name__ == "__main__":
    main()
