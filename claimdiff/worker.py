"""A child process that loads spaCy and extracts claims while the parent does everything else."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from contextlib import suppress
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
    With two documents or more, the child forks a helper once spaCy is loaded,
    and the two parse a share each (``_extract_on_two_cores``).
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
        claims, warnings = _extract_on_two_cores(extractor, docs)
        return ("ok", claims, warnings)
    except Exception as error:
        return ("error", _sendable(error), [])


_SPLIT_MIN_CHARS = 1_000
"""Each share of a split holds at least this much text (parsing takes ~35 us a character)."""


def _split_point(docs: list[Document]) -> int:
    """How many leading documents a helper should parse: the most even split by length, or 0.

    0 where one core has to do: one document, one core, or so little text that
    the fork and its copy-on-write page faults (~0.02 s) would cost what they save.
    """
    if len(docs) < 2 or len(os.sched_getaffinity(0)) < 2:
        return 0
    sizes = [len(d.text) for d in docs]
    total = sum(sizes)
    done, best, best_gap = 0, 0, total
    for k in range(1, len(docs)):
        done += sizes[k - 1]
        if abs(total - 2 * done) < best_gap:
            best, best_gap = k, abs(total - 2 * done)
    first = sum(sizes[:best])
    return best if min(first, total - first) >= _SPLIT_MIN_CHARS else 0


def _extract_on_two_cores(
    extractor: ClaimSource, docs: list[Document]
) -> tuple[list[tuple[Claim, ...]], list[str]]:
    """Claims per document and warnings; a forked helper parses the first share meanwhile.

    The parent process is idle while claims are extracted, so the second core
    would otherwise wait too (parsing the seeds: 0.23 s on one core, 0.12 s on two).
    Each share is one ``extract_many`` batch; how paragraphs are batched does not
    change spaCy's parse (the same claims: ``tests/integration/test_cli_worker.py``
    on the seeds, and the six dev pairs by hand). A helper that fails or dies
    leaves its share to this process, which then raises any error itself.
    """
    share = _split_point(docs)
    if not share:
        return extractor.extract_many(docs), list(extractor.warnings)
    helper = _Helper(extractor, docs[:share])
    try:
        mine = extractor.extract_many(docs[share:])
        theirs = helper.result()
    finally:
        helper.end()
    if theirs is None:
        return extractor.extract_many(docs[:share]) + mine, list(extractor.warnings)
    claims, warnings = theirs
    return claims + mine, list(dict.fromkeys([*warnings, *extractor.warnings]))


class _Helper:
    """A forked copy of the child, spaCy already loaded, that extracts some documents."""

    def __init__(self, extractor: ClaimSource, docs: list[Document]) -> None:
        readable, writable = os.pipe()
        child = os.getpid()
        self._pid = os.fork()
        if self._pid == 0:  # pragma: no cover - the helper process (its result is tested)
            os.close(readable)
            _help(extractor, docs, writable, child)
        os.close(writable)
        self._readable = readable

    def result(self) -> tuple[list[tuple[Claim, ...]], list[str]] | None:
        """The helper's claims and warnings; None if it failed or died (the caller parses)."""
        import pickle

        with os.fdopen(self._readable, "rb") as stream:
            data = stream.read()
        self._readable = -1
        try:
            status, claims, warnings = pickle.loads(data)
        except Exception:  # nothing or half a message: the helper died
            return None
        return (claims, warnings) if status == "ok" else None

    def end(self) -> None:
        """Stop the helper if it still runs, and reap it."""
        if self._readable >= 0:
            os.close(self._readable)
            self._readable = -1
        with suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGTERM)
        os.waitpid(self._pid, 0)


def _help(extractor: ClaimSource, docs: list[Document], writable: int, child: int) -> None:
    """The helper: extract, write the pickled result, and leave without any clean-up."""
    code = 1
    try:
        _die_with(child)
        import pickle

        message: tuple[str, Any, list[str]]
        try:
            message = ("ok", extractor.extract_many(docs), list(extractor.warnings))
        except Exception:
            message = ("error", None, [])
        with os.fdopen(writable, "wb") as stream:
            stream.write(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
        code = 0
    finally:
        os._exit(code)  # never run the child's code (or its atexit handlers) twice


def _die_with(child: int) -> None:
    """Have the kernel end this process when ``child``, which forked it, ends (Linux)."""
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
    if os.getppid() != child:  # the child ended before the request took effect
        os._exit(1)


def _sendable(error: BaseException) -> Any:
    """The error itself when it survives pickling, else a ClaimDiffError with its text."""
    import pickle

    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return ClaimDiffError(f"unexpected {type(error).__name__}: {error}".splitlines()[0])
    return error
