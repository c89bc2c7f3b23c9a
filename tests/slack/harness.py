"""`iso20k serve` as a real process and what measuring it needs: for the tests and the benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from tests.conftest import ROOT
from tests.slack.fake_slack import FakeSlack
from tests.slack.simulator import SECRET, SlackClientSim


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(client: SlackClientSim, timeout: float = 60) -> None:
    """Until GET /healthz answers 200; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if client.get("/healthz").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("iso20k serve did not become healthy")


def start_serve(
    env: dict, *args: str, stderr: IO | int = subprocess.DEVNULL
) -> tuple[subprocess.Popen, SlackClientSim]:
    """`iso20k serve` on a free port, once /healthz answers; the caller stops it."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", *args],
        cwd=ROOT,
        env={**env, "PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )
    client = SlackClientSim(f"http://127.0.0.1:{port}")
    try:
        wait_healthy(client)
    except AssertionError:
        process.kill()
        raise
    return process, client


QUESTIONS = [
    "what clause covers communication?",
    "CMDB",
    "level II for risk",
    "phase 1 incident activities",
    "who owns the capacity plan",
    "clause 8.5.1",
    "chnage managment",
    "what should the business case contain",
]


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of some values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


@contextmanager
def serving_process(
    slack: FakeSlack, database: str, *args: str, log_level: str = "WARNING"
) -> Iterator[tuple[subprocess.Popen, SlackClientSim]]:
    """`iso20k serve` on the database with this environment, its Web API calls going to the fake; stops on exit."""
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack.api_url,
        "LOG_LEVEL": log_level,
    }
    env.pop("SLACK_APP_TOKEN", None)
    process, client = start_serve(env, *args, stderr=None)
    try:
        yield process, client
    finally:
        process.terminate()
        process.wait(timeout=15)
