"""Segmentation: paragraphs, sentence starts at line breaks, clause-level claims."""

from __future__ import annotations

import pytest

from claimdiff.extract import Extractor
from claimdiff.extract.segment import chunks
from claimdiff.model import Document


def texts_of(extractor: Extractor, text: str) -> list[str]:
    return [c.text for c in extractor.extract(Document(0, "t", "s", text, "x"))]


@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        # blank lines separate paragraphs; surrounding spaces are trimmed
        ("One.\n\n  Two.  \n\n\nThree.", 100, ["One.", "Two.", "Three."]),
        # a blank line holding spaces still separates
        ("One.\n \t\nTwo.", 100, ["One.", "Two."]),
        # a single line break does not
        ("One.\nTwo.", 100, ["One.\nTwo."]),
        # a long paragraph is cut at a line end
        ("aaaa bbbb.\ncccc dddd.", 12, ["aaaa bbbb.", "cccc dddd."]),
        # with no line end, at a sentence end
        ("aaaa bbbb. cccc dddd.", 12, ["aaaa bbbb.", "cccc dddd."]),
        # nothing but space gives nothing
        ("  \n\n \n", 100, []),
    ],
)
def test_chunks(text: str, limit: int, pieces: list[str]) -> None:
    found = chunks(text, limit)
    assert [piece for _, piece in found] == pieces
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in found)


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # "X said A, and B happened": two independent clauses, two claims
        (
            "Johnson said the talks failed, and Russia rejected the plan.",
            ["Johnson said the talks failed", "Russia rejected the plan."],
        ),
        # a participle clause stays with its sentence
        (
            "The US urged Russia to act, warning that attacks would be damaging.",
            ["The US urged Russia to act, warning that attacks would be damaging."],
        ),
        # a semicolon joins independent claims
        (
            "Jets bombed the camp on Thursday; witnesses heard four explosions.",
            ["Jets bombed the camp on Thursday", "witnesses heard four explosions."],
        ),
        # coordinated verbs sharing one subject stay together
        (
            "The quake hit the island and damaged five villages.",
            ["The quake hit the island and damaged five villages."],
        ),
        # a leading conjunction of a sentence is kept
        (
            "But G7 members have different opinions about Russia.",
            ["But G7 members have different opinions about Russia."],
        ),
        # a quote is one statement of its speaker: not cut at ", but"
        (
            '"We are cutting costs, but we are hiring engineers," Gelsinger said.',
            ['"We are cutting costs, but we are hiring engineers," Gelsinger said.'],
        ),
        # an apostrophe opens no quote: the clauses after "Airlines'" are cut as usual
        (
            "Noar Airlines' website said it began in June 2010, and that it makes 278 flights.",
            ["Noar Airlines' website said it began in June 2010", "it makes 278 flights."],
        ),
        # semicolons inside a quote list things; they do not end claims
        (
            'Officials reported "cracked walls; broken mains; power lines down."',
            ['Officials reported "cracked walls; broken mains; power lines down."'],
        ),
        # "said A, and that B": the second claim starts at B
        (
            "The airline said the crew reported problems, and that it makes 278 flights a week.",
            ["The airline said the crew reported problems", "it makes 278 flights a week."],
        ),
        # a rank keeps its full stop: "Cpl." ends no sentence
        (
            "Three people died, said Cpl. Justin Dunn of the highway patrol.",
            ["Three people died, said Cpl. Justin Dunn of the highway patrol."],
        ),
        # a heading is no claim, nor "He said:" before a quote
        (
            "KANE GAMBLE BACKFIRES\n\nKane had not played since April.",
            ["Kane had not played since April."],
        ),
        # ... also on a line of its own above the text
        (
            "Origi struck in the 87th minute.\nKANE GAMBLE BACKFIRES\n"
            "Spurs manager Mauricio Pochettino took a bold gamble in fielding Kane.",
            [
                "Origi struck in the 87th minute.",
                "Spurs manager Mauricio Pochettino took a bold gamble in fielding Kane.",
            ],
        ),
        # a line of hard-wrapped prose is no heading
        (
            "The G7 ministers met in LUCCA, Italy\nto discuss Syria.",
            ["The G7 ministers met in LUCCA, Italy\nto discuss Syria."],
        ),
        ('He said:\n\n"We are happy."', ['"We are happy."']),
        # a bullet is no part of the claim
        ("- Wearables revenue fell 5 percent.", ["Wearables revenue fell 5 percent."]),
        # two subjects of a reported clause, which the parse cuts at their "and"
        (
            "The board said preliminary information indicates 243 passengers and 12 crew "
            "members were onboard, although the agency is seeking the manifest.",
            [
                "The board said preliminary information indicates 243 passengers and 12 crew "
                "members were onboard, although the agency is seeking the manifest."
            ],
        ),
        # a clock time goes on past "p.m." ("Iran time", a zone, a day)
        (
            "The quake hit at 3:14 p.m. Iran time near the city of Saravan.",
            ["The quake hit at 3:14 p.m. Iran time near the city of Saravan."],
        ),
    ],
)
def test_clause_claims(extractor: Extractor, text: str, claims: list[str]) -> None:
    assert texts_of(extractor, text) == claims


def test_closing_quote_does_not_join_the_next_paragraph(extractor: Extractor) -> None:
    text = (
        'He called on Moscow to ensure the events "are never repeated".\n\n'
        "The G7 ministers said they want to send a clear message."
    )
    claims = texts_of(extractor, text)
    assert claims == [
        'He called on Moscow to ensure the events "are never repeated".',
        "The G7 ministers said they want to send a clear message.",
    ]


def test_a_line_ending_a_sentence_starts_a_new_one(extractor: Extractor) -> None:
    text = "Fire crackled in the dry grass.\nThe two countries have yet to agree."
    assert texts_of(extractor, text) == [
        "Fire crackled in the dry grass.",
        "The two countries have yet to agree.",
    ]


def test_a_line_without_a_stop_is_a_sentence_where_every_line_is_one(
    extractor: Extractor,
) -> None:
    # one sentence per line: the line without a stop is still a sentence of its own
    text = (
        "Ratko Mladic was sentenced to life in prison on Wednesday, NU.nl reports\n"
        "The tribunal held him guilty of genocide.\n"
        "He was 74.\n"
        "The judges read the verdict in The Hague."
    )
    assert texts_of(extractor, text)[:2] == [
        "Ratko Mladic was sentenced to life in prison on Wednesday, NU.nl reports",
        "The tribunal held him guilty of genocide.",
    ]
    # hard-wrapped prose ends few of its lines: its line breaks stay inside sentences
    wrapped = (
        "Ratko Mladic was sentenced to life in prison on\n"
        "Wednesday by the tribunal, which held him guilty of\n"
        "genocide. He was 74 and the judges read the verdict in\n"
        "The Hague."
    )
    assert [c.replace("\n", " ") for c in texts_of(extractor, wrapped)] == [
        "Ratko Mladic was sentenced to life in prison on Wednesday by the tribunal, "
        "which held him guilty of genocide.",
        "He was 74 and the judges read the verdict in The Hague.",
    ]


def test_a_spaced_ellipsis_is_a_pause_not_three_full_stops(extractor: Extractor) -> None:
    text = (
        "Juror Marvin Carson said outside the courthouse on Friday, \u201cThere\u2019s tears "
        "and there\u2019s upset. It was very emotional . . . because you\u2019ve convicted "
        "another human being.\u201d"
    )
    claims = extractor.extract(Document(0, "t", "s", text, "x"))
    assert [c.text.split()[-1] for c in claims] == ["upset.", "being.\u201d"]
    assert claims[1].text.startswith("It was very emotional . . . because")
    assert [c.speaker for c in claims] == ["Marvin Carson", "Marvin Carson"]
    # before a capital, the ellipsis ends its sentence
    assert texts_of(extractor, "The list ran on . . . The next day, police said nothing.") == [
        "The list ran on . . .",
        "The next day, police said nothing.",
    ]


def test_claims_without_letters_are_skipped(extractor: Extractor) -> None:
    text = "* * *\n\nThe talks failed.\n\n2017\n\n---"
    assert texts_of(extractor, text) == ["The talks failed."]


def test_a_run_on_list_is_cut_at_its_lines(extractor: Extractor) -> None:
    # no full stops: the parser would make one sentence of all the lines
    text = "\n".join(f"item {n} was sold to buyer {n}" for n in range(40))
    claims = texts_of(extractor, text)
    assert claims == [f"item {n} was sold to buyer {n}" for n in range(40)]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "SAO PAULO (AP) \u2014 A regional airliner crashed in Brazil on Monday.",
            "A regional airliner crashed in Brazil on Monday.",
        ),
        ("LOS ANGELES \u2013 A quake was felt in the desert.", "A quake was felt in the desert."),
        ("BEIJING: Two people were killed in a quake.", "Two people were killed in a quake."),
        (
            "Aug 29 (Reuters) - A judge sentenced him to 20 years.",
            "A judge sentenced him to 20 years.",
        ),
        (
            "Madrid, 2 June 2019 (dpa/MIA) \u2013 Liverpool won the Champions League.",
            "Liverpool won the Champions League.",
        ),
        ("ROME \u2022 Three people died in floods.", "Three people died in floods."),
        # a dateline on a line of its own
        ("LIMA, Peru\nA bus fell into a ravine on Sunday.", "A bus fell into a ravine on Sunday."),
        # a headline in title case on its own line is no dateline
        (
            "Bus Falls Into Ravine\nA bus fell into a ravine on Sunday.",
            "Bus Falls Into Ravine\nA bus fell into a ravine on Sunday.",
        ),
        # no dateline: a name and a dash in the sentence stay
        (
            "US President Donald Trump - who spoke on Monday - said the talks failed.",
            "US President Donald Trump - who spoke on Monday - said the talks failed.",
        ),
    ],
)
def test_a_wire_dateline_is_no_part_of_the_first_claim(
    extractor: Extractor, text: str, first: str
) -> None:
    assert texts_of(extractor, text)[0] == first
    (claim, *_) = extractor.extract(Document(0, "t", "s", text, "x"))
    assert text[claim.start : claim.end] == claim.text
