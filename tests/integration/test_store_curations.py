"""Curations through the public API on the seed pair: they apply to loads and to re-runs."""

from __future__ import annotations

import pytest

from claimdiff import api
from claimdiff.curate import anchor_of
from claimdiff.model import Comparison, Curation, CurationAction, Label, LinkStatus
from claimdiff.settings import Settings
from claimdiff.store import Store
from tests.conftest import AFP, RFERL
from tests.integration.conftest import ComparisonFactory


def _pair(comparison: Comparison, index: int) -> tuple[str, str]:
    link = comparison.links[index]
    return comparison.claim(link.a).text, comparison.claim(link.b).text


def _pairs(comparison: Comparison) -> dict[tuple[str, str], object]:
    return {(comparison.claim(k.a).text, comparison.claim(k.b).text): k for k in comparison.links}


def _act(
    comparison: Comparison, action: CurationAction, index: int, value: str | None = None
) -> Curation:
    link = comparison.links[index]
    return Curation(
        action,
        anchor_of(comparison, link.a),
        anchor_of(comparison, link.b),
        value,
        comparison=comparison.id,
    )


@pytest.fixture
def store(store_url: str) -> Store:
    return Store(store_url)


def test_curations_apply_on_load_and_to_a_fresh_rerun(store: Store) -> None:
    first = api.compare_files([AFP, RFERL], db=store)
    assert len(first.links) >= 3
    rejected, relabelled, noted = (_pair(first, i) for i in range(3))
    api.add_curation(_act(first, CurationAction.REJECT, 0), db=store)
    label = Label.CONFLICT if first.links[1].label is not Label.CONFLICT else Label.AGREE
    api.add_curation(_act(first, CurationAction.LABEL, 1, label.value), db=store)
    api.add_curation(_act(first, CurationAction.NOTE, 2, "AFP and RFE/RL agree here"), db=store)
    api.add_curation(_act(first, CurationAction.CONFIRM, 2), db=store)

    # Other settings make a new comparison of the same files; the curations still apply.
    rerun = api.compare_files([AFP, RFERL], db=store, settings=Settings(secondary_margin=0.151))
    assert rerun.id != first.id
    for curated in (
        api.load_comparison(first.id or 0, db=store),
        rerun,
        api.load_comparison(rerun.id or 0, db=store),
    ):
        links = _pairs(curated)
        assert rejected not in links
        assert links[relabelled].label is label and links[relabelled].label_overridden
        assert links[noted].notes == ("AFP and RFE/RL agree here",)
        assert links[noted].status is LinkStatus.CONFIRMED
    # The stored links are the matcher's; curations sit on top and can be undone.
    assert rejected in _pairs(store.load_comparison(first.id or 0))
    store.close()


def test_undo_and_redo_through_the_api(store: Store) -> None:
    first = api.compare_files([AFP, RFERL], db=store)
    rejected = _pair(first, 0)
    made = api.add_curation(_act(first, CurationAction.REJECT, 0), db=store)
    assert made.id is not None and made.created is not None and made.author
    assert rejected not in _pairs(api.load_comparison(first.id or 0, db=store))
    api.revoke_curation(made.id, db=store)
    assert api.curations_for(first, db=store) == ()
    assert rejected in _pairs(api.load_comparison(first.id or 0, db=store))
    api.restore_curation(made.id, db=store)
    assert [c.id for c in api.curations_for(first, db=store)] == [made.id]
    assert rejected not in _pairs(api.load_comparison(first.id or 0, db=store))
    store.close()


def test_relink_adds_the_analysts_pick(store: Store) -> None:
    first = api.compare_files([AFP, RFERL], db=store)
    a = next(c for c in first.claims if c.document == 0 and not first.links_of(c.id))
    b = next(c for c in first.claims if c.document == 1 and not first.links_of(c.id))
    api.add_curation(
        Curation(CurationAction.RELINK, anchor_of(first, a.id), anchor_of(first, b.id), "partial"),
        db=store,
    )
    loaded = api.load_comparison(first.id or 0, db=store)
    manual = [k for k in loaded.links if k.status is LinkStatus.MANUAL]
    assert [(loaded.claim(k.a).text, loaded.claim(k.b).text, k.label) for k in manual] == [
        (a.text, b.text, Label.PARTIAL)
    ]
    assert a.id not in loaded.unique and b.id not in loaded.unique
    store.close()


def test_library_functions_in_the_api(db_url: str) -> None:
    first = api.compare_files([AFP, RFERL], db=db_url)
    api.rename_comparison(first.id or 0, "G7 in Lucca", db=db_url)
    assert api.load_comparison(first.id or 0, db=db_url).name == "G7 in Lucca"
    api.delete_comparison(first.id or 0, db=db_url)
    assert api.open_store(db_url).list_comparisons() == []


def test_relink_and_undo_by_claim_number(
    store_url: str, make_comparison: ComparisonFactory
) -> None:
    store = Store(store_url)
    saved = store.save_comparison(make_comparison(), "test-1")  # links 0-2 and 1-3
    cid = saved.id or 0
    made = api.relink(cid, 0, 3, label="partial", db=store)
    assert [c.action for c in made] == [CurationAction.RELINK, CurationAction.REJECT]
    assert len({c.created for c in made}) == 1  # one action: one undo takes both back
    links = {(k.a, k.b): k.label for k in api.load_comparison(cid, db=store).links}
    assert links == {(0, 3): Label.PARTIAL, (1, 3): Label.AGREE}
    api.curate_link(cid, 3, 1, CurationAction.NOTE, value="same sentence", db=store)
    assert [c.action for c in api.undo(cid, db=store)] == [CurationAction.NOTE]
    assert len(api.undo(cid, db=store)) == 2
    assert api.undo(cid, db=store) == []
    assert {(k.a, k.b) for k in api.load_comparison(cid, db=store).links} == {(0, 2), (1, 3)}
    redone = api.redo(cid, db=store)
    assert [c.id for c in redone] == [c.id for c in made]
    assert {(k.a, k.b) for k in api.load_comparison(cid, db=store).links} == {(0, 3), (1, 3)}
    store.close()
