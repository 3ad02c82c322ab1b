"""A self-contained HTML report rendered with jinja2: inline CSS, no scripts, all text escaped."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FunctionLoader, StrictUndefined, select_autoescape

from claimdiff.model import Comparison
from claimdiff.report.clusters import (
    CHECK,
    MATRIX_EXCERPT_COLUMNS,
    MATRIX_NAMED_COLUMNS,
    links_between_clusters,
)
from claimdiff.report.view import LEGEND, ReportView, build_view
from claimdiff.resources import read_text
from claimdiff.sourcing import cell_text, document_summary
from claimdiff.timeline import cell_text as date_cell

SECTIONS = (
    "summary",
    "sources",
    "legend",
    "matrix",
    "cited",
    "dates",
    "clusters",
    "documents",
    "links",
    "unique",
    "footer",
)
"""The report's sections in order; each is ``templates/html/<name>.html.j2``.

A new section is one template and one name here. The matrix comes before the
documents so that with many sources the overview is on the first pages.
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
    count = max(len(view.documents), 1)
    return template.render(
        view=view,
        sections=SECTIONS,
        legend=LEGEND,
        tags=view.tags,
        print=print_layout,
        column_width=round(100 / count, 1),
        # The matrix's first two columns take 10-14%; the sources share the rest.
        matrix_width=round((86 if print_layout else 90) / count, 1),
        matrix_excerpts=count <= MATRIX_EXCERPT_COLUMNS,
        matrix_named=count <= MATRIX_NAMED_COLUMNS,
        check=CHECK,
        outside=links_between_clusters(view),
        cited_cell=cell_text,
        cited_summary=document_summary,
        date_cell=date_cell,
        date_label_of=lambda row: row.label,
        speaker_name=lambda speaker: speaker.name,
        # the speaker column keeps at least 28%; the sources share the rest
        cited_width=min(18, round(72 / count, 1)),
    )


def render_html(comparison: Comparison) -> str:
    """Render the side-by-side HTML report."""
    return render_view_html(build_view(comparison))
