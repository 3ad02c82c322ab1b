"""Errors of the store, each with a one-line message meant for the user."""

from __future__ import annotations

from claimdiff.model import ClaimDiffError


class StoreError(ClaimDiffError):
    """The database cannot be opened, read or written."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer ClaimDiff; it is left untouched."""


def short(error: BaseException) -> str:
    """The first line of an error message, without SQLAlchemy's statement dump."""
    text = str(getattr(error, "orig", None) or error).strip()
    first = text.splitlines()[0] if text else type(error).__name__
    return first[:200]
