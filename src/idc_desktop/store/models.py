"""The mapped tables. Only store/ sees these classes; services get domain objects.

The schema is changed only through alembic migrations in migrations/versions; a test
checks that autogenerate finds no difference between these models and the migrations.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy import true as sa_true
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# How Due now orders an action with no due date: after every dated one (an index expression).
UNDATED = "'9999-12-31'"

# A session's month as "YYYY-MM" from its ISO date: an index expression (the patterns' months).
MONTH_OF = "substr(held_on, 1, 7)"

# Named constraints keep batch migrations on SQLite predictable.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class CaseRow(Base):
    __tablename__ = "cases"
    # The reviews due, in date order, from the index (migration 0005).
    __table_args__ = (Index("ix_cases_status_next_review_on", "status", "next_review_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    specialty: Mapped[str] = mapped_column(String(80), index=True)
    setting: Mapped[str] = mapped_column(String(20))
    life_stage: Mapped[str] = mapped_column(String(20))
    gender: Mapped[str | None] = mapped_column(String(200))
    referral_reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), index=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Rolled up from the sessions by the store on every session write, so the library
    # can list 100k cases without a GROUP BY.
    session_count: Mapped[int] = mapped_column(Integer, default=0)
    last_session_on: Mapped[date | None] = mapped_column(Date)
    next_review_on: Mapped[date | None] = mapped_column(Date, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    sessions: Mapped[list[ConsultationRow]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(ConsultationRow.held_on, ConsultationRow.id)",
    )


class ConsultationRow(Base):
    __tablename__ = "consultations"
    __table_args__ = (
        # Each case's latest session from the index alone (migration 0004); it also serves case_id.
        Index("ix_consultations_case_id_held_on", "case_id", "held_on"),
        Index("ix_consultations_lead_items", "lead_items"),  # the patterns' combinations (0005)
        Index("ix_consultations_month", text(MONTH_OF)),  # the patterns' sessions per month (0005)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    held_on: Mapped[date] = mapped_column(Date)
    facilitator_role: Mapped[str] = mapped_column(String(200), default="")
    presenter_role: Mapped[str] = mapped_column(String(200), default="")
    ground_rules: Mapped[list[str]] = mapped_column(JSON, default=list)
    question: Mapped[str] = mapped_column(Text, default="")
    presentation: Mapped[str] = mapped_column(Text, default="")
    clarifying: Mapped[str] = mapped_column(Text, default="")
    close_notes: Mapped[str] = mapped_column(Text, default="")
    cycle: Mapped[str] = mapped_column(Text, default="")
    formulation: Mapped[str] = mapped_column(Text, default="")
    stance: Mapped[str] = mapped_column(Text, default="")
    risks: Mapped[str] = mapped_column(Text, default="")
    staff_support: Mapped[str] = mapped_column(Text, default="")
    patient_message: Mapped[str] = mapped_column(Text, default="")
    review_on: Mapped[date | None] = mapped_column(Date)
    facilitator_reflection: Mapped[str] = mapped_column(Text, default="")
    current_phase: Mapped[str] = mapped_column(String(40), default="")
    # Kept by the store from the session's items (migration 0005): each perspective's lead item
    # (its first chosen), as "keyA keyB keyC keyD", when all four have one; NULL otherwise.
    lead_items: Mapped[str | None] = mapped_column(String(250))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    case: Mapped[CaseRow] = relationship(back_populates="sessions")
    attendees: Mapped[list[AttendeeRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="AttendeeRow.position"
    )
    perspective_notes: Mapped[list[PerspectiveNoteRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    perspective_items: Mapped[list[PerspectiveItemRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PerspectiveItemRow.position"
    )
    contributions: Mapped[list[ContributionRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ContributionRow.position"
    )
    alliance: Mapped[list[AllianceRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    discipline_items: Mapped[list[DisciplineItemRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    actions: Mapped[list[PlanActionRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PlanActionRow.position",
        foreign_keys="PlanActionRow.consultation_id",
    )


class AttendeeRow(Base):
    __tablename__ = "attendees"
    __table_args__ = (CheckConstraint("count >= 1", name="count_positive"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(200))
    count: Mapped[int] = mapped_column(Integer, default=1)


class PerspectiveNoteRow(Base):
    __tablename__ = "perspective_notes"

    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True
    )
    perspective: Mapped[str] = mapped_column(String(1), primary_key=True)
    summary: Mapped[str] = mapped_column(Text, default="")


class CatalogueItemRow(Base):
    __tablename__ = "catalogue_items"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    family: Mapped[str] = mapped_column(String(20))
    cluster: Mapped[str] = mapped_column(String(60), default="")
    hint: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Hidden items stay in past sessions; they are only left out of the picker.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    custom: Mapped[bool] = mapped_column(Boolean, default=False)


class PerspectiveItemRow(Base):
    __tablename__ = "perspective_items"
    __table_args__ = (  # patterns across the log (migration 0004): items counted, lead items found
        Index("ix_perspective_items_perspective_item_key", "perspective", "item_key", "consultation_id"),
        Index("ix_perspective_items_lead", "perspective", "position", "consultation_id", "item_key"),
    )

    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True
    )
    perspective: Mapped[str] = mapped_column(String(1), primary_key=True)
    item_key: Mapped[str] = mapped_column(
        ForeignKey("catalogue_items.key", ondelete="RESTRICT"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class DisciplineItemRow(Base):
    """A discipline that spoke in D (what staff feel and do) and an item chosen in D, in one
    session: the patterns' "D by discipline" counted from one narrow index (migration 0005).
    Kept by the store from the session's D contributions and items whenever it is written."""

    __tablename__ = "discipline_items"
    __table_args__ = (Index("ix_discipline_items_role_item_key", "role", "item_key"),)

    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(200), primary_key=True)
    item_key: Mapped[str] = mapped_column(String(60), primary_key=True)


class ContributionRow(Base):
    __tablename__ = "contributions"
    # D by discipline without reading the text (migration 0004).
    __table_args__ = (Index("ix_contributions_perspective_role", "perspective", "role", "consultation_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True
    )
    perspective: Mapped[str] = mapped_column(String(1))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(200))
    salient: Mapped[bool] = mapped_column(Boolean, default=False)


class AllianceRow(Base):
    __tablename__ = "alliance_ratings"
    __table_args__ = (
        CheckConstraint("rating IS NULL OR (rating BETWEEN 1 AND 5)", name="rating_range"),
        Index("ix_alliance_ratings_dimension_rating", "dimension", "rating"),  # patterns (migration 0004)
    )

    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True
    )
    dimension: Mapped[str] = mapped_column(String(10), primary_key=True)
    rating: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")


class PlanActionRow(Base):
    __tablename__ = "plan_actions"
    __table_args__ = (
        # An action's fate at review is the action carried from it (migration 0004), whose verdict
        # the store copies onto it (0005): the outcomes are counted from this index alone.
        Index("ix_plan_actions_carried_from", "carried_from_id", "status", "reviewed", "later_status",
              "later_reviewed"),
        # Due now a page at a time, in its order; its counts from the index alone (migration 0005).
        Index("ix_plan_actions_due", "status", text("lower(owner_role)"), text(f"coalesce(due_on, {UNDATED})")),
        Index("ix_plan_actions_consultation_id", "consultation_id", "status", "due_on", "times_carried"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    owner_role: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open")
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_actions.id", ondelete="SET NULL")
    )
    # False while a carried action awaits the follow-up's review (migration 0003).
    reviewed: Mapped[bool] = mapped_column(Boolean, default=True, server_default=sa_true())
    # How many follow-ups carried it (its carried_from chain), kept by the store with the
    # case's roll-ups (store/carried.py; migration 0005).
    times_carried: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The verdict of the action a follow-up carried from this one (NULL: not carried), kept by
    # the store likewise: what became of the action at review, without a join (migration 0005).
    later_status: Mapped[str | None] = mapped_column(String(10))
    later_reviewed: Mapped[bool | None] = mapped_column(Boolean)


class VocabularyTermRow(Base):
    """Editable pick lists: specialties and disciplines (roles)."""

    __tablename__ = "vocabulary_terms"
    __table_args__ = (UniqueConstraint("kind", "value", name="uq_vocabulary_terms_kind_value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)


class DismissedFindingRow(Base):
    """Text a user marked "not an identifier": the privacy guard stops flagging it."""

    __tablename__ = "dismissed_findings"
    __table_args__ = (UniqueConstraint("kind", "text", name="uq_dismissed_findings_kind_text"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(String(400))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
