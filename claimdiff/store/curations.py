"""Curation rows: analyst actions with author and time, kept even when undone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import os
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimdiff.model import ClaimAnchor, Curation, CurationAction
from claimdiff.store.errors import StoreError
from claimdiff.store.schema import ComparisonRow, CurationRow

AUTHOR_ENV = "CLAIMDIFF_AUTHOR"


def default_author() -> str:
    """The configured author (``CLAIMDIFF_AUTHOR``), else the OS user name."""
    configured = os.environ.get(AUTHOR_ENV, "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or password database
        return "unknown"


def utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def add(session: Session, curation: Curation) -> Curation:
    """Insert one curation and return it with id, time and author filled in."""
    if curation.comparison is not None and session.get(ComparisonRow, curation.comparison) is None:
        curation = dataclasses.replace(curation, comparison=None)
    created = curation.created or dt.datetime.now(dt.UTC)
    author = curation.author.strip() or default_author()
    b = curation.b
    row = CurationRow(
        action=CurationAction(curation.action).value,
        a_sha256=curation.a.sha256,
        a_text=curation.a.text,
        a_start=curation.a.start,
        b_sha256=b.sha256 if b else None,
        b_text=b.text if b else None,
        b_start=b.start if b else None,
        value=curation.value,
        author=author,
        created=created,
        comparison_id=curation.comparison,
        revoked=curation.revoked,
    )
    session.add(row)
    session.flush()
    return to_curation(row)


def set_revoked(session: Session, curation_id: int, revoked: bool) -> Curation:
    """Undo (revoke) or redo (restore) a curation; the record itself stays."""
    row = session.get(CurationRow, curation_id)
    if row is None:
        raise StoreError(f"no curation with id {curation_id}")
    row.revoked = revoked
    session.flush()
    return to_curation(row)


def for_documents(
    session: Session, hashes: Collection[str], *, revoked: bool = False
) -> list[Curation]:
    """Curations whose first anchor lies in one of these documents, oldest first.

    Revoked (undone) ones are left out unless ``revoked`` is true.
    """
    query = select(CurationRow).where(CurationRow.a_sha256.in_(list(hashes)))
    if not revoked:
        query = query.where(CurationRow.revoked.is_(False))
    rows = session.scalars(query.order_by(CurationRow.created, CurationRow.id))
    return [to_curation(row) for row in rows]


def to_curation(row: CurationRow) -> Curation:
    """The plain value of a curation row."""
    b = None
    if row.b_sha256 is not None and row.b_text is not None:
        b = ClaimAnchor(row.b_sha256, row.b_text, row.b_start or 0)
    return Curation(
        action=CurationAction(row.action),
        a=ClaimAnchor(row.a_sha256, row.a_text, row.a_start),
        b=b,
        value=row.value,
        author=row.author,
        created=utc(row.created),
        id=row.id,
        comparison=row.comparison_id,
        revoked=bool(row.revoked),
    )
