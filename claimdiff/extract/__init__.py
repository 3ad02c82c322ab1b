"""Claim extraction: sentences and clauses with their speaker, entities, numbers and dates."""

from __future__ import annotations

from claimdiff.extract.claims import (
    PIPELINE_VERSION,
    Extractor,
    ModelMissingWarning,
    load_pipeline,
)

__all__ = ["PIPELINE_VERSION", "Extractor", "ModelMissingWarning", "load_pipeline"]
