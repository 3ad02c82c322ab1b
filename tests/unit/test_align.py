"""Candidate blocking, the linking rules and the learned combiner."""

from __future__ import annotations

import random

import numpy as np
import pytest

from claimdiff import combiner
from claimdiff.align import (
    BY_EVENT,
    BY_SCORE,
    FarApart,
    OtherTimes,
    OtherVoices,
    Scored,
    align,
    candidate_pairs,
    choose,
    choose_bases,
    contradictions,
    score,
)
from claimdiff.evidence import event_conflict
from claimdiff.extract import Extractor
from claimdiff.features import profile, segments
from claimdiff.ingest import document_from_text, read_document
from claimdiff.model import Claim
from claimdiff.settings import Settings
from tests.conftest import AFP, RFERL

WORDS = [f"word{k}" for k in range(3000)]
"""A large vocabulary, so that words are rare, as in real articles."""


def claims(texts: list[str], doc: int) -> list[Claim]:
    return [Claim(k, doc, 0, len(t), t) for k, t in enumerate(texts)]


def random_text(rng: random.Random) -> str:
    return " ".join(rng.sample(WORDS, 6)) + "."


def test_blocking_keeps_the_best_exhaustive_pairs() -> None:
    rng = random.Random(7)
    texts = [random_text(rng) for _ in range(300)]
    # each b claim shares half its words with some a claim
    b_texts = [
        " ".join(rng.choice(texts).split()[:3] + random_text(rng).split()[:3]) for _ in texts
    ]
    a = [profile(c) for c in claims(texts, 0)]
    b = [profile(c) for c in claims(b_texts, 1)]
    exhaustive = set(candidate_pairs(a, b, Settings()))
    blocked = set(candidate_pairs(a, b, Settings(exhaustive_pairs=0, block_top_k=10)))
    assert len(exhaustive) == 300 * 300
    assert len(blocked) < len(exhaustive) / 5
    # every claim keeps its best-overlapping partner
    for i, prof in enumerate(a):
        if not any(prof.words & other.words for other in b):
            continue
        best = max(range(len(b)), key=lambda j: len(prof.words & b[j].words))
        top = len(prof.words & b[best].words)
        assert any(len(prof.words & b[j].words) == top for j in range(len(b)) if (i, j) in blocked)


def scored(matrix: list[list[float]]) -> Scored:
    pairs = [(i, j) for i in range(len(matrix)) for j in range(len(matrix[0]))]
    probability = np.asarray([matrix[i][j] for i, j in pairs])
    return Scored(pairs, np.zeros((len(pairs), 0)), (), probability)


# Each case: probability matrix, settings -> expected links (a index, b index)
CHOOSE_CASES = [
    # the best pair above the threshold links, weak ones do not
    ([[0.9, 0.1], [0.2, 0.1]], Settings(link_threshold=0.5), {(0, 0)}),
    # one claim may link to two claims when both are close to its best
    (
        [[0.9, 0.8], [0.1, 0.1]],
        Settings(link_threshold=0.5, secondary_margin=0.2),
        {(0, 0), (0, 1)},
    ),
    # ... but not when the second is far below the best of both its claims
    (
        [[0.9, 0.6], [0.1, 0.95]],
        Settings(link_threshold=0.5, secondary_margin=0.2, strong_link_threshold=0.65),
        {(0, 0), (1, 1)},
    ),
    # ... unless it is sure on its own
    (
        [[0.9, 0.7], [0.1, 0.95]],
        Settings(link_threshold=0.5, secondary_margin=0.2, strong_link_threshold=0.65),
        {(0, 0), (0, 1), (1, 1)},
    ),
    # the cap per claim holds
    (
        [[0.9, 0.9, 0.9]],
        Settings(link_threshold=0.5, strong_link_threshold=0.95, max_links_per_claim=2),
        {(0, 0), (0, 1)},
    ),
    # below the threshold, a pair that is the best of both its claims links ...
    (
        [[0.9, 0.1], [0.1, 0.3]],
        Settings(link_threshold=0.5, mutual_link_threshold=0.2),
        {(0, 0), (1, 1)},
    ),
    # ... but not one that another pair beats in its row or column
    (
        [[0.9, 0.3], [0.1, 0.25]],
        Settings(link_threshold=0.5, mutual_link_threshold=0.2),
        {(0, 0)},
    ),
    # ... nor one below the mutual-best threshold
    ([[0.9, 0.1], [0.1, 0.15]], Settings(link_threshold=0.5, mutual_link_threshold=0.2), {(0, 0)}),
    # a claim with no link takes its strong pair past the cap of the other claim ...
    (
        [[0.95, 0.9, 0.8]],
        Settings(link_threshold=0.5, strong_link_threshold=0.7, max_links_per_claim=2),
        {(0, 0), (0, 1), (0, 2)},
    ),
    # ... by one link at most
    (
        [[0.95, 0.9, 0.8, 0.75]],
        Settings(link_threshold=0.5, strong_link_threshold=0.7, max_links_per_claim=2),
        {(0, 0), (0, 1), (0, 2)},
    ),
    # ... but not a pair short of strong, nor one whose claims both have links
    (
        [[0.95, 0.9, 0.65]],
        Settings(link_threshold=0.5, strong_link_threshold=0.7, max_links_per_claim=2),
        {(0, 0), (0, 1)},
    ),
    (
        [[0.95, 0.9, 0.8], [0.1, 0.1, 0.99]],
        Settings(link_threshold=0.5, strong_link_threshold=0.7, max_links_per_claim=2),
        {(0, 0), (0, 1), (1, 2)},
    ),
]


@pytest.mark.parametrize(("matrix", "settings", "expected"), CHOOSE_CASES)
def test_linking_rules(
    matrix: list[list[float]], settings: Settings, expected: set[tuple[int, int]]
) -> None:
    assert {(i, j) for i, j, _ in choose(scored(matrix), settings)} == expected


def test_contradicting_pairs_link_at_the_lower_threshold() -> None:
    settings = Settings(link_threshold=0.5, mutual_link_threshold=0.5, conflict_link_threshold=0.05)
    assert choose(scored([[0.1]]), settings) == []
    assert [(i, j) for i, j, _ in choose(scored([[0.1]]), settings, frozenset({(0, 0)}))] == [
        (0, 0)
    ]


def test_a_mutual_best_pair_with_figures_far_apart_does_not_link() -> None:
    settings = Settings(link_threshold=0.5, mutual_link_threshold=0.1)
    weak = scored([[0.2]])
    assert len(choose(weak, settings)) == 1
    assert choose(weak, settings, apart=frozenset({(0, 0)})) == []
    # a pair above the link threshold is judged on its score alone
    assert len(choose(scored([[0.6]]), settings, apart=frozenset({(0, 0)}))) == 1
    # and a contradiction about one event still links, on that evidence
    both = frozenset({(0, 0)})
    assert len(choose(weak, settings, contradicting=both, apart=both)) == 1
    assert [basis for *_, basis in choose_bases(weak, settings, both, both)] == [BY_EVENT]
    assert [basis for *_, basis in choose_bases(weak, settings, both)] == [BY_SCORE]


def test_two_people_quoted_saying_different_things_do_not_link() -> None:
    settings = Settings(link_threshold=0.3, mutual_link_threshold=0.1, secondary_margin=0.5)
    # claim 0 of each side: two people quoted; their next best pairs are weaker still
    pairs = scored([[0.8, 0.4], [0.4, 0.1]])
    voices = frozenset({(0, 0)})
    assert {(i, j) for i, j, _ in choose(pairs, settings)} == {(0, 0), (0, 1), (1, 0)}
    # the pair keeps its place under the cap: neither claim links its weaker pair instead
    capped = Settings(link_threshold=0.3, secondary_margin=0.5, max_links_per_claim=1)
    assert {(i, j) for i, j, *_ in choose_bases(pairs, capped)} == {(0, 0)}
    assert choose_bases(pairs, capped, voices=voices) == []
    assert {(i, j) for i, j, *_ in choose_bases(pairs, settings, voices=voices)} == {
        (0, 1),
        (1, 0),
    }


DENG = "They should not be pursued inside the territory of South Sudan"


@pytest.mark.parametrize(
    ("quote_a", "speaker_b", "quote_b", "apart"),
    [
        # another person, another quotation: two statements
        (DENG, "Miabek Lang", "What is going on in South Sudan belongs to the southerners.", True),
        # one quotation given to two people: a speaker difference to show, not two statements
        (DENG, "Miabek Lang", DENG, False),
        # one person quoted twice: the misquote test decides
        (DENG, "Taban Deng", "What is going on in South Sudan belongs to the southerners.", False),
        # one side without a quotation: nothing to tell
        (DENG, "Miabek Lang", "", False),
        # one thing said, quoted at two lengths from two voices (the seeds)
        (
            "deliver that clear and co-ordinated message to the Russians",
            "G7 ministers",
            "clear and coordinated message",
            False,
        ),
    ],
)
def test_other_voices(quote_a: str, speaker_b: str, quote_b: str, apart: bool) -> None:
    a = Claim(0, 0, 0, 60, f'"{quote_a}," Deng said.', "Taban Deng", (quote_a,))
    quotes_b = (quote_b,) if quote_b else ()
    b = Claim(0, 1, 0, 60, f'"{quote_b}," he said.', speaker_b, quotes_b)
    assert ((0, 0) in OtherVoices([a], [b])) is apart


@pytest.mark.parametrize(
    ("text_b", "expected"),
    [
        # a war's toll against one attack's: two facts
        ("An air strike killed more than 80 people in Khan Sheikhun.", True),
        # one toll reported two ways: a conflict to show, not two facts
        ("The war has killed more than 300,000 people since 2011.", False),
        # no figure of the same unit: nothing to tell them apart
        ("The ministers met in Lucca on Tuesday.", False),
    ],
)
def test_far_apart_figures_tell_two_facts_apart(
    extractor: Extractor, text_b: str, expected: bool
) -> None:
    text_a = "The war has killed more than 320,000 people since March 2011."
    (a,) = extractor.extract(document_from_text(text_a, doc_id=0))
    (b,) = extractor.extract(document_from_text(text_b, doc_id=1))
    assert ((0, 0) in FarApart([a], [b])) is expected


def test_figures_of_two_facts_link_only_on_a_strong_score() -> None:
    settings = Settings(link_threshold=0.3, strong_link_threshold=0.6, mutual_link_threshold=0.1)
    two = frozenset({(0, 0)})
    for p, links in ((0.2, 0), (0.5, 0), (0.7, 1)):
        assert len(choose_bases(scored([[p]]), settings, apart=two, two_facts=two)) == links
        assert len(choose_bases(scored([[p]]), settings)) == 1


@pytest.mark.parametrize(
    ("text_b", "expected"),
    [
        # another crash, recalled by its year: figures of different times
        ("In 1981, 11 people were killed when a plane crashed into Pearl Harbor.", True),
        # the same crash with another toll: a conflict, not two facts
        ("A plane crashed on Friday, killing all 11 people aboard.", False),
        # the same toll in a year: nothing to tell apart
        ("In 1981, nine people were killed when a plane crashed into Pearl Harbor.", False),
    ],
)
def test_figures_of_other_times_tell_two_facts_apart(
    extractor: Extractor, text_b: str, expected: bool
) -> None:
    text_a = "A small plane crashed in Oahu on Friday, killing all nine people aboard."
    (a,) = extractor.extract(document_from_text(text_a, doc_id=0))
    (b,) = extractor.extract(document_from_text(text_b, doc_id=1))
    assert ((0, 0) in OtherTimes([a], [b])) is expected


def test_align_links_the_matching_statements() -> None:
    a = claims(
        [
            "The army bombed the refugee camp near the border on Thursday.",
            "The central bank raised interest rates by a quarter point.",
        ],
        0,
    )
    b = claims(
        [
            "Shares fell on the stock market after the bank decision.",
            "A refugee camp near the border was bombed by the army on Thursday.",
        ],
        1,
    )
    b = [Claim(k + 2, 1, 0, len(c.text), c.text) for k, c in enumerate(b)]
    links = align(a, b, Settings(use_embeddings=False))
    assert (0, 3) in {(c.a, c.b) for c in links}
    assert all(0.0 <= c.score <= 1.0 for c in links)


def test_segments_split_long_sentences_at_clause_boundaries() -> None:
    text = (
        "Washington's retaliation was slammed by Iran and North Korea, "
        "where Tillerson heads on Tuesday."
    )
    parts = segments(text)
    assert len(parts) >= 2
    assert parts[0].startswith("Washington's retaliation")


def test_combiner_fit_separates_and_round_trips() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] - 0.5 * x[:, 1] > 0).astype(float)
    model = combiner.fit(x, y, ("good", "bad"))
    assert model.weights[0] > 0 > model.weights[1]
    accuracy = ((model.probability(x) > 0.5) == (y > 0.5)).mean()
    assert accuracy > 0.95
    again = combiner.load(model.as_json())
    assert np.allclose(again.probability(x), model.probability(x))


def test_shipped_weights_cover_every_model() -> None:
    models = combiner.shipped()
    assert {"pairs", "pairs_lexical", "statements", "statements_lexical"} <= set(models)
    assert "embedding" not in models["pairs_lexical"].features


def test_contradictions_lose_nothing_by_testing_only_pairs_with_shared_keys(
    extractor: Extractor,
) -> None:
    documents = [read_document(path, n) for n, path in enumerate((AFP, RFERL))]
    a, b = extractor.extract_many(documents)
    settings = Settings(use_embeddings=False)
    scored = score(a, b, settings)
    low = settings.conflict_link_threshold
    every_pair = {
        (i, j)
        for (i, j), p in zip(scored.pairs, scored.probability, strict=True)
        if low <= p and event_conflict(a[i], b[j])
    }
    assert every_pair  # the seeds hold a contradiction about one event
    assert contradictions(a, b, scored, settings) == every_pair
