"""Comparison reports in every format, written atomically."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from claimdiff.codec import comparison_to_dict
from claimdiff.model import ClaimDiffError, Comparison

Renderer = Callable[[Comparison], str | bytes]


def _on_first_use(module: str, function: str) -> Renderer:
    """A renderer whose module (and its template engine) is imported when first called.

    The CLI offers every format but uses one; jinja2 alone costs 20 ms to import.
    """

    def renderer(comparison: Comparison) -> str | bytes:
        loaded: Renderer = getattr(import_module(f"claimdiff.report.{module}"), function)
        return loaded(comparison)

    renderer.__name__ = renderer.__qualname__ = function
    return renderer


__all__ = [
    "RENDERERS",
    "SUFFIXES",
    "format_for_path",
    "render",
    "write_atomic",
    "write_report",
]


def render_json(comparison: Comparison) -> str:
    """The JSON contract (docs/json-contract.md), pretty-printed."""
    return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Renderer] = {
    "text": _on_first_use("text", "render_text"),
    "json": render_json,
    "html": _on_first_use("html", "render_html"),
    "markdown": _on_first_use("markdown", "render_markdown"),
    "csv": _on_first_use("csv", "render_csv"),
    "pdf": _on_first_use("pdf", "render_pdf"),
}
"""Every report format, by name; the CLI and the app offer exactly these."""

SUFFIXES = {
    "text": ".txt",
    "json": ".json",
    "html": ".html",
    "markdown": ".md",
    "csv": ".csv",
    "pdf": ".pdf",
}
"""The usual file name ending for each format."""

BINARY_FORMATS = frozenset({"pdf"})
"""Formats that cannot go to a terminal."""


def format_for_path(path: str | Path) -> str | None:
    """The format a file name asks for (``report.md`` -> ``markdown``), if any."""
    suffix = Path(path).suffix.lower()
    aliases = {".htm": "html", ".markdown": "markdown", ".text": "text"}
    by_suffix = {ending: fmt for fmt, ending in SUFFIXES.items()}
    return by_suffix.get(suffix) or aliases.get(suffix)


def render(comparison: Comparison, fmt: str) -> str | bytes:
    """Render a comparison in one format: ``str`` for text formats, ``bytes`` for PDF."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        known = ", ".join(RENDERERS)
        raise ClaimDiffError(f"unknown report format {fmt!r} (choose from {known})") from None
    return renderer(comparison)


def write_report(comparison: Comparison, fmt: str, path: str | Path) -> Path:
    """Render and write a report atomically: a temporary file, then a rename."""
    content = render(comparison, fmt)
    data = content.encode("utf-8") if isinstance(content, str) else content
    return write_atomic(Path(path), data)


def write_atomic(target: Path, data: bytes) -> Path:
    """Write bytes so that a crash never leaves a half-written file behind."""
    target = target.expanduser()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ClaimDiffError(f"cannot write {target}: {error.strerror or error}") from None
    return target
