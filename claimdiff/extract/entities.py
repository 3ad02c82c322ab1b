"""Named entities in canonical form: aliases, demonyms, titles, surnames resolved per document."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimdiff.model import Entity
from claimdiff.resources import data_json

ENTITY_LABELS = frozenset(
    {"GPE", "ORG", "PERSON", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
"""spaCy labels kept as entities; dates and numbers have their own slots."""

_KEY_DROP = re.compile(r"[.\-\s\u2010-\u2015'\u2019]+")
_LEADING_THE = re.compile(r"^(?:the|The|THE|a|A|an|An)\s+")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_NICKNAME = re.compile(r"\s[\"\u201c'\u2018][^\"\u201d'\u2019]+[\"\u201d'\u2019]\s")
_EDGE_PUNCT = " \t\n,;:\"'\u201c\u201d\u2018\u2019()[]"


@dataclass(frozen=True)
class CanonicalTable:
    """The alias table of ``claimdiff/data/entities.json``, keyed for lookup."""

    aliases: dict[str, tuple[str, str]]
    demonyms: dict[str, str]
    titles: tuple[tuple[str, ...], ...]
    org_suffixes: frozenset[str] = frozenset()
    ruler_names: tuple[tuple[str, str], ...] = field(default=())
    capitals_only: frozenset[str] = frozenset()
    """Keys of short acronyms that name something only in capitals: "US", not the "Us" of
    "A source tells Us" (Us Weekly); "Nato", as British papers write it, stays NATO."""


def alias_key(text: str) -> str:
    """The lookup key of a name: no case, dots, hyphens, spaces or leading "the"."""
    return _KEY_DROP.sub("", _LEADING_THE.sub("", text.strip())).casefold()


@cache
def canonical_table() -> CanonicalTable:
    """Load the canonical-name table shipped in ``claimdiff/data``."""
    raw: dict[str, Any] = data_json("entities.json")
    aliases: dict[str, tuple[str, str]] = {}
    ruler: list[tuple[str, str]] = []
    capitals: set[str] = set()
    for canonical, entry in raw["aliases"].items():
        for name in [canonical, *entry["names"]]:
            aliases[alias_key(name)] = (canonical, entry["label"])
            if _capitals_only(name):
                capitals.add(alias_key(name))
            # Single ordinary words ("Britain") are left to the statistical tagger, so the
            # ruler cannot break longer names it would have found ("Latin America").
            if not (name.isalpha() and name[:1].isupper() and name[1:].islower()):
                ruler.append((name, entry["label"]))
    demonyms = {alias_key(k): v for k, v in raw["demonyms"].items()}
    titles = sorted((tuple(t.casefold().split()) for t in raw["titles"]), key=len, reverse=True)
    suffixes = frozenset(s.casefold() for s in raw["org_suffixes"])
    ruler_names = tuple(dict.fromkeys(ruler))
    return CanonicalTable(
        aliases, demonyms, tuple(titles), suffixes, ruler_names, frozenset(capitals)
    )


_ACRONYM_LETTERS = 3
"""Acronyms this short are often also words ("US"/"us", "IS"/"is", "WHO"/"who")."""


def _capitals_only(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) <= _ACRONYM_LETTERS and all(ch.isupper() for ch in letters)


def span_ents(span: Span) -> list[Span]:
    """Entities wholly inside a span, found from its own tokens (cheap on long documents)."""
    doc = span.doc
    found: list[Span] = []
    i = span.start
    while i < span.end:
        token = doc[i]
        if token.ent_iob_ != "B":
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if j <= span.end:
            found.append(Span(doc, i, j, label=token.ent_type_))
        i = j
    return found


def name_span(ent: Span) -> Span:
    """The part of a tagged entity that is the name, without what the tagger ran on into.

    "The Philippine Institute of Volcanology and Seismology (Phivolcs" and "Apollo 13 (1995"
    stop before a bracket they do not close; "Silver's 2015" (trial) before the figure after
    a possessive; and a person's name before a figure or score ("Tottenham Hotspur 2-0").
    """
    doc = ent.doc
    end = ent.end
    opens = [t.i for t in ent if t.text == "("]
    if opens and not any(t.text == ")" for t in ent):
        end = opens[0]
    possessive = next((t.i for t in doc[ent.start : end] if t.text in _POSSESSIVES), None)
    if possessive is not None and all(_figure(t) for t in doc[possessive + 1 : end]):
        end = possessive + 1
    if ent.label_ == "PERSON":
        while end - 1 > ent.start and _figure(doc[end - 1]):
            end -= 1
    while end - 1 > ent.start and (doc[end - 1].is_space or doc[end - 1].text in "(,-"):
        end -= 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


_POSSESSIVES = frozenset({"'s", "\u2019s"})


def _figure(token: Token) -> bool:
    return token.like_num or token.text in ("-", "\u2013")


NAME_PARTS_PIPE = "claimdiff_name_parts"
_STRAY_LABELS = frozenset({"GPE", "ORG", "NORP", "LOC"})


@Language.component(NAME_PARTS_PIPE)
def join_name_parts(doc: Doc) -> Doc:
    """Join a stray word the tagger called a place to the person's name right after it.

    In "spokesman Sawarmi Khaled Saad" the tagger reads "Sawarmi" as a place and
    "Khaled Saad" as a person. One capitalised word, directly before a person's
    name, that is neither in the name table nor a common word ("Secretary of State
    Rex Tillerson"), is the first part of that name.
    """
    ents = list(doc.ents)
    joined: list[Span] = []
    for ent in ents:
        before = joined[-1] if joined else None
        if before is not None and ent.label_ == "PERSON" and _stray(before, ent):
            joined[-1] = Span(doc, before.start, ent.end, label="PERSON")
        else:
            joined.append(ent)
    if len(joined) != len(ents):
        doc.ents = joined
    return doc


def _stray(word: Span, name: Span) -> bool:
    token = word[0]
    if len(word) != 1 or word.end != name.start or word.label_ not in _STRAY_LABELS:
        return False
    if not (token.is_title and token.is_alpha and token.whitespace_ == " "):
        return False
    from claimdiff.features import idf_table  # features reads units from this package

    table, key = canonical_table(), alias_key(token.text)
    known = key in table.aliases or key in table.demonyms
    return not known and token.lower_ not in idf_table()


@cache
def _titles_by_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each word of a title, with the titles it is in."""
    grouped: dict[str, set[tuple[str, ...]]] = {}
    for title in canonical_table().titles:
        for word in title:
            grouped.setdefault(word, set()).add(title)
    return {word: tuple(sorted(titles)) for word, titles in grouped.items()}


def _part_of_title(ent: Span) -> bool:
    """Whether the entity opens or ends a title the words around it complete: "State" in
    "US Secretary of State Rex Tillerson", "Interior" in "Interior Minister Christophe
    Castaner", which the tagger takes for a place or a body."""
    doc = ent.doc
    words = tuple(t.lower_ for t in ent)
    size = len(words)
    for title in _titles_by_word().get(words[0], ()):
        if len(title) <= size:
            continue
        for at in (0, len(title) - size):  # the entity opens the title, or ends it
            begin = ent.start - at
            if title[at : at + size] != words or begin < 0 or begin + len(title) > len(doc):
                continue
            if tuple(t.lower_ for t in doc[begin : begin + len(title)]) == title:
                return True
    return False


def ruler_patterns() -> list[dict[str, str]]:
    """Phrase patterns for spaCy's entity ruler: aliases the statistical tagger misses."""
    return [{"label": label, "pattern": name} for name, label in canonical_table().ruler_names]


_TRAILING_ASIDE = re.compile(r"(?<=\S)\s*\([^()]*\)?$")
"""An acronym or ticker in brackets after a name, closed or cut off by the tagger:
"Philippine Institute of Volcanology and Seismology (Phivolcs", "Apple (AAPL)"."""


_SENTENCE_STOP = re.compile(r"(?<=[a-z]{5})\.$")
"""A sentence's full stop the tagger left on a name ("in Bentiu."): after six letters or
more, so that an abbreviation ("Calif.", "Corp.", "Mo.") keeps its own."""


def clean_name(text: str) -> str:
    """Strip quotes, a leading "the", a possessive, a trailing aside in brackets, a
    sentence's full stop and extra spaces from a name."""
    name = _TRAILING_ASIDE.sub("", " ".join(text.split()))
    name = _SENTENCE_STOP.sub("", name.strip(_EDGE_PUNCT))
    name = _LEADING_THE.sub("", name)
    return _POSSESSIVE.sub("", name).strip(_EDGE_PUNCT)


def strip_titles(name: str) -> str:
    """Remove leading titles: "Foreign Secretary Boris Johnson" -> "Boris Johnson"."""
    words = name.split()
    table = canonical_table()
    titles = table.titles
    changed = True
    while changed and len(words) > 1:
        changed = False
        folded = [w.casefold() for w in words]
        if alias_key(words[0]) in table.demonyms or alias_key(words[0]) in table.aliases:
            # "British Prime Minister Theresa May", "U.S. President Donald Trump"
            words = words[1:]
            changed = True
            continue
        for title in titles:
            if len(title) < len(words) and tuple(folded[: len(title)]) == title:
                words = words[len(title) :]
                changed = True
                break
    return " ".join(words)


def strip_suffixes(name: str) -> str:
    """Remove legal forms: "Intel Corp." -> "Intel", "Lenovo Group Ltd." -> "Lenovo Group"."""
    words = name.split()
    suffixes = canonical_table().org_suffixes
    while len(words) > 1 and words[-1].rstrip(",").casefold() in suffixes:
        words = words[:-1]
    return " ".join(words).rstrip(",")


def canonical_name(text: str, label: str = "") -> tuple[str, str]:
    """Return the canonical form and label of a name, e.g. "the U.S." -> "United States"."""
    table = canonical_table()
    name = clean_name(text)
    if label in ("ORG", ""):
        name = strip_suffixes(name)
    key = alias_key(name)
    if key in table.aliases and not (key in table.capitals_only and not name.isupper()):
        return table.aliases[key]
    if label in ("NORP", "PERSON", "ORG", "") and key in table.demonyms:
        # "The New Zealander, who lived in Australia": the tagger may take one of a people
        # for a person or a body
        return table.demonyms[key], "NORP"
    if label == "PERSON":
        # Vincent "the Chin" Gigante: the nickname is no part of the name
        name = strip_titles(" ".join(_NICKNAME.sub(" ", name).split()))
        return titled_name(name, 1) or name, label
    if label in _NOT_PEOPLE_SURELY and (person := titled_name(name, 2)):
        # "Honolulu Mayor Kirk Caldwell" tagged a work of art, "Honolulu Fire Chief Manuel
        # Neves" a body: a title before a name of two words or more says who it is
        return person, "PERSON"
    return _plain_name(name, label), label


_NOT_PEOPLE_SURELY = frozenset({"ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW"})
"""Labels the tagger gives a titled name by mistake; places and peoples are left as named."""


def titled_name(name: str, least: int) -> str | None:
    """The name after the last title in ``name``, at least ``least`` capitalised words that
    end in no word of a body or place ("Chief Executive Officer Group"); the words before
    the title name where the title holds ("Honolulu Mayor", "San Antonio police Chief") and
    must be capitalised, or "police", where the tagger did not call the whole a person.
    None where no title is found."""
    words = name.split()
    folded = [w.casefold() for w in words]
    titles = canonical_table().titles
    for at in range(len(words) - least - 1, -1, -1):
        size = next((len(t) for t in titles if tuple(folded[at : at + len(t)]) == t), 0)
        rest = words[at + size :]
        if not size or len(rest) < least:
            continue
        before = least == 1 or all(w[:1].isupper() or w == "police" for w in words[:at])
        named = all(_name_word(w) for w in rest) and folded[-1] not in _BODY_WORDS
        return " ".join(rest) if before and named else None
    return None


_BODY_WORDS = frozenset(
    {"group", "office", "department", "council", "committee", "company", "agency", "board"}
    | {"ministry", "commission", "administration", "authority", "service", "services", "fund"}
    | {"library", "hotel", "center", "centre", "university", "college", "school", "hospital"}
    | {"museum", "institute", "foundation", "house", "hall", "airport", "station", "park"}
    | {"party", "club", "court", "union", "association", "bank", "award", "prize", "act"}
)
"""Last words of a body, a building or a prize named for a person ("President Barack Obama
Presidential Library"), which no person's name ends with."""


def _name_word(word: str) -> bool:
    """A word of a person's name: capitalised letters, an initial ("P.") or a hyphen."""
    return word[:1].isupper() and word.replace(".", "").replace("-", "").isalpha()


_PLACE_WORDS = frozenset({"island", "province", "county", "region", "district", "area"})
"""Generic words after a place's name, in lower case: "Qeshm island" is Qeshm."""
_PLACE_TITLES = frozenset({"Province", "Region", "District"})
"""The same capitalised, where they are never the name itself ("Rhode Island" is)."""
_INITIALS = re.compile(r"^(?:[A-Z]\.?){2,3}$")
_AGENCY = ("news", "agency")
_MOUNT = frozenset({"Mt.", "Mt", "Mount"})


def _plain_name(name: str, label: str) -> str:
    """A name without a generic place word or "news agency", a leading country alias expanded.

    "U.S. Geological Survey" is "United States Geological Survey", as "U.S." alone is
    "United States"; "IRNA news agency" is IRNA.
    """
    words = name.split()
    if len(words) < 2:
        return name
    if label in ("GPE", "LOC", "FAC", "") and words[0] in _MOUNT:
        words = ["Mount", *words[1:]]  # "Mt. Kanlaon" is "Mount Kanlaon"
    head = canonical_table().aliases.get(alias_key(words[0]))
    if head is not None and head[1] == "GPE" and _INITIALS.match(words[0]):
        words = [*head[0].split(), *words[1:]]
    place = words[-1] in _PLACE_WORDS or words[-1] in _PLACE_TITLES
    if label in ("GPE", "LOC", "FAC", "") and place:
        words = words[:-1]
    elif label in ("ORG", "") and len(words) > 2 and _agency(words):
        words = words[:-2]
    return " ".join(words)


def _agency(words: list[str]) -> bool:
    return tuple(w.casefold() for w in words[-2:]) == _AGENCY


class EntityResolver:
    """Canonicalises the entities of one document, resolving surnames to full names.

    The first full name used for a person ("Rex Tillerson") is remembered, so a later
    bare surname ("Tillerson"), even one the tagger mislabels as an organisation,
    resolves to it. A surname seen before any full name stays as written, but is still
    labelled a person when the document names that person anywhere.
    """

    def __init__(self) -> None:
        self._surnames: dict[str, str] = {}
        self._people: set[str] = set()

    def learn_people(self, ents: Iterable[Span]) -> None:
        """Note every name the tagger calls a person anywhere in the document."""
        for ent in ents:
            if ent.label_ == "PERSON":
                words = canonical_name(ent.text, "PERSON")[0].split()
                if words:
                    self._people.add(words[-1].casefold())

    def resolve(self, text: str, label: str) -> tuple[str, str]:
        """Canonical form and label for one mention, in document order."""
        canonical, label = canonical_name(text, label)
        words = canonical.split()
        if label == "PERSON" and len(words) >= 2:
            self._surnames.setdefault(words[-1].casefold(), canonical)
            return canonical, label
        if len(words) == 1 and label in ("PERSON", "ORG", "GPE", ""):
            full = self._surnames.get(canonical.casefold())
            if full:
                return full, "PERSON"
            if label in ("ORG", "") and canonical.casefold() in self._people:
                return canonical, "PERSON"  # "Tillerson" tagged ORG here, PERSON elsewhere
        return canonical, label

    def person(self, text: str) -> str:
        """Canonical form of a speaker or person named in free text."""
        return self.resolve(text, "PERSON")[0]

    def entities(self, span: Span, offset: int = 0) -> tuple[Entity, ...]:
        """The kept entities of a span, canonicalised, offsets shifted by ``offset``."""
        found: list[Entity] = []
        for whole in span_ents(span):
            ent = name_span(whole)
            if ent.label_ not in ENTITY_LABELS or not any(ch.isalpha() for ch in ent.text):
                continue
            if _part_of_title(ent):
                continue  # "State" of "Secretary of State", "Interior" of "Interior Minister"
            canonical, label = self.resolve(ent.text, ent.label_)
            if canonical:
                start, end = ent.start_char + offset, ent.end_char + offset
                found.append(Entity(ent.text, canonical, label, start, end))
        return tuple(found)
