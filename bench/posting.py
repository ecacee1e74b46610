"""The time a job posting adds to an analysis, and how well the posting reader reads. Not part of the tests.

    python bench/posting.py              # every sample resume with a posting each, 5 rounds
    python bench/posting.py --rounds 2   # shorter

Time: for each sample resume (paired with the sample postings in turn), the warm ``analyze()``
without a posting and with one, interleaved, ``--rounds`` times; the medians per resume and their
ratio. The extra is reading the posting, the alignment and its questions (target: under 20% of the
resume's analysis). Accuracy: the reader's required and preferred skills against the hand-written
expectations of ``samples/jobs/expected/``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyzer.pipeline import analyze, load_resources  # noqa: E402
from analyzer.posting import read_posting  # noqa: E402

JOBS = ROOT / "samples" / "jobs"
AS_OF = "2026-11"
TARGET = 0.20  # issue 13: a posting adds less than a fifth of the resume's own analysis time


def _accuracy(resources) -> dict:
    counts = {"required": [0, 0, 0], "preferred": [0, 0, 0]}  # found, expected, both
    for path in sorted(p for p in JOBS.iterdir() if p.suffix in (".md", ".txt") and p.stem != "README"):
        posting = read_posting(path, resources.taxonomy, resources.nlp)
        want = json.loads((JOBS / "expected" / f"{path.stem}.json").read_text())
        for key, got in (("required", posting.required), ("preferred", posting.preferred)):
            ids, expected = {s.id for s in got}, set(want[key])
            counts[key] = [a + b for a, b in zip(counts[key], (len(ids), len(expected), len(ids & expected)))]
    return {key: {"recall": round(both / expected, 3), "false_share": round((found - both) / found, 3)}
            for key, (found, expected, both) in counts.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    resources = load_resources()
    resumes = sorted((ROOT / "samples").glob("*.pdf"))
    postings = [p.read_text() for p in sorted(JOBS.iterdir()) if p.suffix in (".md", ".txt") and p.stem != "README"]
    for resume in resumes[:2]:  # warm-up: caches, first-call imports
        analyze(resume, AS_OF, resources=resources, job=postings[0])
    ratios = []
    print(f"{'resume':42} {'alone ms':>9} {'with ms':>9} {'extra':>7}")
    for n, resume in enumerate(resumes):
        job = postings[n % len(postings)]
        alone, together = [], []
        for _ in range(args.rounds):
            start = time.perf_counter()
            analyze(resume, AS_OF, resources=resources)
            alone.append(time.perf_counter() - start)
            start = time.perf_counter()
            analyze(resume, AS_OF, resources=resources, job=job)
            together.append(time.perf_counter() - start)
        a, b = statistics.median(alone), statistics.median(together)
        ratios.append(b / a - 1)
        print(f"{resume.name:42} {a * 1000:9.0f} {b * 1000:9.0f} {ratios[-1]:7.1%}")
    extra = statistics.median(ratios)
    print(f"\nmedian extra time with a posting: {extra:.1%} (target < {TARGET:.0%}); "
          f"range {min(ratios):.1%} to {max(ratios):.1%}")
    accuracy = _accuracy(resources)
    for key, value in accuracy.items():
        print(f"posting reader, {key} skills: recall {value['recall']:.3f}, false share {value['false_share']:.3f}")
    return 0 if extra < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
