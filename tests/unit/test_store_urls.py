"""Unusable database URLs give one readable line, never a traceback."""

from __future__ import annotations

import pytest

from claimdiff.store import Store
from claimdiff.store.errors import StoreError


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # A folder that cannot be created.
        ("sqlite:////proc/claimdiff-nope/x.db", "cannot create the database folder"),
        # A scheme no driver handles: say which URLs work.
        ("foo://somewhere", "use sqlite:///PATH or postgresql+psycopg://"),
        # Not a URL at all.
        ("::::", "not a database URL"),
    ],
)
def test_bad_url_is_one_clear_line(url: str, expected: str) -> None:
    with pytest.raises(StoreError) as caught:
        Store(url)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message
