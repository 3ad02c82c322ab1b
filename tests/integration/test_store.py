"""The Store on SQLite and PostgreSQL: round trips, no duplicate rows, library, curations."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Iterator

import pytest

from claimdiff.curate import anchor_of
from claimdiff.model import (
    Comparison,
    Curation,
    CurationAction,
    DateMention,
    Entity,
    Label,
    LinkStatus,
    Quantity,
    Reason,
    ReasonKind,
)
from claimdiff.store import Store, StoreError
from tests.integration.conftest import ComparisonFactory

PIPELINE = "test-1"


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = Store(store_url)
    yield opened
    opened.close()


def test_round_trip_keeps_content(store: Store, make_comparison: ComparisonFactory) -> None:
    original = make_comparison()
    saved = store.save_comparison(original, PIPELINE)
    loaded = store.load_comparison(saved.id or 0)
    assert loaded.id == saved.id
    assert loaded.name == "Source 0 vs Source 1"
    assert [d.text for d in loaded.documents] == [d.text for d in original.documents]
    assert [d.published for d in loaded.documents] == [d.published for d in original.documents]
    assert [(c.document, c.start, c.text) for c in loaded.claims] == [
        (c.document, c.start, c.text) for c in original.claims
    ]
    assert loaded.links == original.links
    assert loaded.links[0].label is Label.CONFLICT
    assert loaded.links[0].reasons[0].text == "The numbers differ: 3 vs 4."
    assert loaded.created == saved.created
    assert loaded.created is not None and loaded.created.tzinfo is not None


def test_same_documents_again_add_no_rows(store: Store, make_comparison: ComparisonFactory) -> None:
    first = store.save_comparison(make_comparison(), PIPELINE)
    counts = store.row_counts()
    again = store.save_comparison(make_comparison(), PIPELINE)
    assert again.id == first.id
    assert store.row_counts() == counts
    assert counts["documents"] == 2 and counts["claims"] == 4 and counts["links"] == 2


def test_other_settings_share_documents_and_claims(
    store: Store, make_comparison: ComparisonFactory
) -> None:
    store.save_comparison(make_comparison(), PIPELINE)
    looser = store.save_comparison(make_comparison(settings=0.3), PIPELINE)
    counts = store.row_counts()
    # A second comparison, but the two documents and their four claims are stored once.
    assert (counts["comparisons"], counts["documents"], counts["claims"]) == (2, 2, 4)
    assert counts["links"] == 4
    assert store.load_comparison(looser.id or 0).settings == {"link_threshold": 0.3}


def test_third_document_reuses_the_first_two(
    store: Store, make_comparison: ComparisonFactory
) -> None:
    texts = ("Alpha said 3 people came.\nBeta rose.", "Alpha said 4 people came.\nBeta rose.")
    store.save_comparison(make_comparison(*texts), PIPELINE)
    store.save_comparison(
        make_comparison(*texts, "Alpha said 5 people came.\nBeta fell."), PIPELINE
    )
    counts = store.row_counts()
    assert (counts["documents"], counts["claims"]) == (3, 6)


def test_cached_claims_by_hash_and_pipeline(
    store: Store, make_comparison: ComparisonFactory
) -> None:
    comparison = make_comparison()
    store.save_comparison(comparison, PIPELINE)
    second = comparison.documents[1]
    cached = store.cached_claims(second.sha256, PIPELINE)
    assert cached is not None
    assert [c.text for c in cached] == ["Alpha said 4 people came.", "Beta rose."]
    assert store.cached_claims(second.sha256, "another-pipeline") is None
    assert store.cached_claims("0" * 64, PIPELINE) is None


def test_library_rename_and_delete(store: Store, make_comparison: ComparisonFactory) -> None:
    first = store.save_comparison(make_comparison(), PIPELINE)
    second = store.save_comparison(make_comparison(settings=0.4), PIPELINE)
    store.rename_comparison(first.id or 0, "  G7   Lucca ")
    listed = store.list_comparisons()
    assert [row.id for row in listed] == [second.id, first.id]  # newest first
    assert listed[1].name == "G7 Lucca"
    assert listed[1].documents == ("Source 0", "Source 1")
    store.delete_comparison(second.id or 0)
    assert [row.id for row in store.list_comparisons()] == [first.id]
    counts = store.row_counts()
    assert (counts["links"], counts["reasons"], counts["documents"]) == (2, 1, 2)


@pytest.mark.parametrize(
    ("action", "message"),
    [
        ("load", "no comparison with id 99"),  # a missing comparison is a one-line error
        ("rename", "no comparison with id 99"),  # so is renaming it
        ("delete", "no comparison with id 99"),  # and deleting it
        ("blank", "not blank"),  # a blank name is refused
        ("revoke", "no curation with id 99"),  # undoing a missing curation
    ],
)
def test_missing_things_are_one_line_errors(store: Store, action: str, message: str) -> None:
    calls = {
        "load": lambda: store.load_comparison(99),
        "rename": lambda: store.rename_comparison(99, "x"),
        "delete": lambda: store.delete_comparison(99),
        "blank": lambda: store.rename_comparison(99, "   "),
        "revoke": lambda: store.revoke_curation(99),
    }
    with pytest.raises(StoreError, match=message) as caught:
        calls[action]()
    assert "\n" not in str(caught.value)


def _note(comparison: Comparison, a: int, b: int, text: str, author: str = "") -> Curation:
    return Curation(
        CurationAction.NOTE,
        anchor_of(comparison, a),
        anchor_of(comparison, b),
        text,
        author=author,
        comparison=comparison.id,
    )


def test_curation_records_author_and_time(
    store: Store, make_comparison: ComparisonFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = store.save_comparison(make_comparison(), PIPELINE)
    monkeypatch.setenv("CLAIMDIFF_AUTHOR", "Ana Analyst")
    configured = store.add_curation(_note(saved, 0, 2, "check the figure"))
    monkeypatch.delenv("CLAIMDIFF_AUTHOR")
    monkeypatch.setattr("getpass.getuser", lambda: "osuser")
    by_os = store.add_curation(_note(saved, 0, 2, "AFP says 3"))
    explicit = store.add_curation(_note(saved, 0, 2, "fine", author="Bo"))
    assert (configured.author, by_os.author, explicit.author) == ("Ana Analyst", "osuser", "Bo")
    assert configured.id is not None and by_os.id is not None and configured.id != by_os.id
    assert configured.created is not None and by_os.created is not None
    assert configured.created <= by_os.created
    stored = store.curations_for(saved)
    assert [c.value for c in stored] == ["check the figure", "AFP says 3", "fine"]
    assert stored[0].comparison == saved.id


def test_revoke_and_restore_keep_the_record(
    store: Store, make_comparison: ComparisonFactory
) -> None:
    saved = store.save_comparison(make_comparison(), PIPELINE)
    reject = store.add_curation(
        Curation(CurationAction.REJECT, anchor_of(saved, 1), anchor_of(saved, 3))
    )
    assert [c.id for c in store.curations_for(saved)] == [reject.id]
    revoked = store.revoke_curation(reject.id or 0)
    assert revoked.revoked
    assert store.curations_for(saved) == ()
    assert store.row_counts()["curations"] == 1  # undone, not deleted
    assert [(c.id, c.revoked) for c in store.curation_history(saved)] == [(reject.id, True)]
    restored = store.restore_curation(reject.id or 0)
    assert not restored.revoked
    assert [c.id for c in store.curations_for(saved)] == [reject.id]


def test_curations_follow_documents_not_comparisons(
    store: Store, make_comparison: ComparisonFactory
) -> None:
    first = store.save_comparison(make_comparison(), PIPELINE)
    store.add_curation(Curation(CurationAction.CONFIRM, anchor_of(first, 0), anchor_of(first, 2)))
    rerun = store.save_comparison(make_comparison(settings=0.3), PIPELINE)
    assert rerun.id != first.id
    assert [c.action for c in store.curations_for(rerun)] == [CurationAction.CONFIRM]
    other = make_comparison("Gamma happened.\nDelta happened.", "Gamma happened.\nEps.")
    assert store.curations_for(store.save_comparison(other, PIPELINE)) == ()
    store.delete_comparison(first.id or 0)
    kept = store.curations_for(rerun)
    assert len(kept) == 1 and kept[0].comparison is None


def test_unmatched_anchor_is_not_returned(store: Store, make_comparison: ComparisonFactory) -> None:
    saved = store.save_comparison(make_comparison(), PIPELINE)
    ghost = dataclasses.replace(anchor_of(saved, 2), text="A claim that is not there.", start=5)
    store.add_curation(Curation(CurationAction.RELINK, anchor_of(saved, 0), ghost))
    assert store.curations_for(saved) == ()


def test_two_people_noting_one_link_at_once_lose_nothing(
    store_url: str, make_comparison: ComparisonFactory
) -> None:
    setup = Store(store_url)
    saved = setup.save_comparison(make_comparison(), PIPELINE)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def analyst(name: str) -> None:
        own = Store(store_url)  # each person runs their own app, with their own connection
        try:
            start.wait()
            for index in range(5):
                own.add_curation(_note(saved, 0, 2, f"{name} note {index}", author=name))
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            own.close()

    threads = [threading.Thread(target=analyst, args=(n,)) for n in ("ana", "bo")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    notes = setup.curations_for(saved)
    assert sorted(c.value or "" for c in notes) == sorted(
        f"{name} note {i}" for name in ("ana", "bo") for i in range(5)
    )
    assert {c.author for c in notes} == {"ana", "bo"}
    setup.close()


def test_link_status_defaults_to_auto(store: Store, make_comparison: ComparisonFactory) -> None:
    saved = store.save_comparison(make_comparison(), PIPELINE)
    assert {link.status for link in store.load_comparison(saved.id or 0).links} == {LinkStatus.AUTO}


def test_load_returns_exactly_what_was_saved(
    store: Store, make_comparison: ComparisonFactory
) -> None:
    base = make_comparison(
        "Alpha said 3 people came.\nBeta rose.",
        "Alpha said 4 people came.\nBeta rose.",
        "Gamma fell.\nAlpha said 5 people came.",
    )
    # Every slot filled, so that nothing the loader decodes goes unchecked.
    claims = tuple(
        dataclasses.replace(
            claim,
            speaker="Alpha",
            quotes=("people came",),
            entities=(Entity("Alpha", "Alpha", "PERSON", 0, 5),),
            quantities=(Quantity("3 people", 3.0, "people", "exact", 3.0, 3.0, 11, 19),),
            dates=(DateMention("Monday", dt.date(2017, 4, 10), 0, 6, "day"),),
            negated=claim.id % 2 == 1,
            modality="reported",
            predicate="say",
            lemmas=("alpha", "say", "people"),
            sentence=claim.id,
        )
        for claim in base.claims
    )
    reasons = (
        Reason(ReasonKind.NUMBER, "3", "4", "The numbers differ: 3 vs 4."),
        Reason(ReasonKind.ENTITY, "Alpha", "Beta", "Only one names Beta."),
    )
    links = tuple(dataclasses.replace(link, reasons=reasons) for link in base.links)
    original = dataclasses.replace(base, claims=claims, links=links, warnings=("one warning",))
    saved = store.save_comparison(original, PIPELINE)
    loaded = store.load_comparison(saved.id or 0)
    assert loaded.documents == original.documents  # three, in member order
    assert loaded.claims == original.claims
    assert loaded.links == original.links  # in order, reasons in order
    assert (loaded.name, loaded.created, loaded.warnings) == (
        saved.name,
        saved.created,
        ("one warning",),
    )
    assert loaded.settings == original.settings
