"""``claimdiff claims`` and ``claimdiff curate``: an analyst's curation from the command line."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import click

from claimdiff.cli_options import db_option, one_line_errors
from claimdiff.model import ClaimDiffError, Comparison, Curation, CurationAction, LinkStatus


@click.command()
@click.argument("comparison_id", type=int)
@click.option("--unique", is_flag=True, help="List only claims that no other source reports.")
@click.option(
    "--read",
    "read",
    is_flag=True,
    help="Also say what was read in each claim: speaker, dates, figures, names.",
)
@db_option
@one_line_errors
def claims(comparison_id: int, unique: bool, read: bool, db: str | None) -> None:
    """List a stored comparison's claims by number, with their links, for 'curate'."""
    from claimdiff import api

    comparison = api.load_comparison(comparison_id, db=db)
    for line in _claim_lines(comparison, only_unique=unique, read=read):
        click.echo(line)


CLAIM_WIDTH = 96
"""Characters of a claim's text that ``claimdiff claims`` shows on its line."""


def _clipped(text: str) -> str:
    return text if len(text) <= CLAIM_WIDTH else text[:CLAIM_WIDTH] + "…"


def _claim_lines(comparison: Comparison, *, only_unique: bool, read: bool) -> Iterator[str]:
    from claimdiff.reading import read_as

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
            yield f"{claim.id:>5}  {_clipped(claim.text)}"
            if read and (slots := read_as(claim)):
                yield f"{'':>7}read as: {slots}"
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


@click.group()
def curate() -> None:
    """Confirm, reject, label, annotate and re-link stored links, with undo.

    Claims are given by their numbers in 'claimdiff claims COMPARISON_ID'.
    """


def _link_command(action_name: str, help_text: str, value: str | None = None) -> None:
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
        now = "  (linked now)" if found.claim in linked else ""
        where = sources[other.document]
        click.echo(f"{found.claim:>5}  {found.score:.2f}  {where}: {_clipped(other.text)}{now}")


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
