"""Values to rows and back: saving and loading comparisons inside one session."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claimdiff.codec import claim_from_dict, slots_to_dict
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

# -- saving -------------------------------------------------------------------


def _member_rows(
    session: Session, comparison: Comparison, pipeline: str
) -> tuple[list[DocumentRow], list[LinkRow]]:
    """Document rows (shared by hash) and fresh link rows for a comparison."""
    doc_rows = [_document_row(session, document) for document in comparison.documents]
    claim_ids: dict[int, int] = {}
    for position, doc_row in enumerate(doc_rows):
        doc_claims = [c for c in comparison.claims if c.document == position]
        rows = _claim_rows(session, doc_row, doc_claims, pipeline)
        claim_ids.update(zip((c.id for c in doc_claims), (r.id for r in rows), strict=True))
    return doc_rows, [_link_row(link, claim_ids) for link in comparison.links]


def replace(
    session: Session, comparison_id: int, comparison: Comparison, pipeline: str
) -> tuple[int, str, dt.datetime]:
    """Give a stored comparison new documents (appended) and links."""
    row = session.get(ComparisonRow, comparison_id)
    if row is None:
        raise StoreError(f"no comparison with id {comparison_id}")
    doc_rows, links = _member_rows(session, comparison, pipeline)
    stored = [member.document_id for member in row.members]
    if [doc.id for doc in doc_rows[: len(stored)]] != stored:
        raise StoreError(f"comparison {comparison_id} changed while documents were being added")
    for position in range(len(stored), len(doc_rows)):
        row.members.append(
            MemberRow(
                position=position,
                document=doc_rows[position],
                path=comparison.documents[position].path,
            )
        )
    row.links = links
    row.warnings = list(comparison.warnings)
    row.name = comparison.name or row.name
    return row.id, row.name, utc(row.created)


def save(session: Session, comparison: Comparison, pipeline: str) -> tuple[int, str, dt.datetime]:
    doc_rows, links = _member_rows(session, comparison, pipeline)
    paths = [document.path for document in comparison.documents]
    existing = _same_comparison(session, doc_rows, pipeline, comparison.settings)
    if existing is not None:
        if _signature(existing.links) != _signature(links):
            existing.links = links
        for member, path in zip(existing.members, paths, strict=True):
            member.path = path
        existing.warnings = list(comparison.warnings)
        return existing.id, existing.name, utc(existing.created)
    assert comparison.created is not None
    row = ComparisonRow(
        name=comparison.name,
        created=comparison.created,
        pipeline=pipeline,
        settings=dict(comparison.settings),
        warnings=list(comparison.warnings),
        members=[
            MemberRow(position=i, document=doc, path=path)
            for i, (doc, path) in enumerate(zip(doc_rows, paths, strict=True))
        ],
        links=links,
    )
    session.add(row)
    session.flush()
    return row.id, comparison.name, comparison.created


def _document_row(session: Session, document: Document) -> DocumentRow:
    row = session.scalar(select(DocumentRow).where(DocumentRow.sha256 == document.sha256))
    if row is None:
        row = DocumentRow(
            sha256=document.sha256,
            title=document.title,
            source=document.source,
            text=document.text,
            published=document.published,
            path=document.path,
            fmt=document.fmt,
            language=document.language,
            credits=list(document.credits),
        )
        session.add(row)
        session.flush()
    return row


def _claim_rows(
    session: Session, doc_row: DocumentRow, claims: Sequence[Claim], pipeline: str
) -> list[ClaimRow]:
    existing = session.scalars(
        select(ClaimRow)
        .where(ClaimRow.document_id == doc_row.id, ClaimRow.pipeline == pipeline)
        .order_by(ClaimRow.idx)
    ).all()
    if existing:
        if len(existing) != len(claims):
            raise StoreError(
                f"claims of {doc_row.title!r} differ from those stored for pipeline {pipeline}"
            )
        return list(existing)
    rows = [
        ClaimRow(
            document_id=doc_row.id,
            pipeline=pipeline,
            idx=index,
            start=claim.start,
            end=claim.end,
            text=claim.text,
            speaker=claim.speaker,
            slots=slots_to_dict(claim),
        )
        for index, claim in enumerate(claims)
    ]
    session.add_all(rows)
    session.flush()
    return rows


def _link_row(link: Link, claim_ids: Mapping[int, int]) -> LinkRow:
    return LinkRow(
        claim_a_id=claim_ids[link.a],
        claim_b_id=claim_ids[link.b],
        label=link.label.value,
        score=link.score,
        reasons=[ReasonRow(kind=r.kind.value, a=r.a, b=r.b, text=r.text) for r in link.reasons],
    )


def _same_comparison(
    session: Session, doc_rows: Sequence[DocumentRow], pipeline: str, settings: Mapping[str, Any]
) -> ComparisonRow | None:
    wanted = [row.id for row in doc_rows]
    candidates = session.scalars(
        select(ComparisonRow)
        .join(MemberRow)
        .where(
            ComparisonRow.pipeline == pipeline,
            MemberRow.position == 0,
            MemberRow.document_id == wanted[0],
        )
        .order_by(ComparisonRow.id)
    ).all()
    for row in candidates:
        members = [member.document_id for member in row.members]
        if members == wanted and dict(row.settings) == dict(settings):
            return row
    return None


def _signature(links: Sequence[LinkRow]) -> set[tuple[Any, ...]]:
    return {
        (
            link.claim_a_id,
            link.claim_b_id,
            link.label,
            round(link.score, 9),
            tuple((r.kind, r.a, r.b, r.text) for r in link.reasons),
        )
        for link in links
    }


# -- loading ------------------------------------------------------------------


def comparison_row(session: Session, comparison_id: int) -> ComparisonRow:
    row = session.get(ComparisonRow, comparison_id)
    if row is None:
        raise StoreError(f"no comparison with id {comparison_id}")
    return row


def load(session: Session, comparison_id: int) -> Comparison:
    row = comparison_row(session, comparison_id)
    documents: list[Document] = []
    claims: list[Claim] = []
    claim_ids: dict[int, int] = {}
    for member in row.members:
        documents.append(_document(member.document, member.position, member.path))
        for claim_row in session.scalars(
            select(ClaimRow)
            .where(ClaimRow.document_id == member.document_id, ClaimRow.pipeline == row.pipeline)
            .order_by(ClaimRow.idx)
        ):
            claim_ids[claim_row.id] = len(claims)
            claims.append(dataclasses.replace(claim_of(claim_row, member.position), id=len(claims)))
    links = session.scalars(
        select(LinkRow)
        .where(LinkRow.comparison_id == row.id)
        .options(selectinload(LinkRow.reasons))
        .order_by(LinkRow.id)
    )
    return Comparison(
        documents=tuple(documents),
        claims=tuple(claims),
        links=tuple(_link(link, claim_ids) for link in links),
        id=row.id,
        name=row.name,
        created=utc(row.created),
        warnings=tuple(row.warnings),
        settings=dict(row.settings),
    )


def _link(row: LinkRow, claim_ids: Mapping[int, int]) -> Link:
    return Link(
        a=claim_ids[row.claim_a_id],
        b=claim_ids[row.claim_b_id],
        label=Label(row.label),
        score=row.score,
        reasons=tuple(Reason(ReasonKind(r.kind), r.a, r.b, r.text) for r in row.reasons),
    )


def _document(row: DocumentRow, position: int, path: str | None) -> Document:
    return Document(
        id=position,
        title=row.title,
        source=row.source,
        text=row.text,
        sha256=row.sha256,
        published=row.published,
        path=path if path is not None else row.path,
        language=row.language,
        fmt=row.fmt,
        credits=tuple(row.credits or ()),
    )


def claim_of(row: ClaimRow, document: int) -> Claim:
    data = dict(row.slots)
    data.update(id=row.idx, document=document, start=row.start, end=row.end, text=row.text)
    return claim_from_dict(data)
