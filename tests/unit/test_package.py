"""The package's own attributes: the version comes from the installed metadata, on demand."""

from __future__ import annotations

from importlib.metadata import version

import pytest

import claimdiff


def test_version_is_the_installed_distributions() -> None:
    assert claimdiff.__version__ == version("claimdiff")


def test_other_names_are_still_missing() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        claimdiff.nothing_here  # noqa: B018
