"""Keys of the pair-link cache, and links stored by claim index within their document."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from claimdiff import linkcache
from claimdiff.linkcache import LinkCache, PairLinks, model_fingerprint, settings_fingerprint
from claimdiff.model import Claim, Document, Label, Link, LinkStatus, Reason, ReasonKind
from claimdiff.settings import Settings


def _doc(sha: str, source: str) -> Document:
    return Document(id=0, title=source, source=source, text="", sha256=sha * 64)


A, B, C = _doc("a", "AFP"), _doc("b", "Reuters"), _doc("c", "AP")


def _claims(document: int, first_id: int, count: int) -> list[Claim]:
    return [
        Claim(id=first_id + i, document=document, start=i, end=i + 1, text=f"claim {i}")
        for i in range(count)
    ]


@pytest.mark.parametrize(
    ("change", "same"),
    [
        # a matching threshold changes which claims link
        ({"link_threshold": 0.4}, False),
        # blocking changes which candidates are scored
        ({"block_top_k": 4}, False),
        # embeddings off changes every score
        ({"use_embeddings": False}, False),
        # match_statements' own threshold never reaches link_claims
        ({"statement_threshold": 0.9}, True),
        # the same values make the same key
        ({}, True),
    ],
)
def test_settings_that_affect_matching_change_the_key(
    change: dict[str, object], same: bool
) -> None:
    base = LinkCache(Settings()).key(A, B)
    changed = LinkCache(dataclasses.replace(Settings(), **change)).key(A, B)  # type: ignore[arg-type]
    assert (base == changed) is same
    assert (settings_fingerprint(Settings()) == changed.settings) is same


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        # the same two documents in the same order
        ((A, B), (A, B), True),
        # the other order: alignment and reason wording are not symmetric
        ((A, B), (B, A), False),
        # another document
        ((A, B), (A, C), False),
        # the same text under another source name, which reasons quote
        ((A, B), (A, dataclasses.replace(B, source="AP")), False),
        # the path and id do not matter, only the text's hash and the source name
        ((A, B), (A, dataclasses.replace(B, id=7, path="/elsewhere.txt")), True),
    ],
)
def test_key_names_documents_by_hash_order_and_source(
    first: tuple[Document, Document], second: tuple[Document, Document], same: bool
) -> None:
    cache = LinkCache(Settings())
    assert (cache.key(*first) == cache.key(*second)) is same


def test_pipeline_version_is_part_of_the_key() -> None:
    assert LinkCache(Settings(), pipeline="2").key(A, B) != LinkCache(Settings()).key(A, B)


def test_model_fingerprint_follows_the_shipped_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = Path(linkcache.__file__).resolve().parent
    copy = tmp_path / "claimdiff"
    shutil.copytree(package / "data", copy / "data")
    for source in package.glob("*.py"):
        shutil.copy(source, copy / source.name)
    (copy / "extract").mkdir()
    shutil.copy(package / "extract" / "units.py", copy / "extract" / "units.py")
    fingerprint = model_fingerprint.__wrapped__
    of_the_package = fingerprint()  # uncached: the files as they are now
    monkeypatch.setattr(linkcache, "_PACKAGE", copy)
    before = fingerprint()
    assert before == fingerprint() == of_the_package
    weights = copy / "data" / "weights.json"
    weights.write_text(weights.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert fingerprint() != before
    shutil.copy(package / "data" / "weights.json", weights)
    assert fingerprint() == before
    (copy / "align.py").write_text("# an edited rule\n", encoding="utf-8")
    assert fingerprint() != before
    shutil.copy(package / "align.py", copy / "align.py")
    (copy / "cli.py").write_text("# not part of matching\n", encoding="utf-8")
    assert fingerprint() == before


def test_links_come_back_with_the_claims_current_ids() -> None:
    cache = LinkCache(Settings())
    reasons = (Reason(ReasonKind.NUMBER, "12", "15", "AFP says 12, Reuters says 15"),)
    # In a first comparison, A's claims are ids 0-2 and B's 3-4.
    first_a, first_b = _claims(0, 0, 3), _claims(1, 3, 2)
    made = [Link(2, 3, Label.CONFLICT, 0.8123, reasons), Link(0, 4, Label.AGREE, 0.5)]
    cache.add(A, B, first_a, first_b, made)
    (entry,) = cache.fresh
    assert entry.claims == (3, 2)
    assert [(a, b) for a, b, *_ in entry.links] == [(2, 0), (0, 1)]
    # Stored and read back, then used where a third document comes first.
    stored = PairLinks.from_payload(entry.key, entry.claims, entry.payload())
    assert stored == entry
    later = LinkCache(Settings(), stored={stored.key: stored})
    again_a, again_b = _claims(1, 10, 3), _claims(2, 13, 2)
    assert later.links(A, B, again_a, again_b) == [
        Link(12, 13, Label.CONFLICT, 0.8123, reasons),
        Link(10, 14, Label.AGREE, 0.5),
    ]


@pytest.mark.parametrize(
    "counts",
    [
        (2, 2),  # a claim fewer in the first document than when stored
        (3, 3),  # a claim more in the second
    ],
)
def test_other_claim_counts_miss(counts: tuple[int, int]) -> None:
    cache = LinkCache(Settings())
    cache.add(A, B, _claims(0, 0, 3), _claims(1, 3, 2), [Link(0, 3, Label.AGREE, 0.5)])
    (entry,) = cache.fresh
    later = LinkCache(Settings(), stored={entry.key: entry})
    a, b = _claims(0, 0, counts[0]), _claims(1, counts[0], counts[1])
    assert later.links(A, B, a, b) is None


@pytest.mark.parametrize(
    "link",
    [
        # a link pointing back into the first document is not a pair link
        Link(0, 1, Label.AGREE, 0.5),
        # a link an analyst confirmed is not what the pipeline makes
        Link(0, 3, Label.AGREE, 0.5, status=LinkStatus.CONFIRMED),
    ],
)
def test_links_not_in_pipeline_shape_leave_the_pair_uncached(link: Link) -> None:
    cache = LinkCache(Settings())
    cache.add(A, B, _claims(0, 0, 3), _claims(1, 3, 2), [link])
    assert cache.fresh == []
