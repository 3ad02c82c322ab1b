"""Long work off the GUI thread: read, compare and store on a worker that loads spaCy once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from claimdiff.model import ClaimDiffError, Comparison, Document
from ui.engine import api

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class CompareRequest:
    """Documents already read plus new files to read, compared as one set.

    With ``stored`` set, the request instead reads that stored comparison back;
    with ``extend`` set, it adds ``paths`` to that stored comparison, aligning
    only the new document pairs.
    """

    documents: tuple[Document, ...] = ()
    paths: tuple[str, ...] = ()
    db: str | None = None
    stored: int | None = None
    extend: int | None = None


@dataclass(frozen=True)
class CompareResult:
    """What a request produced: a comparison, or fewer than two documents so far."""

    documents: tuple[Document, ...]
    comparison: Comparison | None
    skipped: tuple[str, ...] = field(default=())
    """Files left out because the same text is already in the comparison."""
    unchanged: bool = False
    """Nothing was added: every file was already in the comparison."""


def read_new(
    documents: Sequence[Document], paths: Sequence[str]
) -> tuple[list[Document], list[str]]:
    """Append the documents of ``paths``, skipping texts already present."""
    docs = list(documents)
    seen = {doc.sha256 for doc in docs}
    skipped: list[str] = []
    for path in paths:
        document = api().read_document(path, len(docs))
        if document.sha256 in seen:
            skipped.append(path)
            continue
        seen.add(document.sha256)
        docs.append(document)
    return docs, skipped


def run_request(
    request: CompareRequest,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> CompareResult:
    """Do a request synchronously; each call opens (and closes) its own Store."""
    if progress:
        progress("load", 0.0)
    if request.stored is not None:
        stored = api().load_comparison(request.stored, db=request.db)
        return CompareResult(stored.documents, stored)
    if request.extend is not None:
        return extend_stored(request.extend, request, progress, cancelled)
    docs, skipped = read_new(request.documents, request.paths)
    if len(docs) < 2:
        return CompareResult(tuple(docs), None, tuple(skipped))
    store = api().open_store(request.db)
    try:
        compared = api().compare_documents(docs, db=store, progress=progress, cancelled=cancelled)
        # Reload so that curations made on these texts earlier are applied.
        assert compared.id is not None
        comparison = api().load_comparison(compared.id, db=store)
    finally:
        store.close()
    return CompareResult(tuple(docs), comparison, tuple(skipped))


def extend_stored(
    comparison_id: int,
    request: CompareRequest,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> CompareResult:
    """Add the request's files to a stored comparison; files already in it are skipped."""
    store = api().open_store(request.db)
    try:
        # The stored documents, not the window's copy: an earlier superseded run may have
        # added some of these files already.
        stored = store.load_comparison(comparison_id).documents
        seen = {document.sha256 for document in stored}
        fresh: list[str] = []
        skipped: list[str] = []
        for path in request.paths:
            sha256 = api().read_document(path, len(stored)).sha256
            (skipped if sha256 in seen else fresh).append(path)
            seen.add(sha256)
        if not fresh:
            comparison = api().load_comparison(comparison_id, db=store)
            return CompareResult(comparison.documents, comparison, tuple(skipped), unchanged=True)
        comparison = api().add_documents(
            comparison_id, fresh, db=store, progress=progress, cancelled=cancelled
        )
    finally:
        store.close()
    return CompareResult(comparison.documents, comparison, tuple(skipped))


class _JobSignals(QObject):
    finished_or_failed = Signal(int)
    """Every job ends with this, stale or not (tests wait on it)."""
    warmed = Signal(str)
    progressed = Signal(int, str, float)
    finished = Signal(int, object)
    failed = Signal(int, str)


class _CompareJob(QRunnable):
    def __init__(self, number: int, request: CompareRequest, signals: _JobSignals) -> None:
        super().__init__()
        self.number = number
        self.request = request
        self.signals = signals
        self.cancel_event = threading.Event()

    def run(self) -> None:
        try:
            if self.request.stored is None:  # reading a stored comparison needs no model
                api().get_extractor().nlp  # noqa: B018 - loads spaCy once, here, not on the GUI thread
            result = run_request(
                self.request,
                progress=lambda stage, share: self.signals.progressed.emit(
                    self.number, stage, share
                ),
                cancelled=self.cancel_event.is_set,
            )
        except ClaimDiffError as error:
            self.signals.failed.emit(self.number, str(error))
        except Exception as error:  # a bug must not take the window down with it
            log.exception("comparison failed")
            self.signals.failed.emit(self.number, f"unexpected error: {error}")
        else:
            self.signals.finished.emit(self.number, result)
        finally:
            self.signals.finished_or_failed.emit(self.number)


class _WarmUpJob(QRunnable):
    def __init__(self, signals: _JobSignals) -> None:
        super().__init__()
        self.signals = signals

    def run(self) -> None:
        try:
            # One tiny comparison loads every model the engine uses (spaCy, embeddings),
            # while the analyst is still choosing files.
            api().compare_texts(["The ministers met on Monday.", "Ministers met on Tuesday."])
        except Exception as error:  # reported again when a comparison needs the model
            log.warning("could not load the language model: %s", error)
            self.signals.warmed.emit(str(error))
        else:
            self.signals.warmed.emit("")


class CompareWorker(QObject):
    """Runs comparisons one at a time on its own thread pool.

    Every request gets a number; results of an older request than the latest
    are dropped, so a slow first run can never overwrite a newer one.
    """

    engine_loaded = Signal(str)
    """The engine and language model are loaded ("" ) or failed to (a message)."""
    started = Signal(int)
    progressed = Signal(str, float)
    comparison_finished = Signal(object)
    """A :class:`CompareResult` for the latest request."""
    comparison_failed = Signal(str)
    comparison_cancelled = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        # spaCy pipelines are not meant for concurrent use: one run at a time.
        self._pool.setMaxThreadCount(1)
        self._signals = _JobSignals(self)
        self._signals.warmed.connect(self.engine_loaded)
        self._signals.progressed.connect(self.on_job_progressed)
        self._signals.finished.connect(self.on_job_finished)
        self._signals.failed.connect(self.on_job_failed)
        self._latest = 0
        self._current: _CompareJob | None = None

    @property
    def busy(self) -> bool:
        return self._current is not None

    @property
    def latest(self) -> int:
        return self._latest

    def warm_up(self) -> None:
        """Load the language model in the background before the first comparison."""
        self._pool.start(_WarmUpJob(self._signals))

    def start(self, request: CompareRequest) -> int:
        """Queue a request (cancelling any older one) and return its number."""
        if self._current is not None:
            self._current.cancel_event.set()
        self._latest += 1
        job = _CompareJob(self._latest, request, self._signals)
        job.setAutoDelete(False)
        self._current = job
        self._pool.start(job)
        self.started.emit(self._latest)
        return self._latest

    def cancel(self) -> None:
        """Stop the running request; nothing of it is shown."""
        if self._current is None:
            return
        self._current.cancel_event.set()
        self._current = None
        self._latest += 1  # whatever the cancelled job still sends is now stale
        self.comparison_cancelled.emit()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job is done (used on shutdown)."""
        return self._pool.waitForDone(msecs)

    def on_job_progressed(self, number: int, stage: str, share: float) -> None:
        if number == self._latest:
            self.progressed.emit(stage, share)

    def on_job_finished(self, number: int, result: CompareResult) -> None:
        if number != self._latest:
            log.info("dropped the result of stale request %d", number)
            return
        self._current = None
        self.comparison_finished.emit(result)

    def on_job_failed(self, number: int, message: str) -> None:
        if number != self._latest:
            return
        self._current = None
        self.comparison_failed.emit(message)
