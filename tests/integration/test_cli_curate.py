"""`claimdiff claims` and `claimdiff curate`: curation from the command line, with undo."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest
from click.testing import CliRunner, Result

from claimdiff import api
from claimdiff.cli import main
from claimdiff.cli_options import SIGPIPE_EXIT
from claimdiff.model import Entity, Label, LinkStatus
from claimdiff.store import Store
from claimdiff.store.curations import default_author
from tests.integration.conftest import ComparisonFactory

TEXTS = (
    "Alpha said 3 people came.\nBeta rose.\nGamma fell.",
    "Alpha said 4 people came.\nBeta rose.\nGamma fell.",
)
"""Claims 0-2 in Source 0, 3-5 in Source 1; links 0-3 (conflict), 1-4 and 2-5 (agree)."""


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def _ok(*args: str) -> list[str]:
    result = _run(*args)
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def _error(*args: str) -> str:
    result = _run(*args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    return line


@pytest.fixture
def stored(db_url: str, make_comparison: ComparisonFactory) -> tuple[str, str]:
    store = Store(db_url)
    saved = store.save_comparison(make_comparison(*TEXTS), "test-1")
    store.close()
    return db_url, str(saved.id)


def _links(db: str, comparison: str) -> dict[tuple[int, int], tuple[Label, LinkStatus]]:
    loaded = api.load_comparison(int(comparison), db=db)
    return {(k.a, k.b): (k.label, k.status) for k in loaded.links}


def test_claims_lists_numbers_links_and_unique_claims(stored: tuple[str, str]) -> None:
    db, cid = stored
    _ok("curate", "reject", cid, "2", "5", "--db", db)
    lines = _ok("claims", cid, "--db", db)
    assert lines[0] == f"Comparison {cid}: Source 0 vs Source 1"
    assert "    0  Alpha said 3 people came." in lines
    assert "       conflict with 3 (Source 1), 0.80, found automatically" in lines
    assert "       only in Source 0" in lines
    assert not [line for line in lines if "read as:" in line]  # only when asked
    unique = _ok("claims", cid, "--unique", "--db", db)
    assert [line for line in unique if line.startswith("    ")] == [
        "    2  Gamma fell.",
        "       only in Source 0",
        "    5  Gamma fell.",
        "       only in Source 1",
    ]


def test_each_action_applies_and_is_listed(stored: tuple[str, str]) -> None:
    db, cid = stored
    assert _ok("curate", "confirm", cid, "3", "0", "--db", db) == ["confirmed 0 \u2194 3"]
    assert _ok("curate", "label", cid, "0", "3", "partial", "--db", db) == [
        "labelled 0 \u2194 3 as partial"
    ]
    assert _ok("curate", "note", cid, "1", "4", "  check the count ", "--db", db) == [
        'noted 1 \u2194 4: "check the count"'
    ]
    assert _ok("curate", "reject", cid, "2", "5", "--db", db) == ["rejected 2 \u2194 5"]
    loaded = api.load_comparison(int(cid), db=db)
    links = {(k.a, k.b): k for k in loaded.links}
    assert links[(0, 3)].label is Label.PARTIAL and links[(0, 3)].label_overridden
    assert links[(0, 3)].status is LinkStatus.CONFIRMED
    assert links[(1, 4)].notes == ("check the count",)
    assert (2, 5) not in links
    history = _ok("curate", "history", cid, "--db", db)
    assert [line.split("  ")[-1] for line in history] == [
        "confirmed 0 \u2194 3",
        "labelled 0 \u2194 3 as partial",
        'noted 1 \u2194 4: "check the count"',
        "rejected 2 \u2194 5",
    ]


def test_undo_and_redo_work_as_a_stack(stored: tuple[str, str]) -> None:
    db, cid = stored
    _ok("curate", "reject", cid, "1", "4", "--db", db)
    _ok("curate", "reject", cid, "2", "5", "--db", db)
    assert _ok("curate", "undo", cid, "--db", db) == ["undone: rejected 2 \u2194 5"]
    assert _ok("curate", "undo", cid, "--db", db) == ["undone: rejected 1 \u2194 4"]
    assert set(_links(db, cid)) == {(0, 3), (1, 4), (2, 5)}
    assert _error("curate", "undo", cid, "--db", db) == (
        f"claimdiff: error: nothing of {default_author()}'s to undo in comparison {cid}"
    )
    # redo brings back the earliest undone first, as an editor does
    assert _ok("curate", "redo", cid, "--db", db) == ["redone: rejected 1 \u2194 4"]
    assert set(_links(db, cid)) == {(0, 3), (2, 5)}
    assert _ok("curate", "history", cid, "--db", db)[-1].endswith("rejected 2 \u2194 5  (undone)")
    # a new action leaves nothing to redo
    _ok("curate", "confirm", cid, "0", "3", "--db", db)
    assert "to redo in comparison" in _error("curate", "redo", cid, "--db", db)


def test_relink_replaces_the_link_to_that_source_and_one_undo_takes_both_back(
    stored: tuple[str, str],
) -> None:
    db, cid = stored
    lines = _ok("curate", "relink", cid, "0", "4", "--label", "conflict", "--db", db)
    assert lines == ["linked 0 \u2194 4 as conflict", "rejected 0 \u2194 3"]
    links = _links(db, cid)
    assert links[(0, 4)] == (Label.CONFLICT, LinkStatus.MANUAL)
    assert (0, 3) not in links and (1, 4) in links
    assert _ok("curate", "undo", cid, "--db", db) == [
        "undone: linked 0 \u2194 4 as conflict",
        "undone: rejected 0 \u2194 3",
    ]
    assert set(_links(db, cid)) == {(0, 3), (1, 4), (2, 5)}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("confirm", "{cid}", "0", "4"), "claims 0 and 4 are not linked; 'relink' links them"),
        (("reject", "{cid}", "0", "9"), "comparison {cid} has no claim 9 (claims 0-5)"),
        (("label", "{cid}", "0", "3", "maybe"), "'maybe' is no label; give one of"),
        (("note", "{cid}", "0", "3", " "), "a note needs some text"),
        (("relink", "{cid}", "0", "1"), "claims 0 and 1 are in the same source"),
        (("confirm", "99", "0", "3"), "no comparison with id 99"),
    ],
)
def test_bad_curations_give_one_line_and_change_nothing(
    stored: tuple[str, str], args: tuple[str, ...], message: str
) -> None:
    db, cid = stored
    line = _error("curate", *(arg.format(cid=cid) for arg in args), "--db", db)
    assert line.startswith("claimdiff: error: " + message.format(cid=cid))
    assert _ok("curate", "history", cid, "--db", db) == [f"No curations of comparison {cid} yet."]


def test_candidates_lists_the_likeliest_counterparts_first(stored: tuple[str, str]) -> None:
    db, cid = stored
    lines = _ok("curate", "candidates", cid, "0", "--limit", "2", "--db", db)
    assert lines[0] == "0 (Source 0): Alpha said 3 people came."
    assert len(lines) == 3
    first, second = (line.split() for line in lines[1:])
    assert (first[0], lines[1].endswith("(linked now)")) == ("3", True)
    assert float(first[1]) >= float(second[1])
    assert "no claim 6" in _error("curate", "candidates", cid, "6", "--db", db)


def test_undo_takes_back_only_the_analysts_own_work(
    stored: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, cid = stored
    monkeypatch.setenv("CLAIMDIFF_AUTHOR", "alice")
    _ok("curate", "reject", cid, "1", "4", "--db", db)
    monkeypatch.setenv("CLAIMDIFF_AUTHOR", "bob")
    _ok("curate", "reject", cid, "2", "5", "--db", db)
    monkeypatch.setenv("CLAIMDIFF_AUTHOR", "alice")
    assert _ok("curate", "undo", cid, "--db", db) == ["undone: rejected 1 \u2194 4"]
    assert set(_links(db, cid)) == {(0, 3), (1, 4)}  # bob's rejection stands
    assert "nothing of alice's to undo" in _error("curate", "undo", cid, "--db", db)
    history = _ok("curate", "history", cid, "--db", db)
    assert history[0].endswith("alice  rejected 1 \u2194 4  (undone)")
    assert history[1].endswith("bob  rejected 2 \u2194 5")


def test_claims_read_says_what_was_read_in_each_claim(
    db_url: str, make_comparison: ComparisonFactory
) -> None:
    comparison = make_comparison(*TEXTS)
    alpha = Entity("Alpha", "Alpha", "PERSON", 0, 5)
    said = dataclasses.replace(comparison.claims[0], speaker="Alpha", entities=(alpha,))
    comparison = dataclasses.replace(comparison, claims=(said, *comparison.claims[1:]))
    store = Store(db_url)
    cid = str(store.save_comparison(comparison, "test-1").id)
    store.close()
    lines = _ok("claims", cid, "--read", "--db", db_url)
    after = {line: lines[k + 1] for k, line in enumerate(lines[:-1])}
    assert after["    0  Alpha said 3 people came."] == (
        "       read as: said by Alpha \u00b7 figures 3 people \u00b7 names Alpha"
    )
    assert (
        after["    2  Gamma fell."] == "       agree with 5 (Source 1), 0.80, found automatically"
    )


def test_a_reader_that_stops_reading_ends_the_listing_quietly(
    db_url: str, make_comparison: ComparisonFactory
) -> None:
    # "claimdiff claims 3 | head": more output than a pipe holds, read one line of it
    texts = ["\n".join(f"Figure {k} {verb}." for k in range(3000)) for verb in ("rose", "fell")]
    store = Store(db_url)
    cid = str(store.save_comparison(make_comparison(*texts), "test-1").id)
    store.close()
    command = [sys.executable, "-m", "claimdiff", "claims", cid, "--db", db_url]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline() == f"Comparison {cid}: Source 0 vs Source 1\n".encode()
        process.stdout.close()
        errors = process.stderr.read()
    assert process.returncode == SIGPIPE_EXIT
    assert errors == b""
