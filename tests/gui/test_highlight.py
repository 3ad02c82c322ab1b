"""Where highlights go: reason values found in claim text, claim kinds, navigation steps."""

from __future__ import annotations

import pytest

from claimdiff.model import Claim, Comparison, Document, Label, Link, Reason, ReasonKind
from ui import highlight


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # a single value, found on word boundaries
        ("Tillerson heads on Tuesday", "Tuesday", ["Tuesday"]),
        # a list of values: each is found on its own
        ("The US urged Russia on Sunday", "Sunday, US", ["US", "Sunday"]),
        # "US" never lights up inside another word
        ("they discuss trust", "US", []),
        # case-insensitive, the text's own spelling is kept
        ("more than 80 People died", "80 people", ["80 People"]),
        # a value with punctuation is escaped, not read as a pattern
        ("killed 320,000 (approx.) people", "320,000 (approx.)", ["320,000 (approx.)"]),
        # an empty value finds nothing
        ("anything", "  ", []),
        # "and"-joined values are split as well
        ("Jordan and Qatar joined", "Qatar and Jordan", ["Jordan", "Qatar"]),
        # a quotation mark or a line break between the words of a value
        (
            'appeared "insufficiently" equipped',
            "insufficiently equipped",
            ['insufficiently" equipped'],
        ),
        ("the Enough\nProject said", "the Enough Project", ["the Enough\nProject"]),
    ],
)
def test_find_values(text: str, value: str, expected: list[str]) -> None:
    found = [text[start:end] for start, end in highlight.find_values(text, value)]
    assert found == expected


def _comparison() -> Comparison:
    docs = tuple(
        Document(id=i, title=f"T{i}", source=f"S{i}", text=text, sha256=f"h{i}")
        for i, text in enumerate(["Ten died on Monday. Sun shone.", "Twelve died on Monday."])
    )
    claims = (
        Claim(0, 0, 0, 19, "Ten died on Monday."),
        Claim(1, 0, 20, 30, "Sun shone."),
        Claim(2, 1, 0, 22, "Twelve died on Monday."),
    )
    reasons = (Reason(ReasonKind.NUMBER, "Ten", "Twelve", "Ten against twelve."),)
    links = (Link(0, 2, Label.CONFLICT, 0.8, reasons),)
    return Comparison(docs, claims, links)


def test_token_spans_are_in_document_offsets() -> None:
    comparison = _comparison()
    spans = highlight.link_spans(comparison, comparison.links[0])
    texts = {
        claim: [
            comparison.documents[comparison.claim(claim).document].text[s.start : s.end]
            for s in found
        ]
        for claim, found in spans.items()
    }
    assert texts == {0: ["Ten"], 2: ["Twelve"]}
    assert all(s.reason is ReasonKind.NUMBER for found in spans.values() for s in found)


def test_claim_kinds_and_positions() -> None:
    comparison = _comparison()
    assert [s.kind for s in highlight.claim_spans(comparison, 0)] == ["conflict", "unique"]
    assert highlight.claim_at(comparison, 0, 22) == 1
    assert highlight.claim_at(comparison, 0, 19) is None  # the space between claims
    assert highlight.counterparts(comparison, 2) == [0]
