"""The seed pair (AFP and RFE/RL on the G7 in Lucca) compared end to end, checked by content."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdiff.api import compare_files
from claimdiff.model import Comparison, Label, Link, ReasonKind


@pytest.fixture
def comparison(db_url: str, seed_paths: list[Path]) -> Comparison:
    return compare_files(seed_paths, db=db_url)


def links_between(comparison: Comparison, a_words: str, b_words: str) -> list[Link]:
    """Links whose AFP claim contains ``a_words`` and RFE/RL claim contains ``b_words``."""
    found = []
    for link in comparison.links:
        a, b = comparison.claim(link.a), comparison.claim(link.b)
        if a.document == 1:
            a, b = b, a
        if a_words in a.text and b_words in b.text:
            found.append(link)
    return found


def test_g7_membership_links_with_afp_adding_the_venue(comparison: Comparison) -> None:
    links = links_between(comparison, "Britain, Canada, France", "The G7 consists of")
    # the seven countries agree, written in two orders and two spellings ("US" / "the
    # United States"); AFP adds where they met, so the link is partial, not a conflict
    assert [link.label for link in links] == [Label.PARTIAL]
    (reason,) = links[0].reasons
    assert reason.kind is ReasonKind.ENTITY and "Lucca" in reason.text
    assert "United States" not in reason.text and "Canada" not in reason.text


def test_tillerson_meeting_lavrov_in_moscow_links(comparison: Comparison) -> None:
    assert links_between(comparison, "Sergei Lavrov", "meet in Moscow with Russian")


def test_condemnation_links_as_conflict_naming_the_entities(comparison: Comparison) -> None:
    links = links_between(comparison, "slammed by Iran and North Korea", "condemnation from Russia")
    assert links, "the condemnation claims are not linked"
    assert {link.label for link in links} == {Label.CONFLICT}
    reasons = [r for link in links for r in link.reasons if r.kind is ReasonKind.ENTITY]
    assert any("North Korea" in r.text and "Russia" in r.text for r in reasons)


def test_tuesday_meeting_links_to_april_11_without_date_conflict(comparison: Comparison) -> None:
    links = links_between(comparison, "Jordan, Qatar, Saudi Arabia", "joined on April 11")
    assert links
    assert all(r.kind is not ReasonKind.DATE for link in links for r in link.reasons)
    assert all(link.label is not Label.CONFLICT for link in links)


def test_coordinated_message_spellings_link(comparison: Comparison) -> None:
    assert links_between(
        comparison, "clear and co-ordinated message", "clear and coordinated message"
    )


@pytest.mark.parametrize(
    ("document", "words"),
    [
        (0, "Palazzo Orsetti"),  # AFP only: the working dinner
        (1, "about 20 percent"),  # RFE/RL only: Mattis's figure
    ],
)
def test_unique_claims(comparison: Comparison, document: int, words: str) -> None:
    unique = [comparison.claim(i) for i in comparison.unique]
    assert any(c.document == document and words in c.text for c in unique)


def test_every_link_has_a_probability_and_plain_reasons(comparison: Comparison) -> None:
    assert comparison.links
    for link in comparison.links:
        assert 0.0 <= link.score <= 1.0
        for reason in link.reasons:
            assert reason.text.endswith(".") and reason.text[0].isupper()
