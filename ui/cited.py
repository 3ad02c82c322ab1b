"""Who each source cites, and what each source dates when: the two tally tabs."""

from __future__ import annotations

from claimdiff.model import Comparison
from ui.tally import Cell, Row, Tally, TallyPanel, listed

# claimdiff.sourcing (with rapidfuzz) and claimdiff.timeline are imported when a tab is first
# shown, not before the window shows.


def cited_tally(comparison: Comparison) -> Tally:
    """Speakers down, sources across: the claims each source attributes to each."""
    from claimdiff.sourcing import cell_text, document_summary, sourcing

    cited = sourcing(comparison)
    names = tuple(document.source for document in comparison.documents)
    summary = (
        " · ".join(
            document_summary(name, counts)
            for name, counts in zip(names, cited.documents, strict=True)
        )
        if cited.speakers
        else "No claim is attributed to anyone."
    )
    rows = tuple(
        Row(
            speaker.name,
            f"Cited by {speaker.cited_by} of {len(names)} sources",
            tuple(
                Cell(
                    cell_text(speaker, k),
                    speaker.claims[k],
                    _counted(comparison, source, speaker.claims[k], f"to {speaker.name}")
                    if speaker.claims[k]
                    else f"{source} does not cite {speaker.name}",
                )
                for k, source in enumerate(names)
            ),
            speaker.name.lower(),
        )
        for speaker in cited.speakers
    )
    return Tally(summary, "Speaker", names, rows)


def dates_tally(comparison: Comparison) -> Tally:
    """Dates down, earliest first, sources across: the claims that name each date."""
    from claimdiff.timeline import cell_text as date_cell
    from claimdiff.timeline import timeline

    rows = timeline(comparison)
    names = tuple(document.source for document in comparison.documents)
    shared = sum(1 for row in rows if row.dated_by == len(names))
    summary = (
        f"{len(rows)} dates named · {shared} by every source · dates resolved against each "
        "report's dateline"
        if rows
        else "No claim names a date."
    )
    return Tally(
        summary,
        "Date",
        names,
        tuple(
            Row(
                row.label,
                f"Named by {row.dated_by} of {len(names)} sources",
                tuple(
                    Cell(
                        date_cell(row, k),
                        row.claims[k],
                        f"{source} words it {', '.join(_quoted(w) for w in row.words[k])}:\n"
                        + listed(comparison, row.claims[k])
                        if row.claims[k]
                        else f"{source} names no claim on this date",
                    )
                    for k, source in enumerate(names)
                ),
            )
            for row in rows
        ),
    )


def _counted(comparison: Comparison, source: str, ids: tuple[int, ...], whom: str) -> str:
    plural = "s" if len(ids) != 1 else ""
    return f"{source} attributes {len(ids)} claim{plural} {whom}:\n" + listed(comparison, ids)


class CitedPanel(TallyPanel):
    """Who each source cites (the Cited tab)."""

    def __init__(self) -> None:
        super().__init__(
            cited_tally,
            "Who each source cites",
            "One row per speaker, one column per source: the claims the source attributes "
            "to the speaker, and how many quote them.",
        )
        self.view.setObjectName("citedTable")


class DatesPanel(TallyPanel):
    """What each source dates when (the Dates tab)."""

    def __init__(self) -> None:
        super().__init__(
            dates_tally,
            "What each source dates when",
            "One row per day, week, month or year the claims name, earliest first; one "
            "column per source: its claims naming that date.",
        )
        self.view.setObjectName("datesTable")


def _quoted(words: str) -> str:
    return f"\u201c{words}\u201d"
