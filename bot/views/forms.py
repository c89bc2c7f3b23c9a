"""Forms (Slack modals): a title, an intro and multi-line text inputs; the context rides along."""

from __future__ import annotations

import json
from typing import Protocol

from bot.views import blocks as bk

MAX_TITLE = 24  # Slack's limit for a modal title
MAX_METADATA = 3000


class FormLike(Protocol):
    @property
    def callback(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def intro(self) -> str: ...
    @property
    def fields(self) -> tuple[tuple[str, str, str], ...]: ...
    @property
    def context(self) -> str: ...
    @property
    def submit(self) -> str: ...


def form_view(form: FormLike, channel_id: str | None, thread_ts: str | None) -> dict:
    """The modal; private_metadata keeps the form's context and the conversation it came from."""
    metadata = json.dumps({"context": form.context, "channel": channel_id, "thread": thread_ts})
    blocks = [*[b.to_dict() for b in bk.sections(form.intro)]]
    for name, label, placeholder in form.fields:
        blocks.append(
            {
                "type": "input",
                "block_id": name,
                "optional": True,
                "label": {"type": "plain_text", "text": bk.clip(label, 2000)},
                "element": {
                    "type": "plain_text_input",
                    "action_id": name,
                    "multiline": True,
                    "max_length": 2000,
                    "placeholder": {"type": "plain_text", "text": bk.clip(placeholder, 150)},
                },
            }
        )
    return {
        "type": "modal",
        "callback_id": form.callback,
        "private_metadata": metadata[:MAX_METADATA],
        "title": {"type": "plain_text", "text": bk.clip(form.title, MAX_TITLE)},
        "submit": {"type": "plain_text", "text": bk.clip(form.submit, MAX_TITLE)},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": blocks,
    }


def submitted(view: dict) -> tuple[dict, dict[str, str]]:
    """A submitted modal's metadata and its text inputs by name."""
    try:
        metadata = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        metadata = {}
    values = {
        name: str((inputs.get(name) or {}).get("value") or "")
        for name, inputs in ((view.get("state") or {}).get("values") or {}).items()
    }
    return metadata if isinstance(metadata, dict) else {}, values
