"""Persist documents, claims, comparisons and curations through SQLAlchemy."""

from __future__ import annotations

from claimdiff.store.database import ComparisonSummary, Store, default_url
from claimdiff.store.errors import SchemaTooNewError, StoreError

__all__ = ["ComparisonSummary", "SchemaTooNewError", "Store", "StoreError", "default_url"]
