"""Scores (analyzer/scoring.py): the rubric's arithmetic and readiness per interview area."""

from __future__ import annotations

import re

from _helpers_claims import build_resume, find_skills, job, link, section
from analyzer.claims import extract_claims
from analyzer.statements import resume_statements
from analyzer.flags import find_flags
from analyzer.models import Flag, Options, Severity
from analyzer.scoring import NEUTRAL, RUBRIC, START, assess_readiness, score_claims


def _unscored(taxonomy):
    resume = build_resume(
        section("experience", "Experience",
                job("Data Scientist", "Acme", "2022-01", "present",
                    "Trained an XGBoost model in Python on 2M transactions; raised recall from 60% to 72%.",
                    "Reduced churn by 12% across the annual plans."),
                job("Analyst", "Beta", "2015-01", "2021-12", "Reports in SAS and Python.")),
        section("projects", "Projects", job("Fraud scoring", "", "2023", "2023",
                                            "XGBoost in Python; code at github.com/someone/fraud")),
        section("skills", "Skills", "Python, XGBoost, Julia, SAS"),
        links=(link("https://github.com/someone/fraud", "github_repo"), link("https://github.com/someone", "github_profile")),
    )
    skills = find_skills(resume)
    claims = extract_claims(resume, skills, taxonomy, resume_statements(resume))
    flags = find_flags(resume, skills, claims, taxonomy, Options())
    return skills, claims, flags


def _analysis(taxonomy):
    skills, claims, flags = _unscored(taxonomy)
    return skills, score_claims(claims, flags, skills), flags


def test_reasons_add_up_to_the_score(taxonomy):
    _, claims, _ = _analysis(taxonomy)
    for claim in claims:
        assert claim.reasons[0] == f"{START[claim.kind]} to start ({claim.kind})"
        total = START[claim.kind] + sum(int(re.match(r"[+-]\d+", r).group()) for r in claim.reasons[1:])
        assert claim.defensibility == max(0, min(100, total)), claim.id


def test_backed_claims_score_above_unbacked_ones(taxonomy):
    _, claims, _ = _analysis(taxonomy)
    score = {c.id: c.defensibility for c in claims}
    assert score["skill:python"] > score["skill:sas"] > score["skill:julia"]  # used now > used long ago > listed only
    assert "-20 flag unsupported_skill (medium)" in next(c for c in claims if c.id == "skill:julia").reasons
    results = [c for c in claims if c.kind == "result"]
    assert results[0].defensibility > results[1].defensibility  # from-to with a method > bare "by 12%"
    assert score["link:github.com/someone/fraud"] > score["link:github.com/someone"]
    assert "+15 cited by a project or publication on the resume" in next(
        c for c in claims if c.id == "link:github.com/someone/fraud").reasons


def test_every_rule_is_named_once():
    assert all(rule.reason and rule.kinds and rule.points != 0 for rule in RUBRIC)
    assert len({rule.reason for rule in RUBRIC}) == len(RUBRIC)


def test_a_flag_costs_its_claim_more_the_more_severe_it_is(taxonomy):
    skills, claims, _ = _unscored(taxonomy)
    claim_id = "skill:sas"  # used long ago: a middling score, far from both ends of 0..100

    def score(*severities: Severity) -> int:
        flags = tuple(Flag(code="stale_claim", severity=s, message="m", advice="a", claim_id=claim_id) for s in severities)
        return next(c for c in score_claims(claims, flags, skills) if c.id == claim_id).defensibility

    costs = [score() - score(severity) for severity in Severity]
    assert costs == sorted(set(costs), reverse=True), "each severity costs strictly less than the one above it"
    assert costs[-1] == 0, "an information flag costs nothing"
    assert score() - score(Severity.LOW, Severity.LOW) == 2 * costs[-2], "each flag on the claim counts"


def test_readiness_has_one_row_per_area(taxonomy):
    skills, claims, flags = _analysis(taxonomy)
    rows = assess_readiness(claims, flags, skills, taxonomy)
    assert [r.area for r in rows] == list(range(1, 13))
    assert [r.name for r in rows] == [a.name for a in taxonomy.areas]
    by_area = {r.area: r for r in rows}
    # No deployment wording: the area is exposed below neutral and says why.
    assert by_area[7].score < NEUTRAL and "no_deployment" in by_area[7].summary
    # Nothing on the resume about DSA: neutral.
    assert by_area[10].score == NEUTRAL and "baseline" in by_area[10].summary
    assert "metric_without_baseline" in by_area[2].summary
    assert rows == assess_readiness(claims, flags, skills, taxonomy)


def test_an_empty_resume_is_neutral_everywhere(taxonomy):
    resume = build_resume(section("summary", "Summary", "Nurse."))
    rows = assess_readiness((), (), (), taxonomy)
    assert {r.score for r in rows} == {NEUTRAL}
    assert score_claims(extract_claims(resume, (), taxonomy, resume_statements(resume)), (), ()) == ()


def test_every_table_by_severity_names_each_severity():
    from analyzer.practice.plan import SEVERITY_EXPOSURE
    from analyzer.questions import _SEVERITY
    from analyzer.scoring import FLAG_DEDUCTION

    assert set(FLAG_DEDUCTION) == set(_SEVERITY) == set(SEVERITY_EXPOSURE) == set(Severity)
