"""Score the matcher against gold alignments of article pairs and MRPC statement pairs."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimdiff.model import Claim, ClaimDiffError, Document, InputError, Label, Link
from claimdiff.settings import Settings

SentencePair = tuple[int, int]
_LABEL_ORDER = {Label.AGREE: 0, Label.PARTIAL: 1, Label.CONFLICT: 2}


@dataclass(frozen=True)
class GoldPair:
    """One article pair with its gold sentence alignments."""

    name: str
    a_path: Path
    b_path: Path
    sentences: tuple[tuple[str, ...], tuple[str, ...]]
    labels: dict[SentencePair, Label]
    """Scored gold rows (sentence numbers from 1) and their labels."""
    secondary: frozenset[SentencePair] = frozenset()
    """Weaker gold rows: neutral, neither a hit nor a miss."""


@dataclass(frozen=True)
class Prepared:
    """A gold pair read and parsed once, so that many settings can be scored quickly."""

    gold: GoldPair
    documents: tuple[Document, Document]
    claims: tuple[tuple[Claim, ...], tuple[Claim, ...]]
    sentence_of: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Claim id -> (side, sentence number)."""


@dataclass(frozen=True)
class PairScore:
    """Link and label figures for one pair (or a micro-averaged total)."""

    name: str
    found: int = 0
    predicted: int = 0
    gold: int = 0
    label_right: int = 0
    conflicts_found: int = 0
    conflicts: int = 0

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def label_accuracy(self) -> float:
        return self.label_right / self.found if self.found else 0.0

    @property
    def conflict_recall(self) -> float:
        return self.conflicts_found / self.conflicts if self.conflicts else 1.0

    def __add__(self, other: PairScore) -> PairScore:
        return PairScore(
            "total",
            self.found + other.found,
            self.predicted + other.predicted,
            self.gold + other.gold,
            self.label_right + other.label_right,
            self.conflicts_found + other.conflicts_found,
            self.conflicts + other.conflicts,
        )


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read ({error})") from None


def load_gold(directory: str | Path) -> GoldPair:
    """Read ``a.txt``, ``b.txt`` and ``gold.tsv`` of a pair directory."""
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a pair directory (a.txt, b.txt, gold.tsv)")
    sides = tuple(tuple(_read_lines(folder / f"{s}.txt")[1:]) for s in "ab")
    labels: dict[SentencePair, Label] = {}
    secondary: set[SentencePair] = set()
    rows = _read_lines(folder / "gold.tsv")
    for number, row in enumerate(rows[1:], start=2):
        cells = row.split("\t")
        try:
            key = (int(cells[0]), int(cells[1]))
            label = Label(cells[2].strip())
        except (IndexError, ValueError):
            raise InputError(
                f"{folder / 'gold.tsv'}:{number}: expected a_idx, b_idx, label"
            ) from None
        if len(cells) > 3 and cells[3].strip().lower().startswith("secondary:"):
            secondary.add(key)
        else:
            labels[key] = label
    return GoldPair(
        folder.name,
        folder / "a.txt",
        folder / "b.txt",
        (sides[0], sides[1]),
        labels,
        frozenset(secondary),
    )


def sentence_spans(text: str, sentences: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of each gold sentence in a document's text, found in order."""
    spans = []
    cursor = 0
    for sentence in sentences:
        body = sentence.strip()
        at = text.find(body, cursor) if body else -1
        if at < 0:
            spans.append((-1, -1))
            continue
        spans.append((at, at + len(body)))
        cursor = at + len(body)
    return spans


def sentence_of(claim: Claim, spans: Sequence[tuple[int, int]]) -> int | None:
    """The number (from 1) of the gold sentence holding most of the claim, if any."""
    best, best_overlap = None, 0
    for index, (start, end) in enumerate(spans, start=1):
        overlap = min(end, claim.end) - max(start, claim.start)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def sentence_links(
    links: Iterable[Link], where: dict[int, tuple[int, int]]
) -> dict[SentencePair, Label]:
    """Map claim links to sentence pairs; the strongest label of a pair wins."""
    found: dict[SentencePair, Label] = {}
    for link in links:
        if link.a not in where or link.b not in where:
            continue
        (side_a, sa), (_, sb) = where[link.a], where[link.b]
        key = (sa, sb) if side_a == 0 else (sb, sa)
        if key not in found or _LABEL_ORDER[link.label] > _LABEL_ORDER[found[key]]:
            found[key] = link.label
    return found


def score_pair(name: str, predicted: dict[SentencePair, Label], gold: GoldPair) -> PairScore:
    """Precision, recall, label accuracy and conflict recall of predicted sentence links."""
    scored = {k: v for k, v in predicted.items() if k not in gold.secondary}
    hits = [k for k in scored if k in gold.labels]
    conflicts = [k for k, v in gold.labels.items() if v is Label.CONFLICT]
    return PairScore(
        name=name,
        found=len(hits),
        predicted=len(scored),
        gold=len(gold.labels),
        label_right=sum(1 for k in hits if scored[k] is gold.labels[k]),
        conflicts_found=sum(1 for k in conflicts if scored.get(k) is Label.CONFLICT),
        conflicts=len(conflicts),
    )


def prepare(directory: str | Path) -> Prepared:
    """Read and parse a pair directory once."""
    from claimdiff.api import get_extractor
    from claimdiff.ingest import read_document
    from claimdiff.pipeline import number_claims

    gold = load_gold(directory)
    documents = (read_document(gold.a_path, 0), read_document(gold.b_path, 1))
    claims = number_claims(get_extractor().extract_many(documents))
    where: dict[int, tuple[int, int]] = {}
    for side in (0, 1):
        spans = sentence_spans(documents[side].text, gold.sentences[side])
        for claim in claims:
            if claim.document == side and (number := sentence_of(claim, spans)) is not None:
                where[claim.id] = (side, number)
    split = (
        tuple(c for c in claims if c.document == 0),
        tuple(c for c in claims if c.document == 1),
    )
    return Prepared(gold, documents, split, where)


Linker = Callable[[Prepared, Settings], Sequence[Link]]


def default_linker(prepared: Prepared, settings: Settings) -> list[Link]:
    """Align and classify one prepared pair the way the pipeline does."""
    from claimdiff.align import align
    from claimdiff.compare import classify

    a, b = prepared.claims
    by_id = {c.id: c for c in a + b}
    return [
        classify(c, by_id[c.a], by_id[c.b], documents=prepared.documents, settings=settings)
        for c in align(a, b, settings)
    ]


def evaluate_prepared(
    pairs: Sequence[Prepared], settings: Settings, linker: Linker = default_linker
) -> list[PairScore]:
    """Score each prepared pair, then append the micro-averaged total."""
    scores = []
    for prepared in pairs:
        predicted = sentence_links(linker(prepared, settings), prepared.sentence_of)
        scores.append(score_pair(prepared.gold.name, predicted, prepared.gold))
    total = PairScore("total")
    for item in scores:
        total = total + item
    return [*scores, total]


def format_scores(scores: Sequence[PairScore]) -> str:
    """A plain-text table: one row per pair and the total."""
    head = f"{'pair':<12}{'gold':>5}{'pred':>6}{'hit':>5}{'P':>7}{'R':>7}{'F1':>7}"
    head += f"{'label acc':>11}{'conflict R':>12}"
    lines = [head]
    for s in scores:
        lines.append(
            f"{s.name:<12}{s.gold:>5}{s.predicted:>6}{s.found:>5}{s.precision:>7.3f}"
            f"{s.recall:>7.3f}{s.f1:>7.3f}{s.label_accuracy:>11.3f}"
            f"{s.conflict_recall:>7.3f} ({s.conflicts_found}/{s.conflicts})"
        )
    return "\n".join(lines)


def read_mrpc(path: str | Path) -> list[tuple[bool, str, str]]:
    """Read an MRPC TSV (``Quality``, ids, two strings) with no quote handling."""
    file = Path(path)
    try:
        with file.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except FileNotFoundError:
        raise InputError(f"{file}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{file}: cannot read ({error})") from None
    if not rows or len(rows[0]) < 5 or rows[0][0].strip().lstrip("\ufeff") != "Quality":
        raise InputError(f"{file}: not an MRPC file (header Quality, #1 ID, #2 ID, ...)")
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) < 5 or row[0] not in {"0", "1"}:
            raise ClaimDiffError(f"{file}:{number}: expected 5 tab-separated fields")
        out.append((row[0] == "1", row[3], row[4]))
    return out


def binary_scores(truth: Sequence[bool], guess: Sequence[bool]) -> tuple[float, float]:
    """Accuracy and F1 (of the positive class) of binary predictions."""
    tp = sum(1 for t, g in zip(truth, guess, strict=True) if t and g)
    fp = sum(1 for t, g in zip(truth, guess, strict=True) if g and not t)
    fn = sum(1 for t, g in zip(truth, guess, strict=True) if t and not g)
    right = sum(1 for t, g in zip(truth, guess, strict=True) if t == g)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return right / len(truth) if truth else 0.0, f1


def mrpc_scores(rows: Sequence[tuple[bool, str, str]], settings: Settings) -> tuple[float, float]:
    """Accuracy and F1 of ``match_statements`` on MRPC rows (paraphrase = linked, no conflict)."""
    from claimdiff import embed
    from claimdiff.statement import embedded_texts, match_claims, statement_claims

    texts = [text for _, a, b in rows for text in (a, b)]
    claims = statement_claims(texts, None)
    if settings.use_embeddings:  # one batch; match_claims then reads the cache
        embed.embed([text for _, a, b in rows for text in embedded_texts(a, b)])
    guesses = []
    for k in range(len(rows)):
        match = match_claims(claims[2 * k], claims[2 * k + 1], settings)
        guesses.append(match.linked and match.label is not Label.CONFLICT)
    return binary_scores([gold for gold, _, _ in rows], guesses)


def ablation_table(rows: Sequence[tuple[str, PairScore, PairScore]]) -> str:
    """Markdown table: link F1 and conflict recall with each feature removed."""
    lines = [
        "| feature removed | LOPO P | LOPO R | LOPO F1 | LOPO conflict R | in-sample F1 |",
        "|---|---|---|---|---|---|",
    ]
    for name, loo, fitted in rows:
        lines.append(
            f"| {name} | {loo.precision:.3f} | {loo.recall:.3f} | {loo.f1:.3f} | "
            f"{loo.conflict_recall:.2f} | {fitted.f1:.3f} |"
        )
    return "\n".join(lines)


def run_command(
    directories: Sequence[str | Path],
    mrpc: str | Path | None,
    *,
    settings: Settings | None = None,
    loo: bool = False,
    ablate: bool = False,
    fit: bool = False,
) -> Iterator[str]:
    """What ``claimdiff eval`` prints, line by line, as each figure is ready."""
    from claimdiff import fitting

    settings = settings or Settings()
    pairs = [prepare(d) for d in directories]
    rows = read_mrpc(mrpc) if mrpc is not None else []
    if fit:
        if not pairs:
            raise ClaimDiffError("--fit needs the gold pair directories")
        figures = fitting.fit_all(pairs, rows, settings)
        yield f"refitted weights: {fitting.DATA / 'weights.json'}"
        yield f"cross-validated: {figures}"
    if pairs:
        yield "article pairs (shipped weights):"
        yield format_scores(evaluate_prepared(pairs, settings))
    if pairs and loo:
        data = [fitting.pair_examples(p, settings) for p in pairs]
        yield "article pairs, leave-one-pair-out (each scored by weights fitted on the others):"
        yield format_scores(fitting.leave_one_out(pairs, data, fitting.PAIR_NAMES, settings))
    if pairs and ablate:
        yield "ablation (each feature removed in turn):"
        yield ablation_table(fitting.ablation(pairs, settings))
    if rows:
        accuracy, f1 = mrpc_scores(rows, settings)
        name = Path(mrpc or "").name
        yield f"MRPC {name}: {len(rows)} pairs, accuracy {accuracy:.3f}, F1 {f1:.3f}"
