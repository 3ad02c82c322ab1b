"""A self-contained HTML report rendered with jinja2 (autoescaped)."""

from __future__ import annotations

import datetime as dt

from jinja2 import Environment, select_autoescape

from claimdiff.model import Comparison
from claimdiff.resources import read_text


def render_html(comparison: Comparison) -> str:
    """Render the side-by-side HTML report."""
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string(read_text("templates", "report.html.j2"))
    return template.render(
        c=comparison,
        counts=comparison.counts(),
        unique=set(comparison.unique),
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )
