"""A self-contained HTML report rendered with jinja2: inline CSS, no scripts, all text escaped."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FunctionLoader, StrictUndefined, select_autoescape

from claimdiff.model import Comparison
from claimdiff.report.view import LEGEND, ReportView, build_view
from claimdiff.resources import read_text

SECTIONS = ("summary", "sources", "legend", "documents", "links", "unique", "footer")
"""The report's sections in order; each is ``templates/html/<name>.html.j2``.

A new section (clusters, a coverage matrix) is one template and one name here.
"""


@cache
def _environment() -> Environment:
    # Autoescape everything, including templates given as strings: article text
    # is hostile input and must never become markup.
    return Environment(
        loader=FunctionLoader(lambda name: read_text("templates", name)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def render_view_html(view: ReportView, *, print_layout: bool = False) -> str:
    """Render a prepared view; ``print_layout`` sizes fonts in points for the PDF."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        view=view,
        sections=SECTIONS,
        legend=LEGEND,
        tags=view.tags,
        print=print_layout,
        column_width=round(100 / max(len(view.documents), 1), 1),
    )


def render_html(comparison: Comparison) -> str:
    """Render the side-by-side HTML report."""
    return render_view_html(build_view(comparison))
