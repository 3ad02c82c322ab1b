"""The public Python API. The CLI and the desktop app use only this module.

Example::

    from claimdiff.api import compare_files
    comparison = compare_files(["afp.txt", "rferl.txt"], db="sqlite:///claims.db")
    for link in comparison.links:
        print(link.label.value, comparison.claim(link.a).text, comparison.claim(link.b).text)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING

from claimdiff.cluster import attach_clusters
from claimdiff.curate import (
    CurationError,
    apply_curations,
    last_action,
    link_between,
    link_curation,
    relink_curations,
)
from claimdiff.extract.version import PIPELINE_VERSION
from claimdiff.ingest import document_from_text, language_notices, read_document, shown
from claimdiff.linkcache import LinkCache
from claimdiff.model import (
    Claim,
    ClaimAnchor,
    ClaimDiffError,
    Comparison,
    Curation,
    CurationAction,
    Document,
    InputError,
    Label,
    Link,
    Reason,
)
from claimdiff.pipeline import (
    Cancelled,
    ComparisonCancelled,
    Progress,
    extend,
    new_pairs,
    run,
    stop_if_cancelled,
)
from claimdiff.settings import Settings
from claimdiff.store import Store, default_url
from claimdiff.store.curations import default_author
from claimdiff.suggest import Suggestion

if TYPE_CHECKING:
    from claimdiff.extract import Extractor

__all__ = [
    "Claim",
    "ClaimAnchor",
    "ClaimDiffError",
    "Comparison",
    "ComparisonCancelled",
    "Curation",
    "CurationAction",
    "CurationError",
    "Document",
    "InputError",
    "Label",
    "Link",
    "Match",
    "Reason",
    "Settings",
    "Store",
    "Suggestion",
    "add_curation",
    "add_documents",
    "compare_documents",
    "compare_files",
    "compare_texts",
    "curate_link",
    "curation_history",
    "curations_for",
    "default_url",
    "delete_comparison",
    "get_extractor",
    "load_comparison",
    "match_statements",
    "open_store",
    "read_document",
    "read_documents",
    "redo",
    "relink",
    "rename_comparison",
    "restore_curation",
    "revoke_curation",
    "suggest_counterparts",
    "undo",
]

_extractor: Extractor | None = None
_extractor_lock = Lock()


def _start_encoder(settings: Settings | None) -> None:
    """Load the sentence encoder on a thread while spaCy loads: a comparison needs both."""
    if (settings or Settings()).use_embeddings:
        from claimdiff import embed  # numpy: not imported by a run that is all cached

        embed.preload()


def get_extractor() -> Extractor:
    """The process-wide extractor; spaCy is loaded once, on first use."""
    global _extractor
    with _extractor_lock:
        if _extractor is None:
            from claimdiff.extract import Extractor

            _extractor = Extractor()
        return _extractor


def open_store(db: str | Store | None = None) -> Store:
    """Open a database URL (default: the user's SQLite file), or pass a Store through."""
    return db if isinstance(db, Store) else Store(db or default_url())


def read_documents(paths: Sequence[str | Path]) -> list[Document]:
    """Read article files in the given order; raise InputError on the first bad one."""
    if len(paths) < 2:
        raise InputError("give at least two articles to compare")
    given: dict[Path, str] = {}
    for path in paths:
        resolved = Path(path).expanduser().resolve()
        if resolved in given:
            raise InputError(f"{shown(Path(path).name)}: given twice; give each article once")
        given[resolved] = str(path)
    documents = [read_document(path, index) for index, path in enumerate(paths)]
    seen: dict[str, str] = {}
    for document in documents:
        if document.sha256 in seen:
            raise InputError(
                f"{Path(document.path or '').name}: same text as {seen[document.sha256]}; "
                "give each article once"
            )
        seen[document.sha256] = Path(document.path or "").name
    return documents


def compare_documents(
    documents: Sequence[Document],
    *,
    db: str | Store | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    save: bool = True,
    extractor: Extractor | None = None,
) -> Comparison:
    """Compare documents already read, reusing claims and pair links cached in the database.

    When every claim and every document pair's links are cached, neither spaCy
    nor the sentence encoder is loaded. ``extractor`` replaces the process-wide one.
    """
    if not save and db is None:
        _start_encoder(settings)
        return _with_language_notices(
            run(
                documents,
                extractor or get_extractor,
                settings,
                progress=progress,
                cancelled=cancelled,
            )
        )
    with _store(db) as store:
        link_cache = _link_cache(store, documents, settings)
        comparison = run(
            documents,
            extractor or get_extractor,
            settings,
            progress=progress,
            cancelled=cancelled,
            cached=_cached_claims(store, documents),
            link_cache=link_cache,
        )
        comparison = _with_language_notices(comparison)
        if not save:
            return comparison
        stop_if_cancelled(cancelled)  # cancelled after the last step: store nothing
        comparison = store.save_comparison(comparison, PIPELINE_VERSION, link_cache.fresh)
        # Curations made on earlier runs of these documents apply to this one too.
        return _curated(store, comparison)


def _cached_claims(store: Store, documents: Sequence[Document]) -> dict[str, tuple[Claim, ...]]:
    """Claims already extracted by this pipeline version, by document hash."""
    return store.cached_claims_many([d.sha256 for d in documents], PIPELINE_VERSION)


def _link_cache(
    store: Store,
    documents: Sequence[Document],
    settings: Settings | None,
    pairs: Sequence[tuple[int, int]] | None = None,
) -> LinkCache:
    """Pair links stored earlier; the encoder starts loading only if some pair is missing."""
    link_cache = LinkCache(settings or Settings())
    keys = link_cache.keys(documents, pairs)
    link_cache.stored = store.cached_pairs(keys)
    if len(link_cache.stored) < len(keys):
        _start_encoder(settings)
    return link_cache


def add_documents(
    comparison_id: int,
    paths: Sequence[str | Path],
    *,
    db: str | Store | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Comparison:
    """Add articles to a stored comparison, aligning only the new document pairs.

    Claims and links among the documents already compared are kept as stored,
    the comparison keeps its id and name, and every curation still applies
    (curations are anchored to claim text and document hash). Articles that
    are already part of the comparison raise :class:`InputError`.
    """
    with _store(db) as store:
        base = store.load_comparison(comparison_id)
        documents = _new_documents(base, paths)
        every = [*base.documents, *documents]
        link_cache = _link_cache(store, every, settings, new_pairs(len(base.documents), len(every)))
        extended = extend(
            base,
            documents,
            get_extractor,
            settings,
            progress=progress,
            cancelled=cancelled,
            cached=_cached_claims(store, documents),
            link_cache=link_cache,
        )
        if base.name == " vs ".join(d.source for d in base.documents):
            # The name was made from the sources: keep it describing all of them.
            names = " vs ".join(d.source for d in extended.documents)
            extended = dataclasses.replace(extended, name=names)
        stop_if_cancelled(cancelled)  # cancelled after the last step: store nothing
        extended = store.replace_comparison(
            comparison_id, _with_language_notices(extended), PIPELINE_VERSION, link_cache.fresh
        )
        return _curated(store, extended)


def _new_documents(base: Comparison, paths: Sequence[str | Path]) -> list[Document]:
    """Read articles to add, refusing any that the comparison already holds."""
    known = {d.sha256: d for d in base.documents}
    offset = len(base.documents)
    documents = [read_document(path, offset + i) for i, path in enumerate(paths)]
    for document in documents:
        if document.sha256 in known:
            raise InputError(
                f"{shown(Path(document.path or '').name)}: already in comparison "
                f"{base.id} (as {known[document.sha256].source})"
            )
        known[document.sha256] = document
    return documents


def compare_files(
    paths: Sequence[str | Path],
    *,
    db: str | Store | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    settings: Settings | None = None,
    save: bool = True,
    extractor: Extractor | None = None,
) -> Comparison:
    """Read, compare and store two or more article files.

    ``db`` is a SQLAlchemy URL or an open :class:`Store`; by default the
    user's SQLite database. ``progress(stage, fraction)`` is called as work
    proceeds, and the run stops with :class:`ComparisonCancelled` once
    ``cancelled()`` returns True. Bad input raises :class:`InputError`.
    """
    documents = read_documents(paths)
    return compare_documents(
        documents,
        db=db,
        settings=settings,
        progress=progress,
        cancelled=cancelled,
        save=save,
        extractor=extractor,
    )


def compare_texts(
    texts: Sequence[str],
    *,
    published: dt.date | Sequence[dt.date | None] | None = None,
    settings: Settings | None = None,
) -> Comparison:
    """Compare article texts in memory, without storing anything.

    ``published`` is one dateline for every text, or one per text; relative
    dates ("on Tuesday") are resolved against it.
    """
    dates = list(published) if isinstance(published, (list, tuple)) else [published] * len(texts)
    documents = [
        document_from_text(text, doc_id=index, published=dates[index])
        for index, text in enumerate(texts)
    ]
    _start_encoder(settings)
    return _with_language_notices(run(documents, get_extractor(), settings))


def _with_language_notices(comparison: Comparison) -> Comparison:
    """Add a warning for each document that does not look English (it is still compared)."""
    notices = language_notices(comparison.documents)
    warnings = tuple(dict.fromkeys(comparison.warnings + notices))
    return dataclasses.replace(comparison, warnings=warnings) if notices else comparison


@dataclass(frozen=True)
class Match:
    """How two single statements relate."""

    score: float
    linked: bool
    label: Label | None
    reasons: tuple[Reason, ...]


def match_statements(
    a: str,
    b: str,
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
) -> Match:
    """Compare two statements: are they the same claim, and how do they differ?

    The pair is scored directly as two whole statements, so ``score`` (the
    probability that they report the same claim) is meaningful even when they
    are not linked. ``label`` is set only when they are linked; ``reasons``
    list the slot differences (numbers, dates, names, speakers, negation) either way.
    """
    from claimdiff.statement import match_claims, statement_claims

    if not a.strip() or not b.strip():
        raise InputError("give two statements with some text in each")
    first, second = statement_claims([a, b], published)
    found = match_claims(first, second, settings or Settings())
    return Match(found.score, found.linked, found.label, found.reasons)


def load_comparison(comparison_id: int, *, db: str | Store | None = None) -> Comparison:
    """Read a stored comparison, with the analysts' curations applied."""
    with _store(db) as store:
        return _curated(store, store.load_comparison(comparison_id))


def rename_comparison(comparison_id: int, name: str, *, db: str | Store | None = None) -> None:
    """Give a stored comparison a new name (shown by ``claimdiff list`` and the app)."""
    with _store(db) as store:
        store.rename_comparison(comparison_id, name)


def delete_comparison(comparison_id: int, *, db: str | Store | None = None) -> None:
    """Delete a stored comparison; its documents, claims and curations are kept."""
    with _store(db) as store:
        store.delete_comparison(comparison_id)


def add_curation(curation: Curation, *, db: str | Store | None = None) -> Curation:
    """Record an analyst action and return it with ``id``, ``created`` and ``author``.

    The author defaults to ``CLAIMDIFF_AUTHOR`` or else the OS user name.
    Curations are anchored to claim text (see :class:`ClaimAnchor`, and
    :func:`claimdiff.curate.anchor_of`), so they apply to re-runs as well.
    """
    with _store(db) as store:
        return store.add_curation(curation)


def revoke_curation(curation_id: int, *, db: str | Store | None = None) -> Curation:
    """Undo a curation: it is kept on record but no longer applied."""
    with _store(db) as store:
        return store.revoke_curation(curation_id)


def restore_curation(curation_id: int, *, db: str | Store | None = None) -> Curation:
    """Redo a curation revoked earlier."""
    with _store(db) as store:
        return store.restore_curation(curation_id)


def curations_for(comparison: Comparison, *, db: str | Store | None = None) -> tuple[Curation, ...]:
    """The non-revoked curations that match claims of this comparison, oldest first."""
    with _store(db) as store:
        return store.curations_for(comparison)


def curate_link(
    comparison_id: int,
    a: int,
    b: int,
    action: CurationAction,
    *,
    value: str | None = None,
    db: str | Store | None = None,
) -> Curation:
    """Confirm, reject, label or annotate the link of claims ``a`` and ``b`` (ids in
    the stored comparison, as ``claimdiff claims`` lists them).

    ``value`` is the label for LABEL ("agree", "partial", "conflict") and the
    text for NOTE. Raises :class:`CurationError` when the claims are not linked.
    """
    with _store(db) as store:
        comparison = _curated(store, store.load_comparison(comparison_id))
        link = link_between(comparison, a, b)
        return store.add_curation(link_curation(comparison, link, action, value=value))


def relink(
    comparison_id: int,
    claim_id: int,
    counterpart: int,
    *,
    label: str | None = None,
    db: str | Store | None = None,
) -> list[Curation]:
    """Link a claim to ``counterpart`` in another source; its links to that source are
    rejected. ``label`` labels the new link (by default agree, or the label of a link
    the two already have). Returns the curations made, the new link first; one ``undo``
    takes them back.
    """
    with _store(db) as store:
        comparison = _curated(store, store.load_comparison(comparison_id))
        made = relink_curations(comparison, claim_id, counterpart, label=label)
        return [store.add_curation(curation) for curation in made]


def suggest_counterparts(
    comparison: Comparison, claim_id: int, *, limit: int | None = None
) -> list[Suggestion]:
    """Claims of the other sources that may be a claim's counterpart, the likeliest first,
    each with the matcher's score on wording: what to offer when re-linking it."""
    from claimdiff.suggest import suggestions  # the matcher's imports, only when asked

    return suggestions(comparison, claim_id, limit=limit)


def undo(
    comparison_id: int, *, author: str | None = None, db: str | Store | None = None
) -> list[Curation]:
    """Take back an author's latest curation of a stored comparison (a re-link with the
    rejection it made); return what was undone, or [] when nothing is left to undo.

    ``author`` defaults to ``CLAIMDIFF_AUTHOR`` or the OS user, who made the curations
    of this machine: on a shared database, another analyst's work is left alone.
    """
    with _store(db) as store:
        history = store.curation_history(store.load_comparison(comparison_id))
        last = last_action(history, revoked=False, author=author or default_author())
        return [store.revoke_curation(c.id) for c in last if c.id]


def redo(
    comparison_id: int, *, author: str | None = None, db: str | Store | None = None
) -> list[Curation]:
    """Bring back the author's curation undone last; [] when there is nothing to redo."""
    with _store(db) as store:
        history = store.curation_history(store.load_comparison(comparison_id))
        last = last_action(history, revoked=True, author=author or default_author())
        return [store.restore_curation(c.id) for c in last if c.id]


def curation_history(
    comparison_id: int, *, db: str | Store | None = None
) -> tuple[Comparison, tuple[Curation, ...]]:
    """A stored comparison as the matcher left it, and every curation of its claims, undone
    ones too, oldest first (``Curation.revoked`` tells which)."""
    with _store(db) as store:
        comparison = store.load_comparison(comparison_id)
        return comparison, store.curation_history(comparison)


def _curated(store: Store, comparison: Comparison) -> Comparison:
    # Clusters follow the links, so they are rebuilt once curations have changed them.
    return attach_clusters(apply_curations(comparison, store.curations_for(comparison)))


@contextmanager
def _store(db: str | Store | None) -> Iterator[Store]:
    """A Store for one call: the caller's, or one opened from a URL and closed after."""
    if isinstance(db, Store):
        yield db
        return
    store = open_store(db)
    try:
        yield store
    finally:
        store.close()
