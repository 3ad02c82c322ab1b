"""Classification of linked claims: labels and typed reasons, slot by slot."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from claimdiff.align import Candidate
from claimdiff.compare import classify, contradicts, findings, wording_reason
from claimdiff.extract import Extractor
from claimdiff.model import (
    Claim,
    DateMention,
    Document,
    Entity,
    Label,
    Quantity,
    ReasonKind,
)
from tests.unit.helpers import claim as labelled_claim


def claim(
    text: str,
    *,
    doc: int = 0,
    names: tuple[tuple[str, str], ...] = (),
    dates: tuple[tuple[str, dt.date], ...] = (),
    **slots: object,
) -> Claim:
    """A claim with entities found by their text, and dates given resolved."""
    entities = tuple(
        Entity(name, canonical, "GPE", text.index(name), text.index(name) + len(name))
        for name, canonical in names
    )
    mentions = tuple(
        DateMention(words, value, text.index(words), text.index(words) + len(words))
        for words, value in dates
    )
    return Claim(doc, doc, 0, len(text), text, entities=entities, dates=mentions, **slots)  # type: ignore[arg-type]


def read(extractor: Extractor, text: str, doc: int) -> Claim:
    """The one claim the extractor makes of a sentence: its figures read as in an article."""
    (made,) = extractor.extract(Document(doc, "t", "s", text, "x"))
    return made


def label_of(a: Claim, b: Claim) -> tuple[Label, set[ReasonKind]]:
    link = classify(Candidate(a.id, b.id, 0.9), a, b)
    return link.label, {r.kind for r in link.reasons}


NUMBER_CASES = [
    # a different number for the same quantity is a conflict
    (
        "Officials said 24 dead after the blast.",
        "Officials said five dead after the blast.",
        Label.CONFLICT,
    ),
    # the same count written as a word and as digits is no conflict
    ("The blast left five dead.", "The blast left 5 dead.", None),
    # "more than 80" is consistent with 87: no conflict, but one side says it more closely
    ("The attack killed more than 80 people.", "The attack killed 87 people.", Label.PARTIAL),
    # "some 700 metres" is consistent with "2,000ft" once converted
    (
        "The climbers fell some 700 metres down the face.",
        "The climbers fell 2,000ft down the face.",
        None,
    ),
    # 80 metres is not 2,000 feet
    (
        "The climbers fell 80 metres down the face.",
        "The climbers fell 2,000ft down the face.",
        Label.CONFLICT,
    ),
    # two lower bounds of different size are different figures
    (
        "The quake killed more than 26,000 people in Bam.",
        "The quake killed more than 31,000 people in Bam.",
        Label.CONFLICT,
    ),
    # "about 50 miles" and "a 50-year-old" are different quantities: no conflict
    (
        "The town lies about 50 miles north of the city.",
        "A 50-year-old man from the town was held.",
        Label.PARTIAL,
    ),
    # a number on one side only is partial, not a conflict
    (
        "The storm destroyed homes in seven villages.",
        "The storm destroyed homes in the villages.",
        Label.PARTIAL,
    ),
    # a rounded figure is consistent with the exact one ("9%" and "8.76%")
    ("Unemployment rose to 9% in May.", "Unemployment rose to 8.76% in May.", None),
    # ... and a round hundred allows a count near it
    ("About 300 people were evacuated.", "Some 296 people were evacuated.", None),
    # but small counts are exact: 10 and 12 dead differ
    ("The fire killed 10 people.", "The fire killed 12 people.", Label.CONFLICT),
    # "One said" is a pronoun, not a figure on one side
    ("One said the blast shook the market.", "A neighbour said the blast shook the market.", None),
    # a decade is a date, not a figure
    (
        "They looked after each other after she separated in the 1990s.",
        "They looked after each other.",
        None,
    ),
    # a round length is as rounded as its conversion: 30 miles is about 50 km
    ("The town lies 30 miles west of Baghdad.", "The town lies 50 km west of Baghdad.", None),
    # but a round count is exact
    ("The fire killed 30 people.", "The fire killed 32 people.", Label.CONFLICT),
    # "9/11" is a date, not two figures
    ("He lied about 9/11 hijackers.", "He lied about two of the Sept. 11 hijackers.", None),
    # a decimal comma: "1,2 million" is 1.2 million
    ("Some 1,2 million women take it.", "Some 1.2 million women take it.", None),
    # a year is no figure: "a 2005 peace deal", "in 1997"
    ("The war ended with a 2005 peace deal.", "The war ended with a peace deal.", None),
    ("At his trial in 1997 he sat in a wheelchair.", "At his trial he sat in a wheelchair.", None),
    # a range with its unit once is one figure: "3-4 weeks" holds four weeks
    ("Tests take 3-4 weeks, she said.", "Tests take four weeks, she said.", None),
    ("Between 50 and 60 people died.", "Some 55 people died.", None),
    ("Tests take three to four weeks.", "Tests take two weeks.", Label.CONFLICT),
    # "no casualties" against a death toll is a conflict
    (
        "There were no immediate reports of any casualties.",
        "At least 12 people had been killed and 20 wounded.",
        Label.CONFLICT,
    ),
    # two lower bounds close together are still two figures: a bound is the source's own
    (
        "At least 115 people were killed when the train derailed.",
        "At least 120 people were killed when the train derailed.",
        Label.CONFLICT,
    ),
    # ... but two spellings of one converted length are one bound, said more closely by one
    (
        "The fire spread over more than 30 miles.",
        "The fire spread over more than 50 km.",
        Label.PARTIAL,
    ),
    # bounds of two directions that meet at a figure one leaves out: no number is both
    (
        "As many as 2,000 people were feared dead.",
        "More than 2,000 people were dead.",
        Label.CONFLICT,
    ),
    ("Nearly 300 people were evacuated.", "At least 300 people were evacuated.", Label.CONFLICT),
    # but "up to 2,000" and "at least 2,000" meet at 2,000
    ("Up to 2,000 people were evacuated.", "At least 2,000 people were evacuated.", None),
    # deaths are people: "12 deaths" / "15 people" killed in one storm
    ("The storm caused 12 deaths.", "The storm killed 15 people.", Label.CONFLICT),
    # "no casualties among their number" says nothing of the others killed
    (
        "Western forces confirmed no casualties among their number.",
        "At least 22 people were killed and dozens wounded.",
        Label.PARTIAL,
    ),
]


@pytest.mark.parametrize(("a_text", "b_text", "expected"), NUMBER_CASES)
def test_numbers_ranges_and_units(a_text: str, b_text: str, expected: Label | None) -> None:
    """``None``: consistent figures, so anything but a conflict."""
    label, kinds = label_of(claim(a_text), claim(b_text, doc=1))
    if expected is None:
        assert label is not Label.CONFLICT
    else:
        assert label is expected
    assert (ReasonKind.NUMBER in kinds) is (expected is not None)


def test_no_casualties_of_one_people_is_no_contradiction_of_a_toll() -> None:
    text = "The government said there were no Australian casualties."
    a = labelled_claim(text, names=(("Australian", "Australia", "NORP"),))
    b = claim("At least 22 people were killed and dozens wounded.", doc=1)
    link = classify(Candidate(0, 1, 0.8), a, b)
    assert link.label is Label.PARTIAL
    (reason,) = [r for r in link.reasons if "no casualties" in r.text]
    assert reason.text == (
        'The first source reports no casualties in one group only ("no Australian'
        ' casualties"); the second source reports people killed or hurt.'
    )


def test_number_conflict_reason_names_both_figures_and_sources() -> None:
    a, b = claim("Police said 24 dead.", doc=0), claim("Police said five dead.", doc=1)
    docs = (Document(0, "t", "AFP", "", "x"), Document(1, "t", "BBC", "", "y"))
    link = classify(Candidate(0, 1, 0.8), a, b, documents=docs)
    (reason,) = [r for r in link.reasons if r.kind is ReasonKind.NUMBER]
    assert (reason.a, reason.b) == ("24 dead", "five dead")
    assert reason.text == "AFP says 24 dead; BBC says five dead."


@pytest.mark.parametrize(
    ("b_text", "shown"),
    [
        # a compound adjective takes the noun it qualifies
        ("Iran backed Assad throughout Syria's six-year-long war.", "six-year-long war"),
        ("Police arrested a 50-year-old man.", "50-year-old man"),
        ("The 6.1-magnitude quake struck the island.", "6.1-magnitude quake"),
        # so does a figure written as an adjective without hyphens
        ("She came home after a three year stint in Leeds.", "three year stint"),
        # but not a name: "a 36-year-old Duncan Rait" is no kind of thing
        ("A 36-year-old Duncan Rait fell.", "36-year-old"),
        # nor a verb: "a 2-year-old" is one
        ("A 2-year-old was also in the car.", "2-year-old"),
        # a figure with its own unit word is shown as written
        ("Police said five dead.", "five dead"),
        # a number word that opened its sentence is said mid-sentence
        ("Two helicopters carried the injured.", "two helicopters"),
    ],
)
def test_figure_on_one_side_is_shown_with_its_noun(b_text: str, shown: str) -> None:
    a, b = claim("Police gave no figure.", doc=0), claim(b_text, doc=1)
    docs = (Document(0, "t", "AFP", "", "x"), Document(1, "t", "RFE/RL", "", "y"))
    link = classify(Candidate(0, 1, 0.8), a, b, documents=docs)
    (reason,) = [r for r in link.reasons if r.kind is ReasonKind.NUMBER]
    assert (reason.a, reason.b) == ("", shown)
    assert reason.text == f"Only RFE/RL gives {shown}."


AGED = "Gigante has died in jail, aged 77."
AGE = Quantity("77", 77.0, "year-old", "exact", 77.0, 77.0, 30, 32)  # as the extractor reads it


@pytest.mark.parametrize(
    ("text", "written"),
    [(AGED, "aged 77"), ("Gigante has died in jail at the age of 77.", "the age of 77")],
)
def test_an_age_on_one_side_is_said_as_an_age(text: str, written: str) -> None:
    a = claim("Police gave no figure.", doc=0)
    start = text.index("77")
    age = Quantity("77", 77.0, "year-old", "exact", 77.0, 77.0, start, start + 2)
    b = claim(text, doc=1, quantities=(age,))
    docs = (Document(0, "t", "AFP", "", "x"), Document(1, "t", "RFE/RL", "", "y"))
    link = classify(Candidate(0, 1, 0.8), a, b, documents=docs)
    (reason,) = [r for r in link.reasons if r.kind is ReasonKind.NUMBER]
    assert reason.b == written  # as written, for the highlight
    assert reason.text == "Only RFE/RL gives an age of 77."


def test_a_bare_figure_meets_the_same_figure_with_a_unit() -> None:
    # "He was 77" gives the age of "aged 77" without saying it is one
    a, b = claim("He was 77.", doc=0), claim(AGED, doc=1, quantities=(AGE,))
    assert ReasonKind.NUMBER not in label_of(a, b)[1]
    # but another bare figure is no match for it
    a = claim("He was 76.", doc=0)
    assert ReasonKind.NUMBER in label_of(a, b)[1]


@pytest.mark.parametrize(
    ("x", "y", "apart"),
    [
        # one spokesman, transliterated two ways (and tagged an organisation once)
        (("Al-Sawarmi Khalid", "ORG"), ("Sawarmi Khaled Saad", "PERSON"), False),
        # one family name, two people
        (("Katie Jenkin", "PERSON"), ("John Jenkin", "PERSON"), True),
        # one man, by his given name and by its short form
        (("Bill Hardaway", "PERSON"), ("William Hardaway", "PERSON"), False),
        (("Bob Kessler", "PERSON"), ("Robert Kessler", "PERSON"), False),
    ],
)
def test_names_spelled_apart(x: tuple[str, str], y: tuple[str, str], apart: bool) -> None:
    def named(name: str, label: str, doc: int) -> Claim:
        text = f"{name} spoke to reporters."
        entity = Entity(name, name, label, 0, len(name))
        return Claim(doc, doc, 0, len(text), text, entities=(entity,))

    kinds = label_of(named(*x, doc=0), named(*y, doc=1))[1]
    assert (ReasonKind.ENTITY in kinds) is apart


def test_a_name_cut_at_a_line_end_is_still_named() -> None:
    def listing(text: str, doc: int, *names: str) -> Claim:
        found = tuple(Entity(n, n, "ORG", text.index(n), text.index(n) + len(n)) for n in names)
        return Claim(doc, doc, 0, len(text), text, entities=found)

    # the tagger missed "Wal- Mart", so only the other side seems to name it
    a = listing("Wal- Mart, Kohl's and Big Lots posted weak May sales.", 0, "Kohl's", "Big Lots")
    b = listing("Wal-Mart and Kohl's posted weak May sales.", 1, "Wal-Mart", "Kohl's")
    assert label_of(a, b)[0] is not Label.CONFLICT  # a list that adds Big Lots
    b = listing("Target and Kohl's posted weak May sales.", 1, "Target", "Kohl's")
    assert label_of(a, b)[0] is Label.CONFLICT  # a different list of names


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("South Sudan's", "South Sudan"),  # no possessive
        ("The New Zealander", "the New Zealander"),  # no capital mid-sentence
        ("Calif.", "Calif."),  # and no second full stop: "names Calif.."
        ("the \u201cHome Alone", "the Home Alone"),  # no quotation mark without its partner
        ("the \u201cHome Alone\u201d", "the \u201cHome Alone\u201d"),  # a pair stays
        ("O\u2019Brien", "O\u2019Brien"),  # an apostrophe is no quotation mark
    ],
)
def test_a_name_on_one_side_is_said_mid_sentence(name: str, shown: str) -> None:
    text = f"Officials near {name} spoke."
    a = Claim(0, 0, 0, len(text), text, entities=(Entity(name, name, "GPE", 15, 15 + len(name)),))
    b = claim("Officials spoke at length to the waiting reporters.", doc=1)  # the longer one
    docs = (Document(0, "t", "AFP", "", "x"), Document(1, "t", "BBC", "", "y"))
    link = classify(Candidate(0, 1, 0.8), a, b, documents=docs)
    (reason,) = [r for r in link.reasons if r.kind is ReasonKind.ENTITY]
    assert reason.text == f"Only AFP names {shown}" + ("" if shown.endswith(".") else ".")
    assert reason.a.lower() in text.lower()  # the value is as written: the app highlights it


def test_a_time_zone_is_no_name() -> None:
    # the tagger takes "PDT" in "at 10 a.m. PDT" for an organisation
    text = "The quake began at 10 a.m. PDT."
    a = Claim(0, 0, 0, len(text), text, entities=(Entity("PDT", "PDT", "ORG", 27, 30),))
    b = claim("The quake began at 10 a.m., officials said on Friday.", doc=1)
    link = classify(Candidate(0, 1, 0.8), a, b)
    assert not [r for r in link.reasons if r.kind is ReasonKind.ENTITY]


def test_a_common_speaker_is_said_mid_sentence() -> None:
    a = claim("Police said the group was ill equipped.", speaker="Police")
    b = claim("Gaskin said the group was ill equipped.", doc=1, speaker="Dave Gaskin")
    (reason,) = [
        r for r in classify(Candidate(0, 1, 0.8), a, b).reasons if r.kind is ReasonKind.SPEAKER
    ]
    assert "attributes it to the police;" in reason.text
    assert reason.a == "Police"  # as written, for the highlight

    # a title before a name keeps its capital
    a = claim("Mr Alishbandi said the group was ill equipped.", speaker="Mr Alishbandi")
    (reason,) = [
        r for r in classify(Candidate(0, 1, 0.8), a, b).reasons if r.kind is ReasonKind.SPEAKER
    ]
    assert "attributes it to Mr Alishbandi;" in reason.text

    # an unnamed speaker keeps the article the claim gives it
    a = claim("The group was ill equipped, the patrol said.", speaker="patrol")
    (reason,) = [
        r for r in classify(Candidate(0, 1, 0.8), a, b).reasons if r.kind is ReasonKind.SPEAKER
    ]
    assert "attributes it to the patrol;" in reason.text

    # one named by a common noun in an earlier sentence takes "the" ("..., he says")
    a = claim("The group was ill equipped, he says.", speaker="reporter")
    (reason,) = [
        r for r in classify(Candidate(0, 1, 0.8), a, b).reasons if r.kind is ReasonKind.SPEAKER
    ]
    assert "attributes it to the reporter;" in reason.text


def test_a_source_given_by_one_side_only_is_a_speaker_reason() -> None:
    text = "Police fired back and neutralized the attacker, said Christoph Castaner."
    name = Entity("Christoph Castaner", "Christoph Castaner", "PERSON", 53, 71)
    a = Claim(0, 0, 0, len(text), text, entities=(name,), speaker="Christoph Castaner")
    b = claim("Police fired back.", doc=1)
    docs = (Document(0, "t", "VOA", "", "x"), Document(1, "t", "RFI", "", "y"))
    reasons = classify(Candidate(0, 1, 0.8), a, b, documents=docs).reasons
    (source,) = [r for r in reasons if r.kind is ReasonKind.SPEAKER]
    assert source.text == "Only VOA gives a source: Christoph Castaner."
    assert (source.a, source.b) == ("Christoph Castaner", "")
    # the speaker is not named a second time as a name only one side gives
    assert not [r for r in reasons if r.kind is ReasonKind.ENTITY]
    # an unnamed source keeps the article the claim gives it
    a = claim("The bridge was closed, a spokesman for the city said.", speaker="spokesman")
    (source,) = [
        r for r in classify(Candidate(0, 1, 0.8), a, b).reasons if r.kind is ReasonKind.SPEAKER
    ]
    assert source.text == "Only the first source gives a source: a spokesman."


def test_a_source_alone_does_not_make_a_link_partial() -> None:
    a = claim("The bridge was closed to traffic on Monday, police said.", speaker="police")
    b = claim("The bridge was closed to traffic on Monday.", doc=1)
    # agree, and the link still says that only one side gives a source
    assert label_of(a, b) == (Label.AGREE, {ReasonKind.SPEAKER})
    # partial for its words, the link still says which words, then who spoke
    b = claim("The bridge was shut to all traffic after the storm.", doc=1)
    reasons = classify(Candidate(0, 1, 0.8), a, b).reasons
    assert [r.kind for r in reasons] == [ReasonKind.DETAIL, ReasonKind.SPEAKER]
    assert reasons[0].text.startswith("Worded apart")


def test_a_source_the_other_side_names_is_no_source_it_lacks() -> None:
    a = claim("Mayor Roland Ries said the market would reopen.", speaker="Roland Ries")
    b = claim("Roland Ries expressed relief; the market would reopen.", doc=1)
    assert not [
        r for r in classify(Candidate(0, 1, 0.8), a, b).reasons if r.kind is ReasonKind.SPEAKER
    ]


@pytest.mark.parametrize(
    ("written", "canonical", "value", "said"),
    [
        # another name for it: shown as the text writes it
        (
            "Britain and Canada",
            "United Kingdom and Canada",
            "Britain and Canada",
            "Britain and Canada",
        ),
        ("AMD", "Advanced Micro Devices", "AMD", "AMD"),
        # a name written short: the value is as written, the sentence gives the full name
        ("Su", "Lisa Su", "Su", "Lisa Su"),
    ],
)
def test_a_speaker_is_shown_as_the_claim_writes_it(
    written: str, canonical: str, value: str, said: str
) -> None:
    names = tuple(zip(written.split(" and "), canonical.split(" and "), strict=True))
    a = claim(f"{written} said sanctions could be tightened.", names=names, speaker=canonical)
    b = claim("Johnson said sanctions could be tightened.", doc=1, speaker="Boris Johnson")
    (reason,) = [
        r for r in classify(Candidate(0, 1, 0.8), a, b).reasons if r.kind is ReasonKind.SPEAKER
    ]
    assert (reason.a, reason.b) == (value, "Boris Johnson")
    assert reason.text.endswith(f" attributes it to {said}; the second source to Boris Johnson.")
    assert value in a.text  # the app highlights the value where the text holds it


def test_no_casualties_is_not_also_a_negation() -> None:
    a = claim("The group confirmed there were no dead or wounded.", negated=True)
    b = claim("Officials said 12 people had been killed.", doc=1)
    link = classify(Candidate(0, 1, 0.8), a, b)
    assert link.label is Label.CONFLICT
    assert [r.kind for r in link.reasons] == [ReasonKind.NUMBER, ReasonKind.NUMBER]


def test_a_claim_inside_a_longer_one_that_adds_the_rest_is_partial() -> None:
    a = claim("He was 77.", doc=0)
    b = claim(AGED, doc=1, quantities=(AGE,))
    link = classify(Candidate(0, 1, 0.8), a, b)
    assert link.label is Label.PARTIAL and link.reasons  # with the words only b says
    # near the same length, the same words agree
    b = claim("He was 77 years old.", doc=1)
    assert label_of(a, b)[0] is Label.AGREE


PARTS = "Police said 12 of the 20 victims were children."
FINES = "He will pay a forfeiture of $500,000 and a fine of $50,000."
NEPAL = "The quake killed at least six villagers, four of them children."
MARCONI = "McManus identified the officer as Benjamin Marconi, 50, a veteran of the force."
RICHTER = "The quake, measuring 7.1 on the Richter scale, struck the coast."
MPH = "Winds of 120 mph battered the coast."


@pytest.mark.parametrize(
    ("a_text", "b_text", "conflict"),
    [
        # a part of a whole meets part to part and whole to whole
        (PARTS, "Police said 15 of the 20 victims were children.", True),  # the part differs
        (PARTS, "Police said 12 of the 21 victims were children.", True),  # the whole differs
        (PARTS, "Police said 12 of the 20 victims were children.", False),
        (PARTS, "Police said 20 victims were children.", False),  # only the whole is given
        (PARTS, "Police said 12 victims were children.", False),  # only the part is given
        # a Richter reading is a magnitude
        (RICHTER, "The quake had a magnitude of 6.5, officials said.", True),
        (RICHTER, "The quake had a magnitude of 7.1, officials said.", False),
        # speeds meet across units: 190 km/h is 118 mph
        (MPH, "Winds of 190 km/h battered the coast.", False),
        (MPH, "Winds of 250 km/h battered the coast.", True),
        # scores meet side by side
        ("The Colts beat the Titans 23-17.", "The Colts won 23-17 in Nashville.", False),
        ("The Colts beat the Titans 23-17.", "The Colts beat the Titans 23-20.", True),
        # a bare figure after a toll counts people
        ("By Thursday evening, the toll had risen to 54.", "The death toll rose to 60.", True),
        # a round figure is read to a tenth of it at most, not to half its first digit
        (FINES, "The judge ordered him to pay $100,000 in fines.", True),
        (FINES, "The judge ordered him to pay $50,000 in fines.", False),
        ("Some 300 people were evacuated.", "Police said 296 people were evacuated.", False),
        # "four of them" is a part of the six, not a second toll
        (NEPAL, "Six people died when houses collapsed.", False),
        (NEPAL, "Six people died, three of them children.", True),  # part against part
        # ages of two people are no conflict; two ages of one person are
        (MARCONI, "Police arrested 31-year-old resident Otis McKane on Monday.", False),
        (MARCONI, "The 31-year-old suspect was arrested on Monday, McManus said.", False),
        (MARCONI, "The slain officer, Benjamin Marconi, 51, was a veteran.", True),
        ("A 36-year-old man died in the fall.", "A 63-year-old man died in the fall.", True),
    ],
)
def test_figures_as_the_extractor_reads_them(
    extractor: Extractor, a_text: str, b_text: str, conflict: bool
) -> None:
    a, b = read(extractor, a_text, 0), read(extractor, b_text, 1)
    assert (label_of(a, b)[0] is Label.CONFLICT) is conflict


def test_an_earlier_figure_or_a_forecast_is_said_as_one(extractor: Extractor) -> None:
    # "four people" beside "three people" would read as a rival toll
    a = read(extractor, "Previous reports had said that four people had been killed.", 0)
    b = read(extractor, "Three people were killed in the attack.", 1)
    texts = [r.text for r in classify(Candidate(0, 1, 0.8), a, b).reasons]
    assert "Only the first source gives four people (an earlier figure)." in texts
    assert "Only the second source gives three people." in texts
    a = read(extractor, "Analysts expected revenue of $6.20 billion.", 0)
    b = read(extractor, "Revenue was up on the quarter.", 1)
    texts = [r.text for r in classify(Candidate(0, 1, 0.8), a, b).reasons]
    assert "Only the first source gives $6.20 billion (a forecast)." in texts


def test_a_score_on_one_side_is_shown_once_with_its_noun(extractor: Extractor) -> None:
    a = read(extractor, "The court upheld the ban in a 2-1 ruling.", 0)
    b = read(extractor, "The court upheld the ban on assault weapons.", 1)
    (reason,) = [
        r for r in classify(Candidate(0, 1, 0.8), a, b).reasons if r.kind is ReasonKind.NUMBER
    ]
    assert reason.text == "Only the first source gives 2-1 ruling."


@pytest.mark.parametrize(
    ("text", "value", "said"),
    [
        # an age no word marks is said as an age, and highlighted as written
        ("Vegetable trader Reynante Manza, 45, cried.", "45", "an age of 45"),
        # a bare figure takes the word that gave its unit
        ("Gordon put the toll at 38 dead and 33 missing.", "33 missing and 38 dead", None),
        ("Tolentino said the 25 died mostly in landslides.", "25 died", None),
        # what only may be is said as a forecast
        (
            "Some aftershocks may be as strong as magnitude five.",
            "magnitude five",
            "magnitude five (a forecast)",
        ),
        # a figure is read where it stands: the first "5" of the claim is not the category's
        (
            "More than 5 million people were in the path of the typhoon, equivalent to a "
            "Category 5 Atlantic hurricane.",
            "Category 5 and more than 5 million people",
            None,
        ),
    ],
)
def test_a_bare_figure_is_shown_with_what_it_counts(
    extractor: Extractor, text: str, value: str, said: str | None
) -> None:
    a = read(extractor, "Officials gave no details.", 0)
    b = read(extractor, text, 1)
    (reason,) = [
        r for r in classify(Candidate(0, 1, 0.8), a, b).reasons if r.kind is ReasonKind.NUMBER
    ]
    assert reason.b == value
    assert reason.text == f"Only the second source gives {said or value}."


def test_a_year_after_a_possessive_is_no_figure(extractor: Extractor) -> None:
    a = read(extractor, "The jury took about a day.", 0)
    b = read(
        extractor,
        "The retrial was a repeat of Silver\u2019s 2015 trial except the jury took about a day.",
        1,
    )
    link = classify(Candidate(0, 1, 0.8), a, b)
    assert not [r for r in link.reasons if r.kind is ReasonKind.NUMBER]


def test_weekdays_differ_without_a_dateline() -> None:
    a = claim("The bomb killed 12 people on Tuesday.", dates=(("Tuesday", None),))
    b = claim("The bomb killed 12 people on Wednesday.", doc=1, dates=(("Wednesday", None),))
    link = classify(Candidate(0, 1, 0.8), a, b)
    # a detail: undated, either day may be when the source reported ("said Sunday")
    assert link.label is Label.PARTIAL
    (reason,) = link.reasons
    assert (reason.kind, reason.a, reason.b) == (ReasonKind.DATE, "Tuesday", "Wednesday")
    b = claim(
        "The bomb killed 12 people on Tuesday night.", doc=1, dates=(("Tuesday night", None),)
    )
    assert label_of(a, b)[0] is Label.AGREE


@pytest.mark.parametrize(
    ("a_text", "b_text"),
    [
        ("Two dozen people were killed in the blast.", "24 people were killed in the blast."),
        ("The deal is worth $2bn.", "The deal is worth $2 billion."),
    ],
)
def test_one_figure_written_two_ways_agrees(extractor: Extractor, a_text: str, b_text: str) -> None:
    assert label_of(read(extractor, a_text, 0), read(extractor, b_text, 1)) == (Label.AGREE, set())


def test_a_denial_against_a_confirmation_conflicts() -> None:
    a = claim("The minister denied the report.", negated=True, predicate="deny")
    b = claim("The minister confirmed the report.", doc=1, predicate="confirm")
    label, kinds = label_of(a, b)
    assert label is Label.CONFLICT and kinds == {ReasonKind.NEGATION}


def test_a_name_against_a_pronoun_is_shown_but_agrees() -> None:
    john = (Entity("John", "John", "PERSON", 0, 4),)
    text = "John was a good kid, never one to get into trouble."
    a = Claim(0, 0, 0, len(text), text, entities=john)
    # the longer claim: a name only the shorter one gives would make the link partial
    b = claim("He was a good kid, never one to get into any trouble.", doc=1)
    link = classify(Candidate(0, 1, 0.8), a, b)
    assert link.label is Label.AGREE  # "he" may be John
    b = claim("The boy was a good kid, never one to get into any trouble.", doc=1)
    assert label_of(a, b) == (Label.PARTIAL, {ReasonKind.ENTITY})  # no one to be John


def test_the_other_sides_speaker_is_not_named_on_one_side_only() -> None:
    name = "Al-Sawarmi Khalid"
    text = f"{name} said Sudan had not bombed the camp."
    a = Claim(0, 0, 0, len(text), text, entities=(Entity(name, name, "ORG", 0, len(name)),))
    b = claim("We did not bomb the camp, he told reporters.", doc=1, speaker="Sawarmi Khaled Saad")
    reasons = classify(Candidate(0, 1, 0.8), a, b).reasons
    assert not any(r.kind is ReasonKind.ENTITY for r in reasons)


def test_a_count_of_the_speaker_is_no_figure_of_the_claim() -> None:
    a = claim("He idolised his mum and his sister.")
    text = "One friend said: 'He idolised his mum and his sister.'"
    one = Quantity("One friend", 1.0, "friend", "exact", 1.0, 1.0, 0, 10)
    b = Claim(1, 1, 0, len(text), text, speaker="One friend", quantities=(one,))
    assert ReasonKind.NUMBER not in label_of(a, b)[1]


def test_the_same_relative_day_in_reports_dated_apart_is_a_detail() -> None:
    june = dt.date(2013, 6, 9)
    a = claim("He was being questioned yesterday.", dates=(("yesterday", june),))
    b = claim(
        "He was yesterday being questioned.",
        doc=1,
        dates=(("yesterday", june - dt.timedelta(days=1)),),
    )
    link = classify(Candidate(0, 1, 0.8), a, b)
    assert link.label is Label.PARTIAL
    assert link.reasons[0].text.endswith("the same word in reports dated apart.")
    # two words for two days still conflict
    b = claim("He was questioned on Saturday.", doc=1, dates=(("Saturday", dt.date(2013, 6, 8)),))
    assert label_of(a, b)[0] is Label.CONFLICT


def test_date_reason_gives_the_year_only_where_years_differ() -> None:
    docs = (Document(0, "t", "AFP", "", "x"), Document(1, "t", "BBC", "", "y"))
    a = claim("She moved there in June 2008.", dates=(("June 2008", dt.date(2008, 6, 10)),))
    b = claim("She moved there on June 9.", doc=1, dates=(("June 9", dt.date(2012, 6, 9)),))
    link = classify(Candidate(0, 1, 0.8), a, b, documents=docs)
    (reason,) = [r for r in link.reasons if r.kind is ReasonKind.DATE]
    assert reason.text == "AFP dates it June 2008 (June 10, 2008); BBC June 9 (June 9, 2012)."
    b = claim("She moved there on June 9.", doc=1, dates=(("June 9", dt.date(2008, 6, 9)),))
    link = classify(Candidate(0, 1, 0.8), a, b, documents=docs)
    (reason,) = [r for r in link.reasons if r.kind is ReasonKind.DATE]
    # a day written out is not written again: "June 9", not "June 9 (June 9)"
    assert reason.text == "AFP dates it June 2008 (June 10); BBC June 9."


def test_a_part_of_a_sum_meets_the_same_figure_but_never_conflicts_with_the_whole() -> None:
    part = Quantity(
        "$281 million of the purchase price", 281e6, "USD (part)", "", 281e6, 281e6, 9, 43
    )
    b = claim("AMD said $281 million of the purchase price is in cash.", doc=1, quantities=(part,))
    cash = Quantity("$281 million", 281e6, "USD", "", 281e6, 281e6, 14, 26)
    a = claim("AMD is paying $281 million in cash.", quantities=(cash,))
    # the same figure: no reason about numbers at all
    assert ReasonKind.NUMBER not in label_of(a, b)[1]
    price = Quantity("US$334 million", 334e6, "USD", "", 334e6, 334e6, 13, 27)
    a = claim("AMD will pay US$334 million for SeaMicro.", quantities=(price,))
    # the whole price: each figure is a detail of its side, not a conflict
    label, kinds = label_of(a, b)
    assert label is Label.PARTIAL and ReasonKind.NUMBER in kinds


def test_quantity_slots_from_the_extractor_are_used() -> None:
    # the extractor's slots win over reading the text again
    q80 = Quantity("more than 80 people", 80, "people", "more than", 80, 1e9, 0, 19)
    q87 = Quantity("87 people", 87, "people", "", 87, 87, 0, 9)
    q50 = Quantity("50 people", 50, "people", "", 50, 50, 0, 9)
    a = claim("The strike killed more than 80 people.", quantities=(q80,))
    assert (
        label_of(a, claim("The strike killed 87 people.", doc=1, quantities=(q87,)))[0]
        is not Label.CONFLICT
    )
    assert (
        label_of(a, claim("The strike killed 50 people.", doc=1, quantities=(q50,)))[0]
        is Label.CONFLICT
    )


TUESDAY = dt.date(2017, 4, 11)
DATE_CASES = [
    # "Tuesday" and "April 11" resolve to the same day under a 2017-04-11 dateline
    ("on Tuesday", TUESDAY, "on April 11", TUESDAY, False),
    # "yesterday" (dated July 3) and "Tuesday" (dated July 2) are the same day
    ("yesterday", dt.date(2019, 7, 2), "on Tuesday", dt.date(2019, 7, 2), False),
    # April 10 is not April 11
    ("on April 10", dt.date(2017, 4, 10), "on April 11", TUESDAY, True),
]


@pytest.mark.parametrize(("wa", "va", "wb", "vb", "conflict"), DATE_CASES)
def test_dates_compare_resolved_values(
    wa: str, va: dt.date, wb: str, vb: dt.date, conflict: bool
) -> None:
    a = claim(f"Ministers met {wa} in Lucca.", dates=((wa, va),))
    b = claim(f"Ministers met {wb} in Lucca.", doc=1, dates=((wb, vb),))
    label, kinds = label_of(a, b)
    assert (ReasonKind.DATE in kinds) is conflict
    assert (label is Label.CONFLICT) is conflict


VOICE_CASES = [
    # different named speakers for the same quote: a speaker conflict
    (
        dict(speaker="Johnson", quotes=("the time to back Assad has gone",)),
        dict(speaker="Tillerson", quotes=("the time to back Assad has gone",)),
        Label.CONFLICT,
        ReasonKind.SPEAKER,
    ),
    # ... but a phrase of a few words both may have used is a difference of speakers only
    (
        dict(speaker="Johnson", quotes=("for the foreseeable future",)),
        dict(speaker="Tillerson", quotes=("for the foreseeable future",)),
        Label.PARTIAL,
        ReasonKind.SPEAKER,
    ),
    # negation mismatch on the same predicate is a conflict
    (
        dict(negated=True, predicate="bomb"),
        dict(negated=False, predicate="bomb"),
        Label.CONFLICT,
        ReasonKind.NEGATION,
    ),
    # a modality difference ("alleged") is noted, not a conflict
    (dict(modality="alleged"), dict(modality=None), Label.PARTIAL, ReasonKind.MODALITY),
    # different quotes from the same speaker are partial
    (
        dict(speaker="Deng", quotes=("should be taken to book",)),
        dict(speaker="Deng", quotes=("has a lot to answer for",)),
        Label.PARTIAL,
        ReasonKind.QUOTE,
    ),
]


@pytest.mark.parametrize(("slots_a", "slots_b", "expected", "kind"), VOICE_CASES)
def test_speakers_negation_modality_quotes(
    slots_a: dict[str, object], slots_b: dict[str, object], expected: Label, kind: ReasonKind
) -> None:
    text = "Johnson and Tillerson said the time to back Assad has gone for Deng."
    names = (("Johnson", "Johnson"), ("Tillerson", "Tillerson"), ("Deng", "Deng"))
    a = Claim(0, 0, 0, len(text), text, entities=_people(text, names), **slots_a)  # type: ignore[arg-type]
    b = Claim(1, 1, 0, len(text), text, entities=_people(text, names), **slots_b)  # type: ignore[arg-type]
    label, kinds = label_of(a, b)
    assert label is expected
    assert kind in kinds


@pytest.mark.parametrize(
    ("modality_a", "modality_b", "text"),
    [
        # a modal verb is quoted as the hedge
        (None, "could", 'AFP states it as fact; BBC hedges it with "could".'),
        # a hedging adjective names what the claim is called
        ("alleged", None, "AFP calls it alleged; BBC states it as fact."),
        # a hedging adverb is quoted, as a modal verb is ("calls it reportedly" reads wrong)
        ("reportedly", None, 'AFP hedges it with "reportedly"; BBC states it as fact.'),
        (None, "apparently", 'AFP states it as fact; BBC hedges it with "apparently".'),
        # "due to", "scheduled to"
        (None, "scheduled", "AFP states it as fact; BBC reports it as scheduled."),
    ],
)
def test_modality_reason_reads_as_a_sentence(
    modality_a: str | None, modality_b: str | None, text: str
) -> None:
    words = "Tillerson meets Lavrov in Moscow."
    a = Claim(0, 0, 0, len(words), words, modality=modality_a)
    b = Claim(1, 1, 0, len(words), words, modality=modality_b)
    docs = (Document(0, "t", "AFP", "", "x"), Document(1, "t", "BBC", "", "y"))
    link = classify(Candidate(0, 1, 0.8), a, b, documents=docs)
    (reason,) = [r for r in link.reasons if r.kind is ReasonKind.MODALITY]
    assert reason.text == text


def _entities(text: str, names: tuple[tuple[str, str, str], ...]) -> tuple[Entity, ...]:
    """Entities (written, canonical, label) found by their text."""
    return tuple(
        Entity(n, c, label, text.index(n), text.index(n) + len(n)) for n, c, label in names
    )


def _people(text: str, names: tuple[tuple[str, str], ...]) -> tuple[Entity, ...]:
    return _entities(text, tuple((n, c, "PERSON") for n, c in names))


def test_entity_lists_that_differ_conflict_and_name_the_entities() -> None:
    a = claim(
        "The strike was slammed by Iran and North Korea.",
        names=(("Iran", "Iran"), ("North Korea", "North Korea")),
    )
    b = claim(
        "The strike has drawn condemnation from Russia and Iran.",
        doc=1,
        names=(("Russia", "Russia"), ("Iran", "Iran")),
    )
    link = classify(Candidate(0, 1, 0.7), a, b)
    assert link.label is Label.CONFLICT
    (reason,) = [r for r in link.reasons if r.kind is ReasonKind.ENTITY]
    assert "North Korea" in reason.a and "Russia" in reason.b
    assert reason.text == (
        "The first source says Iran and North Korea; the second source says Russia and Iran."
    )


def test_same_members_in_another_order_and_spelling_agree() -> None:
    a = claim(
        "The G7 brought ministers from the US as well as Britain and Japan.",
        names=(("US", "United States"), ("Britain", "Britain"), ("Japan", "Japan")),
    )
    b = claim(
        "The G7 consists of the United States, Japan and Britain.",
        doc=1,
        names=(("United States", "United States"), ("Japan", "Japan"), ("Britain", "Britain")),
    )
    assert label_of(a, b)[0] is Label.AGREE


ENTITY_LIST_CASES = [
    # spelling variants of one list are no conflict
    ("Bahamas", "Turk", "Caicos", "Bahamas", "Turks", "Caicos", False),
    # an acronym names the same body
    ("Vienna", "IAEA", "", "Vienna", "International Atomic Energy Agency", "", False),
    # "Korea" inside "South Korea" is the same place
    ("Canada", "Korea", "", "Canada", "South Korea", "", False),
    # a different member on each side is a conflict
    ("Iran", "North Korea", "", "Russia", "Iran", "", True),
]


@pytest.mark.parametrize(("a1", "a2", "a3", "b1", "b2", "b3", "conflict"), ENTITY_LIST_CASES)
def test_entity_lists_allow_spelling_and_short_forms(
    a1: str, a2: str, a3: str, b1: str, b2: str, b3: str, conflict: bool
) -> None:
    def listed(members: list[str], doc: int) -> Claim:
        text = "Warnings were posted for " + " and ".join(m for m in members if m) + "."
        found = tuple((m, m) for m in members if m)
        return claim(text, doc=doc, names=found)

    label, kinds = label_of(listed([a1, a2, a3], 0), listed([b1, b2, b3], 1))
    assert (label is Label.CONFLICT) is conflict
    if conflict:
        assert ReasonKind.ENTITY in kinds


@pytest.mark.parametrize(
    ("text_a", "names_a", "text_b", "names_b"),
    [
        # a role after a comma is no list member: not "Barbara Comstock and Ashcroft"
        (
            "Aides said Barbara Comstock, Ashcroft's press secretary, had no comment.",
            (
                ("Barbara Comstock", "Barbara Comstock", "PERSON"),
                ("Ashcroft", "Ashcroft", "PERSON"),
            ),
            "Aides said Barbara Comstock, Justice Department spokeswoman, had no comment.",
            (
                ("Barbara Comstock", "Barbara Comstock", "PERSON"),
                ("Justice Department", "Justice Department", "ORG"),
            ),
        ),
        # nor is the speaker after a comma: not "Indonesia and Amrozi"
        (
            "Jews had plans to colonise countries like Indonesia, Amrozi said.",
            (
                ("Jews", "Jews", "NORP"),
                ("Indonesia", "Indonesia", "GPE"),
                ("Amrozi", "Amrozi", "PERSON"),
            ),
            "Jews had plans to colonise nations like Indonesia and Malaysia.",
            (
                ("Jews", "Jews", "NORP"),
                ("Indonesia", "Indonesia", "GPE"),
                ("Malaysia", "Malaysia", "GPE"),
            ),
        ),
        # a country's people name the country in a list of who did something
        (
            "Jews and the US had evil plans, Amrozi said.",
            (("Jews", "Jews", "NORP"), ("US", "United States", "GPE")),
            "Jews and Americans had evil plans, Amrozi said.",
            (("Jews", "Jews", "NORP"), ("Americans", "United States", "NORP")),
        ),
    ],
)
def test_no_list_conflict_from_appositions_speakers_or_peoples(
    text_a: str,
    names_a: tuple[tuple[str, str, str], ...],
    text_b: str,
    names_b: tuple[tuple[str, str, str], ...],
) -> None:
    a = Claim(0, 0, 0, len(text_a), text_a, entities=_entities(text_a, names_a))
    b = Claim(1, 1, 0, len(text_b), text_b, entities=_entities(text_b, names_b))
    assert label_of(a, b)[0] is not Label.CONFLICT


def test_a_plural_in_the_other_text_names_the_same_member() -> None:
    # spaCy tags "Turk" a person and "Turks" a nationality (canonical "Turkey"); the
    # other claim still says "Turks and Caicos", so no member differs.
    text_a = "Warnings were posted for the Bahamas and the Turk and Caicos islands."
    text_b = "Warnings were posted for the Bahamas and the Turks and Caicos islands."

    names_a = (
        ("Bahamas", "Bahamas", "GPE"),
        ("Turk", "Turk", "PERSON"),
        ("Caicos", "Caicos", "GPE"),
    )
    names_b = (
        ("Bahamas", "Bahamas", "GPE"),
        ("Turks", "Turkey", "NORP"),
        ("Caicos", "Caicos", "GPE"),
    )
    a = Claim(0, 0, 0, len(text_a), text_a, entities=_entities(text_a, names_a))
    b = Claim(1, 1, 0, len(text_b), text_b, entities=_entities(text_b, names_b))
    assert label_of(a, b)[0] is not Label.CONFLICT


def test_contradicts_flags_slot_conflicts_only() -> None:
    assert contradicts(claim("24 dead in the raid."), claim("five dead in the raid.", doc=1))
    assert not contradicts(claim("24 dead in the raid."), claim("24 dead in the raid.", doc=1))


def test_a_partial_link_without_slot_differences_says_which_words_differ() -> None:
    docs = (Document(0, "t", "AFP", "", "x"), Document(1, "t", "BBC", "", "y"))
    a = claim("Iran sits in a volatile earthquake region and is regularly struck by quakes.")
    b = claim("Iran is on seismic fault lines.", doc=1)
    link = classify(Candidate(0, 1, 0.8), a, b, documents=docs)
    assert link.label is Label.PARTIAL
    (reason,) = link.reasons
    assert reason.kind is ReasonKind.DETAIL
    assert reason.text.startswith("Worded apart: only AFP says ")
    assert '"volatile"' in reason.text and '"seismic"' in reason.text
    assert '"Iran"' not in reason.text  # both say it


def test_who_spoke_is_no_wording_difference() -> None:
    a = claim("Two died on the train and one in the dump truck, said Cpl. Justin Dunn.")
    a = dataclasses.replace(a, speaker="Justin Dunn")
    b = dataclasses.replace(
        claim("Two of those killed were on the train.", doc=1), speaker="Justin Dunn"
    )
    reason = wording_reason(a, b, ("AFP", "BBC"))
    assert '"dump"' in reason.text
    assert '"Justin"' not in reason.text and '"Dunn"' not in reason.text


def test_the_phrase_naming_the_speaker_is_no_wording_difference() -> None:
    a = claim(
        "Two died on the train and one in the dump truck, said Cpl. Justin Dunn of the"
        " highway patrol."
    )
    a = dataclasses.replace(a, speaker="Justin Dunn")
    b = dataclasses.replace(
        claim("Two of those killed were on the train, Justin Dunn said.", doc=1),
        speaker="Justin Dunn",
    )
    reason = wording_reason(a, b, ("AFP", "BBC"))
    assert '"dump"' in reason.text
    assert '"Cpl"' not in reason.text and '"patrol"' not in reason.text
    # a long piece says something itself, even with the speaker's name in it
    c = dataclasses.replace(
        claim(
            "Dunn said the dump truck had driven onto the crossing without stopping at the"
            " signs, by the patrol's account, that morning."
        ),
        speaker="Justin Dunn",
    )
    assert '"crossing"' in wording_reason(c, b, ("AFP", "BBC")).text
    # "Police said 12 people died" is a claim, not the phrase of who said it
    d = dataclasses.replace(
        claim("Police said the dump truck crossed without stopping, the patrol added."),
        speaker="Police",
    )
    assert '"crossed"' in wording_reason(d, b, ("AFP", "BBC")).text


def test_a_speed_in_other_units_is_the_same_content(extractor: Extractor) -> None:
    from claimdiff.ingest import document_from_text

    (a,) = extractor.extract(document_from_text("Typhoon Mangkhut packed gusts of 190 km/h."))
    (b,) = extractor.extract(
        document_from_text("Typhoon Mangkhut packed gusts of 118 miles per hour.", doc_id=1)
    )
    link = classify(Candidate(a.id, b.id, 0.8), a, b)
    # 118 mph is 190 km/h: nothing differs, not even the words of the units
    assert link.label is Label.AGREE, [r.text for r in link.reasons]


def test_a_name_written_on_both_sides_is_not_one_sided() -> None:
    text_a = "In 1957, Gigante was the hitman in a botched attempt on Costello."
    a = Claim(0, 0, 0, len(text_a), text_a, entities=_people(text_a, (("Gigante", "Gigante"),)))
    # the tagger missed "Gigante" here; the text still names him
    b = claim("Gigante carried out an attempted hit on Costello in 1957.", doc=1)
    assert ReasonKind.ENTITY not in label_of(a, b)[1]


def test_a_date_on_one_side_keeps_its_words_as_written_for_highlighting() -> None:
    docs = (Document(0, "t", "AFP", "", "x"), Document(1, "t", "BBC", "", "y"))
    a = claim("Tillerson heads to Moscow on Tuesday.", dates=(("Tuesday", dt.date(2017, 4, 11)),))
    b = claim("Tillerson heads to Moscow.", doc=1)
    link = classify(Candidate(0, 1, 0.8), a, b, documents=docs)
    (reason,) = [r for r in link.reasons if r.kind is ReasonKind.DATE]
    assert reason.text == "Only AFP says when: Tuesday (April 11)."
    assert (reason.a, reason.b) == ("Tuesday", "")


def test_a_figure_inside_a_date_is_part_of_the_date() -> None:
    text = "She moved there four years ago."
    years = Quantity("four years", 4, "year", "", 4, 4, text.index("four"), text.index(" ago"))
    a = claim(text, dates=(("four years ago", dt.date(2013, 4, 11)),), quantities=(years,))
    b = claim("She moved there.", doc=1)
    kinds = label_of(a, b)[1]
    assert ReasonKind.NUMBER not in kinds  # "Only the first source gives four years" no more
    assert ReasonKind.DATE in kinds


def _quoted(text: str, quote: str, speaker: str, doc: int) -> Claim:
    surname = speaker.split()[-1]
    return Claim(
        doc,
        doc,
        0,
        len(text),
        text,
        speaker=speaker,
        quotes=(quote,),
        entities=_people(text, ((surname, speaker),)),
    )


@pytest.mark.parametrize(
    ("quote_a", "quote_b", "label"),
    [
        # one remark quoted two ways: it opens alike, then says something else
        (
            "Our goal is to pay a competitive dividend over time, but right now, we are"
            " prioritizing balance sheet strength.",
            "Our goal is to reinstate dividends and ensure they remain competitive over time.",
            Label.CONFLICT,
        ),
        # the same remark, worded a little apart, is one quotation
        (
            "I need fewer people at headquarters and more in the field supporting customers",
            "I need fewer people at headquarters, and more people in the field, supporting"
            " customers",
            Label.AGREE,
        ),
        # the start of a quotation is one quotation, quoted in part: partial
        (
            "I am absolutely delighted with the ruling.",
            "I am absolutely delighted with the ruling and with the outcome of proceedings.",
            Label.PARTIAL,
        ),
        # a word or two more is how a writer cuts a quotation into a sentence
        (
            "I am absolutely delighted with the ruling.",
            "I am absolutely delighted with the ruling today.",
            Label.AGREE,
        ),
        (
            "His progress is steady, he's stable, he's comfortable",
            "His progress is steady, he is stable",
            Label.AGREE,
        ),
        # a part of a quotation, its full stop aside, is the same quotation, in part
        (
            "Earlier today we witnessed the culmination of an epic tale of greed",
            "epic tale of greed.",
            Label.PARTIAL,
        ),
        # two remarks that open with the same few function words are two remarks
        (
            "I think it is time to move on from the dividend.",
            "I think it is a very strong quarter for the company.",
            Label.PARTIAL,
        ),
    ],
)
def test_one_speaker_quoted_two_ways_is_a_conflict(
    quote_a: str, quote_b: str, label: Label
) -> None:
    a = _quoted(f'Gelsinger said, "{quote_a}"', quote_a, "Pat Gelsinger", 0)
    b = _quoted(f'Gelsinger said: "{quote_b}"', quote_b, "Pat Gelsinger", 1)
    docs = (Document(0, "t", "AFP", "", "x"), Document(1, "t", "BBC", "", "y"))
    link = classify(Candidate(0, 1, 0.9), a, b, documents=docs)
    quote_labels = [
        f.weight for f in findings(a, b, ("AFP", "BBC")) if f.reason.kind is ReasonKind.QUOTE
    ]
    if label is Label.AGREE:
        assert quote_labels == []
    else:
        assert quote_labels == [label]
    if label is Label.CONFLICT:
        assert link.label is Label.CONFLICT
        assert "AFP and BBC quote Pat Gelsinger differently" in " ".join(
            r.text for r in link.reasons
        )


def test_a_quotation_given_whole_and_in_part_is_partial_and_shows_what_is_added() -> None:
    whole = "It was because time and time again I felt it was my duty to cover up his deeds"
    part = "I felt it was my duty to cover up his deeds."
    a = _quoted(f"{whole},\u201d said Cohen in court.", whole, "Michael Cohen", 0)
    b = _quoted(f'"{part}," Cohen said.', part, "Michael Cohen", 1)
    docs = (Document(0, "t", "AFP", "", "x"), Document(1, "t", "BBC", "", "y"))
    link = classify(Candidate(0, 1, 0.9), a, b, documents=docs)
    assert link.label is Label.PARTIAL
    assert [r.text for r in link.reasons if r.kind is ReasonKind.QUOTE] == [
        'AFP quotes more of the remark than BBC: "It was because time and time again ...".'
    ]
    # the other way round, with words added at both ends
    longer = f"{whole}, and I regret it"
    a = _quoted(f'"{part}," Cohen said.', part, "Michael Cohen", 0)
    b = _quoted(f'"{longer}," Cohen said.', longer, "Michael Cohen", 1)
    link = classify(Candidate(0, 1, 0.9), a, b, documents=docs)
    assert [r.text for r in link.reasons if r.kind is ReasonKind.QUOTE] == [
        'BBC quotes more of the remark than AFP: "It was because time and time again ... '
        'and I regret it".'
    ]


def test_an_adjective_of_a_people_is_mentioned_not_named() -> None:
    b = claim("The ministers met in the palace.", doc=1)
    adjective = labelled_claim(
        "The ministers met in the Umbrian palace of Todi.",
        names=(("Umbrian", "Umbrian", "NORP"), ("Todi", "Todi", "GPE")),
    )
    people = labelled_claim(
        "The Umbrians met the ministers in the palace.",
        names=(("Umbrians", "Umbrians", "NORP"),),
    )
    texts = [
        r.text for c in (adjective, people) for r in classify(Candidate(0, 1, 0.8), c, b).reasons
    ]
    assert "Only the first source mentions Umbrian and Todi." in texts
    assert "Only the first source names Umbrians." in texts


def test_a_union_named_by_its_adjective_is_no_name_on_one_side_only() -> None:
    def commissioner(word: str, canonical: str, label: str, doc: int) -> Claim:
        return labelled_claim(
            f"{word} commissioner Margrethe Vestager said consumers lost a choice.",
            doc=doc,
            names=((word, canonical, label), ("Margrethe Vestager",) * 2 + ("PERSON",)),
        )

    union = commissioner("EU", "European Union", "ORG", 0)
    adjective = commissioner("European", "Europe", "NORP", 1)
    other = commissioner("French", "France", "NORP", 1)
    link = classify(Candidate(0, 1, 0.9), union, adjective)
    assert [r.text for r in link.reasons if r.kind is ReasonKind.ENTITY] == []
    assert link.label is Label.AGREE
    texts = [r.text for r in classify(Candidate(0, 1, 0.9), union, other).reasons]
    assert "Only the first source names EU." in texts
    assert "Only the second source mentions French." in texts
    # the union meets its own adjective only: "French" beside "European" is still alone
    both = labelled_claim(
        "French and European officials said consumers lost a choice.",
        doc=1,
        names=(("French", "France", "NORP"), ("European", "Europe", "NORP")),
    )
    texts = [r.text for r in classify(Candidate(0, 1, 0.9), union, both).reasons]
    assert "Only the second source mentions French." in texts


@pytest.mark.parametrize(
    ("text_a", "text_b", "expected"),
    [
        # "be" on both sides says nothing of what is denied: two statements with no word
        # in common
        (
            "Visby is a port of the Hanseatic League.",
            "The dockers union is active in the region and denies it is paid by Riga.",
            Label.PARTIAL,
        ),
        # one statement, affirmed and denied
        (
            "The harbour road is open to lorries.",
            "The harbour road is not open to lorries.",
            Label.CONFLICT,
        ),
    ],
)
def test_a_copula_denies_only_a_statement_of_the_same_content(
    text_a: str, text_b: str, expected: Label
) -> None:
    a = claim(text_a, predicate="be")
    b = claim(text_b, doc=1, predicate="be", negated=True)
    label, kinds = label_of(a, b)
    assert label is expected
    assert ReasonKind.NEGATION in kinds


@pytest.mark.parametrize(
    ("b_text", "numbers"),
    [
        # a count of employees is the other's count of people where they agree
        ("Roughly 5,000 people employed at the plant will join Foxconn.", False),
        # not where they differ: two figures, each a detail of its side
        ("Roughly 2,000 people employed at the plant will join Foxconn.", True),
    ],
)
def test_a_count_of_one_kind_of_people_meets_a_count_of_people(
    extractor: Extractor, b_text: str, numbers: bool
) -> None:
    a = read(extractor, "The approximately 5,000 employees at the plant will join Foxconn.", 0)
    b = read(extractor, b_text, 1)
    label, kinds = label_of(a, b)
    assert label is not Label.CONFLICT
    assert (ReasonKind.NUMBER in kinds) is numbers


def test_a_toll_without_its_unit_is_a_count_of_the_dead(extractor: Extractor) -> None:
    # "taking the number of deaths to 10" counts people, against "seven bodies"
    text = "Rescuers pulled out two more bodies, taking the number of deaths to 10."
    a = read(extractor, text, 0)
    b = read(extractor, "Seven bodies have so far been recovered from the mine.", 1)
    assert label_of(a, b)[0] is Label.CONFLICT


def test_the_other_figure_without_its_unit_is_no_rival(extractor: Extractor) -> None:
    # "taking the total count to 33" gives the toll of "at least 33 people": "15 bodies"
    # pulled out overnight is a detail, not a rival toll
    a = read(extractor, "Overnight we pulled out 15 bodies, taking the total count to 33.", 0)
    b = read(extractor, "At least 33 people have been killed in the collapse.", 1)
    assert label_of(a, b)[0] is Label.PARTIAL
    link = classify(Candidate(0, 1, 0.9), a, b)
    assert "Only the first source gives 15 bodies." in [r.text for r in link.reasons]


@pytest.mark.parametrize(
    ("a_text", "b_text", "reason"),
    [
        # what one claim sets aside, the other affirms
        (
            "A court sentenced him to two years in prison.",
            "He was sentenced to two years in a reform facility rather than a prison.",
            'The second source says "in a reform facility rather than a prison"; the first'
            ' source says "prison".',
        ),
        # both set the same thing aside: one account
        (
            "He possibly hit the gas instead of the brake, Butts said.",
            "His statement is that he possibly hit the gas instead of the brakes.",
            None,
        ),
        # an action set aside is no thing the other affirms
        (
            "The state tried to prove suicide rather than consider the possibility of murder.",
            "The state has refused to consider the possibility of murder.",
            None,
        ),
    ],
)
def test_what_one_claim_sets_aside_the_other_affirms(
    a_text: str, b_text: str, reason: str | None
) -> None:
    link = classify(Candidate(0, 1, 0.9), claim(a_text), claim(b_text, doc=1))
    negations = [r.text for r in link.reasons if r.kind is ReasonKind.NEGATION]
    if reason is None:
        assert negations == []
    else:
        assert negations == [reason]
        assert link.label is Label.CONFLICT


def test_a_figure_of_its_own_is_not_rescued_by_one_more(extractor: Extractor) -> None:
    # "thousands more missing" may meet "as many as 2,000", but the claim's own toll,
    # "more than 2,000", cannot
    a = read(extractor, "As many as 2,000 people were feared dead, the prime minister said.", 0)
    b = read(extractor, "He said more than 2,000 were dead and thousands more missing.", 1)
    assert label_of(a, b)[0] is Label.CONFLICT


@pytest.mark.parametrize(
    ("year", "label"),
    [
        # an earlier year recalls another event than the day of this one
        (dt.date(2012, 1, 1), Label.PARTIAL),
        # the same year may hold the day: no other time is told
        (dt.date(2014, 1, 1), None),
    ],
)
def test_an_earlier_year_recalls_another_event(year: dt.date, label: Label | None) -> None:
    text_a = f"It was far worse than one that struck the area in {year.year}."
    a = dataclasses.replace(
        claim(text_a, predicate="be"),
        dates=(DateMention(str(year.year), year, 51, 55, "year", verb="strike"),),
    )
    sunday = DateMention("Sunday", dt.date(2014, 8, 3), 30, 36, verb="strike")
    b = dataclasses.replace(
        claim("The quake struck at 4:30 p.m. Sunday.", doc=1, predicate="strike"), dates=(sunday,)
    )
    reasons = [r for r in classify(Candidate(0, 1, 0.9), a, b).reasons if r.kind is ReasonKind.DATE]
    dated = [r.text for r in reasons if "dates it" in r.text]
    if label is Label.PARTIAL:
        assert dated == [
            f"The first source dates it {year.year}; the second source Sunday: of different times."
        ]
    assert classify(Candidate(0, 1, 0.9), a, b).label is not Label.CONFLICT
