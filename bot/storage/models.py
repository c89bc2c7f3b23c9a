"""ORM models: every row the bot stores is scoped by workspace (team id)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import DateTime, ForeignKey, Index, MetaData, String, Text, TypeDecorator, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

TEAM_ID = 32  # Slack ids are short ("T0123ABCD"); 32 leaves room, as slack_sdk's own tables do
SLACK_ID = 64
NORMALIZED_LENGTH = 255
ENTRY_ID = 200  # knowledge ids
SCOPE = 100  # grouping key for reports; bounded so it can be indexed on Postgres

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


class Assessment(Base):
    """A maturity self-assessment run in a thread: the flow's state, saved with a version check."""

    __tablename__ = "assessments"
    __table_args__ = (
        UniqueConstraint("team_id", "channel_id", "thread_ts"),
        Index("ix_assessments_team_id_channel_id_finished_at", "team_id", "channel_id", "finished_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(TEAM_ID))
    channel_id: Mapped[str] = mapped_column(String(SLACK_ID))
    thread_ts: Mapped[str | None] = mapped_column(String(SLACK_ID))  # None until the bot's header is posted
    scope: Mapped[str | None] = mapped_column(String(SCOPE))
    scope_key: Mapped[str] = mapped_column(String(SCOPE), default="")  # scope compared case- and space-free
    element_ids: Mapped[str] = mapped_column(Text)  # comma-separated maturity ids, in the order asked
    starter: Mapped[str] = mapped_column(String(SLACK_ID))
    phase: Mapped[str] = mapped_column(String(16))
    current: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=0)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class AssessmentAnswer(Base):
    """One person's latest answer to one element of an assessment."""

    __tablename__ = "assessment_answers"
    __table_args__ = (UniqueConstraint("assessment_id", "element_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    element_id: Mapped[str] = mapped_column(String(ENTRY_ID))
    user_id: Mapped[str] = mapped_column(String(SLACK_ID))
    choice: Mapped[str] = mapped_column(String(16))
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Plan(Base):
    """A channel's implementation plan: phase lengths, time zone and the weekly reminder."""

    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("team_id", "channel_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(TEAM_ID))
    channel_id: Mapped[str] = mapped_column(String(SLACK_ID))
    start_date: Mapped[date]
    initiation_weeks: Mapped[int]
    phase1_weeks: Mapped[int]
    phase2_weeks: Mapped[int]
    phase3_weeks: Mapped[int]
    time_zone: Mapped[str] = mapped_column(String(64))
    remind_weekday: Mapped[int] = mapped_column(default=0)  # 0 = Monday
    remind_time: Mapped[str] = mapped_column(String(5), default="09:00")
    remind_enabled: Mapped[bool] = mapped_column(default=True)
    remind_tz: Mapped[str | None] = mapped_column(String(64))  # None: the plan's time zone
    on_track_note: Mapped[bool] = mapped_column(default=True)  # a week with nothing overdue still gets a note
    # kept by storage.plans with every status change, so the weekly sweep need not count thousands of rows
    done_count: Mapped[int] = mapped_column(default=0)
    scope_count: Mapped[int] = mapped_column(default=0)  # items not skipped
    created_by: Mapped[str] = mapped_column(String(SLACK_ID))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PlanItem(Base):
    """One activity of a plan in one phase: due at the phase's end, open, done or skipped."""

    __tablename__ = "plan_items"
    __table_args__ = (
        UniqueConstraint("plan_id", "activity_id", "phase"),
        # the sweep's overdue look-ups: open items by due date (counted and ranked without reading the
        # table, hence activity_id and snoozed_until), and snoozed ones
        Index("ix_plan_items_late", "plan_id", "status", "due", "activity_id", "phase", "snoozed_until"),
        Index("ix_plan_items_plan_id_snoozed_until", "plan_id", "snoozed_until"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    activity_id: Mapped[str] = mapped_column(String(ENTRY_ID))
    phase: Mapped[int]
    due: Mapped[date]
    status: Mapped[str] = mapped_column(String(16), default="open")
    snoozed_until: Mapped[date | None]
    owner: Mapped[str | None] = mapped_column(String(SLACK_ID))  # set for this activity alone
    done_by: Mapped[str | None] = mapped_column(String(SLACK_ID))
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    evidence: Mapped[str | None] = mapped_column(Text)
    skip_reason: Mapped[str | None] = mapped_column(Text)


class PlanRole(Base):
    """Who holds a role of the plan (top management, project team, change manager ...)."""

    __tablename__ = "plan_roles"
    __table_args__ = (UniqueConstraint("plan_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(100))
    user_id: Mapped[str] = mapped_column(String(SLACK_ID))


class PlanChange(Base):
    """The plan's history: who changed what, and when."""

    __tablename__ = "plan_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    activity_id: Mapped[str | None] = mapped_column(String(ENTRY_ID))
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[str] = mapped_column(String(SLACK_ID))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class PlanSubscriber(Base):
    """A person who gets their own overdue list by DM with the weekly nudge."""

    __tablename__ = "plan_subscribers"
    __table_args__ = (UniqueConstraint("plan_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(SLACK_ID))


class NudgeClaim(Base):
    """A plan's weekly nudge, claimed by the one process that sends it (unique plan and ISO week)."""

    __tablename__ = "nudge_claims"
    __table_args__ = (UniqueConstraint("plan_id", "week"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    week: Mapped[str] = mapped_column(String(10))  # ISO week in the plan's time zone, e.g. 2026-W48
    claimed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


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
