"""Paragraphs, sentence boundaries at line breaks, and clause-level splitting of sentences."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.language import Language

from claimdiff.extract.calendar_words import TIME_ZONES, WEEKDAYS
from claimdiff.extract.quotes import quoted_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

BREAKS_PIPE = "claimdiff_line_breaks"
"""Name of the pipeline component that starts sentences after line breaks."""

MAX_CHUNK = 10_000
"""Longest piece of text handed to spaCy at once; longer paragraphs are cut at line ends."""

LONG_SENTENCE = 80
"""Tokens beyond which a sentence spanning several lines is taken to be one per line."""

LINES_AS_SENTENCES = 0.75
"""Share of a paragraph's lines (four or more) that must end a sentence for each of its
lines to be taken as a sentence of its own: hard-wrapped prose ends few of its lines so."""

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")
_SENTENCE_END = (".", "!", "?", '"', "\u201d", "'", "\u2019", ":", ")")
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_JOINERS = frozenset({",", ";", ":", "-", "\u2013", "\u2014", "--"})
_CLOCK = frozenset({"a.m.", "p.m."})
_BULLETS = frozenset({"-", "--", "*", "\u2022", "\u00b7", "\u2012", "\u2013", "\u2014", "\u25aa"})
_DAYS = frozenset(WEEKDAYS) | {"local", "today", "yesterday", "tomorrow", "tonight"}
_SPEECH_HEADS = frozenset({"say", "tell", "add", "state", "announce", "claim", "insist", "warn"})
_CLAUSE_TAKING = _SPEECH_HEADS | {
    "indicate",
    "show",
    "suggest",
    "believe",
    "think",
    "know",
    "confirm",
    "report",
    "estimate",
}
"""Verbs whose object may be the subject of a clause they report ("indicates X and Y were")."""


@Language.component(BREAKS_PIPE)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, or after a line that ends a sentence.

    spaCy otherwise glues a closing quote onto the next paragraph. A single line
    break inside a sentence (hard-wrapped text) is left to the parser, unless nearly
    every line of the paragraph ends a sentence: then a line without a stop ("...
    NU.nl reports") is one too, and the next line starts another.
    """
    breaks = [t for t in doc[:-1] if t.is_space and "\n" in t.text]
    per_line = _lines_are_sentences(doc, breaks)
    for token in breaks:
        after = doc[token.i + 1]
        before = doc[token.i - 1] if token.i else None
        ends = before is not None and (per_line or before.text.endswith(_SENTENCE_END))
        heading = not after.is_lower and _heading_before(doc, token.i)
        if token.text.count("\n") > 1 or (ends and not after.is_lower) or heading:
            after.is_sent_start = True
    for token in doc[:-1]:
        if token.lower_ in _CLOCK and _time_of_day(doc, token.i + 1):
            doc[token.i + 1].is_sent_start = False  # "at 3:14 p.m. Iran time", "p.m. Sunday"
        elif token.text == "." and _spaced_ellipsis(doc, token.i):
            # "It was very emotional . . . because you've convicted another human being":
            # a pause, not three full stops
            following = doc[token.i + 1]
            if following.text == "." or following.is_lower:
                following.is_sent_start = False
    return doc


def _lines_are_sentences(doc: Doc, breaks: list[Token]) -> bool:
    """Whether the text is written one sentence (or paragraph) per line: four lines or
    more, and nearly all of them end with a stop."""
    if len(breaks) < 3:
        return False
    ends = sum(1 for t in breaks if t.i and doc[t.i - 1].text.endswith(_SENTENCE_END))
    last = doc[-1] if not doc[-1].is_space else doc[-2]
    ends += last.text.endswith(_SENTENCE_END)
    return ends >= LINES_AS_SENTENCES * (len(breaks) + 1)


def _spaced_ellipsis(doc: Doc, at: int) -> bool:
    """Whether the full stop at ``at`` is one of three or more in a row (". . .")."""
    start = end = at
    while start > 0 and doc[start - 1].text == ".":
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].text == ".":
        end += 1
    return end - start >= 2


def _heading_before(doc: Doc, at: int) -> bool:
    """Whether the line before the line break at ``at`` is a heading in capitals ("KANE
    GAMBLE BACKFIRES"): two words or more, every one in capitals. Hard-wrapped prose
    does not break its lines there."""
    words = 0
    for token in reversed(doc[:at]):
        if "\n" in token.text:
            break
        if token.is_alpha:
            if not token.is_upper:
                return False
            words += 1
    return words >= 2


def _time_of_day(doc: Doc, at: int) -> bool:
    """Whether the words at ``at`` go on telling the time: a zone, a day or "... time"."""
    word = doc[at]
    if word.is_space or word.text in TIME_ZONES or word.lower_ in _DAYS:
        return True
    return at + 1 < len(doc) and doc[at + 1].lower_ == "time" and word.is_alpha


def add_line_breaks(nlp: Language) -> None:
    """Insert the line-break component where it constrains sentence splitting."""
    if BREAKS_PIPE in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(BREAKS_PIPE, before="parser")
    else:
        nlp.add_pipe(BREAKS_PIPE, last=True)


def chunks(text: str, limit: int = MAX_CHUNK) -> list[tuple[int, str]]:
    """Split text at blank lines into (offset, paragraph) pieces, none longer than ``limit``."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in _BLANK_LINE.finditer(text):
        pieces.extend(_cut(text, start, match.start(), limit))
        start = match.end()
    pieces.extend(_cut(text, start, len(text), limit))
    return pieces


def _cut(text: str, start: int, end: int, limit: int) -> list[tuple[int, str]]:
    """Trim a paragraph and cut it into pieces of at most ``limit`` characters."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    pieces: list[tuple[int, str]] = []
    while end - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(". ", start, start + limit) + 1
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        if cut <= start:
            cut = start + limit
        pieces.append((start, text[start:cut]))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, text[start:end]))
    return pieces


def clauses(sent: Span) -> list[Span]:
    """Split a sentence into its independent clauses, or return it whole.

    Cuts go before a coordinated clause that has its own subject ("X said A, and B
    happened") and after a semicolon. Participle clauses without a subject ("...,
    warning that ...") stay attached.
    """
    if len(sent) > LONG_SENTENCE:
        lines = _line_pieces(sent)
        if len(lines) > 1:
            return lines
    cuts = sorted(_cut_points(sent))
    pieces: list[Span] = []
    begin = sent.start
    for cut in [*cuts, sent.end]:
        piece = _trim(sent.doc[begin:cut], left=begin != sent.start, right=cut != sent.end)
        if piece is not None:
            pieces.append(piece)
        begin = cut
    if len(pieces) > 1 and all(_substantial(p) for p in pieces):
        return pieces
    whole = _trim(sent, left=False, right=False)
    return [whole] if whole is not None else []


def _line_pieces(sent: Span) -> list[Span]:
    """A run-on "sentence" cut at its line breaks: lists and headlines without full stops."""
    pieces: list[Span] = []
    begin = sent.start
    for token in sent:
        if token.is_space and "\n" in token.text:
            piece = _trim(sent.doc[begin : token.i], left=False, right=False)
            if piece is not None:
                pieces.append(piece)
            begin = token.i + 1
    last = _trim(sent.doc[begin : sent.end], left=False, right=False)
    return [*pieces, last] if last is not None else pieces


def _cut_points(sent: Span) -> set[int]:
    root = sent.root
    heads = [root]
    if root.lemma_ in _SPEECH_HEADS:
        heads.extend(c for c in root.children if c.dep_ == "ccomp")
    cuts: set[int] = set()
    inside = quoted_tokens(sent)
    for head in heads:
        for conj in _conjuncts(head):
            if conj.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in conj.children):
                if _split_subject(conj):
                    continue
                edge = conj.left_edge.i
                # a quote is one statement of its speaker: "we are cutting costs, but we are
                # prioritizing ..." stays whole, so that both halves keep who said them
                if sent.start < edge < sent.end and edge not in inside:
                    cuts.add(edge)
    for token in sent[:-1]:
        if token.text == ";" and token.i not in inside:  # a list quoted with semicolons
            cuts.add(token.i + 1)
    return cuts


def _split_subject(conj: Token) -> bool:
    """Whether a clause's "and" joins two subjects that the parse cut apart.

    In "information indicates 243 passengers and 12 crew members were onboard" the
    parser makes "243 passengers" the object of "indicates" and "12 crew members were
    onboard" a clause of its own; the "and" hangs on the object. After a verb that
    takes a clause ("indicates", "said"), both are the subject of what it reports.
    """
    head = conj.head
    before = conj.left_edge.i - 1
    if head.lemma_ not in _CLAUSE_TAKING or before <= head.i:
        return False
    joiner = head.doc[before]
    return (
        joiner.dep_ == "cc"
        and joiner.head.dep_ == "dobj"
        and joiner.head.head.i == head.i
        and not any(c.dep_ == "ccomp" for c in head.children)
    )


def _conjuncts(head: Token) -> list[Token]:
    found: list[Token] = []
    stack = [head]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ == "conj" and child.i > current.i:
                found.append(child)
                stack.append(child)
    return found


def _trim(span: Span, *, left: bool, right: bool) -> Span | None:
    """Drop spaces from the ends of a clause, and joining words and commas at a cut."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].is_space or doc[start].text in _BULLETS or (left and _joiner(doc[start]))
    ):
        start += 1  # a list's bullets are no part of what it says
    while end > start and (doc[end - 1].is_space or (right and _joiner(doc[end - 1]))):
        end -= 1
    if end <= start:
        return None
    return doc[start:end]


def _joiner(token: Token) -> bool:
    # "said A, and that B": the second claim starts at B
    that = token.dep_ == "mark" and token.lower_ == "that"
    return token.dep_ == "cc" or token.text in _JOINERS or that


def _substantial(span: Span) -> bool:
    """A clause worth its own claim: at least three words, one of them a verb or a subject.

    The small model sometimes tags a verb as a noun ("Tillerson heads to Moscow"), so a
    subject is taken as evidence of a clause too.
    """
    words = sum(1 for t in span if t.is_alpha)
    return words >= 3 and any(
        t.pos_ in ("VERB", "AUX") or t.dep_ in _SUBJECTS or t.dep_ == "compound" for t in span
    )
