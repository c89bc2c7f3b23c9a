"""Sends what Slack sends: signed events, slash commands and button clicks."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

SECRET = "test-signing-secret"
TEAM = "T0ACME"


@dataclass
class HttpResult:
    status: int
    body: str
    elapsed: float


class SlackClientSim:
    """Sends what Slack sends: signed events, commands and interactions."""

    def __init__(self, base_url: str, secret: str = SECRET) -> None:
        self.base_url = base_url
        self.verifier = SignatureVerifier(secret)
        self.events_sent = 0

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        signature: str | None = None,
        headers: dict | None = None,
        path: str = "/slack/events",
    ) -> HttpResult:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        sig = signature or self.verifier.generate_signature(timestamp=ts, body=body)
        request = urllib.request.Request(
            self.base_url + path,
            data=body.encode(),
            method="POST",
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": ts,
                "X-Slack-Signature": sig,
                **(headers or {}),
            },
        )
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return HttpResult(response.status, response.read().decode(), time.perf_counter() - start)
        except urllib.error.HTTPError as error:
            return HttpResult(error.code, error.read().decode(), time.perf_counter() - start)

    def event(self, event: dict, *, event_id: str | None = None, headers: dict | None = None, **kw) -> HttpResult:
        self.events_sent += 1
        body = {
            "token": "x",
            "team_id": TEAM,
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id or f"Ev{time.time_ns()}{self.events_sent}",
            "event_time": int(time.time()),
            "event": event,
        }
        return self.post(json.dumps(body), "application/json", headers=headers, **kw)

    def command(self, text: str, response_url: str, **fields) -> HttpResult:
        form = {
            "command": "/iso20k",
            "text": text,
            "team_id": TEAM,
            "channel_id": "C0PROJECT",
            "user_id": "U0ALICE",
            "user_name": "alice",
            "response_url": response_url,
            "trigger_id": "1.2.3",
            **fields,
        }
        return self.post(urlencode(form), "application/x-www-form-urlencoded")

    def click(
        self,
        action_id: str,
        value: str,
        *,
        message: dict | None = None,
        response_url: str,
        ephemeral: bool = False,
        channel: str = "C0PROJECT",
        user: str = "U0BOB",
        team: str = TEAM,
    ) -> HttpResult:
        payload = {
            "type": "block_actions",
            "team": {"id": team},
            "user": {"id": user},
            "api_app_id": "A1",
            "trigger_id": "1.2.3",
            "response_url": response_url,
            "channel": {"id": channel},
            "container": {
                "type": "message",
                "channel_id": channel,
                "is_ephemeral": ephemeral,
                "message_ts": (message or {}).get("ts", "1.1"),
            },
            "message": message or {"ts": "1.1"},
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "value": value,
                    "block_id": "b",
                    "action_ts": str(time.time()),
                }
            ],
        }
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    def submit_view(self, view: dict, values: dict[str, str], *, user: str = "U0BOB") -> HttpResult:
        """Submit a modal the bot opened (views.open), with text typed into its inputs."""
        state = {"values": {name: {name: {"type": "plain_text_input", "value": text}} for name, text in values.items()}}
        payload = {
            "type": "view_submission",
            "team": {"id": TEAM},
            "user": {"id": user},
            "api_app_id": "A1",
            "trigger_id": "1.2.4",
            "view": {**view, "id": "V1", "state": state},
        }
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    def get(self, path: str) -> HttpResult:
        try:
            with urllib.request.urlopen(self.base_url + path, timeout=10) as response:
                return HttpResult(response.status, response.read().decode(), 0)
        except urllib.error.HTTPError as error:
            return HttpResult(error.code, error.read().decode(), 0)
