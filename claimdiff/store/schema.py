"""ORM rows. Only the store module sees them; everything else gets plain values."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints let later migrations alter them on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base of every ClaimDiff table."""

    metadata = MetaData(naming_convention=NAMING)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    title: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    path: Mapped[str | None] = mapped_column(Text, nullable=True)
    fmt: Mapped[str] = mapped_column(String(16), default="text")
    language: Mapped[str] = mapped_column(String(8), default="en")
    credits: Mapped[list[str]] = mapped_column(JSON, default=list)
    claims: Mapped[list[ClaimRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="ClaimRow.idx"
    )


class ClaimRow(Base):
    __tablename__ = "claims"
    __table_args__ = (UniqueConstraint("document_id", "pipeline", "idx"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    pipeline: Mapped[str] = mapped_column(String(32))
    idx: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(Text, nullable=True)
    slots: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    document: Mapped[DocumentRow] = relationship(back_populates="claims")


class ComparisonRow(Base):
    __tablename__ = "comparisons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    pipeline: Mapped[str] = mapped_column(String(32))
    settings: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    members: Mapped[list[MemberRow]] = relationship(
        cascade="all, delete-orphan", order_by="MemberRow.position"
    )
    links: Mapped[list[LinkRow]] = relationship(cascade="all, delete-orphan", order_by="LinkRow.id")


class MemberRow(Base):
    __tablename__ = "comparison_documents"

    comparison_id: Mapped[int] = mapped_column(
        ForeignKey("comparisons.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    path: Mapped[str | None] = mapped_column(Text, nullable=True)
    document: Mapped[DocumentRow] = relationship()


class LinkRow(Base):
    __tablename__ = "links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    comparison_id: Mapped[int] = mapped_column(
        ForeignKey("comparisons.id", ondelete="CASCADE"), index=True
    )
    claim_a_id: Mapped[int] = mapped_column(ForeignKey("claims.id"))
    claim_b_id: Mapped[int] = mapped_column(ForeignKey("claims.id"))
    label: Mapped[str] = mapped_column(String(16))
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[ReasonRow]] = relationship(
        cascade="all, delete-orphan", order_by="ReasonRow.id"
    )


class ReasonRow(Base):
    __tablename__ = "reasons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("links.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    a: Mapped[str] = mapped_column(Text)
    b: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)


class CurationRow(Base):
    """One analyst action, anchored to claim text in a document rather than to row ids."""

    __tablename__ = "curations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(16))
    a_sha256: Mapped[str] = mapped_column(String(64), index=True)
    a_text: Mapped[str] = mapped_column(Text)
    a_start: Mapped[int] = mapped_column(Integer)
    b_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    b_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    b_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    value: Mapped[str | None] = mapped_column(Text, nullable=True)
    author: Mapped[str] = mapped_column(Text)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    comparison_id: Mapped[int | None] = mapped_column(
        ForeignKey("comparisons.id", ondelete="SET NULL"), nullable=True
    )
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class PairLinkRow(Base):
    """The links of one aligned document pair: a cache, keyed by all that they depend on.

    Claims are named by their index within their document (in ``links``, a JSON
    list of [a, b, label, score, reasons]), so rows outlive any comparison.
    See :mod:`claimdiff.linkcache` for the key.
    """

    __tablename__ = "pair_links"
    __table_args__ = (
        UniqueConstraint(
            "a_sha256",
            "b_sha256",
            "pipeline",
            "model",
            "settings",
            "sources",
            name="uq_pair_links_key",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    a_sha256: Mapped[str] = mapped_column(String(64))
    b_sha256: Mapped[str] = mapped_column(String(64))
    pipeline: Mapped[str] = mapped_column(String(32))
    model: Mapped[str] = mapped_column(String(64))
    settings: Mapped[str] = mapped_column(String(64))
    sources: Mapped[str] = mapped_column(String(64))
    a_claims: Mapped[int] = mapped_column(Integer)
    b_claims: Mapped[int] = mapped_column(Integer)
    links: Mapped[list[Any]] = mapped_column(JSON)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
