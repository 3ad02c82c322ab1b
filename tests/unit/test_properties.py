"""Property: any Unicode text goes through extract, align, classify and every export."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdiff.api import compare_texts
from claimdiff.model import ClaimDiffError
from claimdiff.report import BINARY_FORMATS, RENDERERS, render
from claimdiff.resources import json_schema

# Words that make claims link, mixed with arbitrary Unicode (controls, RTL, emoji, markup).
WORDS = st.sampled_from(
    [
        "The",
        "G7",
        "met",
        "in",
        "Lucca",
        "on",
        "Tuesday",
        "80",
        "people",
        "said",
        "<script>",
        "onerror=",
        "&amp;",
        "*",
        "|",
        "#",
        "=SUM(1)",
        "\u202e",
        "\u0000",
        ".",
        "\n\n",
        '"',
    ]
)
TEXT = st.one_of(
    st.text(min_size=1, max_size=300),
    st.lists(st.one_of(WORDS, st.text(max_size=12)), min_size=1, max_size=60).map(" ".join),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXT, min_size=2, max_size=3))
def test_any_text_survives_every_stage_and_export(texts: list[str]) -> None:
    try:
        comparison = compare_texts(texts)
    except ClaimDiffError:
        return  # e.g. a text with no words at all: refused with a message, never a crash
    for claim in comparison.claims:
        document = comparison.documents[claim.document]
        assert document.text[claim.start : claim.end] == claim.text
    for fmt in RENDERERS:
        if fmt in BINARY_FORMATS:
            continue  # the PDF needs Qt; tests/integration/test_formats.py covers it
        content = render(comparison, fmt)
        assert isinstance(content, str)
        if fmt == "json":
            jsonschema.validate(json.loads(content), json_schema())
        elif fmt == "csv":
            rows = list(csv.reader(io.StringIO(content)))
            matrix = len(comparison.clusters) * len(comparison.documents)  # one row per cell
            assert len(rows) == 1 + len(comparison.links) + len(comparison.unique) + matrix
        elif fmt == "html":
            assert "<script>" not in content
