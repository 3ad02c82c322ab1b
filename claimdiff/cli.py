"""The ``claimdiff`` command line: compare, list, show."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from claimdiff.cli_curation import claims, curate
from claimdiff.cli_options import db_option, one_line_errors
from claimdiff.model import ClaimDiffError, Comparison
from claimdiff.report import RENDERERS

if TYPE_CHECKING:
    from claimdiff.extract import Extractor

# claimdiff.api (SQLAlchemy, spaCy, rapidfuzz) is imported inside each command, so that
# `claimdiff --version` and `--help` answer at once.

REPORT_FORMATS = tuple(RENDERERS)


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
output_option = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to this file instead of standard output.",
)


def _emit(comparison: Comparison, fmt: str, output: Path | None) -> None:
    from claimdiff.report import render, write_report
    from claimdiff.report.text import summary_lines

    if output is not None:
        written = write_report(comparison, fmt, output)
        for line in summary_lines(comparison):
            click.echo(line)
        click.echo(f"report: {written.resolve()}")
        return
    content = render(comparison, fmt)
    if isinstance(content, bytes):
        raise ClaimDiffError(f"the {fmt} format is binary: give --output PATH")
    click.echo(content, nl=False)


def _exit_at_once() -> None:
    """End a finished comparison's process without tearing the interpreter down.

    The report is written and the database and the worker are closed by now;
    freeing the encoder, SQLAlchemy and every module one object at a time would
    take another 0.1 s (mypy ends the same way). Only the process's own command
    does this: inside another program (a test, click's CliRunner) the standard
    streams are not the process's own, and this returns.
    """
    out, err = sys.stdout, sys.stderr
    if out is not sys.__stdout__ or err is not sys.__stderr__ or out is None or err is None:
        return
    try:
        out.flush()
        err.flush()
    except (OSError, ValueError):
        return  # a closed pipe: let the normal exit report it
    os._exit(0)


def _import_linking() -> None:
    """Import what runs once the claims are back (0.05 s), while the worker parses."""
    import claimdiff.align
    import claimdiff.compare
    import claimdiff.features
    import claimdiff.report.text  # noqa: F401


@contextmanager
def _extraction_worker() -> Iterator[Extractor | None]:
    """spaCy loading in a child process from the start, where that is safe; else None."""
    from claimdiff.worker import ExtractionWorker, worker_allowed

    if not worker_allowed():
        yield None
        return
    worker = ExtractionWorker(while_waiting=_import_linking, single_use=True)
    try:
        # pipeline.run uses only extract_many and warnings, which the worker provides.
        yield cast("Extractor", worker)
    finally:
        worker.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimdiff", prog_name="claimdiff")
def main() -> None:
    """Compare how different outlets report the same event."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@format_option
@output_option
@click.option("--no-save", is_flag=True, help="Compare without storing anything.")
@one_line_errors
def compare(
    files: tuple[Path, ...], db: str | None, fmt: str, output: Path | None, no_save: bool
) -> None:
    """Compare two or more article files and store the result."""
    with _extraction_worker() as extractor:
        from claimdiff import api

        comparison = api.compare_files(list(files), db=db, save=not no_save, extractor=extractor)
    for warning in comparison.warnings:
        click.echo(f"claimdiff: warning: {warning}", err=True)
    _emit(comparison, fmt, output)
    _exit_at_once()


@main.command()
@click.argument("comparison_id", type=int)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@format_option
@output_option
@one_line_errors
def add(
    comparison_id: int, files: tuple[Path, ...], db: str | None, fmt: str, output: Path | None
) -> None:
    """Add articles to a stored comparison, aligning only the new pairs."""
    from claimdiff import api

    comparison = api.add_documents(comparison_id, list(files), db=db)
    for warning in comparison.warnings:
        click.echo(f"claimdiff: warning: {warning}", err=True)
    _emit(comparison, fmt, output)


@main.command(name="eval")
@click.argument("pair_dirs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--mrpc",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also score match_statements on an MRPC-format TSV.",
)
@click.option("--loo", is_flag=True, help="Also report leave-one-pair-out figures.")
@click.option("--ablate", is_flag=True, help="Print link F1 with each feature removed in turn.")
@click.option("--fit", is_flag=True, help="Refit the shipped weights on these pairs and MRPC file.")
@one_line_errors
def eval_(
    pair_dirs: tuple[Path, ...], mrpc: Path | None, loo: bool, ablate: bool, fit: bool
) -> None:
    """Score the matcher against gold article pairs (and MRPC statement pairs)."""
    from claimdiff.evaluate import run_command

    if not pair_dirs and mrpc is None:
        click.echo(
            "claimdiff: usage error: give gold pair directories, --mrpc TSV, or both", err=True
        )
        sys.exit(2)
    for line in run_command(pair_dirs, mrpc, loo=loo, ablate=ablate, fit=fit):
        click.echo(line)


@main.command(name="list")
@db_option
@one_line_errors
def list_(db: str | None) -> None:
    """List the stored comparisons."""
    from claimdiff import api

    rows = api.open_store(db).list_comparisons()
    if not rows:
        click.echo("No stored comparisons yet. Run: claimdiff compare FILE FILE")
        return
    for row in rows:
        when = row.created.strftime("%Y-%m-%d %H:%M")
        click.echo(f"{row.id:>5}  {when}  {row.name}")


@main.command()
@click.argument("comparison_id", type=int)
@db_option
@format_option
@output_option
@one_line_errors
def show(comparison_id: int, db: str | None, fmt: str, output: Path | None) -> None:
    """Show a stored comparison."""
    from claimdiff import api

    _emit(api.load_comparison(comparison_id, db=db), fmt, output)


@main.command()
@click.argument("comparison_id", type=int)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(REPORT_FORMATS),
    default=None,
    help="Report format [default: from the output file's ending, else html].",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="File to write; it is replaced atomically.",
)
@db_option
@one_line_errors
def export(comparison_id: int, fmt: str | None, output: Path, db: str | None) -> None:
    """Write a stored comparison as a report file (html, pdf, csv, markdown, json, text)."""
    from claimdiff import api
    from claimdiff.report import format_for_path, write_report

    fmt = fmt or format_for_path(output) or (None if output.suffix else "html")
    if fmt is None:
        raise ClaimDiffError(f"cannot tell the report format from {output.name!r}: give --format")
    comparison = api.load_comparison(comparison_id, db=db)
    written = write_report(comparison, fmt, output)
    click.echo(f"report: {written.resolve()}")


main.add_command(claims)
main.add_command(curate)


@main.group()
def db() -> None:
    """Look after the database: check, back up, vacuum."""


@db.command(name="check")
@db_option
@one_line_errors
def db_check(db: str | None) -> None:
    """Check integrity and schema revision (exit 1 with one line if bad)."""
    from claimdiff.store import default_url, maintenance

    store = maintenance.open_existing(db or default_url())
    try:
        click.echo(maintenance.check(store))
    finally:
        store.close()


@db.command(name="backup")
@click.argument("path", type=click.Path(path_type=Path))
@db_option
@one_line_errors
def db_backup(path: Path, db: str | None) -> None:
    """Copy the database to PATH while it stays in use (PostgreSQL: with pg_dump)."""
    from claimdiff.store import default_url, maintenance

    store = maintenance.open_existing(db or default_url())
    try:
        written = maintenance.backup(store, path)
    finally:
        store.close()
    click.echo(f"backup: {written.resolve()} ({written.stat().st_size:,} bytes)")


@db.command(name="vacuum")
@db_option
@one_line_errors
def db_vacuum(db: str | None) -> None:
    """Drop stale cached pair links, reclaim free space, refresh the planner's statistics."""
    from claimdiff.store import default_url, maintenance

    store = maintenance.open_existing(db or default_url())
    try:
        before, after, stale = maintenance.vacuum(store)
    finally:
        store.close()
    click.echo(f"removed {stale:,} cached document pairs of other ClaimDiff versions")
    sizes = f": {before:,} -> {after:,} bytes" if before is not None and after is not None else ""
    click.echo(f"vacuumed {store.name}{sizes}")


if __name__ == "__main__":  # pragma: no cover
    main()
