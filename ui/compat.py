"""Work-arounds for known defects of the Qt binding, each gated on the versions affected."""

from __future__ import annotations

import ctypes
import sys
from functools import cache

import PySide6

NONE_REFCOUNT_FLOOR = 1 << 40
"""Far more calls than any session makes; None can then never reach zero."""


def leaks_none(
    pyside: str = PySide6.__version__, python: tuple[int, int] = sys.version_info[:2]
) -> bool:
    """Whether this binding drops a reference to None on every call of a void method.

    PySide6 6.12.0 does so (``QLabel.setText`` lowers ``sys.getrefcount(None)`` by
    one per call; 6.11.3 does not). From Python 3.12 None is immortal and the
    leak is harmless; on 3.11 the interpreter aborts with "none_dealloc" after a
    few thousand calls.
    """
    return pyside.startswith("6.12.0") and python < (3, 12)


@cache
def protect_none_refcount() -> bool:
    """Lift None's reference count out of reach of the leak; True when applied."""
    if not leaks_none():
        return False
    # CPython stores ob_refcnt as the first Py_ssize_t of every object header.
    count = ctypes.c_ssize_t.from_address(id(None))
    count.value += NONE_REFCOUNT_FLOOR
    return True
