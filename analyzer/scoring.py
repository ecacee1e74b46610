"""Step 5c: scores. How well the resume itself backs each claim, and readiness per interview area.

    score_claims(claims, flags, skills) -> claims with ``defensibility`` (0-100) and ``reasons``
    assess_readiness(claims, flags, skills, taxonomy) -> one AreaReadiness per interview area

The whole rubric is the table ``RUBRIC`` below: a starting score per claim kind, then named rules
that add or take away points, then a deduction for every flag raised on the claim by severity.
Each rule that applies becomes a reason ("+25 used in a job, project or study"), so a score can
always be explained line by line. Known limits: the rubric judges only what is written; a claim
the candidate can defend perfectly still scores low when the resume shows nothing behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from analyzer.links import dedupe_key
from analyzer.models import AreaReadiness, Claim, Flag, Link, Severity, Skill
from analyzer.skill_classes import is_used
from analyzer.taxonomy import Taxonomy

# --- the rubric -------------------------------------------------------------------------------------

# Links to a whole profile or an unknown page: nothing specific to open and read.
_GENERAL_LINKS = ("github_profile", "kaggle", "other")


def is_specific_link(link: Link) -> bool:
    """A valid link to one repository, post or paper (not a profile or an unknown page)."""
    return link.valid and link.kind not in _GENERAL_LINKS


# Where each kind of claim starts before any rule applies.
START = {"skill": 40, "project": 40, "result": 40, "link": 50, "publication": 60, "talk": 55,
         "patent": 60, "certification": 45}

# Points taken away for each flag raised on the claim itself, by the flag's severity.
FLAG_DEDUCTION = {Severity.HIGH: 30, Severity.MEDIUM: 20, Severity.LOW: 10, Severity.INFO: 0}


@dataclass(frozen=True)
class _Facts:
    """What the rules may look at besides the claim: skills by id, and every claim."""

    skills: dict[str, Skill]
    claims: tuple[Claim, ...]

    def skill(self, claim: Claim) -> Skill | None:
        return self.skills.get(claim.skill_ids[0]) if claim.kind == "skill" and claim.skill_ids else None

    def in_results(self, skill_id: str) -> bool:
        return any(skill_id in c.skill_ids for c in self.claims if c.kind == "result")

    def is_cited(self, link_claim: Claim) -> bool:
        key = dedupe_key(link_claim.link.url) if link_claim.link else ""
        return any(key in c.links for c in self.claims if c.kind != "link")


@dataclass(frozen=True)
class Rule:
    reason: str  # read as "+N <reason>"
    points: int
    kinds: tuple[str, ...]
    applies: Callable[[Claim, _Facts], bool]


def _skill_is(test: Callable[[Skill], bool]) -> Callable[[Claim, _Facts], bool]:
    return lambda claim, facts: (skill := facts.skill(claim)) is not None and test(skill)


RUBRIC: tuple[Rule, ...] = (
    # Skills: shown in use, more than once, over time, with a measurable result.
    Rule("used in a job, project or study", 25, ("skill",), _skill_is(is_used)),
    Rule("used in two or more jobs or projects", 10, ("skill",), _skill_is(lambda s: len(s.used_in) >= 2)),
    Rule("used for a year or more", 5, ("skill",), _skill_is(lambda s: s.months_used >= 12)),
    Rule("named in a line with a measured result", 10, ("skill",),
         lambda c, f: bool(c.skill_ids) and f.in_results(c.skill_ids[0])),
    Rule("only inferred from a description, never named", -10, ("skill",), _skill_is(lambda s: s.inferred)),
    # Projects: the walk-through an interviewer asks for (methods, data, outcome, dates, code).
    Rule("names the methods or tools used", 15, ("project",), lambda c, f: bool(c.skill_ids)),
    Rule("states an outcome", 15, ("project",), lambda c, f: c.project is not None and c.project.outcome is not None),
    Rule("names its data", 10, ("project",), lambda c, f: c.project is not None and bool(c.project.data)),
    Rule("dated", 5, ("project", "publication", "talk", "patent", "certification"),
         lambda c, f: bool(c.year) or (c.project is not None and c.project.is_dated)),
    Rule("links to code or writing", 15, ("project", "publication", "talk"), lambda c, f: bool(c.links)),
    # Results: how it was reached and compared with what.
    Rule("says how it was achieved", 20, ("result",), lambda c, f: c.result is not None and c.result.has_method),
    Rule("gives a starting point or comparison", 20, ("result",),
         lambda c, f: c.result is not None and (bool(c.result.baseline) or not c.result.is_improvement)),
    Rule("names the metric", 10, ("result",), lambda c, f: c.result is not None and bool(c.result.metric)),
    # Links: something specific to open, tied to a line of the resume.
    Rule("points at a specific repository, post or paper", 20, ("link",),
         lambda c, f: c.link is not None and is_specific_link(c.link)),
    Rule("cited by a project or publication on the resume", 15, ("link",), lambda c, f: f.is_cited(c)),
    # Publications, talks, patents, certifications: tied to skills the resume shows.
    Rule("names skills the resume shows", 10, ("publication", "talk", "patent", "certification"),
         lambda c, f: bool(c.skill_ids)),
)


def _score(claim: Claim, flags: tuple[Flag, ...], facts: _Facts) -> Claim:
    score = START.get(claim.kind, 40)
    reasons = [f"{score} to start ({claim.kind})"]
    for rule in RUBRIC:
        if claim.kind in rule.kinds and rule.applies(claim, facts):
            score += rule.points
            reasons.append(f"{rule.points:+d} {rule.reason}")
    for flag in (f for f in flags if f.claim_id == claim.id):
        deduction = FLAG_DEDUCTION[flag.severity]
        if deduction:
            score -= deduction
            reasons.append(f"{-deduction:+d} flag {flag.code} ({flag.severity})")
    return replace(claim, defensibility=max(0, min(100, score)), reasons=tuple(reasons))


def score_claims(claims: tuple[Claim, ...], flags: tuple[Flag, ...], skills: tuple[Skill, ...]) -> tuple[Claim, ...]:
    """The claims, in the same order, with their defensibility score and the reasons for it."""
    facts = _Facts({s.id: s for s in skills}, tuple(claims))
    return tuple(_score(claim, tuple(flags), facts) for claim in claims)


# --- readiness per interview area ------------------------------------------------------------------

# An area nothing on the resume points at is neither strong nor weak: the baseline questions apply.
NEUTRAL = 50


def _claim_areas(claim: Claim, skills: dict[str, Skill], taxonomy: Taxonomy) -> tuple[int, ...]:
    if claim.kind == "result":
        return (2,)
    if claim.kind != "skill":
        return (1,)
    skill = skills.get(claim.skill_ids[0]) if claim.skill_ids else None
    areas = (taxonomy.skill(skill.id).areas or taxonomy.category(skill.category).areas) if skill is not None else ()
    return areas or (1,)


def assess_readiness(claims: tuple[Claim, ...], flags: tuple[Flag, ...], skills: tuple[Skill, ...],
                     taxonomy: Taxonomy) -> tuple[AreaReadiness, ...]:
    """One row per interview area: the mean defensibility of its claims less its resume-wide flags."""
    by_id = {s.id: s for s in skills}
    rows = []
    for area in taxonomy.areas:
        mine = [c for c in claims if area.id in _claim_areas(c, by_id, taxonomy)]
        # Flags on a claim already lowered that claim's score; resume-wide flags lower the area.
        wide = [f for f in flags if f.area == area.id and f.claim_id is None]
        on_claims = [f for f in flags if f.area == area.id and f.claim_id is not None]
        score = round(sum(c.defensibility for c in mine) / len(mine)) if mine else NEUTRAL
        score -= sum(FLAG_DEDUCTION[f.severity] for f in wide)
        rows.append(AreaReadiness(area.id, area.name, max(0, min(100, score)), _summary(mine, wide + on_claims)))
    return tuple(rows)


def _summary(claims: list[Claim], flags: list[Flag]) -> str:
    if not claims and not flags:
        return "Nothing on the resume points here; expect the baseline questions."
    parts = []
    if claims:
        weakest = min(claims, key=lambda c: (c.defensibility, c.id))
        parts.append(f"{len(claims)} claim(s); weakest: {weakest.text[:60]} ({weakest.defensibility}/100)")
    if flags:
        codes = sorted({f.code for f in flags})
        parts.append(f"{len(flags)} flag(s): {', '.join(codes)}")
    return "; ".join(parts) + "."
