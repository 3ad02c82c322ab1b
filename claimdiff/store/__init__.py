"""Persist documents, claims and comparisons through SQLAlchemy."""

from __future__ import annotations

from claimdiff.store.database import Store, default_url

__all__ = ["Store", "default_url"]
