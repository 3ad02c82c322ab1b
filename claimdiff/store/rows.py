"""Rows back to values: reading a stored comparison inside one session (saving.py writes)."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Row, select
from sqlalchemy.orm import Session

from claimdiff.codec import claim_from_dict
from claimdiff.model import Claim, Comparison, Document, Label, Link, Reason, ReasonKind
from claimdiff.store.curations import utc
from claimdiff.store.errors import StoreError
from claimdiff.store.schema import (
    ClaimRow,
    ComparisonRow,
    DocumentRow,
    LinkRow,
    MemberRow,
    ReasonRow,
)


def comparison_row(session: Session, comparison_id: int) -> ComparisonRow:
    row = session.get(ComparisonRow, comparison_id)
    if row is None:
        raise StoreError(f"no comparison with id {comparison_id}")
    return row


def load(session: Session, comparison_id: int) -> Comparison:
    """One Core query per table into plain tuples: ORM instances cost more than the rows hold."""
    with _collector_paused():
        return _load(session, comparison_id)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building thousands of claims sets off garbage collections that scan every tracked
    object (a quarter of the read in a small process); none of these values form cycles,
    so the collector waits until they are built."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(session: Session, comparison_id: int) -> Comparison:
    row = comparison_row(session, comparison_id)
    connection = session.connection()
    members = connection.execute(
        select(MemberRow.position, MemberRow.path, *_DOCUMENT_COLUMNS)
        .join(DocumentRow, MemberRow.document_id == DocumentRow.id)
        .where(MemberRow.comparison_id == row.id)
        .order_by(MemberRow.position)
    ).all()
    documents = tuple(_document(member) for member in members)
    claims, claim_ids = _claims(connection, [m.id for m in members], row.pipeline)
    return Comparison(
        documents=documents,
        claims=tuple(claims),
        links=_links(connection, row.id, claim_ids),
        id=row.id,
        name=row.name,
        created=utc(row.created),
        warnings=tuple(row.warnings),
        settings=dict(row.settings),
    )


_DOCUMENT_COLUMNS = (
    DocumentRow.id,
    DocumentRow.title,
    DocumentRow.source,
    DocumentRow.text,
    DocumentRow.sha256,
    DocumentRow.published,
    DocumentRow.path.label("stored_path"),
    DocumentRow.language,
    DocumentRow.fmt,
    DocumentRow.credits,
)
AnyRow = Row[*tuple[Any, ...]]
_LABELS = {label.value: label for label in Label}
_KINDS = {kind.value: kind for kind in ReasonKind}


def _document(member: AnyRow) -> Document:
    return Document(
        id=member.position,
        title=member.title,
        source=member.source,
        text=member.text,
        sha256=member.sha256,
        published=member.published,
        path=member.path if member.path is not None else member.stored_path,
        language=member.language,
        fmt=member.fmt,
        credits=tuple(member.credits or ()),
    )


def _claims(
    connection: Connection, document_ids: Sequence[int], pipeline: str
) -> tuple[list[Claim], dict[int, int]]:
    """Claims of every member document in position order, and row id -> claim id."""
    by_document: dict[int, list[AnyRow]] = {document_id: [] for document_id in document_ids}
    found = connection.execute(
        select(
            ClaimRow.id,
            ClaimRow.document_id,
            ClaimRow.start,
            ClaimRow.end,
            ClaimRow.text,
            ClaimRow.slots,
        )
        .where(ClaimRow.document_id.in_(set(document_ids)), ClaimRow.pipeline == pipeline)
        .order_by(ClaimRow.document_id, ClaimRow.idx)
    ).all()
    for claim_row in found:
        by_document[claim_row.document_id].append(claim_row)
    claims: list[Claim] = []
    claim_ids: dict[int, int] = {}
    for position, document_id in enumerate(document_ids):
        for claim_row in by_document[document_id]:
            claim_ids[claim_row.id] = len(claims)
            data = dict(claim_row.slots)
            data.update(
                id=len(claims),
                document=position,
                start=claim_row.start,
                end=claim_row.end,
                text=claim_row.text,
            )
            claims.append(claim_from_dict(data))
    return claims, claim_ids


def _links(
    connection: Connection, comparison_id: int, claim_ids: Mapping[int, int]
) -> tuple[Link, ...]:
    reasons: dict[int, list[Reason]] = {}
    for reason in connection.execute(
        select(ReasonRow.link_id, ReasonRow.kind, ReasonRow.a, ReasonRow.b, ReasonRow.text)
        .join(LinkRow, ReasonRow.link_id == LinkRow.id)
        .where(LinkRow.comparison_id == comparison_id)
        .order_by(ReasonRow.id)
    ).all():
        reasons.setdefault(reason.link_id, []).append(
            Reason(_KINDS[reason.kind], reason.a, reason.b, reason.text)
        )
    found = connection.execute(
        select(LinkRow.id, LinkRow.claim_a_id, LinkRow.claim_b_id, LinkRow.label, LinkRow.score)
        .where(LinkRow.comparison_id == comparison_id)
        .order_by(LinkRow.id)
    ).all()
    return tuple(
        Link(
            a=claim_ids[link.claim_a_id],
            b=claim_ids[link.claim_b_id],
            label=_LABELS[link.label],
            score=link.score,
            reasons=tuple(reasons.get(link.id, ())),
        )
        for link in found
    )
