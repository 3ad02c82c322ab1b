"""Run the benchmarks, print figures and ratios to the last run, record them.

python -m benchmarks                 # everything, recorded in docs/performance.md
python -m benchmarks --only align    # one group, printed, not recorded
python -m benchmarks --quick         # small inputs, a smoke run of the harness
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
import traceback
from collections.abc import Callable

from benchmarks import fig_align, fig_app, fig_cli, fig_extract, fig_nway, profiles
from benchmarks.machine import describe
from benchmarks.record import (
    DOC,
    LAST,
    Figure,
    Run,
    load_last,
    merged,
    text_table,
    write_doc,
    write_last,
)

Group = Callable[[bool], list[Figure]]

GROUPS: dict[str, Group] = {
    "cli": lambda quick: fig_cli.measure(repeat=2 if quick else 5),
    "extract": lambda quick: fig_extract.measure(size=30 if quick else 200),
    "align": lambda quick: fig_align.measure(
        sizes=(500, 1000) if quick else fig_align.SIZES, recall_size=300 if quick else 1000
    ),
    "nway": lambda quick: fig_nway.measure(size=8 if quick else 50),
    "app": lambda quick: fig_app.measure(claims=1000 if quick else 5000),
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(GROUPS),
        metavar="GROUP",
        help=f"run only these groups ({', '.join(GROUPS)}); repeatable",
    )
    parser.add_argument("--quick", action="store_true", help="small inputs; never recorded")
    parser.add_argument("--no-profile", action="store_true", help="skip the pyinstrument profiles")
    parser.add_argument(
        "--record",
        action="store_true",
        help="record even a partial (--only) run in docs/performance.md",
    )
    parser.add_argument("--no-record", action="store_true", help="print only")
    return parser.parse_args(argv)


def _failed(name: str, error: BaseException) -> Figure:
    detail = str(error).strip().splitlines()
    return Figure(
        f"{name}_error",
        f"{name}: did not run",
        None,
        "",
        note=f"{type(error).__name__}: {detail[0] if detail else ''}"[:160],
    )


def run_groups(names: list[str], quick: bool) -> list[Figure]:
    """Run each group; a failing group becomes one 'did not run' row, the rest go on."""
    figures: list[Figure] = []
    for name in names:
        start = time.perf_counter()
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        try:
            found = GROUPS[name](quick)
        except Exception as error:  # a broken stage must not hide the other figures
            traceback.print_exc(file=sys.stderr)
            found = [_failed(name, error)]
        print(f"bench: {name} done in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        figures += found
    return figures


def run_profiles() -> dict[str, list[str]]:
    found = {}
    for title, func in profiles.PROFILES.items():
        print(f"bench: profile {title} ...", file=sys.stderr, flush=True)
        try:
            found[title] = func()
        except Exception as error:
            found[title] = [f"(no profile: {type(error).__name__}: {error})"[:200]]
    return found


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    names = args.only or list(GROUPS)
    command = "make bench" if os.environ.get("MAKELEVEL") else "python -m benchmarks"
    extra = " ".join(sys.argv[1:] if argv is None else argv)
    run = Run(
        when=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        command=f"{command} {extra}".strip(),
        machine=describe(),
    )
    last = {} if args.quick else load_last()  # quick runs use other sizes: no ratios
    run.figures = run_groups(names, args.quick)
    if not args.no_profile and not args.quick:
        run.profiles = run_profiles()
    print()
    print(text_table(run, last))
    record = not args.no_record and not args.quick and (args.record or not args.only)
    if record:
        whole = merged(run)  # a partial run keeps the other groups' last figures
        write_doc(whole, last)
        write_last(whole)
        print(f"\nrecorded in {DOC} and {LAST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
