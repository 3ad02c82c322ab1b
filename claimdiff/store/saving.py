"""Saving comparisons inside one session: in bulk, and only what changed.

A warm 50-article run saves 50 documents, 1,300 claims and 4,000 links that
are all stored already; reading their keys in a few queries and comparing
is far cheaper than building an ORM object per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from claimdiff.codec import slots_to_dict
from claimdiff.model import Claim, Comparison, Link
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

_CLAIMS = cast(Table, ClaimRow.__table__)
_LINKS = cast(Table, LinkRow.__table__)
_REASONS = cast(Table, ReasonRow.__table__)
_MEMBERS = cast(Table, MemberRow.__table__)

Signature = set[tuple[Any, ...]]


def save(session: Session, comparison: Comparison, pipeline: str) -> tuple[int, str, dt.datetime]:
    """Store a new comparison, or update the stored one of the same documents and settings."""
    doc_ids = _document_ids(session, comparison)
    claim_ids = _claim_ids(session, doc_ids, comparison.claims, pipeline)
    paths = [document.path for document in comparison.documents]
    existing = _same_comparison(session, doc_ids, pipeline, comparison.settings)
    if existing is not None:
        _replace_links(session, existing.id, comparison.links, claim_ids)
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
            MemberRow(position=i, document_id=doc, path=path)
            for i, (doc, path) in enumerate(zip(doc_ids, paths, strict=True))
        ],
    )
    session.add(row)
    session.flush()
    _insert_links(session, row.id, comparison.links, claim_ids)
    return row.id, comparison.name, comparison.created


def replace(
    session: Session, comparison_id: int, comparison: Comparison, pipeline: str
) -> tuple[int, str, dt.datetime]:
    """Give a stored comparison new documents (appended) and links."""
    row = session.get(ComparisonRow, comparison_id)
    if row is None:
        raise StoreError(f"no comparison with id {comparison_id}")
    doc_ids = _document_ids(session, comparison)
    claim_ids = _claim_ids(session, doc_ids, comparison.claims, pipeline)
    stored = [member.document_id for member in row.members]
    if doc_ids[: len(stored)] != stored:
        raise StoreError(f"comparison {comparison_id} changed while documents were being added")
    for position in range(len(stored), len(doc_ids)):
        row.members.append(
            MemberRow(
                position=position,
                document_id=doc_ids[position],
                path=comparison.documents[position].path,
            )
        )
    _replace_links(session, row.id, comparison.links, claim_ids)
    row.warnings = list(comparison.warnings)
    row.name = comparison.name or row.name
    return row.id, row.name, utc(row.created)


def _document_ids(session: Session, comparison: Comparison) -> list[int]:
    """Row ids of the comparison's documents, shared by content hash; new ones added."""
    hashes = [document.sha256 for document in comparison.documents]
    found = session.execute(
        select(DocumentRow.sha256, DocumentRow.id).where(DocumentRow.sha256.in_(hashes))
    )
    known: dict[str, int] = {sha256: row_id for sha256, row_id in found}
    for document in comparison.documents:
        if document.sha256 in known:
            continue
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
        known[document.sha256] = row.id
    return [known[sha256] for sha256 in hashes]


def _claim_ids(
    session: Session, doc_ids: Sequence[int], claims: Sequence[Claim], pipeline: str
) -> dict[int, int]:
    """Claim id in the comparison -> claim row id; claims of new documents are added."""
    per_doc: list[list[Claim]] = [[] for _ in doc_ids]
    for claim in claims:
        per_doc[claim.document].append(claim)
    stored: dict[int, list[int]] = {}
    for doc_id, row_id in session.execute(
        select(_CLAIMS.c.document_id, _CLAIMS.c.id)
        .where(_CLAIMS.c.document_id.in_(set(doc_ids)), _CLAIMS.c.pipeline == pipeline)
        .order_by(_CLAIMS.c.document_id, _CLAIMS.c.idx)
    ):
        stored.setdefault(doc_id, []).append(row_id)
    ids: dict[int, int] = {}
    for doc_id, doc_claims in zip(doc_ids, per_doc, strict=True):
        if doc_id not in stored:
            stored[doc_id] = _insert_claims(session, doc_id, doc_claims, pipeline)
        if len(stored[doc_id]) != len(doc_claims):
            raise StoreError(
                f"claims of document {doc_id} differ from those stored for pipeline {pipeline}"
            )
        ids.update(zip((c.id for c in doc_claims), stored[doc_id], strict=True))
    return ids


def _insert_claims(
    session: Session, doc_id: int, claims: Sequence[Claim], pipeline: str
) -> list[int]:
    if not claims:
        return []
    values = [
        {
            "document_id": doc_id,
            "pipeline": pipeline,
            "idx": index,
            "start": claim.start,
            "end": claim.end,
            "text": claim.text,
            "speaker": claim.speaker,
            "slots": slots_to_dict(claim),
        }
        for index, claim in enumerate(claims)
    ]
    return _insert_returning_ids(session, _CLAIMS, values)


def _insert_returning_ids(
    session: Session, table: Table, values: list[dict[str, Any]]
) -> list[int]:
    """Insert rows in one statement batch; their new ids in the order given."""
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.execute(statement, values).scalars())


def _same_comparison(
    session: Session, doc_ids: Sequence[int], pipeline: str, settings: Mapping[str, Any]
) -> ComparisonRow | None:
    """The stored comparison of these documents, in this order, with these settings."""
    wanted = list(doc_ids)
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
        members = session.scalars(
            select(_MEMBERS.c.document_id)
            .where(_MEMBERS.c.comparison_id == row.id)
            .order_by(_MEMBERS.c.position)
        ).all()
        if list(members) == wanted and dict(row.settings) == dict(settings):
            return row
    return None


def _replace_links(
    session: Session, comparison_id: int, links: Sequence[Link], claim_ids: Mapping[int, int]
) -> None:
    """Rewrite a comparison's links, unless the stored ones are the same already."""
    if _stored_signature(session, comparison_id) == _signature(links, claim_ids):
        return
    session.execute(delete(_LINKS).where(_LINKS.c.comparison_id == comparison_id))
    _insert_links(session, comparison_id, links, claim_ids)


def _insert_links(
    session: Session, comparison_id: int, links: Sequence[Link], claim_ids: Mapping[int, int]
) -> None:
    if not links:
        return
    values = [
        {
            "comparison_id": comparison_id,
            "claim_a_id": claim_ids[link.a],
            "claim_b_id": claim_ids[link.b],
            "label": link.label.value,
            "score": link.score,
        }
        for link in links
    ]
    link_ids = _insert_returning_ids(session, _LINKS, values)
    reasons = [
        {"link_id": link_id, "kind": r.kind.value, "a": r.a, "b": r.b, "text": r.text}
        for link_id, link in zip(link_ids, links, strict=True)
        for r in link.reasons
    ]
    if reasons:
        session.execute(insert(_REASONS), reasons)


def _signature(links: Sequence[Link], claim_ids: Mapping[int, int]) -> Signature:
    return {
        (
            claim_ids[link.a],
            claim_ids[link.b],
            link.label.value,
            round(link.score, 9),
            tuple((r.kind.value, r.a, r.b, r.text) for r in link.reasons),
        )
        for link in links
    }


def _stored_signature(session: Session, comparison_id: int) -> Signature:
    reasons: dict[int, list[tuple[str, str, str, str]]] = {}
    for link_id, kind, a, b, text in session.execute(
        select(_REASONS.c.link_id, _REASONS.c.kind, _REASONS.c.a, _REASONS.c.b, _REASONS.c.text)
        .join(_LINKS, _LINKS.c.id == _REASONS.c.link_id)
        .where(_LINKS.c.comparison_id == comparison_id)
        .order_by(_REASONS.c.id)
    ):
        reasons.setdefault(link_id, []).append((kind, a, b, text))
    return {
        (a_id, b_id, label, round(score, 9), tuple(reasons.get(link_id, ())))
        for link_id, a_id, b_id, label, score in session.execute(
            select(
                _LINKS.c.id,
                _LINKS.c.claim_a_id,
                _LINKS.c.claim_b_id,
                _LINKS.c.label,
                _LINKS.c.score,
            ).where(_LINKS.c.comparison_id == comparison_id)
        )
    }
