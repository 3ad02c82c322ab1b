"""Who a pair of claims is about, as a reason not to link it (``align.OnePerson``,
``align.OtherPeople``)."""

from __future__ import annotations

import numpy as np
import pytest

from claimdiff.align import BY_SCORE, OnePerson, OtherPeople, Scored, choose_bases, link_bases
from claimdiff.events import only_a_person_shared
from claimdiff.extract import Extractor
from claimdiff.model import Claim, Document
from claimdiff.settings import Settings


def read(extractor: Extractor, text: str, doc: int) -> Claim:
    (made,) = extractor.extract(Document(doc, "t", "s", text, "x"))
    return made


def scored(rows: list[list[float]]) -> Scored:
    values = np.asarray(rows, dtype=float)
    pairs = [(i, j) for i in range(values.shape[0]) for j in range(values.shape[1])]
    return Scored(pairs, np.zeros((len(pairs), 0)), (), values.ravel())


ARRESTED = "John Jenkin, 23, was arrested near the terraced house where the bodies were found."
SECTIONED = "John Jenkin, 23, had been sectioned after an apparent suicide attempt."


@pytest.mark.parametrize(
    ("other", "only"),
    [
        # one man introduced alike, two facts about him
        (SECTIONED, True),
        # the same fact, in other words: a word besides the name is shared
        ("Jenkin, who was described as a Goth, was arrested nearby.", False),
        # another man: nobody in common
        ("Robert Buckley, 32, had been sectioned after an apparent suicide attempt.", False),
    ],
)
def test_only_a_person_shared(extractor: Extractor, other: str, only: bool) -> None:
    a, b = read(extractor, ARRESTED, 0), read(extractor, other, 1)
    assert only_a_person_shared(a, b) is only
    assert ((0, 0) in OnePerson([a], [b])) is only


def test_a_title_is_part_of_whom_two_claims_share(extractor: Extractor) -> None:
    a = read(
        extractor,
        "San Antonio police Chief William McManus identified the officer as Benjamin Marconi.",
        0,
    )
    b = read(
        extractor,
        "A SWAT team arrested a suspect on Monday, said San Antonio Police Chief William McManus.",
        1,
    )
    assert only_a_person_shared(a, b)
    # a word besides the title: "officer" on both sides
    c = read(extractor, "The officer was shot, said San Antonio Police Chief William McManus.", 1)
    assert not only_a_person_shared(a, c)


def test_one_kind_of_event_told_of_one_person_is_kept(extractor: Extractor) -> None:
    # "died" and "was killed" share no word but the name, and report one death
    a = read(extractor, "Robert Buckley, 32, died on Mount Sefton on Saturday.", 0)
    b = read(extractor, "Robert Buckley, 32, was killed in a fall.", 1)
    assert not only_a_person_shared(a, b)


def test_a_pair_about_one_person_only_leaves_its_room_to_the_next(extractor: Extractor) -> None:
    a = [read(extractor, ARRESTED, 0)]
    b = [
        read(extractor, SECTIONED, 1),
        read(extractor, "The suspect was arrested near the house on Saturday.", 1),
    ]
    capped = Settings(max_links_per_claim=1)
    # scored alone, the first pair would take the claim's one link
    assert [(i, j) for i, j, *_ in choose_bases(scored([[0.8, 0.5]]), capped)] == [(0, 0)]
    found = link_bases(a, b, scored([[0.8, 0.5]]), capped)
    assert [(i, j, basis) for i, j, _, basis in found] == [(0, 1, BY_SCORE)]


def test_strangers_never_link_and_take_no_room() -> None:
    settings = Settings(
        link_threshold=0.3, secondary_margin=0.5, strong_link_threshold=0.9, max_links_per_claim=1
    )
    pairs = scored([[0.8, 0.6]])
    assert [(i, j) for i, j, *_ in choose_bases(pairs, settings)] == [(0, 0)]
    assert [(i, j) for i, j, *_ in choose_bases(pairs, settings, strangers={(0, 0)})] == [(0, 1)]


MCCARRON = "AMD's server business could use a lift, noted Dean McCarron, an analyst."
WANG = "Evercore analyst Patrick Wang said the acquisition was surprising."


def test_two_sets_of_people_stop_a_weak_mutual_link(extractor: Extractor) -> None:
    a, b = [read(extractor, MCCARRON, 0)], [read(extractor, WANG, 1)]
    assert (0, 0) in OtherPeople(a, b)
    settings = Settings(link_threshold=0.25, mutual_link_threshold=0.08)
    # the best pair of both its claims, below the link threshold: no link
    assert link_bases(a, b, scored([[0.12]]), settings) == []
    # worded alike enough to link on its own score, it still links
    assert [basis for *_, basis in link_bases(a, b, scored([[0.4]]), settings)] == [BY_SCORE]


def test_one_person_on_both_sides_is_no_other_people(extractor: Extractor) -> None:
    a = [read(extractor, MCCARRON, 0)]
    b = [read(extractor, "McCarron said AMD needed a lift in servers.", 1)]
    assert (0, 0) not in OtherPeople(a, b)
    found = link_bases(a, b, scored([[0.12]]), Settings(mutual_link_threshold=0.08))
    assert [basis for *_, basis in found] == [BY_SCORE]
