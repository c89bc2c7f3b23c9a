"""A local fake of Slack's Web API (and of response_url endpoints) that records every request."""

from __future__ import annotations

import itertools
import json
import select
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


@dataclass
class Call:
    path: str
    method: str  # Web API method (chat.postMessage) or "response:<name>" for a response_url
    headers: dict
    body: dict
    raw: bytes = b""  # the bytes of a file upload (method "upload")
    response: dict = field(default_factory=dict)  # what the fake answered (e.g. chat.postMessage's ts)
    abandoned: bool = False  # held by `delay` until the caller gave up: received, never answered, no effect


class FakeSlack:
    """Start with `with FakeSlack() as slack:`; point SLACK_API_URL at `slack.api_url`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._changed = threading.Condition()
        self._failures: dict[str, list[tuple[int, dict]]] = {}
        self._delays: dict[str, list[float]] = {}
        self._file_ids = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.base_url}/response/{name}"

    def fail(self, method: str, status: int, headers: dict | None = None, times: int = 1) -> None:
        """Answer the next `times` calls of a method with this status (e.g. 429 and Retry-After)."""
        self._failures.setdefault(method, []).extend([(status, headers or {})] * times)

    def delay(self, method: str, seconds: float, times: int = 1) -> None:
        """Hold the next `times` calls of a method for `seconds` before answering them.

        A held call is recorded when it arrives. A caller that times out first and closes the connection
        gets no answer, and the call has no effect, as if Slack dropped it: it stays with `abandoned` set
        and an empty `response`. A caller still waiting after `seconds` gets the usual answer.
        """
        with self._changed:
            self._delays.setdefault(method, []).extend([seconds] * times)

    def answered(self, method: str) -> list[Call]:
        """The calls of a method that the fake answered with ok: what took effect (e.g. the posts people see)."""
        return [c for c in self.calls_to(method) if c.response.get("ok")]

    def calls_to(self, method: str) -> list[Call]:
        with self._changed:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """Block until `count` calls of the method arrived; fail the test if they do not."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len([c for c in self.calls if c.method == method]) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [c.method for c in self.calls]
                    raise AssertionError(f"expected {count} call(s) of {method} within {timeout}s; got {seen}")
                self._changed.wait(left)
            return [c for c in self.calls if c.method == method]

    def wait_until(self, done, timeout: float = 10.0) -> list[Call]:
        """Block until `done(calls)` is true; fail the test if it does not become true in time."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not done(self.calls):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"condition not met within {timeout}s; got {[c.method for c in self.calls]}")
                self._changed.wait(left)
            return list(self.calls)

    def posts_to(self, channel: str) -> list[Call]:
        """chat.postMessage calls to one channel."""
        return [c for c in self.calls_to("chat.postMessage") if c.body.get("channel") == channel]

    def uploads(self) -> list[tuple[Call, Call]]:
        """Each finished file upload: (the bytes' POST to the upload URL, its files.completeUploadExternal)."""
        by_id = {c.body["file_id"]: c for c in self.calls_to("upload")}
        done = []
        for complete in self.calls_to("files.completeUploadExternal"):
            for meta in json.loads(complete.body.get("files", "[]")):
                if meta["id"] in by_id:
                    done.append((by_id[meta["id"]], complete))
        return done

    def _take_delay(self, method: str) -> float | None:
        with self._changed:
            delays = self._delays.get(method)
            return delays.pop(0) if delays else None

    def _arrived(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _abandon(self, call: Call) -> None:
        with self._changed:
            call.abandoned = True
            self._changed.notify_all()

    def _record(self, call: Call, *, arrived: bool = False) -> tuple[int, dict, dict | str]:
        """The answer to a call, and the call recorded with it (a held call was recorded when it `arrived`)."""
        with self._changed:
            failures = self._failures.get(call.method)
            if failures:
                status, headers = failures.pop(0)
                if not arrived:
                    self.calls.append(call)
                self._changed.notify_all()
                return status, headers, {"ok": False, "error": "ratelimited" if status == 429 else "fatal_error"}
            answer = _answer(call, self)
            call.response = answer if isinstance(answer, dict) else {"ok": True}  # "ok" of a response_url
            # recorded only now, so that a test waiting for the call also finds what was answered
            if not arrived:
                self.calls.append(call)
            self._changed.notify_all()
        return 200, {}, answer

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                path = self.path.split("?")[0]
                if path.startswith("/upload/"):  # files_upload_v2's second step: the file's bytes
                    call = Call(
                        path=path,
                        method="upload",
                        headers=dict(self.headers),
                        body={"file_id": path.rsplit("/", 1)[-1]},
                        raw=raw,
                    )
                else:
                    api = path.startswith("/api/")
                    method = path.removeprefix("/api/") if api else "response:" + path.rsplit("/", 1)[-1]
                    call = Call(path=path, method=method, headers=dict(self.headers), body=_parse(raw, self.headers))
                held = fake._take_delay(call.method)
                if held is not None:
                    fake._arrived(call)
                    if _caller_gave_up(self.connection, held):
                        fake._abandon(call)
                        self.close_connection = True
                        return
                status, headers, payload = fake._record(call, arrived=held is not None)
                data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Type", "application/json" if not isinstance(payload, str) else "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        return Handler


def _caller_gave_up(connection: socket.socket, seconds: float) -> bool:
    """Wait up to `seconds`; True as soon as the caller closes its end (it timed out and hung up)."""
    readable, _, _ = select.select([connection], [], [], seconds)
    if not readable:
        return False
    try:  # the request was read whole: anything readable now is the caller's end closing
        return connection.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True


def _parse(raw: bytes, headers) -> dict:
    if not raw:
        return {}
    if "json" in (headers.get("Content-Type") or ""):
        return json.loads(raw)
    fields = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
    for key in ("blocks", "view"):
        if isinstance(fields.get(key), str):
            fields[key] = json.loads(fields[key])
    return fields


def _answer(call: Call, fake: FakeSlack) -> dict | str:
    if call.method.startswith("response:") or call.method == "upload":
        return "ok"
    if call.method == "files.getUploadURLExternal":
        file_id = f"F{next(fake._file_ids):06d}"
        return {"ok": True, "file_id": file_id, "upload_url": f"{fake.base_url}/upload/{file_id}"}
    if call.method == "files.completeUploadExternal":
        files = json.loads(call.body.get("files", "[]"))
        return {"ok": True, "files": [{"id": f["id"], "title": f.get("title", "")} for f in files]}
    if call.method == "conversations.open":
        users = call.body.get("users", "")
        return {"ok": True, "channel": {"id": "D" + users.split(",")[0].removeprefix("U")}}
    if call.method == "users.info":
        user = call.body.get("user", "")
        return {
            "ok": True,
            "user": {"id": user, "tz": "Europe/Paris", "is_admin": user.startswith("U0ADMIN"), "is_owner": False},
        }
    if call.method == "auth.test":
        return {
            "ok": True,
            "url": "https://acme.slack.com/",
            "team": "Acme",
            "user": "iso20k",
            "team_id": "T0ACME",
            "user_id": "UBOT",
            "bot_id": "BBOT",
            "is_enterprise_install": False,
        }
    if call.method == "oauth.v2.access":
        return {
            "ok": True,
            "app_id": "A1",
            "authed_user": {"id": "U0ADMIN"},
            "scope": "chat:write,commands",
            "token_type": "bot",
            "access_token": "xoxb-installed",
            "bot_user_id": "UBOT2",
            "team": {"id": "T0OTHER", "name": "Other Corp"},
            "enterprise": None,
            "is_enterprise_install": False,
        }
    if call.method == "chat.postMessage":
        return {
            "ok": True,
            "channel": call.body.get("channel"),
            "ts": f"{time.time():.6f}",
            "message": {"text": call.body.get("text", "")},
        }
    return {"ok": True}
