"""The claims cache: re-comparing, or adding a third article, parses nothing parsed before."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from claimdiff import api
from claimdiff.extract import PIPELINE_VERSION, Extractor
from claimdiff.ingest import read_document
from claimdiff.store import Store
from tests.conftest import AFP, RFERL

THIRD = (
    " date 2017-04-11 Foreign ministers of the Group of Seven met in Lucca on Tuesday.\n\n"
    "U.S. Secretary of State Rex Tillerson is to travel to Moscow after the talks.\n\n"
    "Italian Foreign Minister Angelino Alfano hosted the meeting.\n"
)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the extractor parses, in order."""
    seen: list[str] = []
    original: Callable[..., object] = Extractor.extract_many

    def counting(self: Extractor, documents: object, *args: object, **kwargs: object) -> object:
        docs = list(documents)  # type: ignore[call-overload]
        seen.extend(Path(d.path or "?").name for d in docs)
        return original(self, docs, *args, **kwargs)

    monkeypatch.setattr(Extractor, "extract_many", counting)
    return seen


def test_second_run_parses_nothing_and_adds_no_rows(store_url: str, parsed: list[str]) -> None:
    store = Store(store_url)
    first = api.compare_files([AFP, RFERL], db=store)
    assert parsed == [AFP.name, RFERL.name]
    counts = store.row_counts()
    second = api.compare_files([AFP, RFERL], db=store)
    assert parsed == [AFP.name, RFERL.name]  # nothing parsed again
    assert second.id == first.id
    assert store.row_counts() == counts
    assert [c.text for c in second.claims] == [c.text for c in first.claims]
    assert [(k.a, k.b, k.label) for k in second.links] == [(k.a, k.b, k.label) for k in first.links]
    store.close()


def test_third_article_parses_only_itself(
    store_url: str, parsed: list[str], tmp_path: Path
) -> None:
    third = tmp_path / "ansa-g7.txt"
    third.write_text(THIRD, encoding="utf-8")
    store = Store(store_url)
    api.compare_files([AFP, RFERL], db=store)
    del parsed[:]
    three = api.compare_files([AFP, RFERL, third], db=store)
    assert parsed == [third.name]
    assert len(three.documents) == 3
    assert store.row_counts()["documents"] == 3
    store.close()


def test_cached_claims_match_a_fresh_parse(db_url: str) -> None:
    api.compare_files([AFP, RFERL], db=db_url)
    store = Store(db_url)
    document = read_document(RFERL, 1)
    cached = store.cached_claims(document.sha256, PIPELINE_VERSION)
    store.close()
    fresh = api.get_extractor().extract(document)
    assert cached is not None
    assert [(c.start, c.end, c.text, c.speaker) for c in cached] == [
        (c.start, c.end, c.text, c.speaker) for c in fresh
    ]
    assert [c.entities for c in cached] == [c.entities for c in fresh]
