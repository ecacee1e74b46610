"""Benchmark of the other inputs (not a test): scanned PDFs read by OCR, and Word .docx files.

For every sample with hand labels (``tests/expected/<stem>.toml``) it reads the text-layer PDF
(``samples/<stem>.pdf``), its image-only copy (``samples/scanned/<stem>.pdf``, read by OCR) and,
where the sample came from Word, its ``samples/src/<stem>.docx``, and compares what each yields:

- named skills (inferred ones left out): recall and precision against the labels, and for the
  scan and the .docx the share of the text-layer version's skills they find again, plus any
  skill they find that neither the text-layer version nor the labels have ("false": OCR noise);
- dated entries, as (section, start, end): the share of the labelled ones found, and the share
  of the text-layer version's ones found again;
- time: seconds per page to read a scan (render + OCR), and to analyse a .docx end to end.

    python bench/inputs.py [--only STEM ...] [--no-scan] [--no-docx]

Targets (issue 14): on scans, skills >= 0.90 and dated entries >= 0.85 of the text-layer version,
no false skill, <= 5 s per page; on .docx, the same figures as the PDF within 0.02.
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyzer.pipeline import analyze, load_resources  # noqa: E402
from analyzer.read import read_document  # noqa: E402
from analyzer.sections import structure_resume  # noqa: E402
from analyzer.skills import match_skills  # noqa: E402

AS_OF = "2026-11"


def _measure(path: Path, resources, expected_skills: set[str], expected_entries: Counter) -> dict:
    started = time.perf_counter()
    document = read_document(path)
    read_seconds = time.perf_counter() - started
    resume = structure_resume(document, resources.taxonomy, as_of=AS_OF)
    skills = {s.id for s in match_skills(resume, resources.taxonomy, resources.nlp) if not s.inferred}
    entries = Counter((e.section, e.start, e.end) for e in resume.entries if e.start)
    return {
        "pages": document.pages, "read_s": read_seconds, "skills": skills, "entries": entries,
        "skill_recall": len(skills & expected_skills) / max(1, len(expected_skills)),
        "skill_precision": len(skills & expected_skills) / max(1, len(skills)),
        "entry_recall": sum((entries & expected_entries).values()) / max(1, sum(expected_entries.values())),
    }


def _share(found: dict, reference: dict) -> tuple[float, float]:
    skills = len(found["skills"] & reference["skills"]) / max(1, len(reference["skills"]))
    entries = sum((found["entries"] & reference["entries"]).values()) / max(1, sum(reference["entries"].values()))
    return skills, entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--no-scan", action="store_true")
    parser.add_argument("--no-docx", action="store_true")
    args = parser.parse_args(argv)
    resources = load_resources()
    taxonomy = resources.taxonomy
    scan_rows, docx_rows, failures = [], [], 0
    ocr_seconds, ocr_pages = 0.0, 0
    for label_path in sorted((ROOT / "tests" / "expected").glob("*.toml")):
        stem = label_path.stem
        if args.only and stem not in args.only:
            continue
        pdf = ROOT / "samples" / f"{stem}.pdf"
        if not pdf.exists():
            continue
        label = tomllib.loads(label_path.read_text(encoding="utf-8"))
        expected_skills = {sid for name in label.get("skills", {}).get("named", []) if (sid := taxonomy.resolve(name))}
        expected_entries = Counter((e["section"], e["start"], e["end"]) for e in label.get("entries", []) if e.get("start"))
        reference = _measure(pdf, resources, expected_skills, expected_entries)
        scan = ROOT / "samples" / "scanned" / f"{stem}.pdf"
        if not args.no_scan and scan.exists():
            found = _measure(scan, resources, expected_skills, expected_entries)
            skills, entries = _share(found, reference)
            false = sorted(found["skills"] - reference["skills"] - expected_skills)
            ocr_seconds += found["read_s"]
            ocr_pages += found["pages"]
            ok = skills >= 0.90 and entries >= 0.85 and not false
            failures += not ok
            scan_rows.append((stem, skills, entries, false, found["read_s"] / found["pages"], ok,
                              sorted(reference["skills"] - found["skills"])))
        docx = ROOT / "samples" / "src" / f"{stem}.docx"
        if not args.no_docx and docx.exists():
            found = _measure(docx, resources, expected_skills, expected_entries)
            started = time.perf_counter()
            analyze(docx, AS_OF, resources=resources)
            seconds = time.perf_counter() - started
            gaps = {key: found[key] - reference[key] for key in ("skill_recall", "skill_precision", "entry_recall")}
            ok = all(abs(gap) <= 0.02 for gap in gaps.values())
            failures += not ok
            docx_rows.append((stem, reference, found, gaps, seconds, ok))
    if scan_rows:
        print("SCANNED (image-only) vs text layer: skills found again, dated entries found again, false skills, s/page")
        for stem, skills, entries, false, per_page, ok, missed in scan_rows:
            print(f"  {stem:34s} skills {skills:.3f}  entries {entries:.3f}  false {len(false)}  "
                  f"{per_page:5.2f} s/page  {'ok' if ok else 'BELOW TARGET'}"
                  + (f"  false: {', '.join(false)}" if false else "") + (f"  missed: {', '.join(missed)}" if missed else ""))
        mean_skills = sum(r[1] for r in scan_rows) / len(scan_rows)
        mean_entries = sum(r[2] for r in scan_rows) / len(scan_rows)
        print(f"  {'MEAN':34s} skills {mean_skills:.3f}  entries {mean_entries:.3f}  "
              f"false {sum(len(r[3]) for r in scan_rows)}  {ocr_seconds / max(1, ocr_pages):5.2f} s/page over {ocr_pages} pages")
    if docx_rows:
        print("DOCX vs PDF (against the labels): skill recall, skill precision, dated-entry recall; analyse time")
        for stem, reference, found, gaps, seconds, ok in docx_rows:
            print(f"  {stem:34s} recall {reference['skill_recall']:.3f}->{found['skill_recall']:.3f}  "
                  f"precision {reference['skill_precision']:.3f}->{found['skill_precision']:.3f}  "
                  f"entries {reference['entry_recall']:.3f}->{found['entry_recall']:.3f}  "
                  f"analyse {seconds:.2f} s  {'ok' if ok else 'DIFFERS > 0.02'}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
