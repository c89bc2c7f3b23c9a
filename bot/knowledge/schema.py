"""Pydantic models of the knowledge entries: the one definition of what a valid entry is."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.knowledge.text import content_stems

ClauseRef = Annotated[str, Field(pattern=r"^(?:[4-9]|10)(?:\.\d{1,2}){0,3}$")]
NonEmpty = Annotated[str, Field(min_length=1)]

SHIPPED_KINDS = ("clause", "challenge", "maturity", "guidance", "activity")
LOCAL_KINDS = ("faq", "policy")
KINDS = SHIPPED_KINDS + LOCAL_KINDS  # the one list of entry kinds, in the order answers show them


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class EntryBase(_Strict):
    """Fields every knowledge entry has."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=120)]
    title: NonEmpty
    summary: NonEmpty
    clauses: list[ClauseRef]
    source: NonEmpty
    keywords: list[NonEmpty] = []
    examples: list[NonEmpty] = []  # how people ask about it or tell the situation, in their own words
    related: list[NonEmpty] = []

    @field_validator("clauses")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("a clause is listed twice")
        return value

    @field_validator("keywords", "examples")
    @classmethod
    def _no_repeated_phrases(cls, value: list[str]) -> list[str]:
        seen: set[str] = set()
        for phrase in value:
            if phrase.lower() in seen:
                raise ValueError(f"{phrase!r} is listed twice")
            seen.add(phrase.lower())
        return value

    @field_validator("keywords")
    @classmethod
    def _words_the_search_reads(cls, value: list[str]) -> list[str]:
        for phrase in value:
            if not content_stems(phrase):
                raise ValueError(f"{phrase!r} is only common words the search skips: name the topic itself")
        return value


class ClauseEntry(EntryBase):
    kind: Literal["clause"]

    @field_validator("id")
    @classmethod
    def _id_is_number(cls, value: str) -> str:
        if not re.fullmatch(r"(?:[4-9]|10)(?:\.\d{1,2}){0,3}", value):
            raise ValueError("a clause id is its clause number, e.g. 7.4")
        return value


class Consideration(_Strict):
    text: NonEmpty
    clauses: list[ClauseRef] = []


class ChallengeEntry(EntryBase):
    kind: Literal["challenge"]
    number: Annotated[int, Field(ge=1)] | None = None
    considerations: list[Consideration] = []


class Levels(_Strict):
    I: NonEmpty  # noqa: E741 - the standard's own level names
    II: NonEmpty
    III: NonEmpty


class MaturityEntry(EntryBase):
    kind: Literal["maturity"]
    levels: Levels


class Checklist(_Strict):
    title: NonEmpty
    items: list[NonEmpty]


class GuidanceEntry(EntryBase):
    kind: Literal["guidance"]
    checklists: list[Checklist] = []


Phase = Literal[1, 2, 3]


class ActivityEntry(EntryBase):
    kind: Literal["activity"]
    group: Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    who: list[NonEmpty]
    phases: Annotated[list[Phase], Field(min_length=1)]
    checklist: list[NonEmpty] = []

    @field_validator("who")
    @classmethod
    def _roles_lowercase(cls, value: list[str]) -> list[str]:
        return [role.lower() for role in value]


class LocalEntry(EntryBase):
    """An organization's own entry: a local policy or an FAQ answer."""

    kind: Literal["faq", "policy"]


Entry = Annotated[
    ClauseEntry | ChallengeEntry | MaturityEntry | GuidanceEntry | ActivityEntry | LocalEntry,
    Field(discriminator="kind"),
]
