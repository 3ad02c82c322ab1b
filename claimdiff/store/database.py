"""The Store: one database (SQLite by default, PostgreSQL for teams) behind plain values."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import time
import weakref
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from claimdiff.curate import AnchorIndex
from claimdiff.linkcache import PairKey, PairLinks
from claimdiff.model import (
    Claim,
    Comparison,
    Curation,
)
from claimdiff.store import cache, rows, saving
from claimdiff.store import curations as curation_rows
from claimdiff.store.engine import WRITE, is_retryable, make_engine, normalise_url
from claimdiff.store.errors import StoreError, short
from claimdiff.store.migrate import current_revision, display_url, ensure_schema
from claimdiff.store.schema import (
    Base,
    ComparisonRow,
    MemberRow,
)

APP_NAME = "ClaimDiff"
DEFAULT_TIMEOUT = 30.0
"""Seconds a writer waits for another writer before giving up with a StoreError."""

T = TypeVar("T")


@dataclass(frozen=True)
class ComparisonSummary:
    """One row of the comparison library."""

    id: int
    name: str
    created: dt.datetime
    documents: tuple[str, ...]


class _Backoff:
    """Waits between attempts on a locked database until ``timeout`` seconds have passed.

    Each wait doubles, from 20 ms up to 0.5 s, with jitter so that processes waiting
    on one lock do not retry in step.
    """

    def __init__(self, timeout: float) -> None:
        self.deadline = time.monotonic() + timeout
        self.delay = 0.02

    def expired(self) -> bool:
        """Whether the next wait would end after the deadline."""
        return time.monotonic() + self.delay > self.deadline

    def wait(self) -> None:
        time.sleep(self.delay + random.uniform(0, self.delay))
        self.delay = min(self.delay * 2, 0.5)


def default_url() -> str:
    """The embedded default: a SQLite file in the platform's user data folder."""
    from platformdirs import user_data_path

    folder = user_data_path(APP_NAME, appauthor=False, ensure_exists=True)
    return f"sqlite:///{folder / 'claimdiff.sqlite3'}"


class Store:
    """Reads and writes comparisons as plain values.

    Threads may share a Store: every call runs in its own session and transaction.

    Opening a database creates or upgrades its schema (after a backup, kept in
    :attr:`backup`); ``migrate=False`` opens it as it is, for maintenance.
    Writers that meet a lock retry until ``timeout`` seconds have passed, then
    raise :class:`StoreError`.
    """

    def __init__(
        self, url: str | None = None, *, timeout: float = DEFAULT_TIMEOUT, migrate: bool = True
    ) -> None:
        self.url = normalise_url(url or default_url())
        self.timeout = timeout
        self.backup: Path | None = None
        self.engine = make_engine(self.url, timeout)
        # Close pooled connections when the Store is dropped without close().
        self._finalizer = weakref.finalize(self, self.engine.dispose)
        self._writer = self.engine.execution_options(**{WRITE: True})
        if migrate:
            try:
                self.backup = self._ensure_schema()
            except StoreError:
                self.close()
                raise
            except (SQLAlchemyError, OSError) as error:
                self.close()
                raise StoreError(f"cannot open database {self.name}: {short(error)}") from None

    def _ensure_schema(self) -> Path | None:
        # Several processes opening a new file at once race to switch it to WAL and
        # to create the schema; a loser can meet SQLITE_BUSY without the busy handler.
        backoff = _Backoff(self.timeout)
        while True:
            try:
                return ensure_schema(self.engine, self.url)
            except OperationalError as error:
                if not is_retryable(error) or backoff.expired():
                    raise
            backoff.wait()

    @property
    def name(self) -> str:
        """The URL without its password, for messages."""
        return display_url(self.url)

    def close(self) -> None:
        """Release every pooled connection."""
        self._finalizer()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- transactions -----------------------------------------------------

    def read(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in a read transaction."""
        return self._run(work, write=False)

    def write(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one write transaction: all of it is stored, or none."""
        return self._run(work, write=True)

    def _run(self, work: Callable[[Session], T], *, write: bool) -> T:
        backoff, conflicts = _Backoff(self.timeout), 3
        while True:
            try:
                bind = self._writer if write else self.engine
                with Session(bind, expire_on_commit=False) as s, s.begin():
                    return work(s)
            except OperationalError as error:
                if not is_retryable(error):
                    raise StoreError(f"database {self.name}: {short(error)}") from None
                if backoff.expired():
                    raise StoreError(
                        f"database {self.name} is busy: another program kept it locked for "
                        f"{self.timeout:g} s; nothing was changed, try again"
                    ) from None
            except IntegrityError as error:
                # Two writers stored the same new document at once; the retry finds it.
                conflicts -= 1
                if not write or conflicts < 0:
                    raise StoreError(f"database {self.name}: {short(error)}") from None
            except SQLAlchemyError as error:
                raise StoreError(f"database {self.name}: {short(error)}") from None
            backoff.wait()

    # -- facts about the database ----------------------------------------

    def revision(self) -> str | None:
        """The schema revision stored in the database."""
        return self.read(lambda s: current_revision(s.connection()))

    def row_counts(self) -> dict[str, int]:
        """How many rows each table holds."""

        def count(session: Session) -> dict[str, int]:
            return {
                table.name: session.scalar(select(func.count()).select_from(table)) or 0
                for table in Base.metadata.sorted_tables
            }

        return self.read(count)

    # -- claims cache -----------------------------------------------------

    def cached_claims(self, sha256: str, pipeline: str) -> tuple[Claim, ...] | None:
        """Claims stored for a document text and pipeline version, if any."""
        return self.cached_claims_many([sha256], pipeline).get(sha256)

    def cached_claims_many(
        self, hashes: Collection[str], pipeline: str
    ) -> dict[str, tuple[Claim, ...]]:
        """Claims stored for several document texts at once, by hash (those found)."""
        return self.read(lambda s: cache.claims_by_hash(s, hashes, pipeline))

    # -- pair-link cache --------------------------------------------------

    def cached_pairs(self, keys: Collection[PairKey]) -> dict[PairKey, PairLinks]:
        """The stored links of these document pairs, by key (those found)."""
        return self.read(lambda s: cache.pair_links(s, keys))

    def store_pairs(self, pairs: Sequence[PairLinks]) -> int:
        """Store the links of aligned pairs in their own transaction; return the rows added."""
        return self.write(lambda s: cache.store_pair_links(s, pairs)) if pairs else 0

    def remove_stale_pairs(self, pipeline: str, model: str) -> int:
        """Delete cached pair links of other pipeline versions or models; return how many."""
        return self.write(lambda s: cache.remove_stale_pairs(s, pipeline, model))

    # -- comparisons ------------------------------------------------------

    def save_comparison(
        self, comparison: Comparison, pipeline: str, pairs: Sequence[PairLinks] = ()
    ) -> Comparison:
        """Store a comparison in one transaction and return it with its id.

        Documents and claims are shared by content hash and pipeline version.
        Comparing the same documents with the same settings again updates the
        stored comparison instead of adding a copy. ``pairs`` (links of document
        pairs aligned for it) go into the pair-link cache in the same transaction.
        """
        created = comparison.created or dt.datetime.now(dt.UTC)
        name = comparison.name or " vs ".join(d.source for d in comparison.documents)
        fresh = dataclasses.replace(comparison, created=created, name=name)

        def work(session: Session) -> tuple[int, str, dt.datetime]:
            saved = saving.save(session, fresh, pipeline)
            cache.store_pair_links(session, pairs)
            return saved

        row_id, name, created = self.write(work)
        return dataclasses.replace(comparison, id=row_id, name=name, created=created)

    def replace_comparison(
        self,
        comparison_id: int,
        comparison: Comparison,
        pipeline: str,
        pairs: Sequence[PairLinks] = (),
    ) -> Comparison:
        """Overwrite a stored comparison's documents and links in one transaction.

        Used when documents are added: the id, name and creation time stay.
        ``pairs`` go into the pair-link cache in the same transaction.
        """

        def work(session: Session) -> tuple[int, str, dt.datetime]:
            saved = saving.replace(session, comparison_id, comparison, pipeline)
            cache.store_pair_links(session, pairs)
            return saved

        row_id, name, created = self.write(work)
        return dataclasses.replace(comparison, id=row_id, name=name, created=created)

    def load_comparison(self, comparison_id: int) -> Comparison:
        """Read a stored comparison back as plain values (without curations)."""
        return self.read(lambda s: rows.load(s, comparison_id))

    def list_comparisons(self) -> list[ComparisonSummary]:
        """Every stored comparison, newest first."""

        def work(session: Session) -> list[ComparisonSummary]:
            found = session.scalars(
                select(ComparisonRow)
                .options(selectinload(ComparisonRow.members).selectinload(MemberRow.document))
                .order_by(ComparisonRow.id.desc())
            ).all()
            return [
                ComparisonSummary(
                    row.id,
                    row.name,
                    curation_rows.utc(row.created),
                    tuple(m.document.source for m in row.members),
                )
                for row in found
            ]

        return self.read(work)

    def rename_comparison(self, comparison_id: int, name: str) -> None:
        """Give a stored comparison a new name."""
        name = " ".join(name.split())
        if not name:
            raise StoreError("a comparison needs a name that is not blank")

        def work(session: Session) -> None:
            rows.comparison_row(session, comparison_id).name = name

        self.write(work)

    def delete_comparison(self, comparison_id: int) -> None:
        """Delete a comparison and its links; documents, claims and curations stay."""
        self.write(lambda s: s.delete(rows.comparison_row(s, comparison_id)))

    # -- curations --------------------------------------------------------

    def add_curation(self, curation: Curation) -> Curation:
        """Record an analyst action; author defaults to the configured or OS user."""
        return self.write(lambda s: curation_rows.add(s, curation))

    def revoke_curation(self, curation_id: int) -> Curation:
        """Undo a curation: it stays on record but no longer applies."""
        return self.write(lambda s: curation_rows.set_revoked(s, curation_id, True))

    def restore_curation(self, curation_id: int) -> Curation:
        """Redo a revoked curation."""
        return self.write(lambda s: curation_rows.set_revoked(s, curation_id, False))

    def curations_for(self, comparison: Comparison) -> tuple[Curation, ...]:
        """Non-revoked curations whose anchors match claims of this comparison, oldest first."""
        return self._curations(comparison, revoked=False)

    def curation_history(self, comparison: Comparison) -> tuple[Curation, ...]:
        """Every curation of this comparison's claims, undone ones too, oldest first."""
        return self._curations(comparison, revoked=True)

    def _curations(self, comparison: Comparison, *, revoked: bool) -> tuple[Curation, ...]:
        hashes = {document.sha256 for document in comparison.documents}
        found = self.read(lambda s: curation_rows.for_documents(s, hashes, revoked=revoked))
        if not found:  # the usual case; indexing thousands of claims for nothing is not free
            return ()
        index = AnchorIndex(comparison)
        return tuple(curation for curation in found if index.matches(curation))
