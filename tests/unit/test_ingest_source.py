"""The source of an article that names none comes from its file name."""

from __future__ import annotations

import pytest

from claimdiff.ingest import document_from_text, source_from_name


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # A known outlet token at the start of the name, written the outlet's way.
        ("seeds/rferl-g7-lucca-2017-04-11.txt", "RFE/RL"),
        ("/tmp/afp_story.md", "AFP"),
        ("Reuters report.html", "Reuters"),
        ("nyt.2017-04-11.pdf", "The New York Times"),
        # No known outlet: the analyst's own file name stays.
        ("notes/lucca-summary.txt", "lucca-summary"),
        # An outlet name in the middle of the file name is not a source claim.
        ("g7-from-bbc.txt", "g7-from-bbc"),
        # No path at all: numbered texts.
        (None, "Text 3"),
    ],
)
def test_source_from_name(path: str | None, expected: str) -> None:
    assert source_from_name(path, 2) == expected


def test_signature_in_the_text_wins_over_the_file_name() -> None:
    document = document_from_text(
        "Ministers met in Lucca on Tuesday.\n\nAFP\n", path="rferl-copy.txt"
    )
    assert document.source == "AFP"
