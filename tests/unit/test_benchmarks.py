"""The benchmark harness: ratios to the last run, the recorded document, the generated corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import corpus, record
from benchmarks.record import Figure, Run


def _run(*figures: Figure) -> Run:
    machine = {"nproc": 2, "cpu": "Test CPU", "ram_gib": 8.0, "commit": "abc1234"}
    return Run("2026-11-22 10:00 UTC", "make bench", machine, list(figures))


@pytest.mark.parametrize(
    ("value", "before", "lower_is_better", "trend"),
    [
        (1.0, None, True, "new"),  # nothing recorded before
        (1.1, 1.0, True, "1.10x"),  # 10% slower: within noise, not flagged
        (1.3, 1.0, True, "1.30x  REGRESSION"),  # 30% slower
        (0.5, 1.0, True, "0.50x"),  # twice as fast
        (700.0, 1000.0, False, "0.70x  REGRESSION"),  # throughput fell by 30%
        (1300.0, 1000.0, False, "1.30x"),  # throughput rose
    ],
)
def test_ratio_to_last_run_flags_regressions(
    value: float, before: float | None, lower_is_better: bool, trend: str
) -> None:
    figure = Figure("x", "x", value, "s", lower_is_better=lower_is_better)
    last = {} if before is None else {"x": {"key": "x", "value": before}}
    assert record.rows(_run(figure), last)[0][4] == trend


@pytest.mark.parametrize(
    ("figure", "shown"),
    [
        (Figure("a", "a", 1.23456, "s"), "1.235 s"),  # small values keep 3 decimals
        (Figure("b", "b", 2653.4, "words/s"), "2,653 words/s"),  # large values: thousands
        (Figure("c", "c", 94.94, "%"), "94.9 %"),  # shares
        (Figure("d", "d", 1.134, "x"), "1.13x"),  # ratios
        (Figure("e", "e", None, "s"), "n/a"),  # a figure that could not be measured
    ],
)
def test_figures_are_shown_with_units(figure: Figure, shown: str) -> None:
    assert figure.shown() == shown


def test_recording_replaces_only_the_generated_section(tmp_path: Path) -> None:
    doc = tmp_path / "performance.md"
    doc.write_text(f"# Perf\n\nprose before\n\n{record.BEGIN}\nold table\n{record.END}\n\nafter\n")
    run = _run(Figure("seed_ratio", "seed / floor", 1.2, "x", "<= 1.5x", True))
    record.write_doc(run, {}, doc)
    text = doc.read_text()
    assert "prose before" in text and "after" in text and "old table" not in text
    assert "| seed / floor | 1.20x | <= 1.5x | met | new |" in text
    assert "2 cores (Test CPU), 8.0 GiB RAM" in text and "`make bench`" in text


def test_last_json_round_trips_the_figures(tmp_path: Path) -> None:
    path = tmp_path / "last.json"
    record.write_last(_run(Figure("align_5000_s", "align", 3.5, "s", "<= 5 s", True)), path)
    assert json.loads(path.read_text())["machine"]["nproc"] == 2
    assert record.load_last(path)["align_5000_s"]["value"] == 3.5
    assert record.load_last(tmp_path / "missing.json") == {}


def test_corpus_variants_change_names_and_numbers_reproducibly() -> None:
    base = corpus.Article(
        "x", " date 2017-04-11 \nMinister Tillerson met Lavrov in Moscow with 80 aides."
    )
    first, again = corpus.vary(base, 1), corpus.vary(base, 1)
    assert first == again  # the same run after run, so figures stay comparable
    assert corpus.vary(base, 0) == base
    assert first.text != base.text
    assert "80 aides" not in first.text  # the number was scaled
    assert first.text.startswith(" date 2017-04-")


def test_alignment_sides_have_distinct_sentences() -> None:
    a, b = corpus.alignment_sides(300)
    assert len(a) == len(b) == 300
    assert len(set(a)) == 300 and len(set(b)) == 300


def test_partial_run_keeps_other_groups_once_and_marks_them(tmp_path: Path) -> None:
    path = tmp_path / "last.json"
    earlier = _run(
        Figure("seed_ratio", "seed / floor", 2.0, "x"),
        Figure("align_5000_s", "align", 9.0, "s", note="6,000 links"),
    )
    earlier.profiles = {"alignment": ["50.0% candidate_pairs"]}
    record.write_last(earlier, path)
    for _ in range(2):  # recording twice must not pile up markers
        whole = record.merged(_run(Figure("seed_ratio", "seed / floor", 1.4, "x")), path)
        record.write_last(whole, path)
    by_key = {f.key: f for f in whole.figures}
    assert [f.key for f in whole.figures] == ["seed_ratio", "align_5000_s"]
    assert by_key["seed_ratio"].value == 1.4
    assert by_key["align_5000_s"].note == "6,000 links (earlier run)"
    assert whole.profiles == {"alignment": ["50.0% candidate_pairs"]}
    trends = {row[0]: row[4] for row in record.rows(whole, record.load_last(path))}
    assert trends["align"] == "not re-run"


def test_a_launched_child_reports_its_own_peak_memory_output_and_exit_code() -> None:
    import sys

    from benchmarks.measure import run_child

    ballast = bytearray(400 * 1024 * 1024)  # this process is large when it starts the child
    ballast[::4096] = b"x" * len(ballast[::4096])
    script = "import sys; data = bytearray(30_000_000); print('done'); sys.exit(3)"
    run = run_child([sys.executable, "-c", script], own_memory=True)
    assert 30 < run.peak_rss_mb < 200  # its 30 MB and the interpreter, never the 400 MB
    assert (run.returncode, run.stdout) == (3, "done\n")
    assert 0 < run.seconds < 30
    del ballast
