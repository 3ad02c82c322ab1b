"""Eval scoring on a tiny synthetic gold pair, and reading MRPC files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimdiff.cli import main
from claimdiff.evaluate import (
    PairScore,
    binary_scores,
    load_gold,
    read_mrpc,
    score_pair,
    sentence_links,
    sentence_of,
    sentence_spans,
)
from claimdiff.model import Claim, InputError, Label, Link

A_LINES = ["Ten people died in the flood.", "The river rose overnight.", "Aid arrived on Monday."]
B_LINES = [
    "Twelve people died in floods.",
    "Rescuers arrived.",
    "The river burst its banks at night.",
]
GOLD = [
    "a_idx\tb_idx\tlabel\tnote",
    "1\t1\tconflict\tdeath toll: ten vs twelve",
    "2\t3\tpartial\tthe river rose / burst at night",
    "3\t2\tpartial\tsecondary: aid vs rescuers arriving",
]


@pytest.fixture
def pair_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "pair9"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2020-01-02 \n" + "\n".join(A_LINES) + "\n", "utf-8")
    (folder / "b.txt").write_text(" date 2020-01-02 \n" + "\n".join(B_LINES) + "\n", "utf-8")
    (folder / "gold.tsv").write_text("\n".join(GOLD) + "\n", "utf-8")
    return folder


def test_load_gold_separates_secondary_rows(pair_dir: Path) -> None:
    gold = load_gold(pair_dir)
    assert gold.sentences[0] == tuple(A_LINES)
    assert gold.labels == {(1, 1): Label.CONFLICT, (2, 3): Label.PARTIAL}
    assert gold.secondary == {(3, 2)}


def test_claims_map_to_the_sentence_holding_them() -> None:
    text = "\n".join(A_LINES)
    spans = sentence_spans(text, A_LINES)
    assert [text[s:e] for s, e in spans] == A_LINES
    second = text.index("The river")
    clause = Claim(0, 0, second, second + 15, text[second : second + 15])
    assert sentence_of(clause, spans) == 2


# Each case: predicted sentence links -> (found, predicted, gold, label right, conflicts found)
SCORING_CASES = [
    # both gold links found with the right labels
    ({(1, 1): Label.CONFLICT, (2, 3): Label.PARTIAL}, (2, 2, 2, 2, 1)),
    # the conflict found but labelled agree: a hit, a wrong label, conflict missed
    ({(1, 1): Label.AGREE}, (1, 1, 2, 0, 0)),
    # a secondary link is neutral, a wrong link costs precision
    ({(3, 2): Label.PARTIAL, (1, 3): Label.PARTIAL}, (0, 1, 2, 0, 0)),
    # nothing predicted
    ({}, (0, 0, 2, 0, 0)),
]


@pytest.mark.parametrize(("predicted", "expected"), SCORING_CASES)
def test_score_pair(
    pair_dir: Path, predicted: dict[tuple[int, int], Label], expected: tuple[int, ...]
) -> None:
    score = score_pair("pair9", predicted, load_gold(pair_dir))
    assert (
        score.found,
        score.predicted,
        score.gold,
        score.label_right,
        score.conflicts_found,
    ) == expected
    assert score.conflicts == 1


def test_pair_score_figures_and_micro_total() -> None:
    one = PairScore(
        "x", found=3, predicted=4, gold=6, label_right=2, conflicts_found=1, conflicts=2
    )
    two = PairScore(
        "y", found=1, predicted=1, gold=2, label_right=1, conflicts_found=0, conflicts=0
    )
    assert (one.precision, one.recall) == (0.75, 0.5)
    assert one.f1 == pytest.approx(0.6)
    assert one.label_accuracy == pytest.approx(2 / 3)
    total = one + two
    assert (total.found, total.predicted, total.gold) == (4, 5, 8)
    assert total.conflict_recall == 0.5


def test_sentence_links_keep_the_strongest_label_and_orient_pairs() -> None:
    where = {0: (0, 1), 1: (0, 1), 5: (1, 2)}
    links = [Link(0, 5, Label.AGREE, 0.9), Link(5, 1, Label.CONFLICT, 0.4)]
    assert sentence_links(links, where) == {(1, 2): Label.CONFLICT}


def test_read_mrpc_keeps_unbalanced_quotes(tmp_path: Path) -> None:
    path = tmp_path / "m.tsv"
    path.write_text(
        'Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tHe said "yes.\tHe said yes.\n'
        "0\t3\t4\tA\tB\n",
        "utf-8",
    )
    assert read_mrpc(path) == [(True, 'He said "yes.', "He said yes."), (False, "A", "B")]


def test_read_mrpc_rejects_other_files(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text("a\tb\n", "utf-8")
    with pytest.raises(InputError, match="not an MRPC file"):
        read_mrpc(path)


def test_binary_scores() -> None:
    accuracy, f1 = binary_scores([True, True, False, False], [True, False, True, False])
    assert (accuracy, f1) == (0.5, 0.5)


def test_eval_command_needs_something_to_score() -> None:
    result = CliRunner().invoke(main, ["eval"])
    assert result.exit_code == 2
    assert "give gold pair directories" in result.output


def test_eval_command_reports_a_bad_directory_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert "not a pair directory" in result.output
    assert "Traceback" not in result.output


def test_evaluate_prepared_maps_claim_links_to_sentences(pair_dir: Path) -> None:
    from claimdiff.evaluate import Prepared, evaluate_prepared
    from claimdiff.model import Document
    from claimdiff.settings import Settings

    gold = load_gold(pair_dir)
    texts = ["\n".join(A_LINES), "\n".join(B_LINES)]
    docs = (Document(0, "a", "A", texts[0], "1"), Document(1, "b", "B", texts[1], "2"))
    claims = []
    for side, lines in enumerate((A_LINES, B_LINES)):
        for line in lines:
            start = texts[side].index(line)
            claims.append(Claim(len(claims), side, start, start + len(line), line))
    where = {c.id: (c.document, k % 3 + 1) for k, c in enumerate(claims)}
    prepared = Prepared(gold, docs, (tuple(claims[:3]), tuple(claims[3:])), where)

    def linker(p: Prepared, settings: Settings) -> list[Link]:
        # claim 0 (a1) - claim 3 (b1) as conflict; claim 1 (a2) - claim 4 (b2): wrong link
        return [Link(0, 3, Label.CONFLICT, 0.9), Link(1, 4, Label.PARTIAL, 0.6)]

    pair, total = evaluate_prepared([prepared], Settings(), linker)
    assert (pair.found, pair.predicted, pair.gold) == (1, 2, 2)
    assert pair.conflict_recall == 1.0
    assert total.name == "total" and total.f1 == pytest.approx(0.5)
