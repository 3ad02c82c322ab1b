"""The extraction pipeline's version, importable without loading spaCy."""

from __future__ import annotations

PIPELINE_VERSION = "42"
"""Bump whenever extraction output changes, so cached claims are re-made."""
