"""Claim extraction: sentences and clauses with their speaker, entities, numbers and dates."""

from __future__ import annotations

from claimdiff.extract.claims import Extractor, load_pipeline

__all__ = ["Extractor", "load_pipeline"]
