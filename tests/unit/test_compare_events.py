"""Event classes and the evidence a weakly matching pair needs to link as a conflict."""

from __future__ import annotations

import datetime as dt

import pytest

from claimdiff.align import Candidate
from claimdiff.compare import classify
from claimdiff.events import event_classes, persons_clash, same_person, shared_events
from claimdiff.evidence import event_conflict
from claimdiff.extract import Extractor
from claimdiff.features import PAIR_FEATURES, numbers_in, pair_vector, profile
from claimdiff.ingest import document_from_text
from claimdiff.model import Claim, Entity, Label, ReasonKind
from claimdiff.slots import amounts
from tests.unit.helpers import claim

SYRIA_WAR = claim(
    "Several rounds of UN-backed peace talks have failed to end the conflict, which has "
    "killed more than 320,000 people since March 2011.",
    negated=True,
    predicate="fail",
)
KHAN_SHEIKHUN = claim(
    "An alleged chemical air strike by Syrian forces killed more than 80 people in the "
    "rebel-held town of Khan Sheikhun.",
    doc=1,
    predicate="kill",
)
SLAMMED = claim(
    "Washington's retaliation was slammed by Iran and North Korea.",
    names=(("Iran", "Iran", "GPE"), ("North Korea", "North Korea", "GPE")),
)
CONDEMNED = claim(
    "That has drawn condemnation from Russia and Iran.",
    doc=1,
    names=(("Russia", "Russia", "GPE"), ("Iran", "Iran", "GPE")),
)
SERVERS = claim(
    "The chips are sold by AMD and Intel.",
    names=(("AMD", "AMD", "ORG"), ("Intel", "Intel", "ORG")),
)
DIVISION = claim(
    "Feldman will run a new division at AMD and Samsung.",
    doc=1,
    names=(("AMD", "AMD", "ORG"), ("Samsung", "Samsung", "ORG")),
)


def test_condemn_and_slam_are_one_event_class() -> None:
    assert "condemn" in shared_events(SLAMMED, CONDEMNED)
    assert {"kill", "attack"} <= event_classes(KHAN_SHEIKHUN)
    # saying and telling are in every news claim: they show no shared event
    assert not shared_events(claim("He said it."), claim("She told reporters.", doc=1))


@pytest.mark.parametrize(
    ("first", "second", "event"),
    [
        ("The flight departed at 07:21.", "Minutes after it took off, it vanished.", "depart"),
        ("Police are investigating the blast.", "An inquiry was opened.", "investigate"),
        ("Rescuers worked through the night.", "Some 30 people were rescued.", "rescue"),
        ("Flooding swept away whole districts.", "A torrent ran through the city.", "flood"),
        ("The blaze started in a common area.", "The fire left 85 units empty.", "fire"),
        ("Gunmen opened fire on the crowd.", "A shooting at the hall killed 40.", "shoot"),
        ("Lawmakers voted to oust him.", "His impeachment passed.", "vote"),
        ("She was sworn in on Wednesday.", "She took the oath of office.", "swear"),
        ("Protesters marched on the square.", "The sit-in was broken up.", "protest"),
        ("The train derailed near Kanpur.", "The crash killed 120.", "crash"),
        ("Intel will appeal the ruling.", "The company said it is appealing.", "appeal"),
        ("The minister resigned on Friday.", "His resignation was accepted.", "resign"),
        ("The company announced layoffs.", "The lay-offs hit 27,000 staff.", "layoff"),
        ("Tinubu won the election.", "He was declared the winner.", "elect"),
        ("The EU fined Intel.", "The penalty is a record.", "fine"),
        ("He was charged with fraud.", "The indictment runs to 40 pages.", "charge"),
        ("The typhoon hit Luzon.", "The storm weakened overnight.", "storm"),
        ("Gunmen kidnapped 30 pupils.", "The hostages were freed.", "kidnap"),
        ("Twenty miners are trapped.", "A dozen are still unaccounted for.", "missing"),
    ],
)
def test_one_kind_of_event_in_other_words(first: str, second: str, event: str) -> None:
    assert event in shared_events(claim(first), claim(second, doc=1))


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a word written only in a name names no event of its kind
        ("Actor John Heard died.", (("John Heard", "John Heard", "PERSON"),), {"kill"}),
        ("Mr Price said the deal was off.", (("Price", "Price", "PERSON"),), {"buy", "speak"}),
        ("Patrol officers in Unity State ran.", (("Unity State", "Unity State", "GPE"),), set()),
        # ... unless the claim also writes it outside the name
        ("John Heard heard shots.", (("John Heard", "John Heard", "PERSON"),), {"hear"}),
        # a named event keeps its words
        (
            "The Ridgecrest Earthquake hit.",
            (("The Ridgecrest Earthquake", "-", "EVENT"),),
            {"quake", "damage"},
        ),
    ],
)
def test_words_only_in_names_are_no_event(
    text: str, names: tuple[tuple[str, str, str], ...], expected: set[str]
) -> None:
    assert event_classes(claim(text, names=names)) == expected


# Each case: two weakly matching claims -> whether they may link as a conflict
EVENT_CASES = [
    # overlapping but different lists of condemners of one event
    (SLAMMED, CONDEMNED, True),
    # different lists with no shared event: not one slot
    (SERVERS, DIVISION, False),
    # a war's toll and one attack's toll are 4,000 times apart: two quantities
    (SYRIA_WAR, KHAN_SHEIKHUN, False),
    # two tolls of one raid
    (
        claim("The raid killed 24 people.", predicate="kill"),
        claim("Five people died in the raid.", doc=1, predicate="die"),
        True,
    ),
    # one attack, two counts: those arrested are not the dead
    (
        claim("Five people have been arrested over the attack.", predicate="arrest"),
        claim("Three people were killed in the attack.", doc=1, predicate="kill"),
        False,
    ),
    # counts of a specific unit told of one kind of action ("hit" / "destroyed")
    (
        claim("Five villages had been badly hit.", predicate="hit"),
        claim("Seven villages were destroyed.", doc=1, predicate="destroy"),
        True,
    ),
    # survivors pulled from the sea are not those taken to hospital: a count needs one verb
    (
        claim("Rescuers pulled 118 survivors from the sea.", predicate="pull"),
        claim("At least 53 survivors were brought to the hospital.", doc=1, predicate="bring"),
        False,
    ),
    # how many there were, told with "be" and with "carry": one count
    (
        claim("There were 243 passengers on board.", predicate="be"),
        claim("The train was carrying 207 passengers.", doc=1, predicate="carry"),
        True,
    ),
    # but what a train has is not what happened to it
    (
        claim("The train had eight cars.", predicate="have"),
        claim("Seven cars derailed.", doc=1, predicate="derail"),
        False,
    ),
    # a measure is one quantity whatever the verb ("struck" / "had a magnitude of")
    (
        claim("The 6.1-magnitude quake struck the island.", predicate="strike"),
        claim("IRNA said it had a magnitude of 5.9.", doc=1, predicate="have"),
        True,
    ),
    # a count of people with no shared event is not evidence
    (claim("Some 300 people met."), claim("The town has 120 people.", doc=1), False),
    # two named men's ages are two facts, not one age in conflict
    (
        claim(
            "Duncan Rait, 36, died after a fall.",
            names=(("Duncan Rait", "Duncan Rait", "PERSON"),),
        ),
        claim(
            "Robert Buckley, 32, died on the mountain.",
            doc=1,
            names=(("Robert Buckley", "Robert Buckley", "PERSON"),),
        ),
        False,
    ),
    # "no casualties" against a toll is always about the same event
    (
        claim("There were no reports of casualties at the camp."),
        claim("Lang said 12 people had been killed.", doc=1),
        True,
    ),
]


@pytest.mark.parametrize(("a", "b", "expected"), EVENT_CASES)
def test_event_conflict_needs_evidence_of_one_event(a: Claim, b: Claim, expected: bool) -> None:
    assert event_conflict(a, b) is expected


def test_figures_far_apart_are_partial_not_conflict() -> None:
    link = classify(Candidate(0, 1, 0.5), SYRIA_WAR, KHAN_SHEIKHUN)
    assert link.label is not Label.CONFLICT
    numbers = [r for r in link.reasons if r.kind is ReasonKind.NUMBER]
    assert any("too far apart" in r.text for r in numbers)


def test_negation_of_another_predicate_is_not_a_conflict() -> None:
    # "failed to end the conflict" does not deny "killed"
    link = classify(Candidate(0, 1, 0.5), SYRIA_WAR, KHAN_SHEIKHUN)
    negation = [r for r in link.reasons if r.kind is ReasonKind.NEGATION]
    assert negation and link.label is Label.PARTIAL
    # and its reason does not claim that one side denies what the other reports
    assert "not about the same action" in negation[0].text
    assert "did not happen" not in negation[0].text
    # the same kind of event negated on one side is
    a = claim("The army did not bomb the camp.", negated=True, predicate="bomb")
    b = claim("The army attacked the camp.", doc=1, predicate="attack")
    denied = classify(Candidate(0, 1, 0.5), a, b)
    assert denied.label is Label.CONFLICT
    assert any("did not happen" in r.text for r in denied.reasons)


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("Tillerson", "Rex Tillerson", True),  # surname and full name
        ("Mr Buckley", "Robert Buckley", True),  # a title is not part of the name
        ("Katie Jenkin", "John Jenkin", False),  # one family name, two people
    ],
)
def test_same_person(x: str, y: str, expected: bool) -> None:
    assert same_person(Entity(x, x, "PERSON", 0, 1), Entity(y, y, "PERSON", 0, 1)) is expected


def test_surname_counts_as_a_shared_entity() -> None:
    a = claim("Tillerson flew to Moscow.", names=(("Tillerson", "Tillerson", "PERSON"),))
    b = claim(
        "Rex Tillerson arrived in Moscow.",
        doc=1,
        names=(("Rex Tillerson", "Rex Tillerson", "PERSON"),),
    )
    row = dict(zip(PAIR_FEATURES, pair_vector(profile(a), profile(b), 0.0), strict=True))
    assert row["entity_share"] == 1.0 and row["entity_clash"] == 0.0
    assert not persons_clash(a, b)


@pytest.mark.parametrize(
    ("a_text", "b_text", "expected"),
    [
        # one phrase of four shared: "mental illness" (stop words do not break a bigram)
        (
            "He evaded prison by feigning a mental illness.",
            "Gigante avoided jail, faking the mental illness.",
            0.25,
        ),
        # the same words in another order share no bigram
        ("The mental illness was feigned.", "Feigned illness, mental state.", 0.0),
        # a claim with one content word has no bigram at all
        ("He died.", "Gigante died in prison.", 0.0),
        # every bigram of the shorter claim is in the other
        ("Police found the bodies.", "Neighbours said police found bodies upstairs.", 1.0),
    ],
)
def test_bigram_share_counts_shared_phrases(a_text: str, b_text: str, expected: float) -> None:
    a, b = profile(claim(a_text)), profile(claim(b_text, doc=1))
    row = dict(zip(PAIR_FEATURES, pair_vector(a, b, 0.0), strict=True))
    assert row["bigram_share"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a_text", "a_date", "b_text", "b_date", "expected"),
    [
        # "Friday" in reports of Saturday and of Friday: the same day
        (
            "The plane went down Friday evening near Dillingham Airfield.",
            "2019-06-22",
            "A small plane crashed in Oahu on Friday, killing all eleven aboard.",
            "2019-06-21",
            1.0,
        ),
        # a week apart
        (
            "The plane went down Friday evening near Dillingham Airfield.",
            "2019-06-22",
            "A small plane crashed in Oahu on Friday, killing all eleven aboard.",
            "2019-06-29",
            0.0,
        ),
        # the day a thing was said is not the day it happened
        (
            "Officials said on Friday that the plane had gone down.",
            "2019-06-22",
            "A small plane crashed in Oahu on Friday, killing all eleven aboard.",
            "2019-06-22",
            0.0,
        ),
        # no day on one side
        (
            "The plane went down near Dillingham Airfield.",
            "2019-06-22",
            "A small plane crashed in Oahu on Friday, killing all eleven aboard.",
            "2019-06-22",
            0.0,
        ),
    ],
)
def test_date_share_is_a_day_both_claims_place_what_they_tell_on(
    extractor: Extractor, a_text: str, a_date: str, b_text: str, b_date: str, expected: float
) -> None:
    day_a, day_b = dt.date.fromisoformat(a_date), dt.date.fromisoformat(b_date)
    (a,) = extractor.extract(document_from_text(a_text, doc_id=0, published=day_a))
    (b,) = extractor.extract(document_from_text(b_text, doc_id=1, published=day_b))
    row = dict(zip(PAIR_FEATURES, pair_vector(profile(a), profile(b), 0.0), strict=True))
    assert row["date_share"] == expected


def test_hyphenated_word_cut_by_the_parser_meets_its_closed_spelling() -> None:
    # the parser cuts "co-ordinated" into two lemmas; joined back, two of the four
    # bigrams of the other claim are shared (seven bigrams: cut and joined)
    a = claim(
        "Tillerson would deliver that clear and co-ordinated message.",
        lemmas=("tillerson", "deliver", "clear", "co", "ordinated", "message"),
    )
    b = claim(
        "They want to send a clear and coordinated message.",
        doc=1,
        lemmas=("want", "send", "clear", "coordinated", "message"),
    )
    assert {"clear coordinated", "coordinated message", "clear co"} <= profile(a).bigrams
    row = dict(zip(PAIR_FEATURES, pair_vector(profile(a), profile(b), 0.0), strict=True))
    assert row["bigram_share"] == pytest.approx(0.5)


def test_number_inside_a_name_is_not_a_quantity() -> None:
    text = "Foreign Ministers from the Group of Seven met on April 11 for two days."
    c = claim(text, names=(("the Group of Seven", "G7", "ORG"),))
    assert [a.text for a in amounts(c)] == ["two days"]
    assert 7.0 not in numbers_in(c) and 2.0 in numbers_in(c)


@pytest.mark.parametrize(
    ("a_text", "b_text", "expected"),
    [
        # one word graded both ways: a conflict, named in plain words
        (
            'The group appeared to be "insufficiently" equipped for the climb.',
            "Buckley was well equipped but inexperienced.",
            ("insufficiently equipped", "well equipped"),
        ),
        # graded the same way: nothing to report
        ("The team was well equipped.", "They were well equipped for it.", None),
        # different words graded: not the same thing
        ("The team was poorly trained.", "They were well equipped.", None),
    ],
)
def test_grading_adverbs_both_ways_conflict(
    a_text: str, b_text: str, expected: tuple[str, str] | None
) -> None:
    link = classify(Candidate(0, 1, 0.5), claim(a_text), claim(b_text, doc=1))
    graded = [(r.a, r.b) for r in link.reasons if r.kind is ReasonKind.NEGATION]
    if expected is None:
        assert not graded
        assert not event_conflict(claim(a_text), claim(b_text, doc=1))
    else:
        assert graded == [expected] and link.label is Label.CONFLICT
        assert event_conflict(claim(a_text), claim(b_text, doc=1))


@pytest.mark.parametrize(
    ("a_text", "b_text", "conflict"),
    [
        # a negation on one side only, same event: a conflict
        ("The army did not bomb the camp.", "The army bombed the camp.", True),
        # both sides negate; the flag differs only where the parser attached it
        (
            "Novikova said there is no standard weight for ballerinas.",
            "Novikova said that there was no standard weight for ballerinas.",
            False,
        ),
        # "rejected" and "denied" are both denials
        ("The FDA rejected the application.", "The FDA denied the application.", False),
        # "refusing" and "refused" both refuse
        (
            "After refusing to name his attacker, Costello retired.",
            "Costello refused to name his attacker, and left.",
            False,
        ),
    ],
)
def test_negation_on_both_sides_is_no_difference(a_text: str, b_text: str, conflict: bool) -> None:
    a = claim(a_text, negated=True, predicate="bomb" if "bomb" in a_text else "deny")
    b = claim(b_text, doc=1, predicate="bomb" if "bomb" in b_text else "deny")
    link = classify(Candidate(0, 1, 0.5), a, b)
    assert (link.label is Label.CONFLICT) is conflict
    assert any(r.kind is ReasonKind.NEGATION for r in link.reasons) is conflict


def test_hyphenated_spellings_of_one_name_agree() -> None:
    quote = ("We condemn the Governing Council",)
    a = claim(
        '"We condemn the Governing Council," Muqtada al Sadr said.',
        names=(("Muqtada al Sadr", "Muqtada al Sadr", "PERSON"),),
        speaker="Muqtada al Sadr",
        quotes=quote,
    )
    b = claim(
        '"We condemn the Governing Council," Moqtada al-Sadr said.',
        doc=1,
        names=(("Moqtada al-Sadr", "Moqtada al-Sadr", "PERSON"),),
        speaker="Moqtada al-Sadr",
        quotes=quote,
    )
    link = classify(Candidate(0, 1, 0.5), a, b)
    assert link.label is not Label.CONFLICT
    assert all(r.kind is not ReasonKind.SPEAKER for r in link.reasons)
