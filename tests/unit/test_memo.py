"""Per-claim memoisation: one computation per claim object, results equal to fresh ones."""

from __future__ import annotations

import gc

import pytest

from claimdiff import memo
from claimdiff.events import event_classes, graded
from claimdiff.features import numbers_in, profile
from claimdiff.model import Claim, Entity, Quantity
from claimdiff.slots import amounts, casualty_claim, entity_lists, name_entities, name_spans


def claim(text: str, **slots: object) -> Claim:
    return Claim(0, 0, 0, len(text), text, **slots)  # type: ignore[arg-type]


def test_computes_once_per_object() -> None:
    calls: list[Claim] = []

    @memo.per_object
    def words(item: Claim) -> list[str]:
        calls.append(item)
        return item.text.split()

    first = claim("Five people died")
    twin = claim("Five people died")  # equal, but another object: computed again
    assert words(first) == ["Five", "people", "died"]
    assert words(first) == ["Five", "people", "died"]
    assert words(twin) == ["Five", "people", "died"]
    assert calls == [first, twin] and calls[0] is first and calls[1] is twin


def test_lists_are_handed_out_as_copies() -> None:
    @memo.per_object
    def words(item: Claim) -> list[str]:
        return item.text.split()

    item = claim("two words")
    words(item).append("changed")
    assert words(item) == ["two", "words"]


def test_dicts_are_handed_out_as_copies() -> None:
    @memo.per_object
    def counts(item: Claim) -> dict[str, int]:
        return {word: len(word) for word in item.text.split()}

    item = claim("two words")
    counts(item)["changed"] = 7
    assert counts(item) == {"two": 3, "words": 5}


def test_entry_is_dropped_with_its_object() -> None:
    @memo.per_object
    def length(item: Claim) -> int:
        return len(item.text)

    cache_count = len(memo._caches[-1])
    item = claim("gone soon")
    assert length(item) == 9
    assert len(memo._caches[-1]) == cache_count + 1
    del item
    gc.collect()
    assert len(memo._caches[-1]) == cache_count


CLAIMS = [
    # digits, a unit and a toll verb
    claim("The quake killed more than 80 people and destroyed seven of its villages."),
    # no casualties, a bare year that is not an amount
    claim("No casualties were reported after the 2017 storm."),
    # graded words both ways, and event words
    claim("The hospital was insufficiently equipped and poorly staffed after the attack."),
    # a quantity slot the extractor gave, with a unit read from the text
    claim(
        "Officials put the magnitude at 5.9 on Tuesday.",
        quantities=(Quantity("5.9", 5.9, "", "", 5.9, 5.9, 31, 34),),
    ),
    # a name holding a number word, and a list of names
    claim(
        "The Group of Seven, Iran and North Korea met.",
        entities=(
            Entity("Group of Seven", "Group of Seven", "ORG", 4, 18),
            Entity("Iran", "Iran", "GPE", 20, 24),
            Entity("North Korea", "North Korea", "GPE", 29, 40),
        ),
    ),
]


@pytest.mark.parametrize("item", CLAIMS)
@pytest.mark.parametrize(
    "func",
    [
        profile,
        numbers_in,
        amounts,
        casualty_claim,
        name_spans,
        name_entities,
        entity_lists,
        event_classes,
        graded,
    ],
)
def test_memoised_equals_fresh(item: Claim, func: object) -> None:
    memo.clear()
    fresh = func.__wrapped__(item)  # type: ignore[attr-defined]
    assert func(item) == fresh  # type: ignore[operator]
    assert func(item) == fresh  # type: ignore[operator]  # the cached result, again


@pytest.mark.parametrize("running", [True, False])  # the collector's state before the pause
def test_collector_pause_nests_and_restores_the_state_before(running: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if running else gc.disable()
        with memo.collector_paused():
            assert not gc.isenabled()
            with memo.collector_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # the outer pause still runs
        assert gc.isenabled() is running
    finally:
        gc.enable() if was else gc.disable()


def test_collector_restarts_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError, match="bad"), memo.collector_paused():
        raise ValueError("bad")
    assert gc.isenabled()


def test_registered_caches_are_cleared() -> None:
    cache = memo.registered({"word": 1})
    assert cache == {"word": 1}
    memo.clear()
    assert cache == {}
