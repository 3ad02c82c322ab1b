"""The lazy door to ``claimdiff.api``: importing the engine loads spaCy, so it happens late.

The window must appear at once; the first import of the engine runs on the
worker thread (see ``CompareWorker.warm_up``), and GUI code reaches the API
through :func:`api` only when it needs it.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def api() -> ModuleType:
    """``claimdiff.api``, imported on first use."""
    return importlib.import_module("claimdiff.api")
