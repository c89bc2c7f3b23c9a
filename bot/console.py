"""`iso20k console`: the bot in a terminal. Messages and button numbers go through the same router the
Slack listeners use; the Block Kit replies are rendered as text, buttons as numbered choices."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterable
from pathlib import Path

from bot.chat.context import Context, Surface
from bot.chat.outcome import DeleteSource, Ephemeral, Form, Outcome, Post, Update, Upload
from bot.chat.router import Router
from bot.views.text import plain, render_blocks

PROMPT = "you> "
CONSOLE_THREAD = "console"


def show(outcome: Outcome, write: Callable[[str], None], *, files_dir: Path | None = None) -> list[dict]:
    """Write each effect as text; returns the buttons offered, in order of appearance."""
    buttons: list[dict] = []
    anchors: dict[str, str] = {}
    for effect in outcome:
        if isinstance(effect, Post | Update | Ephemeral):
            shown, offered = render_blocks(effect.text, effect.blocks, first=len(buttons) + 1)
            if isinstance(effect, Update):
                shown = "(updated) " + shown
            buttons += offered
            write(shown + "\n\n")
            if isinstance(effect, Post) and effect.anchor:
                anchors[effect.anchor] = CONSOLE_THREAD
        elif isinstance(effect, Upload):
            write(_save(effect, files_dir) + "\n\n")
        elif isinstance(effect, Form):
            write(
                f"[form: {effect.title}] {plain(effect.intro)}\n(Forms open in Slack; here, type the command, "
                "e.g. `plan done ACTIVITY-ID <evidence>`.)\n\n"
            )
        elif isinstance(effect, DeleteSource):
            continue
    if outcome.then is not None and anchors:
        outcome.then(anchors)
    return buttons


def _save(upload: Upload, files_dir: Path | None) -> str:
    if files_dir is None:
        return f"[file: {upload.title} ({upload.filename}, {len(upload.data())} bytes)]"
    files_dir.mkdir(parents=True, exist_ok=True)
    path = files_dir / upload.filename
    path.write_bytes(upload.data())
    return f"[file: {upload.title} saved to {path}]"


def run_console(
    router: Router,
    lines: Iterable[str],
    write: Callable[[str], None],
    team_id: str = "console",
    files_dir: Path | None = None,
) -> None:
    """Read messages (or a button number) and write the bot's replies until the input ends or `quit`."""
    user = getpass.getuser()
    ctx = Context(
        team_id=team_id,
        surface=Surface.CONSOLE,
        channel_id="console",
        user_id=user,
        thread_ts=CONSOLE_THREAD,
        message_ts=CONSOLE_THREAD,
    )
    write(
        "iso20k console: ask a question as you would in Slack, `help` for what I can do, a number to press "
        "a button, `quit` to leave.\n"
    )
    buttons: list[dict] = []
    for raw in lines:
        text = raw.strip()
        if text.lower() in ("quit", "exit", "/quit"):
            break
        if not text:
            continue
        if text.isdigit() and buttons:
            choice = int(text)
            if not 1 <= choice <= len(buttons):
                write(f"Pick a button from 1 to {len(buttons)}.\n")
                continue
            button = buttons[choice - 1]
            outcome = router.handle_action(button["action_id"], button.get("value", ""), ctx)
        else:
            outcome = router.handle_text(text.removeprefix("/iso20k").strip(), ctx)
        if outcome is None:
            continue
        offered = show(outcome, write, files_dir=files_dir)
        buttons = offered or buttons
