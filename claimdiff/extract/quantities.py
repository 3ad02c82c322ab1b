"""Numbers with their unit, qualifier and the range the qualifier allows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimdiff.extract.calendar_words import IN_A_ROW
from claimdiff.extract.dates import counts_things, is_duration
from claimdiff.extract.entities import span_ents
from claimdiff.extract.units import (
    CURRENCY_SIGNS,
    FRACTIONS,
    HOURS,
    IMPLIED_BY_NOUN,
    IMPLIED_BY_VERB,
    NAMING_WORDS,
    PART,
    PARTITIVE,
    PER,
    QUALIFIERS,
    RACE_TIME,
    SCALE_WORDS,
    SCALES,
    SMALL_NUMBERS,
    TENS,
    TIME_OF_DAY,
    UNITS,
    VAGUE,
    VOTES,
    VOTES_AGAINST,
    plain_number,
    to_base,
)
from claimdiff.model import Quantity

__all__ = ["quantities", "to_base"]

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?$|^\.\d+$")

_EXCLUDED_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "ORDINAL",
        "ORG",
        "PRODUCT",
        "FAC",
        "EVENT",
        "LAW",
        "WORK_OF_ART",
        "PERSON",
        "GPE",
        "LOC",
    }
)


def quantities(span: Span, offset: int = 0) -> tuple[Quantity, ...]:
    """Every quantity in a span; offsets are shifted by ``offset``."""
    doc = span.doc
    skip = _excluded_tokens(span)
    found: list[Quantity] = []
    i = span.start
    while i < span.end:
        if ":" in doc[i].text and (timed := _race_time(doc[i], offset)) is not None:
            found.append(timed)
            i += 1
            continue
        if i in skip or not _is_number(doc[i]):
            i += 1
            continue
        if (score := _score(doc, i, span.end, offset)) is not None:
            found.extend(score)
            i += 3
            continue
        quantity, i = _read_quantity(doc, i, span.end, offset)
        if quantity is not None:
            found.append(quantity)
    return tuple(found)


SCORE, SCORE_AGAINST = "score", "score against"

_NOT_A_RACE = frozenset({"at", "by", "from", "until", "till", "since", "before", "after", "to"})
"""Words before an hour, minute and second that make it a time of day: "at 10:30:15"."""


def _race_time(token: Token, offset: int) -> Quantity | None:
    """A time run or taken, "in 2:01:39", "with 2:06:23", "running 2:18:10": a length of
    time in seconds; a time of day ("at 10:30:15", "10:30:15 GMT") is none."""
    match = RACE_TIME.fullmatch(token.text)
    if match is None:
        return None
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i else ""
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before in _NOT_A_RACE or (after is not None and _clock_word(after)):
        return None
    hours, minutes, seconds = (float(part) for part in match.groups())
    value = hours * 3600 + minutes * 60 + seconds
    start = token.idx + offset
    return Quantity(token.text, value, "second", "exact", value, value, start, start + len(token))


def _clock_word(token: Token) -> bool:
    """A word after a figure that makes it a time of day: "GMT", "a.m.", "local", "AST"."""
    word = token.lower_
    return (
        word in TIME_OF_DAY
        or word in ("hours", "hrs", "h")
        or (token.is_upper and len(token) in (3, 4) and token.text.endswith("T"))
    )


def _score(doc: Doc, i: int, end: int, offset: int) -> tuple[Quantity, Quantity] | None:
    """A score or a tally, "won 23-17", "passed 218-214": two figures, each its own slot, so
    that "23-17" meets "23-17" and conflicts with "23-20". A range rises ("50-60"); a score
    does not."""
    if i + 2 >= end or doc[i + 1].text not in ("-", "\u2013"):
        return None
    if not _glued_digits(doc[i], doc[i + 1], doc[i + 2]):
        return None
    first, second = int(doc[i].text), int(doc[i + 2].text)
    after = doc[i + 3].lower_ if i + 3 < end else ""
    before = doc[i - 1].lower_ if i > 0 else ""
    if second > first or first >= 1000 or after in UNITS:
        return None  # a range ("50-60 percent") or a season ("2016-17")
    if before in ("from", "between") or before in CURRENCY_SIGNS:
        return None
    text = doc[i : i + 3].text
    start, stop = doc[i].idx + offset, doc[i + 2].idx + len(doc[i + 2].text) + offset
    voted = any(t.lemma_.lower() in _VOTING for t in doc[max(0, i - _VOTE_SPAN) : i])
    units = (VOTES, VOTES_AGAINST) if voted else (SCORE, SCORE_AGAINST)
    return (
        Quantity(text, float(first), units[0], "exact", float(first), float(first), start, stop),
        Quantity(text, float(second), units[1], "exact", float(second), float(second), start, stop),
    )


_VOTING = frozenset({"vote", "ballot", "poll"})
_VOTE_SPAN = 4
"""How many words before a tally may tell it is a vote's: "voted 101-6", "by a vote of 52-48"."""


def _glued_digits(first: Token, dash: Token, second: Token) -> bool:
    """ "23-17" written as one word: whole numbers on both sides of a dash."""
    glued = first.whitespace_ == "" and dash.whitespace_ == ""
    return glued and first.text.isdigit() and second.text.isdigit()


def _excluded_tokens(span: Span) -> set[int]:
    """Tokens inside dates, times, ordinals and names ("G7", "Boeing 737")."""
    skip: set[int] = set()
    for ent in span_ents(span):
        if ent.label_ in ("DATE", "TIME") and (is_duration(ent.text) or _age(ent)):
            continue
        if ent.label_ == "DATE" and (_only_numbers(ent) or counts_things(ent)):
            continue  # "Between 50 and 60", "send 1969 troops" mistaken for a date
        if ent.label_ in _EXCLUDED_LABELS:
            skip.update(range(ent.start, ent.end))
    doc = span.doc
    # "104F" tagged a product, "38 \u00baC on Monday" a date: a temperature all the same
    skip -= {i for i in skip if _DIGITS.match(doc[i].text) and _degrees_after(doc, i)}
    for token in span[1:]:
        # "Flight 370", "Ward number 3", "Gate No. 5": a number that names, not counts
        if not token.text.isdigit():
            continue
        before = doc[token.i - 1]
        if before.text == "." and token.i >= 2:
            before = doc[token.i - 2]  # "No. 5", cut in two
        if before.lower_.rstrip(".") in NAMING_WORDS or _model_number(before, token):
            skip.add(token.i)
    return skip


_MAKERS = frozenset({"ORG", "PRODUCT", "PERSON", "LAW", "WORK_OF_ART"})
"""Kinds of name a model number may follow: spaCy tags "Fokker" a person or an organisation."""


def _model_number(before: Token, token: Token) -> bool:
    """ "the Fokker 100 aircraft", "a Boeing 737": a number right after a maker's name names
    a model. A score ("beat the Titans 23-17"), a grade ("Category 5") or a measured figure
    after a name ("returned with John 12 weeks ago") is no model."""
    after = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    return (
        before.ent_type_ in _MAKERS
        and before.pos_ == "PROPN"
        and before.is_title
        and before.whitespace_ == " "
        and after not in UNITS
        and after not in ("-", "\u2013")
    )


_RANGE_WORDS = frozenset({"between", "and", "to", "-", "\u2013", "about", "around", "some"})


def _only_numbers(ent: Span) -> bool:
    """A "date" made only of small numbers and range words, with no month, day or year."""
    has_number = False
    for token in ent:
        text = token.lower_
        year = len(text) == 4 and text.isdigit()
        if (_DIGITS.match(text) and not year) or _word_value(text) is not None:
            has_number = True
        elif text not in _RANGE_WORDS:
            return False
    return has_number


def _age(ent: Span) -> bool:
    """ "John Jenkin, 23," or "over the age of 75": spaCy tags an age as a date."""
    if len(ent) == 1:
        return ent.text.isdigit() and _age_position(ent.doc, ent.start)
    last = ent[-1]
    words = {t.lower_ for t in ent[:-1]}
    return words <= _AGE_PHRASE and _is_number(last) and _after_age_words(ent.doc, last.i)


_AGE_PHRASE = frozenset({"the", "age", "aged", "of", "at"})
"""The words spaCy takes into a "date" that is an age: "the age of 75", "aged 77"."""


def _after_age_words(doc: Doc, i: int) -> bool:
    """ "aged 77", "at age 61", "the age of five": a number the words before make an age."""
    if i >= 1 and doc[i - 1].lower_ in ("aged", "age"):
        return True
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ == "age"


def _age_position(doc: Doc, i: int) -> bool:
    """ "Alice McMeekin, 58,", "the victim, 34," or "has died, aged 77": a bare number that
    is an age."""
    if _after_age_words(doc, i):
        return True
    if i < 2 or doc[i - 1].text != ",":
        return False
    before = doc[i - 2]
    # a person, or one person named by a common noun ("the victim", "his wife")
    person = before.ent_type_ == "PERSON" or (
        before.tag_ == "NN" and doc[i].text.isdigit() and 0 < int(doc[i].text) < 120
    )
    return person and (i + 1 >= len(doc) or doc[i + 1].is_punct)


def _is_number(token: Token) -> bool:
    text = token.lower_
    if text in _ONE_OF_A_SCALE:  # "a thousand people", "an hundred"
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return after is not None and after.lower_ in SCALE_WORDS
    if _DIGITS.match(text):
        return not _looks_like_year(token)
    if text in VAGUE:
        return True
    if _word_value(text) is None or text == "zero":
        return False
    if text != "one":
        return True
    # "one" is often a pronoun ("one of the ..."), or a word of a set phrase ("rolled to one
    # side", "it's one guy"); then it counts nothing.
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is not None and after.lower_ in _ONE_PHRASES:
        return False
    return token.dep_ == "nummod" or (after is not None and after.lower_ in UNITS)


def _word_value(text: str) -> float | None:
    """Value of a spelled number: "five", "twenty-five"."""
    if text in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[text])
    tens, _, units = text.partition("-")
    if tens in SMALL_NUMBERS and units in SMALL_NUMBERS and SMALL_NUMBERS[units] < 10:
        return float(SMALL_NUMBERS[tens] + SMALL_NUMBERS[units])
    return None


_YEAR_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their"})


def _looks_like_year(token: Token) -> bool:
    text = token.text
    if len(text) != 4 or not text.isdigit() or not 1800 <= int(text) <= 2100:
        return False
    if token.i > 0 and token.nbor(-1).lower_ in _YEAR_DETERMINERS:
        return True  # "a 2005 peace deal", "the 1997 trial": a year as a modifier
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is None or (after.lower_ not in UNITS and after.pos_ not in ("NOUN", "ADJ"))


def _read_value(doc: Doc, i: int, end: int) -> tuple[float, float, float, int]:
    """Parse the number starting at token ``i``: value, low, high and the index after it."""
    word = doc[i].lower_
    if word in VAGUE:
        low, high = VAGUE[word]
        j = i + 1
        if j + 1 < end and doc[j].lower_ == "of" and doc[j + 1].lower_ in VAGUE:
            # "tens of thousands", "hundreds of thousands"
            base = VAGUE[doc[j + 1].lower_][0] / 2
            return low * base, low * base, (high + 1) * base - 1, j + 2
        return low, low, high, j
    spelled = 1.0 if word in _ONE_OF_A_SCALE else _word_value(word)
    value = spelled if spelled is not None else float(plain_number(word))
    money = i > 0 and doc[i - 1].lower_ in CURRENCY_SIGNS
    j = i + 1
    while j < end:
        nxt = doc[j].lower_
        glued = doc[j - 1].whitespace_ == ""
        short = money or _counted_after(doc, j + 1, end)
        if nxt in SCALES and (len(nxt) > 2 or nxt in ("bn", "tn", "mn") or (short and glued)):
            # "5m" is five million after a currency sign or before "people", else five metres.
            value *= SCALES[nxt]
        elif nxt in SMALL_NUMBERS and SMALL_NUMBERS[nxt] < 10 and _tens_before(doc, j):
            value += SMALL_NUMBERS[nxt]
        elif nxt == "-" and j + 1 < end and doc[j + 1].lower_ in SMALL_NUMBERS:
            j += 1
            continue
        elif (
            nxt == "-"
            and j + 1 < end
            and len(doc[j + 1].lower_) > 2
            and doc[j + 1].lower_ in SCALES
        ):
            j += 1  # "a $10-million penalty"
            continue
        else:
            break
        j += 1
    return value, value, value, j


_ONE_OF_A_SCALE = frozenset({"a", "an"})
_ONE_PHRASES = frozenset(
    {"side", "guy", "thing", "way", "hand", "point", "stage", "moment", "another", "kind", "time"}
)
"""Nouns after which "one" is a set phrase, not a count ("on the one hand", "one way")."""


def _tens_before(doc: Doc, j: int) -> bool:
    """A tens word just before token ``j``: "twenty one", or "twenty-one" split at its hyphen."""
    k = j - 2 if doc[j - 1].text == "-" else j - 1
    return k >= 0 and doc[k].lower_ in TENS


def _counted_after(doc: Doc, k: int, end: int) -> bool:
    """Whether token ``k`` is a plural counted noun ("1.2m people"; not "100m sprint")."""
    if k >= end:
        return False
    token = doc[k]
    return token.lower_ in ("people", "dead", "injured") or (
        token.tag_ == "NNS" and token.lower_ not in UNITS
    )


def _read_quantity(doc: Doc, i: int, end: int, offset: int) -> tuple[Quantity | None, int]:
    value, low, high, j = _read_value(doc, i, end)
    qualifier, lo_f, hi_f, begin = _qualifier(doc, i)
    upper, j = _range_end(doc, i, j, end, qualifier)
    currency = CURRENCY_SIGNS.get(doc[i - 1].lower_) if i > 0 else None
    if currency:
        begin = min(begin, i - 1)
    if j == i + 1 and _after_age_words(doc, i):
        # "under the age of five and one adult": an age, whatever noun the parser hangs on it
        found, unit_end = "year-old", j
    elif i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ == "factor":
        found, unit_end = "factor", j  # "by a factor of 10 thanks to ...": no thanks counted
    else:
        found, unit_end = _unit(doc, i, j, end)
    if currency and unit_end > j and doc[unit_end - 1].dep_ in ("nsubj", "nsubjpass", "compound"):
        # "$26.70 billion analysts anticipated": "analysts" is no part of it; nor is
        # "securities" of "a $750 million securities fraud scheme"
        unit_end = j
    unit = currency or found or _implied_unit(doc, i)
    if upper is None and unit:
        upper, unit_end = _unit_range_end(doc, i, unit_end, end, unit)
    if unit in TIME_OF_DAY:
        return None, unit_end  # "1200 GMT", "3 pm": a clock time
    if unit in FRACTIONS:
        # "two-thirds" of the homes is a share: 66.7 percent.
        value, low, high, unit = (value / FRACTIONS[unit] * 100,) * 3 + ("percent",)
    elif upper is not None:
        qualifier, low, high = "between", value, upper
    elif low != high:
        qualifier = qualifier if qualifier != "exact" else "several"
    else:
        low, high = value * lo_f, value * hi_f
    if not unit and low == high and j == i + 1 and _age_position(doc, i) and value < 130:
        unit = "year-old"
    if qualifier == "exact" and _or_more(doc, j, end):
        qualifier, high = "at least", value * 1.5
    # "12 of the 20 victims": the whole is read next, as a quantity of its own, so that
    # either figure can meet the other side's ("20 victims", "12 victims")
    whole = _whole_at(doc, j, unit_end)
    if whole is None and currency and _partitive(doc, j, end):
        unit = f"{unit}{PART}"  # "$281 million of the purchase price" is not the price
    last = max(unit_end, j) - 1
    start, stop = doc[begin].idx, doc[last].idx + len(doc[last].text)
    text = doc[begin : last + 1].text
    quantity = Quantity(text, value, unit, qualifier, low, high, start + offset, stop + offset)
    return quantity, whole if whole is not None else max(unit_end, j)


def _partitive(doc: Doc, j: int, end: int) -> bool:
    """ "of the ..." right after a number: it counts a part of something."""
    return j + 1 < end and doc[j].lower_ == "of" and doc[j + 1].lower_ in PARTITIVE


def _whole_at(doc: Doc, j: int, stop: int) -> int | None:
    """Where the whole's number is in "of (the) 20 victims", "of the company's 40 accounts"."""
    if j >= stop or doc[j].lower_ != "of":
        return None
    return next((k for k in range(j + 1, stop) if _is_number(doc[k])), None)


def _range_end(doc: Doc, i: int, j: int, end: int, qualifier: str) -> tuple[float | None, int]:
    """The upper end of "50-60", "20 to 30" or "between 50 and 60", and the index after it."""
    if j + 1 >= end or (i > 0 and doc[i - 1].lower_ == "from"):
        return None, j  # "rose from 20 to 30" is a change, not a range
    joiner = doc[j].lower_
    if joiner not in ("-", "\u2013", "to") and not (joiner == "and" and qualifier == "between"):
        return None, j
    k = j + 2 if doc[j + 1].lower_ in CURRENCY_SIGNS and j + 2 < end else j + 1  # "$10bn-$15bn"
    if not _DIGITS.match(doc[k].lower_) and _word_value(doc[k].lower_) is None:
        return None, j
    upper, _, _, after = _read_value(doc, k, end)
    return (upper, after) if upper > _read_value(doc, i, end)[0] else (None, j)


def _unit_range_end(doc: Doc, i: int, k: int, end: int, unit: str) -> tuple[float | None, int]:
    """ "40 percent to 70 percent": a range whose ends both carry the unit."""
    if k + 1 >= end or doc[k].lower_ not in ("-", "\u2013", "to") or doc[i - 1].lower_ == "from":
        return None, k
    if not _DIGITS.match(doc[k + 1].lower_):
        return None, k
    upper, _, _, after = _read_value(doc, k + 1, end)
    second, stop = _unit(doc, k + 1, after, end)
    if second != unit or upper <= _read_value(doc, i, end)[0]:
        return None, k
    return upper, stop


def _implied_unit(doc: Doc, i: int) -> str:
    """A unit the words around a bare number imply: "a magnitude of 5.9", "killing 80"."""
    before = [t.lower_ for t in doc[max(i - 2, 0) : i]]
    for noun, unit in IMPLIED_BY_NOUN.items():
        if before[-1:] == [noun] or before == [noun, "of"]:
            return unit
    token = doc[i]
    verb = token.head
    if token.dep_ in ("dobj", "nsubjpass", "nsubj") and verb.lemma_ in IMPLIED_BY_VERB:
        return IMPLIED_BY_VERB[verb.lemma_]
    return ""


def _or_more(doc: Doc, j: int, end: int) -> bool:
    """ "80 or more", "80 and over"."""
    return j + 1 < end and doc[j].lower_ in ("or", "and") and doc[j + 1].lower_ in ("more", "over")


_LONGEST_FIRST = sorted(QUALIFIERS, key=lambda entry: -len(entry[0]))
"""Qualifiers, the longest first: "no more than five" is up to five, not more than five."""


def _qualifier(doc: Doc, i: int) -> tuple[str, float, float, int]:
    """The qualifier phrase right before token ``i`` (skipping a currency sign)."""
    at = i - 1 if i > 0 and doc[i - 1].lower_ in CURRENCY_SIGNS else i
    for phrase, name, lo_f, hi_f in _LONGEST_FIRST:
        start = at - len(phrase)
        if start >= 0 and tuple(t.lower_ for t in doc[start:at]) == phrase:
            return name, lo_f, hi_f, start
    return "exact", 1.0, 1.0, i


def _unit(doc: Doc, i: int, j: int, end: int) -> tuple[str, int]:
    """Normalised unit of the number spanning tokens i..j, and the index after it."""
    if j >= end:
        return "", j
    nxt = doc[j]
    if nxt.text == "-" and j + 1 < end and doc[j + 1].is_alpha:
        return _compound_unit(doc, j, end)
    if nxt.lower_ == "per" and j + 1 < end and doc[j + 1].lower_ == "cent":
        return "percent", j + 2
    if (degrees := _temperature(doc, j, end)) is not None:
        return degrees
    if (speed := _SPEEDS.get(UNITS.get(nxt.lower_, ("",))[0])) and (
        after := _per_hour(doc, j + 1, end)
    ):
        return speed, after  # "190 km/h", "96 miles per hour": a speed, not a length
    if nxt.lower_ in UNITS:
        return UNITS[nxt.lower_][0], j + 1
    if nxt.lower_ in _IN_A_ROW and j + 1 < end and doc[j + 1].lower_ in UNITS:
        return UNITS[doc[j + 1].lower_][0], j + 2  # "53 straight years" counts years
    if nxt.lower_ == "of" and j + 1 < end:
        noun = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if noun is not None and noun.i < end and noun.lower_ in _PRONOUNS:
            # "two of those killed": the dead; "two of them": no unit of its own
            after = noun.i + 1
            if after < end and doc[after].lower_ in UNITS:
                return UNITS[doc[after].lower_][0], after + 1
            return "", noun.i + 1
        if noun is not None and noun.i < end:
            return _noun_unit(noun), noun.i + 1
    head = doc[i].head
    if (
        doc[i].dep_ == "nummod"
        and head.pos_ in ("NOUN", "PROPN")
        and j <= head.i < min(end, j + 4)
        and not any(t.text in "([" for t in doc[j : head.i])  # "3 (magmatic unrest)"
    ):
        return _noun_unit(head), head.i + 1
    if nxt.pos_ == "NOUN":
        return _noun_unit(nxt), j + 1
    return "", j


_DEGREE_SIGNS = frozenset({"\u00b0", "\u00ba"})
_TEMPERATURE_SCALES = {
    "c": "\u00b0C",
    "celsius": "\u00b0C",
    "centigrade": "\u00b0C",
    "f": "\u00b0F",
    "fahrenheit": "\u00b0F",
}
"""Temperature scales by the word or letter that names them."""


def _degrees_after(doc: Doc, i: int) -> bool:
    """Whether a temperature's unit (Celsius or Fahrenheit) follows the figure at ``i``."""
    found = _temperature(doc, i + 1, len(doc))
    return found is not None and found[0] != "degree"


def _temperature(doc: Doc, j: int, end: int) -> tuple[str, int] | None:
    """A temperature's unit at token ``j`` and the index after it: "46.0\u00b0C" (cut into
    "46.0", "\u00b0", "C"), "45.9 degrees Celsius", "114.6 Fahrenheit", "40C"; None if
    there is none."""
    word = doc[j].lower_
    following = doc[j + 1].lower_ if j + 1 < end else ""
    if word in _DEGREE_SIGNS:
        scale = _TEMPERATURE_SCALES.get(following) if following in ("c", "f") else None
        return (scale, j + 2) if scale else ("degree", j + 1)
    if word[:1] in _DEGREE_SIGNS and word[1:] in ("c", "f"):
        return _TEMPERATURE_SCALES[word[1:]], j + 1  # "38 \u00baC"
    if word in ("degree", "degrees") and following in _TEMPERATURE_SCALES:
        return _TEMPERATURE_SCALES[following], j + 2
    if word in _TEMPERATURE_SCALES and (len(word) > 1 or doc[j - 1].whitespace_ == ""):
        return _TEMPERATURE_SCALES[word], j + 1  # "114.6 Fahrenheit", "40C" (cut by the tokenizer)
    return None


_IN_A_ROW = IN_A_ROW | {"long"}
"""Words between a figure and its unit that do not count: "53 straight years", "five
consecutive days", "five long years"."""
_SPEEDS = {"km": "km/h", "mile": "mph"}
"""The speed a length unit makes when "per hour" follows it."""


def _per_hour(doc: Doc, k: int, end: int) -> int:
    """The index after "/h", "per hour" or "an hour" at token ``k``, or 0 if none is there.

    spaCy cuts "km/h" into "km", "/", "h".
    """
    if k + 1 < end and doc[k].lower_ in PER and doc[k + 1].lower_.rstrip(".") in HOURS:
        return k + 2
    return 0


def _compound_unit(doc: Doc, j: int, end: int) -> tuple[str, int]:
    """ "50-year-old" -> "year-old"; "six-year-long" -> "year"; "6.1-magnitude" -> "magnitude"."""
    words: list[str] = []
    k = j
    while k + 1 < end and doc[k].text == "-" and doc[k + 1].is_alpha:
        words.append(doc[k + 1].lower_)
        k += 2
    if words[-1] == "old" and len(words) > 1:
        return f"{UNITS.get(words[0], (words[0],))[0]}-old", k
    if words[-1] == "long" and len(words) > 1:
        words = words[:-1]
    first = words[0]
    return (UNITS[first][0] if first in UNITS else doc[j + 1].lemma_.lower() or first), k


_PRONOUNS = frozenset({"those", "them", "these", "us", "which", "whom"})
"""Words after "of" that count no unit of their own: "two of those killed"."""


def _noun_unit(noun: Token) -> str:
    word = noun.lower_
    if word in UNITS:
        return UNITS[word][0]
    if word == "crews":
        return "team"  # "sent seven crews to the area"; "four crew" count its members
    lemma = (noun.lemma_ or word).lower()
    for child in noun.children:
        if child.dep_ == "compound" and child.i == noun.i - 1:
            # "12 service members", "five crew members": the compound names what is counted
            compound = f"{child.lower_} {lemma}"
            return COUNTED_SYNONYMS.get(compound, COUNTED_SYNONYMS.get(lemma, lemma))
    return COUNTED_SYNONYMS.get(lemma, lemma)


_ATTACKERS = {"gunman", "assailant", "shooter", "terrorist"}
_SOLDIERS = {"troop", "serviceman", "servicemember", "service member", "peacekeeper", "personnel"}
COUNTED_SYNONYMS = {
    "home": "house",
    "dwelling": "house",
    "crew member": "crew",
    "other": "people",
    "individual": "people",
    "female": "woman",
    "male": "man",
    "illness": "case",
    "infection": "case",
    **dict.fromkeys(_ATTACKERS, "attacker"),
    **dict.fromkeys(_SOLDIERS, "soldier"),
}
"""Counted nouns that count one thing: "about 12,000 homes collapsed" / "more than 22,550
houses collapsed" give two counts of the same houses; "five terrorists" and "all four
gunmen" count the attackers, "12 service members" and "15 other troops" soldiers; "killing 58
people and sickening 1,293 others" counts people twice; "14 more illnesses" and "14 more
cases" count the sick."""
