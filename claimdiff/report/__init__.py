"""Comparison reports in every format, written atomically."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from claimdiff.codec import comparison_to_dict
from claimdiff.model import ClaimDiffError, Comparison
from claimdiff.report.html import render_html
from claimdiff.report.text import render_text

Renderer = Callable[[Comparison], str | bytes]


def render_json(comparison: Comparison) -> str:
    """The JSON contract, pretty-printed."""
    return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "html": render_html,
}
"""Every report format, by name; the CLI and the app offer exactly these."""

SUFFIXES = {"text": ".txt", "json": ".json", "html": ".html", "markdown": ".md", "csv": ".csv", "pdf": ".pdf"}


def render(comparison: Comparison, fmt: str) -> str | bytes:
    """Render a comparison in one format."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ClaimDiffError(f"unknown report format {fmt!r}") from None
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
