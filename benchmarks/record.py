"""Figures of a run: the table, the ratios to the last run, last.json and docs/performance.md."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LAST = ROOT / "benchmarks" / "last.json"
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
REGRESSION = 1.2
"""A figure more than 20% worse than last time is flagged."""


@dataclass(frozen=True)
class Figure:
    """One measured figure. ``ok`` is None where a figure has no target."""

    key: str
    what: str
    value: float | None
    unit: str
    target: str = ""
    ok: bool | None = None
    lower_is_better: bool = True
    note: str = ""

    def shown(self) -> str:
        if self.value is None or math.isnan(self.value):
            return "n/a"
        if self.unit == "%":
            return f"{self.value:.1f} %"
        if self.unit == "x":
            return f"{self.value:.2f}x"
        digits = 0 if abs(self.value) >= 100 else (1 if abs(self.value) >= 10 else 3)
        return f"{self.value:,.{digits}f} {self.unit}".strip()


@dataclass
class Run:
    """Everything one benchmark run recorded."""

    when: str
    command: str
    machine: dict[str, Any]
    figures: list[Figure] = field(default_factory=list)
    profiles: dict[str, list[str]] = field(default_factory=dict)


def load_last(path: Path = LAST) -> dict[str, dict[str, Any]]:
    """The figures of the last recorded run, by key ({} when there is none)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {f["key"]: f for f in data.get("figures", []) if isinstance(f, dict) and "key" in f}


def load_last_profiles(path: Path = LAST) -> dict[str, list[str]]:
    """The profile summaries of the last recorded run ({} when there are none)."""
    try:
        profiles = json.loads(path.read_text(encoding="utf-8")).get("profiles", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return {str(k): [str(line) for line in v] for k, v in profiles.items() if isinstance(v, list)}


GROUP_ORDER = ("seed", "version", "extract", "align", "nway", "app")


def group_of(key: str) -> str:
    """The figure's group, from its key: ``align_5000_s`` -> ``align``."""
    return key.split("_", 1)[0]


def _rank(figure: Figure) -> int:
    group = group_of(figure.key)
    return GROUP_ORDER.index(group) if group in GROUP_ORDER else len(GROUP_ORDER)


EARLIER = "(earlier run)"


def _earlier(note: str) -> str:
    return note if note.endswith(EARLIER) else f"{note} {EARLIER}".strip()


def merged(run: Run, path: Path = LAST) -> Run:
    """This run plus the last run's figures of groups this run did not measure."""
    ran = {group_of(f.key) for f in run.figures}
    kept = [
        Figure(**{**f, "note": _earlier(str(f.get("note", "")))})
        for key, f in load_last(path).items()
        if group_of(key) not in ran
    ]
    figures = sorted(run.figures + kept, key=_rank)
    profiles = {**load_last_profiles(path), **run.profiles}
    return Run(run.when, run.command, run.machine, figures, profiles)


def ratio_to_last(figure: Figure, last: dict[str, dict[str, Any]]) -> float | None:
    """This run's value over the last run's (None when either is missing)."""
    before = last.get(figure.key, {}).get("value")
    if figure.value is None or not before or not isinstance(before, (int, float)):
        return None
    return figure.value / before


def _trend(figure: Figure, ratio: float | None) -> str:
    if figure.note.endswith(EARLIER):
        return "not re-run"
    if ratio is None:
        return "new"
    worse = ratio if figure.lower_is_better else (1 / ratio if ratio else math.inf)
    flag = "  REGRESSION" if worse > REGRESSION else ""
    return f"{ratio:.2f}x{flag}"


def _verdict(figure: Figure) -> str:
    return {True: "met", False: "MISSED", None: ""}[figure.ok]


def rows(run: Run, last: dict[str, dict[str, Any]]) -> list[list[str]]:
    """Table rows: figure, value, target, verdict, ratio to last run, note."""
    return [
        [f.what, f.shown(), f.target, _verdict(f), _trend(f, ratio_to_last(f, last)), f.note]
        for f in run.figures
    ]


HEADER = ["figure", "value", "target", "", "vs last", "note"]


def text_table(run: Run, last: dict[str, dict[str, Any]]) -> str:
    """A plain-text table for the terminal."""
    table = [HEADER, *rows(run, last)]
    widths = [max(len(row[i]) for row in table) for i in range(len(HEADER) - 1)]
    lines = []
    for row in table:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join(cells) + ("  " + row[-1] if row[-1] else ""))
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_section(run: Run, last: dict[str, dict[str, Any]]) -> str:
    """The generated part of docs/performance.md."""
    m = run.machine
    out = [
        BEGIN,
        f"Recorded {run.when} by `{run.command}` at commit {m.get('commit', '?')}.",
        "",
        f"Machine: {m.get('nproc')} cores ({m.get('cpu')}), {m.get('ram_gib')} GiB RAM, "
        f"{m.get('os')}; Python {m.get('python')}, spaCy {m.get('spacy')}, "
        f"rapidfuzz {m.get('rapidfuzz')}, PySide6 {m.get('pyside6')}.",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "---|" * len(HEADER),
    ]
    out += ["| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in rows(run, last)]
    for name, lines in run.profiles.items():
        out += ["", f"Profile, {name} (pyinstrument, heaviest frames):", "", "```"]
        out += [*lines, "```"]
    out.append(END)
    return "\n".join(out)


def write_doc(run: Run, last: dict[str, dict[str, Any]], path: Path = DOC) -> None:
    """Replace the generated section of docs/performance.md, keeping the prose around it."""
    section = markdown_section(run, last)
    text = (
        path.read_text(encoding="utf-8") if path.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    )
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        text = head + section + tail
    else:
        text = text.rstrip() + "\n\n## Latest run\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def write_last(run: Run, path: Path = LAST) -> None:
    """Keep this run as the baseline of the next one (machine-readable)."""
    data = {
        "when": run.when,
        "command": run.command,
        "machine": run.machine,
        "figures": [asdict(f) for f in run.figures],
        "profiles": run.profiles,
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
