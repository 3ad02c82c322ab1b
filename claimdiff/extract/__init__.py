"""Claim extraction: sentences and clauses with their speaker, entities, numbers and dates.

The names below load spaCy, so they are imported on first use: importing
``claimdiff.api`` (or running ``claimdiff --version``) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimdiff.extract.version import PIPELINE_VERSION

if TYPE_CHECKING:
    from claimdiff.extract.claims import Extractor, ModelMissingWarning, load_pipeline

__all__ = ["PIPELINE_VERSION", "Extractor", "ModelMissingWarning", "load_pipeline"]


def __getattr__(name: str) -> Any:
    if name in {"Extractor", "ModelMissingWarning", "load_pipeline"}:
        from claimdiff.extract import claims

        return getattr(claims, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
