"""ORM models: every row the bot stores is scoped by workspace (team id)."""

from __future__ import annotations

from datetime import UTC, datetime

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import DateTime, ForeignKey, Index, MetaData, String, Text, TypeDecorator, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

TEAM_ID = 32  # Slack ids are short ("T0123ABCD"); 32 leaves room, as slack_sdk's own tables do
SLACK_ID = 64
NORMALIZED_LENGTH = 255  # grouping key for reports; bounded so it can be indexed on Postgres

# named constraints, so that a later migration can drop or alter them on SQLite and Postgres alike
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored in UTC; SQLite, which keeps no zone, reads back UTC too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass a timezone-aware time")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Metadata of every table iso20k owns; Alembic's env.py compares migrations with it."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ProcessedEvent(Base):
    """A Slack event id claimed by the process that answers it."""

    __tablename__ = "processed_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(TEAM_ID))
    event_id: Mapped[str] = mapped_column(String(SLACK_ID), unique=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class Question(Base):
    """A question someone asked, whether the bot answered it, and what it answered with."""

    __tablename__ = "questions"
    __table_args__ = (Index("ix_questions_team_id_normalized", "team_id", "normalized"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(TEAM_ID))
    channel_id: Mapped[str | None] = mapped_column(String(SLACK_ID))
    user_id: Mapped[str | None] = mapped_column(String(SLACK_ID))
    text: Mapped[str] = mapped_column(Text)
    normalized: Mapped[str] = mapped_column(String(NORMALIZED_LENGTH))
    answered: Mapped[bool]
    top_entry_id: Mapped[str | None] = mapped_column(String(200))
    surface: Mapped[str] = mapped_column(String(16))  # mention, dm, command, console
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Feedback(Base):
    """One person's latest helpful / not helpful vote on one answer."""

    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("question_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(TEAM_ID), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(SLACK_ID))
    entry_id: Mapped[str | None] = mapped_column(String(200))
    helpful: Mapped[bool]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)  # time of the latest vote


# slack_sdk's installation and OAuth state stores own these tables; they are declared here too so
# that the migrations create them and Alembic's autogenerate compares them like ours
SLACK_BOTS = SQLAlchemyInstallationStore.build_bots_table(
    Base.metadata, SQLAlchemyInstallationStore.default_bots_table_name
)
SLACK_INSTALLATIONS = SQLAlchemyInstallationStore.build_installations_table(
    Base.metadata, SQLAlchemyInstallationStore.default_installations_table_name
)
SLACK_OAUTH_STATES = SQLAlchemyOAuthStateStore.build_oauth_states_table(
    Base.metadata, SQLAlchemyOAuthStateStore.default_table_name
)
