"""A child process that loads spaCy and extracts claims while the parent does everything else."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from multiprocessing import get_context
from multiprocessing.connection import Connection
from typing import Any, Protocol

from claimdiff.model import Claim, ClaimDiffError, Document

SWITCH = "CLAIMDIFF_WORKER"
"""Set to 0 to extract in the calling process (the same result, one core)."""

_STOP_WAIT = 5.0
"""Seconds to wait for the child to end once it is told to, before it is killed."""


class ClaimSource(Protocol):
    """What the worker needs of an extractor (``claimdiff.extract.Extractor`` has it)."""

    warnings: list[str]

    def extract_many(self, documents: Iterable[Document]) -> list[tuple[Claim, ...]]: ...


ExtractorFactory = Callable[[], ClaimSource]
"""Called once in the child to make the extractor (loading spaCy there)."""


class WorkerError(ClaimDiffError):
    """The extraction process stopped before it sent its claims."""


def worker_allowed() -> bool:
    """True where a forked worker is cheap and safe: Linux, one thread, not switched off.

    A thread that holds a lock while the process forks leaves the lock held for
    ever in the child, so a process that already runs threads extracts in place.
    """
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and os.environ.get(SWITCH, "1").strip() != "0"
    )


class ExtractionWorker:
    """Loads spaCy in a forked child at once; ``extract_many`` hands it the documents.

    The parent meanwhile imports SQLAlchemy, opens the database and loads the
    sentence encoder on its own core (a thread would share the GIL with spaCy).
    It stands in for :class:`claimdiff.extract.Extractor` in ``pipeline.run``,
    which uses only ``extract_many`` and ``warnings``. Always ``close()`` it:
    the child is ended, never left behind. ``while_waiting`` is called each time
    the documents have been handed over; a ``single_use`` worker serves one batch.
    """

    def __init__(
        self,
        make_extractor: ExtractorFactory | None = None,
        while_waiting: Callable[[], object] | None = None,
        single_use: bool = False,
    ) -> None:
        context = get_context("fork")
        self._conn, child_end = context.Pipe()
        self._process = context.Process(
            target=_serve,
            args=(child_end, self._conn, make_extractor or _spacy_extractor),
            name="claimdiff-extract",
            daemon=True,
        )
        # Output still buffered would be written twice: by the child as well.
        sys.stdout.flush()
        sys.stderr.flush()
        self._process.start()
        child_end.close()
        self.warnings: list[str] = []
        self._while_waiting = while_waiting
        self._single_use = single_use

    def extract_many(
        self,
        documents: Iterable[Document],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[tuple[Claim, ...]]:
        """The claims of each document, extracted by the child; like ``Extractor.extract_many``."""
        docs = list(documents)
        if not docs:
            # Every document came from the database: spaCy is not needed after all.
            self.close()
            return []
        try:
            self._conn.send(docs)
            if self._while_waiting is not None:
                self._while_waiting()  # work the parent needs next, while the child parses
            status, payload, warnings = self._conn.recv()
        except (EOFError, OSError):
            raise WorkerError(self._death_notice()) from None
        if self._single_use:
            # Signal the child now, not at close(): the kernel frees its 300 MB on the
            # other core while this process aligns and saves.
            self._process.terminate()
        if status == "error":
            raise payload
        self.warnings = list(warnings)
        if progress:
            total = sum(len(d.text) for d in docs) or 1
            progress(total, total)
        claims: list[tuple[Claim, ...]] = payload
        return claims

    def _death_notice(self) -> str:
        self._process.join(_STOP_WAIT)
        code = self._process.exitcode
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        return f"the claim extraction process stopped unexpectedly ({how})"

    def close(self) -> None:
        """End the child, whatever it is doing, and wait for it."""
        self._conn.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(_STOP_WAIT)
        if self._process.is_alive():  # pragma: no cover - SIGTERM is not caught
            self._process.kill()
            self._process.join()

    def __enter__(self) -> ExtractionWorker:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _spacy_extractor() -> ClaimSource:
    """The real extractor, its spaCy model loaded."""
    from claimdiff.extract import Extractor

    extractor = Extractor()
    extractor.nlp  # noqa: B018 - load the model now, before the documents arrive
    return extractor


def _serve(conn: Connection, parent_end: Connection, make_extractor: ExtractorFactory) -> None:
    """The child: load spaCy now, then answer each batch of documents until told to stop."""
    parent_end.close()
    # Ctrl+C reaches the whole process group; the parent reports it and ends the child.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    extractor: ClaimSource | None = None
    failure: BaseException | None = None
    try:
        extractor = make_extractor()
    except Exception as error:  # sent to the parent, which reports it in one line
        failure = error
    while True:
        try:
            docs = conn.recv()
            conn.send(_answer(extractor, failure, docs))
        except (EOFError, OSError):
            return  # the parent closed the pipe, or died: nobody is waiting


def _answer(
    extractor: ClaimSource | None, failure: BaseException | None, docs: list[Document]
) -> tuple[str, Any, list[str]]:
    """("ok", claims per document, warnings), or ("error", the exception, [])."""
    if extractor is None:
        assert failure is not None
        return ("error", _sendable(failure), [])
    try:
        return ("ok", extractor.extract_many(docs), extractor.warnings)
    except Exception as error:
        return ("error", _sendable(error), [])


def _sendable(error: BaseException) -> Any:
    """The error itself when it survives pickling, else a ClaimDiffError with its text."""
    import pickle

    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return ClaimDiffError(f"unexpected {type(error).__name__}: {error}".splitlines()[0])
    return error
