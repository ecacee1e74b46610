"""The false-flag rate of step 5 on the sample resumes. Not part of the test suite.

    python bench/false_flags.py            # table, then every false flag with its reason
    python bench/false_flags.py --quiet    # table only

A flag is counted false when either:

1. **absent**: its code is listed under ``[flags] absent`` in ``tests/expected/<stem>.toml`` (the
   hand-written expectations), or
2. **backed**: the resume clearly backs the claim it is raised on, judged by a cross-check that does
   NOT reuse the flag's own logic: a plain whole-word search of the resume text for the skill's
   name and every alias in the taxonomy, and simple regular expressions for baselines and methods:
   - unsupported_skill: the skill (any alias) is written in a job, project or degree line;
   - stale_claim: the skill is written in an entry that ends within ``stale_years`` of ``as_of``;
   - metric_without_baseline: the line has "from N to M", "against", "compared", "vs", "instead of"
     or "baseline";
   - metric_without_method: the line names any taxonomy skill or says "by <doing something>";
   - dl_without_fundamentals: any conventional-ML skill is written in a job, project or degree line;
   - no_deployment: a job or project line says deploy/production/serving/API/pipeline/monitoring.

Flags raised on a skill that the expectations do not list as named on the resume are reported
separately ("not on the resume"): that is a matching error of the skills step, not of the flag.

Rate = false flags / flags raised, per sample and over all samples. Expected flags that did not
fire are listed too (a flag that never fires is as much a bug as one that always fires).
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyzer.claims import extract_claims  # noqa: E402
from analyzer.dates import month_index  # noqa: E402
from analyzer.flags import find_flags  # noqa: E402
from analyzer.skill_classes import skill_classes  # noqa: E402
from analyzer.statements import resume_statements  # noqa: E402
from analyzer.models import Options, Skill  # noqa: E402
from analyzer.nlp import build_nlp  # noqa: E402
from analyzer.pipeline import analyze, load_resources  # noqa: E402
from analyzer.scoring import score_claims  # noqa: E402
from analyzer.skills import match_skills  # noqa: E402

EXPECTED = ROOT / "tests" / "expected"
WORK = ("experience", "projects", "education")
# Raised once per resume: when the expectations ask for one, it is right by definition.
RESUME_WIDE = {"dl_without_fundamentals", "no_deployment", "no_lifecycle", "keyword_padding"}
BASELINE_RE = re.compile(r"\bfrom\s+\S*\d\S*\s+to\s+\S*\d|\bagainst\b|\bcompared\b|\bvs\.?\s|\binstead of\b|\bbaseline\b",
                         re.IGNORECASE)
METHOD_RE = re.compile(r"\bby\s+[a-z]+ing\b", re.IGNORECASE)
DEPLOY_RE = re.compile(r"\b(deploy\w*|production|serv(ed|ing)|apis?|pipelines?|monitor\w*)\b", re.IGNORECASE)


class _Scanner:
    """Every taxonomy alias in one pattern, longest first, so "SQL Server" is not read as "SQL"."""

    def __init__(self, taxonomy) -> None:
        forms: dict[str, str] = {}
        for definition in taxonomy.skills:
            for alias in (definition.name, *definition.aliases):
                forms.setdefault(alias, definition.id)
        parts = []
        for alias in sorted(forms, key=len, reverse=True):
            body = re.escape(alias)
            # Short names ("R", "Go") only as printed; longer ones in any case.
            parts.append(f"(?<![\\w&.-]){body}(?![\\w&-])" if len(alias) <= 2 else f"(?i:(?<![\\w-]){body}(?![\\w-]))")
        self.pattern = re.compile("|".join(parts))
        self.ids = {alias.lower() if len(alias) > 2 else alias: skill_id for alias, skill_id in forms.items()}

    def skills_in(self, text: str) -> set[str]:
        found = set()
        for match in self.pattern.finditer(text):
            word = match.group()
            found.add(self.ids.get(word) or self.ids.get(word.lower(), ""))
        return found - {""}


def _names(taxonomy, skill_id: str) -> list[str]:
    try:
        definition = taxonomy.skill(skill_id)
    except KeyError:
        return []
    return [definition.name, *definition.aliases]


def _entry_texts(resume) -> list[tuple[object, str]]:
    return [(s.entry, s.text) for s in resume_statements(resume) if s.entry is not None and s.section in WORK]


def _is_backed(flag, claims, resume, taxonomy, options, scanner, confirmed) -> str:
    """Why the resume clearly backs the flagged claim, or '' when it does not."""
    claim = next((c for c in claims if c.id == flag.claim_id), None)
    texts = _entry_texts(resume)
    if flag.code in confirmed:
        return ""  # a resume-wide flag the hand-written expectations ask for
    if flag.code in ("unsupported_skill", "stale_claim") and claim is not None:
        for entry, text in texts:
            if claim.skill_ids[0] not in scanner.skills_in(text):
                continue
            if flag.code == "unsupported_skill":
                return f"written in {entry.label}: {text[:70]}"
            end = month_index(entry.end or entry.start, resume.as_of, end=True)
            now = month_index(resume.as_of, resume.as_of)
            if end is not None and now - end <= options.stale_years * 12:
                return f"written in recent {entry.label}: {text[:70]}"
    if flag.code == "metric_without_baseline" and claim is not None and claim.result is not None \
            and BASELINE_RE.search(claim.result.clause):
        return "the line states a baseline"
    if flag.code == "metric_without_method" and claim is not None:
        line = claim.evidence[0].quote if claim.evidence else claim.text
        if METHOD_RE.search(line):
            return "the line says how"
        named = sorted(scanner.skills_in(line))
        if named:
            return f"the line names {', '.join(named)}"
    if flag.code == "dl_without_fundamentals":
        for entry, text in texts:
            for skill_id in sorted(scanner.skills_in(text)):
                definition = taxonomy.skill(skill_id)
                probe = Skill(definition.id, definition.name, definition.category, definition.parents)
                if "ml" in skill_classes(probe, taxonomy):
                    return f"{definition.name} in {entry.label}"
    if flag.code == "no_deployment":
        for entry, text in texts:
            if entry.section != "education" and DEPLOY_RE.search(text):
                return f"{entry.label}: {text[:70]}"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()

    resources = load_resources()
    taxonomy = resources.taxonomy
    nlp = build_nlp(taxonomy)
    scanner = _Scanner(taxonomy)
    totals: Counter[str] = Counter()
    details: list[str] = []
    print(f"{'sample':36} {'flags':>5} {'absent':>6} {'backed':>6} {'not-on':>6} {'rate':>6}  missing expected")
    for path in sorted((ROOT / "samples").glob("*.pdf")):
        expected_path = EXPECTED / f"{path.stem}.toml"
        if not expected_path.exists():
            continue
        expected = tomllib.loads(expected_path.read_text())
        options = Options(as_of=expected["as_of"])
        resume = analyze(path, as_of=expected["as_of"], resources=resources).resume
        skills = match_skills(resume, taxonomy, nlp)
        statements = resume_statements(resume)
        claims = extract_claims(resume, skills, taxonomy, statements)
        flags = find_flags(resume, skills, claims, taxonomy, options, statements)
        claims = score_claims(claims, flags, skills)
        named = {n.lower() for n in expected.get("skills", {}).get("named", [])}
        absent = set(expected["flags"]["absent"])
        counts: Counter[str] = Counter(flags=len(flags))
        for flag in flags:
            why = ""
            if flag.code in absent:
                counts["absent"] += 1
                why = "listed as absent"
            elif (reason := _is_backed(flag, claims, resume, taxonomy, options, scanner,
                                       RESUME_WIDE & set(expected["flags"]["expected"]))):
                counts["backed"] += 1
                why = f"backed: {reason}"
            elif flag.claim_id and flag.claim_id.startswith("skill:"):
                claim = next(c for c in claims if c.id == flag.claim_id)
                known = {claim.text.lower(), *(a.lower() for a in _names(taxonomy, claim.skill_ids[0]))}
                if named and not known & named:
                    counts["not_on_resume"] += 1
                    why = "skill not on the resume (matching error)"
            if why:
                details.append(f"{path.stem}: {flag.code} {flag.claim_id or ''} -- {why}")
        missing = sorted(set(expected["flags"]["expected"]) - {f.code for f in flags})
        false = counts["absent"] + counts["backed"]
        rate = false / counts["flags"] if counts["flags"] else 0.0
        print(f"{path.stem:36} {counts['flags']:5d} {counts['absent']:6d} {counts['backed']:6d} "
              f"{counts['not_on_resume']:6d} {rate:6.1%}  {', '.join(missing) or '-'}")
        totals.update(counts)
    false = totals["absent"] + totals["backed"]
    rate = false / totals["flags"] if totals["flags"] else 0.0
    print(f"{'ALL':36} {totals['flags']:5d} {totals['absent']:6d} {totals['backed']:6d} "
          f"{totals['not_on_resume']:6d} {rate:6.1%}")
    print(f"\nfalse-flag rate: {false}/{totals['flags']} = {rate:.1%} "
          f"(plus {totals['not_on_resume']} flag(s) on skills the skills step found but the resume does not name)")
    if not args.quiet and details:
        print("\nFlags counted:")
        print("\n".join(f"  {line}" for line in details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
