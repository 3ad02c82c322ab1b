"""Guards against known defects of the Qt binding we pin."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    # PySide6 6.12.0 dropped a reference to None on every void call, which aborts
    # Python 3.11 ("none_dealloc") after a few thousand calls; we pin 6.11.3.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for index in range(2000):
        label.setText(str(index))
    assert sys.getrefcount(None) >= before - 50
