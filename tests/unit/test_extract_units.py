"""Number strings as written, read as Python numbers."""

from __future__ import annotations

import pytest

from claimdiff.extract.units import plain_number


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        # a thousands separator is dropped
        ("1,200", "1200"),
        ("320,000", "320000"),
        ("1,200,000", "1200000"),
        # a comma before one or two digits is a decimal comma
        ("1,2", "1.2"),
        ("3,45", "3.45"),
        # a decimal point stays
        ("6.1", "6.1"),
        ("1,200.5", "1200.5"),
        # plain digits are kept
        ("2017", "2017"),
    ],
)
def test_plain_number(written: str, plain: str) -> None:
    assert plain_number(written) == plain
