"""The None-refcount work-around applies exactly where the binding leaks."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel

from ui import compat


@pytest.mark.parametrize(
    ("pyside", "python", "expected"),
    [
        ("6.12.0", (3, 11), True),  # the leaking release on a mortal-None interpreter
        ("6.12.0", (3, 12), False),  # None is immortal from 3.12: the leak is harmless
        ("6.11.3", (3, 11), False),  # the release before does not leak
        ("6.12.1", (3, 11), False),  # later releases are assumed fixed; the test below checks
    ],
)
def test_leaks_none_gate(pyside: str, python: tuple[int, int], expected: bool) -> None:
    assert compat.leaks_none(pyside, python) is expected


def test_void_calls_cannot_exhaust_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    compat.protect_none_refcount()
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20_000):  # more than None's whole count on an unprotected 3.11
        label.setText("x")
    after = sys.getrefcount(None)
    assert after > 1_000_000
    if not compat.leaks_none():
        assert before - after < 100  # a binding without the defect does not leak at all
