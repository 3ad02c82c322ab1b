"""The ``claimdiff`` command line: compare, list, show."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from claimdiff.model import ClaimDiffError, Comparison, Curation
from claimdiff.report import RENDERERS

if TYPE_CHECKING:
    from claimdiff.extract import Extractor

# claimdiff.api (SQLAlchemy, spaCy, rapidfuzz) is imported inside each command, so that
# `claimdiff --version` and `--help` answer at once.

F = TypeVar("F", bound=Callable[..., Any])

REPORT_FORMATS = tuple(RENDERERS)


def _fail(message: str) -> None:
    click.echo(f"claimdiff: error: {message}", err=True)
    sys.exit(1)


def one_line_errors(func: F) -> F:
    """Turn every failure into exit code 1 and one line on stderr, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimDiffError as error:
            _fail(str(error))
        except KeyboardInterrupt:
            click.echo("claimdiff: interrupted", err=True)
            sys.exit(130)
        except Exception as error:
            _fail(f"unexpected {type(error).__name__}: {error}".splitlines()[0])
        return None

    return wrapper  # type: ignore[return-value]


db_option = click.option(
    "--db",
    "db",
    metavar="URL",
    default=None,
    help="Database URL (default: SQLite in the user data folder; "
    "postgresql+psycopg://... for teams).",
)
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


@main.command()
@click.argument("comparison_id", type=int)
@click.option("--unique", is_flag=True, help="List only claims that no other source reports.")
@db_option
@one_line_errors
def claims(comparison_id: int, unique: bool, db: str | None) -> None:
    """List a stored comparison's claims by number, with their links, for 'curate'."""
    from claimdiff import api

    comparison = api.load_comparison(comparison_id, db=db)
    for line in _claim_lines(comparison, only_unique=unique):
        click.echo(line)


CLAIM_WIDTH = 96
"""Characters of a claim's text that ``claimdiff claims`` shows on its line."""


def _claim_lines(comparison: Comparison, *, only_unique: bool) -> Iterator[str]:
    from claimdiff.model import LinkStatus

    sources = [document.source for document in comparison.documents]
    yield f"Comparison {comparison.id}: {' vs '.join(sources)}"
    statuses = {LinkStatus.AUTO: "found automatically", LinkStatus.CONFIRMED: "confirmed"}
    for position, source in enumerate(sources):
        yield ""
        yield source
        for claim in (c for c in comparison.claims if c.document == position):
            links = comparison.links_of(claim.id)
            if only_unique and links:
                continue
            text = claim.text if len(claim.text) <= CLAIM_WIDTH else claim.text[:CLAIM_WIDTH] + "…"
            yield f"{claim.id:>5}  {text}"
            if not links:
                yield f"{'':>7}only in {source}"
            for link in links:
                other = link.b if link.a == claim.id else link.a
                how = statuses.get(link.status, "linked by an analyst")
                how += ", label set by an analyst" if link.label_overridden else ""
                how += (
                    f", {len(link.notes)} note{'s' * (len(link.notes) > 1)}" if link.notes else ""
                )
                where = sources[comparison.claim(other).document]
                yield f"{'':>7}{link.label.value} with {other} ({where}), {link.score:.2f}, {how}"


@main.group()
def curate() -> None:
    """Confirm, reject, label, annotate and re-link stored links, with undo.

    Claims are given by their numbers in 'claimdiff claims COMPARISON_ID'.
    """


def _link_command(action_name: str, help_text: str, value: str | None = None) -> None:
    from claimdiff.model import CurationAction

    action = CurationAction(action_name)

    @curate.command(name=action_name, help=help_text)
    @click.argument("comparison_id", type=int)
    @click.argument("claim_a", type=int)
    @click.argument("claim_b", type=int)
    @db_option
    @one_line_errors
    def command(
        comparison_id: int, claim_a: int, claim_b: int, db: str | None, **given: str
    ) -> None:
        from claimdiff import api

        made = api.curate_link(
            comparison_id, claim_a, claim_b, action, value=given.get("value"), db=db
        )
        comparison = api.load_comparison(comparison_id, db=db)
        for line in _history_lines(comparison, [made], dated=False):
            click.echo(line)

    if value is not None:
        click.argument("value", metavar=value)(command)


_link_command("confirm", "Confirm the link of two claims.")
_link_command("reject", "Reject the link of two claims: they say different things.")
_link_command("label", "Set the label of a link: agree, partial or conflict.", "LABEL")
_link_command("note", "Add a note to a link.", "TEXT")


@curate.command(name="relink")
@click.argument("comparison_id", type=int)
@click.argument("claim", type=int)
@click.argument("counterpart", type=int)
@click.option(
    "--label",
    type=click.Choice(["agree", "partial", "conflict"]),
    default=None,
    help="Label of the new link [default: agree, or the label of the link kept].",
)
@db_option
@one_line_errors
def curate_relink(
    comparison_id: int, claim: int, counterpart: int, label: str | None, db: str | None
) -> None:
    """Link CLAIM to COUNTERPART; CLAIM's links to that source are rejected."""
    from claimdiff import api

    made = api.relink(comparison_id, claim, counterpart, label=label, db=db)
    comparison = api.load_comparison(comparison_id, db=db)
    for line in _history_lines(comparison, made, dated=False):
        click.echo(line)


@curate.command(name="candidates")
@click.argument("comparison_id", type=int)
@click.argument("claim", type=int)
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True)
@db_option
@one_line_errors
def curate_candidates(comparison_id: int, claim: int, limit: int, db: str | None) -> None:
    """The likeliest counterparts of CLAIM in the other sources, to re-link it to."""
    from claimdiff import api
    from claimdiff.curate import check_claim

    comparison = api.load_comparison(comparison_id, db=db)
    check_claim(comparison, claim)
    sources = [document.source for document in comparison.documents]
    own = comparison.claim(claim)
    click.echo(f"{claim} ({sources[own.document]}): {own.text}")
    linked = {k.b if k.a == claim else k.a for k in comparison.links_of(claim)}
    for found in api.suggest_counterparts(comparison, claim, limit=limit):
        other = comparison.claim(found.claim)
        text = other.text if len(other.text) <= CLAIM_WIDTH else other.text[:CLAIM_WIDTH] + "…"
        now = "  (linked now)" if found.claim in linked else ""
        click.echo(f"{found.claim:>5}  {found.score:.2f}  {sources[other.document]}: {text}{now}")


@curate.command(name="undo")
@click.argument("comparison_id", type=int)
@db_option
@one_line_errors
def curate_undo(comparison_id: int, db: str | None) -> None:
    """Take back your latest curation (a re-link with the rejection it made).

    You are CLAIMDIFF_AUTHOR, else your user name: on a shared database, undo never
    takes back another analyst's work.
    """
    _undo_or_redo(comparison_id, db, redo=False)


@curate.command(name="redo")
@click.argument("comparison_id", type=int)
@db_option
@one_line_errors
def curate_redo(comparison_id: int, db: str | None) -> None:
    """Bring back your curation undone last."""
    _undo_or_redo(comparison_id, db, redo=True)


def _undo_or_redo(comparison_id: int, db: str | None, *, redo: bool) -> None:
    from claimdiff import api
    from claimdiff.store.curations import default_author

    changed = (api.redo if redo else api.undo)(comparison_id, db=db)
    if not changed:
        what = "redo" if redo else "undo"
        raise ClaimDiffError(
            f"nothing of {default_author()}'s to {what} in comparison {comparison_id}"
        )
    comparison, _ = api.curation_history(comparison_id, db=db)
    for line in _history_lines(comparison, changed, dated=False):
        click.echo(("redone: " if redo else "undone: ") + line)


@curate.command(name="history")
@click.argument("comparison_id", type=int)
@db_option
@one_line_errors
def curate_history(comparison_id: int, db: str | None) -> None:
    """List every curation of a comparison's claims, oldest first, undone ones marked."""
    from claimdiff import api

    comparison, history = api.curation_history(comparison_id, db=db)
    if not history:
        click.echo(f"No curations of comparison {comparison_id} yet.")
    for line in _history_lines(comparison, history, dated=True):
        click.echo(line)


_DONE = {
    "confirm": "confirmed",
    "reject": "rejected",
    "label": "labelled",
    "note": "noted",
    "relink": "linked",
}


def _done(curation: Curation, pair: str) -> str:
    words = f"{_DONE[curation.action.value]} {pair}"
    if curation.value and curation.action.value in ("label", "relink"):
        return f"{words} as {curation.value}"
    return f'{words}: "{curation.value}"' if curation.value else words


def _history_lines(
    comparison: Comparison, curations: Sequence[Curation], *, dated: bool
) -> Iterator[str]:
    from claimdiff.curate import AnchorIndex

    index = AnchorIndex(comparison)
    for curation in curations:
        a, b = index.find(curation.a), index.find(curation.b)
        line = _done(curation, f"{a} ↔ {b}")
        if dated and curation.created is not None:
            when = curation.created.astimezone().strftime("%Y-%m-%d %H:%M")
            undone = "  (undone)" if curation.revoked else ""
            line = f"#{curation.id:<4} {when}  {curation.author}  {line}{undone}"
        yield line


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
