"""ClaimDiff: extract claims from news articles, align them across sources, show the differences."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is looked up in the package metadata on first use only: reading the
    # installed distributions costs every command 20 ms, and only --version needs it.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("claimdiff")
        except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
            return "0.0.0"
    raise AttributeError(f"module 'claimdiff' has no attribute {name!r}")
