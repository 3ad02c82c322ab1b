"""Quoted text: the spans inside quotation marks, straight or curly, single or double."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

_DOUBLE = re.compile('["\u201c\u201d\u00ab\u00bb\n]')
_SINGLE = re.compile("['\u2018\u2019\n]")
_OPENERS = frozenset("\u201c\u00ab\u2018")
_CLOSERS = frozenset("\u201d\u00bb\u2019")


@dataclass
class _QuoteScan:
    """State of one family of quotation marks (double or single) while scanning text.

    Straight marks and the apostrophe are ambiguous, so a mark opens only where it
    looks like an opening (after a space, before a word) and closes only where it
    looks like a closing. A quote left open at a line's end may be closed on the next
    line: text with one sentence per line splits quotes that way.
    """

    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    open_at: int | None = None
    carried: bool = False
    line_start: int = 0

    def newline(self, at: int) -> None:
        self.carried = self.open_at is not None
        if self.open_at is not None:
            self.spans.append((self.open_at, at))
            self.open_at = None
        self.line_start = at + 1
        while self.line_start < len(self.text) and self.text[self.line_start] in " \t":
            self.line_start += 1

    def mark(self, at: int, single: bool) -> None:
        ch = self.text[at]
        closes = self._closes(at)
        if self.open_at is not None:
            if ch not in _OPENERS and (closes or not single):
                self.spans.append((self.open_at, at))
                self.open_at = None
        elif self.carried and ch not in _OPENERS and closes:
            self.spans.append((self.line_start, at))
            self.carried = False
        elif ch in _OPENERS or (ch not in _CLOSERS and (self._opens(at) or not single)):
            self.open_at = at + 1
            self.carried = False

    def finish(self) -> list[tuple[int, int]]:
        if self.open_at is not None:
            self.spans.append((self.open_at, len(self.text)))
        return self.spans

    def _closes(self, at: int) -> bool:
        text = self.text
        after = text[at + 1] if at + 1 < len(text) else " "
        return at > 0 and not text[at - 1].isspace() and not after.isalnum()

    def _opens(self, at: int) -> bool:
        text = self.text
        before = text[at - 1] if at > 0 else " "
        return not before.isalnum() and at + 1 < len(text) and text[at + 1].isalnum()


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, sorted, with nested quotes left out.

    Handles straight and curly, double and single marks; an apostrophe inside a word
    ("don't", "Washington's") never opens or closes a quote, and an unclosed quote runs
    to the end of its line.
    """
    found: list[tuple[int, int]] = []
    for pattern, single in ((_DOUBLE, False), (_SINGLE, True)):
        scan = _QuoteScan(text)
        for match in pattern.finditer(text):
            if match[0] == "\n":
                scan.newline(match.start())
            else:
                scan.mark(match.start(), single)
        found.extend(scan.finish())
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        if spans and start < spans[-1][1]:
            continue  # a quote inside a quote
        if any(ch.isalpha() for ch in text[start:end]):
            spans.append((start, end))
    return spans


def overlapping(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The sorted, disjoint ``spans`` that overlap ``start:end``."""
    first = max(bisect.bisect_right(spans, (start, start)) - 1, 0)
    found = []
    for span in spans[first:]:
        if span[0] >= end:
            break
        if span[1] > start:
            found.append(span)
    return found


def quotes_in(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """The quoted text inside ``start:end`` of ``text``, cleaned of trailing commas."""
    found: list[str] = []
    for q_start, q_end in overlapping(spans, start, end):
        if q_start < end and start < q_end:
            piece = text[max(q_start, start) : min(q_end, end)].strip().rstrip(",;:").strip()
            piece = piece.strip('"\u201c\u201d')
            if any(ch.isalpha() for ch in piece) and not _a_name(piece):
                found.append(piece)
    return tuple(found)


_NAME_GLUE = frozenset({"the", "a", "an", "of", "and", "in", "on", "for", "to", "at"})
"""Small words a title may hold in lower case: "The Lord of the Rings", "the Chin"."""


def _a_name(piece: str) -> bool:
    """Whether quotation marks hold a name, not words someone said: a nickname (Vincent
    "the Chin" Gigante), a title ("Home Alone", "The Predator"). A few words, each
    capitalised or small, and no stop at the end."""
    words = piece.split()
    if not words or len(words) > 5 or piece[-1] in ".!?,;:":
        return False
    capitalised = [w for w in words if w[0].isupper()]
    return bool(capitalised) and all(w[0].isupper() or w in _NAME_GLUE for w in words)


def quoted_tokens(span: Span) -> set[int]:
    """Indices of the span's tokens inside quotation marks (``quote_spans`` of its text)."""
    spans = quote_spans(span.text)
    base = span.start_char
    return {
        token.i for token in span if any(start <= token.idx - base < end for start, end in spans)
    }
