"""Benchmark of named-skill extraction against the hand-labelled samples (not a test).

For every ``samples/*.pdf`` with ``tests/expected/<stem>.toml``, read the resume, match skills,
and compare the NAMED skills (inferred ones are left out) with the ``[skills] named`` list, whose
display names are resolved to ids through the taxonomy's aliases. Prints per-resume and overall
precision, recall and F1, and every miss and false positive.

    python bench/skills_accuracy.py [--as-of 2026-11] [--quiet]

Exit status 1 when an expected name is not in the taxonomy at all (the labels and the taxonomy
disagree), otherwise 0. Target: precision >= 0.95 and recall >= 0.92 overall.
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyzer.extract import read_pdf  # noqa: E402
from analyzer.nlp import build_nlp  # noqa: E402
from analyzer.sections import structure_resume  # noqa: E402
from analyzer.skills import match_skills  # noqa: E402
from analyzer.taxonomy import load_taxonomy  # noqa: E402


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", default=None, help="reference month YYYY-MM (default: the label's as_of)")
    parser.add_argument("--quiet", action="store_true", help="only the summary lines")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    taxonomy = load_taxonomy()
    nlp = build_nlp(taxonomy)
    print(f"start-up (taxonomy + pipeline): {time.perf_counter() - started:.2f} s, {len(taxonomy.skills)} skills")

    unknown: list[str] = []
    totals = [0, 0, 0]
    for pdf in sorted((ROOT / "samples").glob("*.pdf")):
        label_path = ROOT / "tests" / "expected" / f"{pdf.stem}.toml"
        if not label_path.exists():
            continue
        label = tomllib.loads(label_path.read_text(encoding="utf-8"))
        names = label.get("skills", {}).get("named")
        if names is None:
            continue
        expected: dict[str, str] = {}
        for name in names:
            skill_id = taxonomy.resolve(name)
            if skill_id is None:
                unknown.append(f"{pdf.stem}: {name!r}")
            else:
                expected[skill_id] = name
        as_of = args.as_of or label.get("as_of") or "2026-11"
        resume = structure_resume(read_pdf(pdf), taxonomy, as_of=as_of)
        found = {s.id: s for s in match_skills(resume, taxonomy, nlp) if not s.inferred}
        tp = len(set(found) & set(expected))
        fp_ids = sorted(set(found) - set(expected))
        fn_ids = sorted(set(expected) - set(found))
        totals[0] += tp
        totals[1] += len(fp_ids)
        totals[2] += len(fn_ids)
        p, r, f = _prf(tp, len(fp_ids), len(fn_ids))
        print(f"{pdf.stem:40s} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={tp} fp={len(fp_ids)} fn={len(fn_ids)})")
        if not args.quiet:
            for sid in fn_ids:
                print(f"    miss: {expected[sid]} ({sid})")
            for sid in fp_ids:
                quote = found[sid].evidence[0].quote if found[sid].evidence else ""
                print(f"    false positive: {sid}  <- {quote[:90]!r}")
    p, r, f = _prf(*totals)
    print(f"{'OVERALL':40s} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={totals[0]} fp={totals[1]} fn={totals[2]})")
    for item in unknown:
        print(f"expected name not in the taxonomy: {item}")
    return 1 if unknown else 0


if __name__ == "__main__":
    raise SystemExit(main())
