"""Event classes of claims (kill/die/dead, condemn/slam) and whether two claims share an event."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from claimdiff.memo import per_object
from claimdiff.model import Claim, Entity
from claimdiff.slots import amounts, name_entities, unaccented

EVENT_CLASSES: dict[str, frozenset[str]] = {
    name: frozenset(words.split())
    for name, words in {
        "kill": "kill killed killing die died dead death deaths toll fatality fatalities "
        "murder murdered murders slay slain body bodies casualty casualties victim victims "
        "assassinate assassinated assassination massacre massacred slaughter slaughtered "
        "behead beheaded strangle strangled lynch lynched",
        "injure": "injure injured injuring injury injuries wound wounded hurt casualty casualties",
        "attack": "attack attacked attacks strike struck strikes airstrike airstrikes bomb "
        "bombed bombing bombings bombard raid raids shell shelling explosion explosions "
        "explode exploded blast blasts retaliation retaliate",
        "quake": "quake quakes earthquake earthquakes tremor tremors aftershock aftershocks "
        "seismic magnitude",
        "damage": "damage damaged destroy destroyed destruction ruin ruined flatten flattened "
        "collapse collapsed affect affected hit devastate devastated",
        "condemn": "condemn condemned condemnation slam slammed criticise criticised "
        "criticize criticized criticism denounce denounced denunciation censure rebuke "
        "rebuked deplore deplored",
        "arrest": "arrest arrested detain detained detention custody apprehend apprehended "
        "suspect suspicion",
        "convict": "sentence sentenced jail jailed prison imprison imprisoned convict "
        "convicted conviction trial jury jurors racketeering",
        "fight": "fight fought fighting battle battled clash clashes combat war",
        "meet": "meet met meeting talks summit visit visited counterpart negotiate negotiated "
        "negotiating negotiation negotiations negotiator negotiators",
        "truce": "ceasefire ceasefires cease-fire truce truces armistice",
        "deny": "deny denied denial reject rejected dismiss dismissed",
        "fall": "fall fell fallen falling slip slipped plunge plunged tumble tumbled",
        "buy": "buy bought buying acquire acquired acquisition purchase purchased deal",
        "pay": "pay paid paying price cash cost",
        "flee": "flee fled fleeing refugee refugees displace displaced evacuate evacuated",
        "sell": "sell sold selling sale sales supply supplying",
        "hear": "hear heard hearing scream screams screaming noise",
        "confirm": "confirm confirmed confirmation",
        "support": "back backed backing support supported supporting sponsor sponsoring",
        "speak": "say said tell told state stated announce announced report reported add",
        "depart": "depart departed departing departure departures takeoff take-off",
        "investigate": "investigate investigated investigating investigation investigations "
        "inquiry inquiries enquiry probe probed probing",
        "rescue": "rescue rescued rescuing rescuer rescuers",
        "flood": "flood floods flooded flooding torrent torrents deluge inundated",
        "fire": "fire fires blaze blazes flames ablaze inferno burn burned burning burnt",
        "shoot": "shoot shooting shootings shot gunfire gunman gunmen gunshot gunshots "
        "shooter shooters",
        "vote": "vote voted votes voting ballot ballots impeach impeached impeachment oust ousted",
        "swear": "sworn swear swore inaugurate inaugurated inauguration oath",
        "protest": "protest protests protested protester protesters protestor protestors "
        "demonstration demonstrations demonstrator demonstrators sit-in rally rallies",
        "crash": "crash crashed crashes collision collided derail derailed derailment wreck "
        "wreckage",
        "appeal": "appeal appealed appeals appealing",
        "resign": "resign resigned resigning resignation",
        "layoff": "layoff layoffs lay-off lay-offs redundancies",
        "elect": "elect elected election elections win won winner victory reelected re-elected",
        "fine": "fine fined fines penalty penalties",
        "charge": "charge charged charges indict indicted indictment prosecute prosecuted "
        "prosecution",
        "storm": "storm storms hurricane typhoon cyclone tornado",
        "kidnap": "kidnap kidnapped kidnapping abduct abducted abduction hostage hostages",
        "missing": "missing unaccounted trapped",
    }.items()
}
"""Words that name the same kind of event, WordNet-free: "slammed" and "condemnation" meet."""

WEAK_CLASSES = frozenset({"speak"})
"""Classes that nearly every news claim has: they never show two claims share an event."""

_WORD = re.compile(r"[a-z]+")
_HYPHENED = re.compile(r"[a-z]+(?:-[a-z]+)+")
"""A word written with hyphens, whole: "sit-in", "lay-offs"."""
_NOT = re.compile(r"n['\u2019]t\b")


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for name, words in EVENT_CLASSES.items():
        for word in words:
            table.setdefault(word, set()).add(name)
    return {word: frozenset(names) for word, names in table.items()}


@per_object  # asked for every candidate pair of a claim
def event_classes(claim: Claim) -> frozenset[str]:
    """The event classes a claim's words and lemmas belong to, leaving out words it writes
    only in names: "Actor John Heard" hears nothing, "Mr Price said" names no price."""
    index = _index()
    text = claim.text.lower()
    words = set(_WORD.findall(text)) | set(_HYPHENED.findall(text))
    words |= {w.lower() for w in claim.lemmas}
    if _TAKE_OFF.search(claim.text):
        words.add("takeoff")  # "minutes after it took off"
    if _LOST_LIVES.search(claim.text):
        words.add("died")  # "28 people lost their lives"
    return frozenset(name for word in words - name_words(claim) for name in index.get(word, ()))


_TAKE_OFF = re.compile(r"\b(?:take|takes|took|taken|taking)\s+off\b", re.IGNORECASE)
"""A plane's departure in two words: "took off from Almaty"."""


def name_words(claim: Claim) -> frozenset[str]:
    """Words (lowercased) the claim writes only inside the names of people, organisations,
    places and things: "heard" in "Actor John Heard", "price" in "Mr Price".

    A named event keeps its words ("the Searles Valley Earthquake" is a quake).
    """
    text = claim.text
    spans = sorted(
        (e.start - claim.start, e.end - claim.start)
        for e in name_entities(claim)
        if e.label not in _EVENT_NAMES
    )
    if not spans:
        return frozenset()
    named: set[str] = set()
    outside: list[str] = []  # the text between the names
    done = 0
    for start, end in spans:
        named.update(_WORD.findall(text[start:end].lower()))
        outside.append(text[done:start])
        done = max(done, end)
    outside.append(text[done:])
    return frozenset(named.difference(_WORD.findall(" ".join(outside).lower())))


_EVENT_NAMES = frozenset({"EVENT", "WORK_OF_ART", "LAW"})
"""Names whose words may still tell an event of their kind: "the Ridgecrest Earthquake"."""


def shared_events(a: Claim, b: Claim) -> frozenset[str]:
    """Event classes both claims speak of, leaving out saying and telling."""
    return (event_classes(a) & event_classes(b)) - WEAK_CLASSES


def predicate_class(predicate: str | None) -> frozenset[str]:
    """The classes of a claim's main predicate, or the predicate itself if it has none."""
    if not predicate:
        return frozenset()
    word = predicate.lower()
    return _index().get(word, frozenset({word}))


def same_predicate(a: Claim, b: Claim) -> bool:
    """Whether both claims have a main predicate and the two name the same kind of event."""
    pa, pb = _predicate_classes(a), _predicate_classes(b)
    return bool(pa & pb)


def _predicate_classes(claim: Claim) -> frozenset[str]:
    """The classes of a claim's main predicate; one "shot to death" or "shot dead" kills."""
    found = predicate_class(claim.predicate)
    if found and (_TO_DEATH.search(claim.text) or _LOST_LIVES.search(claim.text)):
        return found | {"kill"}
    return found


_LOST_LIVES = re.compile(
    r"\blos(?:e|es|t|ing)\s+(?:their|his|her|its)\s+li(?:ves|fe)\b|\bpass(?:ed|es|ing)?\s+away\b",
    re.I,
)
"""Dying in other words: "no less than 28 people lost their lives", "1,435 people passed
away"."""
_TO_DEATH = re.compile(r"\b\w+(?:ed|t|n)\s+(?:to\s+death|dead)\b", re.IGNORECASE)
"""A way of killing: "was shot to death", "stabbed to death", "shot dead", "beaten to death"."""


def _name_words(name: str) -> frozenset[str]:
    key = unaccented(name).lower().strip()  # "Saïd Kouachi" is "Said Kouachi"
    return frozenset(w for w in re.split(r"[\s.]+", key) if w and w not in {"mr", "mrs", "ms"})


def same_person(x: Entity, y: Entity) -> bool:
    """ "Tillerson" and "Rex Tillerson" name one person; "Katie Jenkin" and "John Jenkin" two."""
    return same_person_name(x.canonical, y.canonical)


def same_person_name(x: str, y: str) -> bool:
    """``same_person`` for two names as written ("Marconi" / "Benjamin Marconi"); a
    double-barrelled name is also written by one of its halves ("Bernard Kenny" / "Bernard
    Carter-Kenny")."""
    wx, wy = _name_words(x), _name_words(y)
    if not (wx and wy):
        return False
    return wx <= _halves(wy) or wy <= _halves(wx) or _misspelled_given(x, y) or _given_in_full(x, y)


SHORT_GIVEN = 5
"""The least letters a given name must keep to be the short form of another: "August" /
"Augustus", "Chris" / "Christopher"; "Dan" / "Dana" stay two people."""


def _given_in_full(x: str, y: str) -> bool:
    """The same name after a given name written short and in full: "August the Strong" /
    "Augustus the Strong"."""
    nx, ny = (unaccented(n).lower().split() for n in (x, y))
    if len(nx) != len(ny) or len(nx) < 2 or nx[1:] != ny[1:] or nx[0] == ny[0]:
        return False
    short, long = sorted((nx[0], ny[0]), key=len)
    return len(short) >= SHORT_GIVEN and long.startswith(short)


def _misspelled_given(x: str, y: str) -> bool:
    """One surname after two spellings of one given name, a silent "e" or "h" apart: "Jo
    Cox" / "Joe Cox", "Jon" / "John", "Sara" / "Sarah" ("Katie Jenkin" / "John Jenkin" are
    two people, and so may be "Dan" / "Dana")."""
    nx, ny = (unaccented(n).lower().split() for n in (x, y))
    if len(nx) != 2 or len(ny) != 2 or nx[1] != ny[1]:
        return False
    short, long = sorted((nx[0], ny[0]), key=len)
    return len(long) == len(short) + 1 and any(
        long[k] in "eh" and long[:k] + long[k + 1 :] == short for k in range(1, len(long))
    )


def _halves(words: frozenset[str]) -> frozenset[str]:
    return words.union(*(w.split("-") for w in words if "-" in w))


def persons(claim: Claim) -> list[Entity]:
    """The people a claim names."""
    return [e for e in claim.entities if e.label == "PERSON"]


def persons_clash(a: Claim, b: Claim) -> bool:
    """Both claims name people and no person is named on both sides: different subjects.

    "Duncan Rait, 36, died" and "Robert Buckley, 32, died" are two deaths, not
    two ages of one man.
    """
    pa, pb = persons(a), persons(b)
    return bool(pa and pb) and not any(same_person(x, y) for x in pa for y in pb)


def persons_shared(a: Claim, b: Claim) -> bool:
    """Both claims name one person: "John Heard" and "Heard"."""
    return any(same_person(x, y) for x in persons(a) for y in persons(b))


def only_a_person_shared(a: Claim, b: Claim) -> bool:
    """Both claims name one person and share no other content word but the person's age,
    and their main predicates name different kinds of event: two facts about one person.

    Two people or more named on both sides are a group seen together, and tell one event
    more often than two: "signed by Russian President Vladimir Putin, Azerbaijani President
    Ilham Aliyev and Armenia's prime minister" / "Pashinyan, Aliyev and Putin have agreed on
    a ceasefire".
    """
    theirs = persons(b)
    in_common = sum(any(same_person(x, y) for y in theirs) for x in persons(a))
    if in_common != 1 or same_predicate(a, b):
        return False
    if _measured_alike(a, b):
        return False  # "Odinga received 48.85 percent" / "48.5 per cent polled for Odinga"
    from claimdiff.features import profile  # features builds on events

    shared = profile(a).words & profile(b).words
    if not shared:
        return True
    known = {w for c in (a, b) for w in _designations(c)}
    aged = {f"{x.value:g}" for c in (a, b) for x in amounts(c) if x.unit == "year-old"}
    if len(aged) > 1 and _aged_apart(a, b):
        return False  # "the now 74-year-old Mladic" / "the now 75-year-old Mladic": his age
    return shared <= known | aged | (_AGE_WORDS if aged else frozenset())


def _aged_apart(a: Claim, b: Claim) -> bool:
    """Whether the two claims give one age each, of one person they name, and the ages
    differ: one fact about him told two ways, not two facts ("Benjamin Marconi, 50" and
    "31-year-old ... Otis McKane" are the ages of two men)."""
    from claimdiff.figures import age_holders  # figures builds on this module

    held = [age_holders(c) for c in (a, b)]
    if len(held[0]) != 1 or len(held[1]) != 1:
        return False
    (x, name_x), (y, name_y) = held[0][0], held[1][0]
    return x != y and same_person_name(name_x, name_y)


def _measured_alike(a: Claim, b: Claim) -> bool:
    """Whether both claims give a figure of one unit, other than an age: one measure of the
    person they share, whatever words they use ("percent", "per cent")."""
    units = [{x.unit for x in amounts(c) if x.unit and x.unit != "year-old"} for c in (a, b)]
    return bool(units[0] & units[1])


def _designations(claim: Claim) -> set[str]:
    """The words that name the claim's people: their names, and the titles and places just
    before them ("San Antonio police Chief William McManus")."""
    words: set[str] = set()
    for person in persons(claim):
        words.update(_WORD.findall(person.text.lower()))
        before = claim.text[: person.start - claim.start].split()
        for word in reversed(before[-_TITLE_WORDS:]):
            bare = word.strip(",.;:()\"'\u201c\u201d")
            if bare != word or not (bare[:1].isupper() or bare.lower() in _title_words()):
                break
            words.update(_WORD.findall(bare.lower()))
    return words


_TITLE_WORDS = 4
"""Most words of a title and place before a name ("San Antonio police Chief")."""
_AGE_WORDS = frozenset({"year", "old"})
"""Words of an age ("31-year-old") as the claim's words have them."""


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    from claimdiff.resources import data_json

    # the raw table (shared with extract.entities, whose CanonicalTable would load spaCy)
    titles = data_json("entities.json")["titles"]
    titled = {w.lower().rstrip(".") for title in titles for w in title.split()}
    return frozenset(titled | {"police", "mr", "mrs", "ms", "dr"})


def rename_people(
    entities: frozenset[str], people: frozenset[str], others: frozenset[str]
) -> frozenset[str]:
    """Entity keys of one claim, a person renamed to the other claim's fuller or shorter name.

    "tillerson" becomes "rex tillerson" when the other claim says "Rex Tillerson",
    so that the two count as one shared entity.
    """
    renamed = {}
    for x in people:
        for y in others:
            wx, wy = set(x.split()), set(y.split())
            if x != y and (wx <= wy or wy <= wx):
                renamed[x] = y
    return frozenset(renamed.get(e, e) for e in entities)


NEGATIVE_MODIFIERS = frozenset(
    ["insufficiently", "inadequately", "poorly", "badly", "ill", "improperly", "barely"]
)
POSITIVE_MODIFIERS = frozenset(["well", "sufficiently", "adequately", "properly", "fully"])
"""Adverbs that grade the word after them: "insufficiently equipped" / "well equipped"."""


@per_object
def graded(claim: Claim) -> dict[str, tuple[str, bool]]:
    """Words a claim grades, with the grading adverb and whether it is positive."""
    words = _WORD.findall(claim.text.lower())
    found: dict[str, tuple[str, bool]] = {}
    for word, head in itertools.pairwise(words):
        if word in NEGATIVE_MODIFIERS or word in POSITIVE_MODIFIERS:
            found[head] = (word, word in POSITIVE_MODIFIERS)
    return found


def polarity_clashes(a: Claim, b: Claim) -> list[tuple[str, str]]:
    """The same word graded one way on one side and the other way on the other.

    "insufficiently equipped" against "well equipped": ("insufficiently
    equipped", "well equipped").
    """
    ga, gb = graded(a), graded(b)
    return [
        (f"{ga[head][0]} {head}", f"{gb[head][0]} {head}")
        for head in sorted(ga.keys() & gb.keys())
        if ga[head][1] != gb[head][1]
    ]


NEGATIVE_WORDS = (
    frozenset(["not", "no", "never", "neither", "nor", "nothing", "none", "nobody", "without"])
    | frozenset(["denies", "denying", "refuse", "refused", "refuses", "refusing"])
    | frozenset(["fail", "failed", "fails", "failing"])
    | EVENT_CLASSES["deny"]
)
"""Words that negate or deny."""


def both_negative(a: Claim, b: Claim) -> bool:
    """Whether both claims carry a negation or a denial somewhere in their words.

    "there is no standard weight" / "there was no standard weight", "rejected the
    application" / "denied the application": a negation flag that differs between
    two such claims says where the parser attached the negation, not that they
    contradict each other.
    """
    return all(
        NEGATIVE_WORDS & set(_WORD.findall(_NOT.sub(" not", c.text.lower()))) for c in (a, b)
    )
