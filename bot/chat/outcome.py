"""What a use case wants shown: a list of effects, delivered by the surface after the database commit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Post:
    """A message in the request's conversation: in its thread unless `thread` is False.

    `anchor` names the posted message so later effects can go in its thread (`thread_of`).
    """

    text: str
    blocks: list[dict] = field(default_factory=list)
    thread: bool = True
    anchor: str | None = None
    thread_of: str | None = None
    channel_id: str | None = None  # another conversation than the request's


@dataclass(frozen=True)
class Update:
    """Replace a message: the clicked one unless `ts` names another."""

    text: str
    blocks: list[dict] = field(default_factory=list)
    ts: str | None = None


@dataclass(frozen=True)
class Ephemeral:
    """A reply only the requesting person sees; `replace` swaps the private message clicked."""

    text: str
    blocks: list[dict] = field(default_factory=list)
    replace: bool = False


@dataclass(frozen=True)
class DeleteSource:
    """Remove the private message that was clicked (e.g. after sharing it)."""


@dataclass(frozen=True)
class Upload:
    """A file in the request's thread, or sent to the requesting person alone (`private`).

    `content` may be a function: the file is then made when its turn comes, after the effects before it
    went out (a chart rendered after the summary it illustrates is posted).
    """

    filename: str
    content: bytes | Callable[[], bytes]
    title: str
    comment: str | None = None
    private: bool = False
    thread_of: str | None = None

    def data(self) -> bytes:
        """The file's bytes, made now if they are made on demand."""
        return self.content() if callable(self.content) else self.content


@dataclass(frozen=True)
class Form:
    """A form (Slack modal) for the clicking person; its submission comes back as the action `callback`.

    `fields` are (name, label, placeholder) of multi-line text inputs; `context` comes back unchanged.
    """

    callback: str
    title: str
    intro: str
    fields: tuple[tuple[str, str, str], ...]
    context: str
    submit: str = "Save"


Effect = Post | Update | Ephemeral | DeleteSource | Upload | Form


@dataclass
class Outcome:
    """The effects of one request, in order; `then` gets the posted anchors' timestamps afterwards."""

    effects: list[Effect] = field(default_factory=list)
    then: Callable[[dict[str, str]], None] | None = None

    def __iter__(self) -> Iterator[Effect]:
        return iter(self.effects)

    def __bool__(self) -> bool:
        return bool(self.effects)

    def add(self, *effects: Effect) -> Outcome:
        self.effects.extend(effects)
        return self


def say(text: str, blocks: list[dict] | None = None, *, private: bool = False) -> Outcome:
    """One reply: in the thread, or only to the asker."""
    if private:
        return Outcome([Ephemeral(text, blocks or [])])
    return Outcome([Post(text, blocks or [])])
