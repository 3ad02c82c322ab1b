"""Claim profiles: the faster per-claim code equals the plainer code it replaced."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from claimdiff import features, memo
from claimdiff.extract.units import plain_number
from claimdiff.features import (
    _NUMBER,
    _NUMBER_WORDS,
    _WORD,
    STOPWORDS,
    idf_default,
    idf_table,
    numbers_in,
    tokens,
)
from claimdiff.model import Claim, DateMention, Entity, Quantity


def claim(text: str, **slots: object) -> Claim:
    return Claim(0, 0, 0, len(text), text, **slots)  # type: ignore[arg-type]


def numbers_reference(item: Claim) -> frozenset[float]:
    """``numbers_in`` as first written: every word looked at."""
    from claimdiff.slots import name_spans

    skip = name_spans(item) + [(d.start - item.start, d.end - item.start) for d in item.dates]
    found = {round(q.value, 3) for q in item.quantities}
    for match in _NUMBER.finditer(item.text):
        if any(start <= match.start() < end for start, end in skip):
            continue
        try:
            found.add(round(float(plain_number(match.group(0))), 3))
        except ValueError:
            continue
    for match in _WORD.finditer(item.text.lower()):
        word = match.group(0)
        inside = any(start <= match.start() < end for start, end in skip)
        if word in _NUMBER_WORDS and word not in {"one", "zero"} and not inside:
            found.add(_NUMBER_WORDS[word])
    return frozenset(found)


def stem_weights_reference(text: str) -> tuple[dict[str, float], float]:
    idf, default = idf_table(), idf_default()
    weights: dict[str, float] = {}
    for word in _WORD.findall(text.lower()):
        if word in STOPWORDS:
            continue
        weights[features._stem(word)] = idf.get(word, default)
    return weights, math.sqrt(sum(v * v for v in weights.values())) or 1.0


CLAIMS = [
    claim("Seven people died and 12 were hurt."),  # a number word and a figure
    claim("They often tend to attend."),  # "ten" inside words only: no number
    claim("No figures at all here."),  # nothing to find
    claim("One or zero of them came."),  # "one" and "zero" are not counted
    claim(
        "The Group of Seven met on April 11.",  # a number word in a name, a figure in a date
        entities=(Entity("Group of Seven", "Group of Seven", "ORG", 4, 18),),
        dates=(DateMention("April 11", dt.date(2017, 4, 11), 26, 34),),
    ),
    claim(
        "Twelve villages, 1,250 homes and three bridges were lost.",
        quantities=(Quantity("1,250 homes", 1250.0, "homes", "", 1250.0, 1250.0, 17, 28),),
    ),
    claim("Sales rose to 1,2 million units."),  # a decimal comma
]


@pytest.mark.parametrize("item", CLAIMS)
def test_numbers_equal_the_reference(item: Claim) -> None:
    memo.clear()
    assert numbers_in.__wrapped__(item) == numbers_reference(item)  # type: ignore[attr-defined]


def test_the_numbers_cases_find_something() -> None:
    assert numbers_reference(CLAIMS[0]) == {7.0, 12.0}
    assert numbers_reference(CLAIMS[5]) == {12.0, 1250.0, 3.0}


def test_a_decimal_comma_is_read_as_the_quantities_read_it() -> None:
    memo.clear()
    assert numbers_in(CLAIMS[6]) == {1.2}  # not 12: "1,2 million" is 1.2 million


# Each case: a clause.
CLAUSES = [
    "He heard screams and the screaming went on",  # two words of one stem: the last wins
    "The hospital was insufficiently equipped",  # stopwords dropped
    "Zyxquor blorfed the wibbling",  # words the IDF table lacks
]


@pytest.mark.parametrize("text", CLAUSES)
def test_clause_weights_equal_the_reference(text: str) -> None:
    memo.clear()
    expected = stem_weights_reference(text)
    assert features._stem_weights(text) == expected
    assert features._stem_weights(text) == expected  # from the word cache
    assert list(expected[0].items()) == list(features._stem_weights(text)[0].items())


@pytest.mark.parametrize(
    ("lemmas", "expected"),
    [
        (("the", "u.s.", "say", "rain"), ["u.s.", "rain"]),  # inner dots: a word still
        (("rain", ",", "--", "42", "'s"), ["rain", "42"]),  # punctuation is no word
        ((), ["u.s", "rain"]),  # no lemmas: the words of the text, lower-cased
    ],
)
def test_tokens_keep_words_with_letters_or_digits(
    lemmas: tuple[str, ...], expected: list[str]
) -> None:
    assert tokens(claim("The U.S. said rain", lemmas=lemmas)) == expected
