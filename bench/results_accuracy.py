"""Benchmark: how well the claims step understands a number before a question is asked about it.

Reads ``../shared/devset/results.jsonl`` (hand-labelled sentences, each number labelled with what it
measures, its direction, and whether the sentence gives a baseline and a method) and compares the
labels with :func:`analyzer.results.read_quantities`. Not a test; skips (exit 0) when the file is
absent. Prints the share of labelled numbers found, and among those found the share whose kind,
direction, baseline and method are right, then the kind confusions.

    python bench/results_accuracy.py [--misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyzer.results import read_quantities  # noqa: E402
from analyzer.taxonomy import load_taxonomy  # noqa: E402

# ../shared/devset from the project root (one level further up from a git worktree under wt/).
LABELS = next((p / "shared" / "devset" / "results.jsonl" for p in (ROOT.parent, ROOT.parent.parent)
               if (p / "shared" / "devset" / "results.jsonl").exists()), ROOT.parent / "shared" / "devset" / "results.jsonl")
# The labels' direction words and ours.
_DIRECTIONS = {"increase": "up", "decrease": "down", "level": "level", "none": "none"}
# Kinds we split finer than the labels: a productivity or speed gain is "other" there.
_SAME_KIND = {"efficiency": "other"}


def _number(value: str) -> str:
    found = re.search(r"\d[\d,]*(?:\.\d+)?", value)
    return found.group().replace(",", "") if found else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every wrong kind with its sentence")
    args = parser.parse_args(argv)
    if not LABELS.exists():
        print(f"skipped: {LABELS} is absent")
        return 0
    rules = load_taxonomy().claims
    totals: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        found = list(read_quantities(row["text"], rules))
        for label in row["quantities"]:
            totals["labelled"] += 1
            number = _number(label["value"])
            match = next((q for q in found if number and _number(q.value) == number), None)
            if match is None:
                continue
            found.remove(match)
            totals["found"] += 1
            kind = _SAME_KIND.get(match.measures, match.measures)
            totals["kind"] += kind == label["measures"]
            right = match.direction == _DIRECTIONS.get(label["direction"], label["direction"])
            totals["direction"] += right
            if args.misses and not right:
                print(f"  direction {label['direction']} <- {match.direction} {label['value']!r}: {row['text'][:100]}")
            if args.misses and match.has_method != label["method_given"]:
                print(f"  method {label['method_given']} <- {match.has_method} {label['value']!r}: {row['text'][:100]}")
            totals["baseline"] += match.has_baseline == label["baseline_given"]
            totals["method"] += match.has_method == label["method_given"]
            if kind != label["measures"]:
                confusions[(label["measures"], kind)] += 1
                if args.misses:
                    print(f"  {label['measures']:>24} <- {kind:<24} {label['value']!r}: {row['text'][:110]}")
        totals["extra"] += len(found)
    n = totals["found"] or 1
    print(f"numbers found: {totals['found']}/{totals['labelled']} ({totals['found'] / max(1, totals['labelled']):.0%}),"
          f" extra numbers read: {totals['extra']}")
    print(f"of those found, right: kind {totals['kind'] / n:.0%}, direction {totals['direction'] / n:.0%},"
          f" baseline {totals['baseline'] / n:.0%}, method {totals['method'] / n:.0%}")
    for (label, ours), count in confusions.most_common(12):
        print(f"  labelled {label} read as {ours}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
