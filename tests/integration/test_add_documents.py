"""Adding an article to a stored comparison aligns only the new pairs and keeps curations."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdiff import api, pipeline
from claimdiff.curate import anchor_of
from claimdiff.model import Curation, CurationAction, InputError
from tests.conftest import AFP, RFERL

THIRD = Path(__file__).resolve().parent.parent / "data" / "g7-lucca-third-report.txt"


def _pairs(comparison: api.Comparison) -> set[tuple[str, str, str]]:
    """Links as (claim text, claim text, label), independent of ids."""
    return {
        (comparison.claims[link.a].text, comparison.claims[link.b].text, link.label.value)
        for link in comparison.links
    }


def _pairs_list(comparison: api.Comparison) -> list[tuple[str, str, str]]:
    return [
        (comparison.claims[link.a].text, comparison.claims[link.b].text, link.label.value)
        for link in comparison.links
    ]


def test_adding_a_third_article_aligns_only_new_pairs(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = api.compare_files([AFP, RFERL], db=db_url)
    assert first.id is not None
    rejected = first.links[0]
    api.add_curation(
        Curation(CurationAction.REJECT, anchor_of(first, rejected.a), anchor_of(first, rejected.b)),
        db=db_url,
    )
    before = _pairs(api.load_comparison(first.id, db=db_url))
    aligned: list[tuple[str, str]] = []
    real_align = pipeline.align

    def spy(a, b, settings):  # type: ignore[no-untyped-def]
        aligned.append((a[0].text if a else "", b[0].text if b else ""))
        return real_align(a, b, settings)

    monkeypatch.setattr(pipeline, "align", spy)
    grown = api.add_documents(first.id, [THIRD], db=db_url)

    assert grown.id == first.id
    assert [d.source for d in grown.documents] == ["AFP", "RFE/RL", "Reuters"]
    assert grown.name == "AFP vs RFE/RL vs Reuters"
    # Two new document pairs (AFP-Reuters, RFE/RL-Reuters), never AFP-RFE/RL again.
    assert len(aligned) == 2
    # The old pair's links are kept exactly as curated: the rejected one stays out.
    old_docs = {0, 1}
    kept = {
        p
        for p, link in zip(_pairs_list(grown), grown.links, strict=True)
        if {grown.claims[link.a].document, grown.claims[link.b].document} == old_docs
    }
    assert kept == before
    assert (first.claims[rejected.a].text, first.claims[rejected.b].text) not in {
        (a, b) for a, b, _ in kept
    }
    assert any(grown.claims[link.b].document == 2 for link in grown.links)
    assert len(api.open_store(db_url).list_comparisons()) == 1


def test_adding_an_article_already_compared_is_refused(db_url: str) -> None:
    first = api.compare_files([AFP, RFERL], db=db_url)
    assert first.id is not None
    with pytest.raises(InputError, match="already in comparison"):
        api.add_documents(first.id, [AFP], db=db_url)
    assert len(api.load_comparison(first.id, db=db_url).documents) == 2


def test_a_run_cancelled_after_aligning_stores_nothing(db_url: str) -> None:
    aligned: list[float] = []

    def progress(stage: str, share: float) -> None:
        if stage == "align":
            aligned.append(share)

    def cancelled() -> bool:
        return bool(aligned) and aligned[-1] >= 1.0  # the user clicks Cancel as it finishes

    with pytest.raises(api.ComparisonCancelled):
        api.compare_files([AFP, RFERL], db=db_url, progress=progress, cancelled=cancelled)
    assert aligned and aligned[-1] == 1.0  # the whole run happened before the cancel
    with api.open_store(db_url) as store:
        assert store.list_comparisons() == []
    stored = api.compare_files([AFP, RFERL], db=db_url)
    aligned.clear()
    with pytest.raises(api.ComparisonCancelled):
        api.add_documents(
            stored.id or 0, [THIRD], db=db_url, progress=progress, cancelled=cancelled
        )
    assert len(api.load_comparison(stored.id or 0, db=db_url).documents) == 2
