"""The Store: one database (SQLite by default, PostgreSQL for teams) behind plain values."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from claimdiff.codec import claim_from_dict, slots_to_dict
from claimdiff.model import Claim, ClaimDiffError, Comparison, Document, Label, Link, Reason, ReasonKind
from claimdiff.store.schema import (
    Base,
    ClaimRow,
    ComparisonRow,
    DocumentRow,
    LinkRow,
    MemberRow,
    ReasonRow,
)

APP_NAME = "ClaimDiff"


class StoreError(ClaimDiffError):
    """The database cannot be opened, read or written."""


@dataclass(frozen=True)
class ComparisonSummary:
    """One row of the comparison library."""

    id: int
    name: str
    created: dt.datetime
    documents: tuple[str, ...]


def default_url() -> str:
    """The embedded default: a SQLite file in the platform's user data folder."""
    from platformdirs import user_data_path

    folder = user_data_path(APP_NAME, appauthor=False, ensure_exists=True)
    return f"sqlite:///{folder / 'claimdiff.sqlite3'}"


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


class Store:
    """Reads and writes comparisons. Each thread should open its own Store."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        try:
            self.engine = _make_engine(self.url)
            Base.metadata.create_all(self.engine)
        except (SQLAlchemyError, OSError, ValueError) as error:
            raise StoreError(f"cannot open database {self.url}: {_short(error)}") from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as error:
            session.rollback()
            raise StoreError(f"database error: {_short(error)}") from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    # -- claims cache -----------------------------------------------------

    def cached_claims(self, sha256: str, pipeline: str) -> tuple[Claim, ...] | None:
        """Claims stored for a document text and pipeline version, if any."""
        with self.session() as session:
            row = session.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256))
            if row is None:
                return None
            rows = session.scalars(
                select(ClaimRow)
                .where(ClaimRow.document_id == row.id, ClaimRow.pipeline == pipeline)
                .order_by(ClaimRow.idx)
            ).all()
            if not rows:
                return None
            return tuple(_claim(r, 0) for r in rows)

    # -- comparisons ------------------------------------------------------

    def save_comparison(self, comparison: Comparison, pipeline: str) -> Comparison:
        """Store a comparison in one transaction and return it with its id."""
        created = comparison.created or dt.datetime.now(dt.timezone.utc)
        with self.session() as session:
            claim_rows: dict[int, ClaimRow] = {}
            members = []
            for position, document in enumerate(comparison.documents):
                doc_row = self._document_row(session, document)
                doc_claims = [c for c in comparison.claims if c.document == position]
                rows = self._claim_rows(session, doc_row, doc_claims, pipeline)
                claim_rows.update(zip((c.id for c in doc_claims), rows))
                members.append(MemberRow(position=position, document=doc_row, path=document.path))
            name = comparison.name or " vs ".join(d.source for d in comparison.documents)
            row = ComparisonRow(
                name=name,
                created=created,
                pipeline=pipeline,
                settings=dict(comparison.settings),
                warnings=list(comparison.warnings),
                members=members,
            )
            session.add(row)
            session.flush()
            for link in comparison.links:
                session.add(
                    LinkRow(
                        comparison_id=row.id,
                        claim_a_id=claim_rows[link.a].id,
                        claim_b_id=claim_rows[link.b].id,
                        label=link.label.value,
                        score=link.score,
                        reasons=[
                            ReasonRow(kind=r.kind.value, a=r.a, b=r.b, text=r.text)
                            for r in link.reasons
                        ],
                    )
                )
            comparison_id = row.id
        return dataclasses.replace(comparison, id=comparison_id, name=name, created=created)

    def load_comparison(self, comparison_id: int) -> Comparison:
        """Read a stored comparison back as plain values."""
        with self.session() as session:
            row = session.get(
                ComparisonRow,
                comparison_id,
                options=[selectinload(ComparisonRow.links).selectinload(LinkRow.reasons)],
            )
            if row is None:
                raise StoreError(f"no comparison with id {comparison_id}")
            documents: list[Document] = []
            claims: list[Claim] = []
            claim_ids: dict[int, int] = {}
            for member in row.members:
                doc_row = member.document
                documents.append(_document(doc_row, member.position, member.path))
                for claim_row in session.scalars(
                    select(ClaimRow)
                    .where(ClaimRow.document_id == doc_row.id, ClaimRow.pipeline == row.pipeline)
                    .order_by(ClaimRow.idx)
                ):
                    claim_ids[claim_row.id] = len(claims)
                    claims.append(
                        dataclasses.replace(_claim(claim_row, member.position), id=len(claims))
                    )
            links = tuple(
                Link(
                    a=claim_ids[link.claim_a_id],
                    b=claim_ids[link.claim_b_id],
                    label=Label(link.label),
                    score=link.score,
                    reasons=tuple(
                        Reason(ReasonKind(r.kind), r.a, r.b, r.text) for r in link.reasons
                    ),
                )
                for link in row.links
            )
            return Comparison(
                documents=tuple(documents),
                claims=tuple(claims),
                links=links,
                id=row.id,
                name=row.name,
                created=row.created,
                warnings=tuple(row.warnings),
                settings=dict(row.settings),
            )

    def list_comparisons(self) -> list[ComparisonSummary]:
        """Every stored comparison, newest first."""
        with self.session() as session:
            rows = session.scalars(
                select(ComparisonRow)
                .options(selectinload(ComparisonRow.members).selectinload(MemberRow.document))
                .order_by(ComparisonRow.id.desc())
            ).all()
            return [
                ComparisonSummary(
                    row.id, row.name, row.created, tuple(m.document.source for m in row.members)
                )
                for row in rows
            ]

    def _document_row(self, session: Session, document: Document) -> DocumentRow:
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
        self, session: Session, doc_row: DocumentRow, claims: Sequence[Claim], pipeline: str
    ) -> list[ClaimRow]:
        existing = session.scalars(
            select(ClaimRow)
            .where(ClaimRow.document_id == doc_row.id, ClaimRow.pipeline == pipeline)
            .order_by(ClaimRow.idx)
        ).all()
        if existing:
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


def _claim(row: ClaimRow, document: int) -> Claim:
    data = dict(row.slots)
    data.update(id=row.idx, document=document, start=row.start, end=row.end, text=row.text)
    return claim_from_dict(data)


def _short(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:200]
