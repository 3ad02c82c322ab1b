"""The one door to bundled files: templates, the JSON schema, icons, themes and data tables."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

PACKAGE = "claimdiff_resources"
"""The top-level ``resources/`` folder, installed under this package name."""


def resource(kind: str, name: str) -> Traversable:
    """Return a bundled file, e.g. ``resource("templates", "report.html.j2")``."""
    return resources.files(PACKAGE).joinpath(kind, name)


def folder(kind: str) -> Traversable:
    """Return a bundled folder, e.g. ``folder("icons")`` for Qt search paths."""
    return resources.files(PACKAGE).joinpath(kind)


def read_text(kind: str, name: str) -> str:
    """Return the text of a bundled file."""
    return resource(kind, name).read_text(encoding="utf-8")


@cache
def data_json(name: str) -> Any:
    """A JSON table shipped with the engine in ``claimdiff/data`` (aliases, outlets), read
    once: the entity table serves the tagger, the names and the events alike, so callers
    share one parse and must not change it."""
    text = resources.files("claimdiff").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema of the comparison contract."""
    data: dict[str, Any] = json.loads(read_text("schema", "comparison.schema.json"))
    return data
