"""A plain-text summary for the terminal."""

from __future__ import annotations

import re

from claimdiff.model import Comparison

# Article text may carry terminal escape sequences ("\x1b[2J"); they are shown, never obeyed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe for a terminal: control and bidi-override characters become visible escapes."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def summary_lines(comparison: Comparison) -> list[str]:
    """Short figures: documents, claims, links by label, unique claims."""
    counts = comparison.counts()
    head = f"Comparison {comparison.id}: " if comparison.id is not None else ""
    return [
        f"{head}{counts['documents']} documents, {counts['claims']} claims",
        f"links: {counts['links']} ({counts['agree']} agree, {counts['partial']} partial, "
        f"{counts['conflict']} conflict)",
        f"unique claims: {counts['unique']}",
    ]


def render_text(comparison: Comparison) -> str:
    """Summary, then every link with its reasons, then unique claims per source."""
    lines = summary_lines(comparison)
    for document in comparison.documents:
        date = document.published.isoformat() if document.published else "no date"
        lines.append(f"  [{document.id}] {document.source} ({date}): {document.title}")
    lines.append("")
    for link in comparison.links:
        a, b = comparison.claim(link.a), comparison.claim(link.b)
        lines.append(f"{link.label.value.upper():8} {link.score:.2f}")
        lines.append(f"  [{a.document}] {a.text}")
        lines.append(f"  [{b.document}] {b.text}")
        lines.extend(f"  - {reason.text}" for reason in link.reasons)
    unique = set(comparison.unique)
    for document in comparison.documents:
        own = [c for c in comparison.claims if c.document == document.id and c.id in unique]
        if own:
            lines.append("")
            lines.append(f"Only in {document.source}:")
            lines.extend(f"  - {claim.text}" for claim in own)
    return "\n".join(printable(line) for line in lines) + "\n"
