"""analyzer/view.py: the rows, groups, filters and marks the page shows."""

from __future__ import annotations

from dataclasses import replace

import pytest

from _helpers_page import hand_report

from analyzer import view
from analyzer.models import Flag


@pytest.fixture(scope="module")
def report():
    return hand_report()[1]


def test_overview_counts(report):
    o = view.overview(report)
    assert (o.skills, o.claims, o.flags, o.questions) == (3, 3, 3, 4)
    assert o.name == report.resume.contact.name and o.pages == 1


def test_readiness_rows_in_area_order(report):
    shuffled = replace(report, readiness=tuple(reversed(report.readiness)))
    assert [r["area"] for r in view.readiness_rows(shuffled)] == [1, 4, 7]


def test_most_exposed_claims_least_defensible_first(report):
    assert [c.id for c in view.most_exposed_claims(report, limit=2)] == ["skill:kubernetes", "result:1"]


def test_skill_rows_by_category_then_strength(report):
    rows = view.skill_rows(report)
    # categories by their names (taxonomy/categories.toml), never their ids; an id the taxonomy
    # does not hold (these are hand-made) reads as its words
    assert [(r["category"], r["skill"]) for r in rows] == [
        ("Languages", "Python"), ("Machine-learning libraries", "XGBoost"), ("MLOps, deployment and serving", "Kubernetes")]
    assert rows[2]["listed only"] is True and rows[0]["quotes"] == 2


def test_flags_grouped_highest_first_unknown_last(report):
    odd = Flag(code="x", severity="curious", message="m", advice="a")
    groups = view.flags_by_severity(replace(report, flags=report.flags + (odd,)))
    assert [severity for severity, _ in groups] == ["high", "medium", "info", "curious"]


def test_filter_questions_every_facet(report):
    qs = report.questions
    assert view.filter_questions(qs) == list(qs)
    assert [q.id for q in view.filter_questions(qs, areas=[4, 7])] == ["q-xgb-explain", "q-k8s-design"]
    assert [q.id for q in view.filter_questions(qs, difficulties=[2], kinds=["derive"])] == ["q-ab-power"]
    assert view.filter_questions(qs, areas=[12]) == []
    assert view.question_facets(qs) == ([1, 3, 4, 7], ["deep-dive", "derive", "design", "explain"], [1, 2, 3])


def test_questions_grouped_by_area_in_order(report):
    assert [area for area, _ in view.questions_by_area(report.questions)] == [1, 3, 4, 7]


def test_area_names_prefer_the_report_then_taxonomy(report):
    names = view.area_names(report)
    assert names[1] == "Resume deep dive"
    assert names[3] == "Close-ended fundamentals"  # not in the report's readiness: from taxonomy/areas.toml
    assert view.area_label(99, names) == "Area 99"


def test_escape_markdown_leaves_nothing_live():
    text = view.escape_markdown("<b>x</b> [a](javascript:1) $x$ :red[y] *z*\nnext")
    for live in ("<b>", "](", "$x$", ":red[", "*z*", "\n"):
        assert live not in text
    assert text.replace("\\", "") == "<b>x</b> [a](javascript:1) $x$ :red[y] *z* next"


def test_evidence_line(report):
    evidence = report.skills[0].evidence[0]
    assert view.evidence_line(evidence) == "p. 1 · experience · Data Scientist, Acme Analytics · 2021-03 to present"


def test_flag_evidence_falls_back_to_the_claim(report):
    listed = next(f for f in report.flags if f.code == "listed_only")
    assert listed.evidence == ()
    assert view.flag_evidence(report, listed) == next(c for c in report.claims if c.id == "skill:kubernetes").evidence
    orphan = Flag(code="x", severity="low", message="m", advice="a", claim_id="missing")
    assert view.flag_evidence(report, orphan) == ()


def test_escape_markdown_breaks_autolinks_invisibly():
    text = view.escape_markdown("https://evil.example www.evil.example me@evil.example")
    assert "://" not in text and "www." not in text.replace("\\", "") and "e@" not in text
    visible = text.replace("\\", "").replace("\u2060", "")
    assert visible == "https://evil.example www.evil.example me@evil.example"


def test_the_interviewer_view_leaves_the_notes_on_listed_skills_to_the_candidate(report):
    note = Flag(code="unsupported_skill", severity="low", message="Named only in a skills list: Git, Bash.",
                advice="Prepare a sentence.", variant="everyday")
    gap = Flag(code="unsupported_skill", severity="medium", message="Spark appears only in a skills list.",
               advice="Add a line.")
    flags = report.flags + (note, gap)
    interviewer = replace(report, flags=flags, settings=(("perspective", "interviewer"),))
    candidate = replace(report, flags=flags, settings=(("perspective", "candidate"),))
    assert note not in view.shown_flags(interviewer) and gap in view.shown_flags(interviewer)
    assert view.notes_for_candidate(interviewer) == 1 and view.notes_for_candidate(candidate) == 0
    assert view.overview(interviewer).flags == view.overview(candidate).flags - 1
    assert not [g for g in view.flag_groups(interviewer) if note in g.flags]


def test_the_interviewer_view_leaves_the_plain_link_note_and_buzzwords_to_the_candidate(report):
    """Reviewers rated "interviewers open the links", a lone buzzword and half the "last used" notes noise on
    an interviewer's list; a link that is someone else's or broken is a finding and stays."""
    plain = Flag(code="link_to_check", severity="info", message="Interviewers open the links on a resume.",
                 advice="Re-read it.")
    others = Flag(code="link_to_check", severity="info", message="That repository is another account's.",
                  advice="Say whose it is.", variant="other_account")
    buzz = Flag(code="vague_claim", severity="low", message='"results-driven" names nothing.', advice="Cut it.")
    old = Flag(code="stale_claim", severity="low", message="HDF5 was last used in 2019.", advice="Say what you use now.")
    interviewer = replace(report, flags=report.flags + (plain, others, buzz, old),
                          settings=(("perspective", "interviewer"),))
    shown = view.shown_flags(interviewer)
    assert (plain in shown, others in shown, buzz in shown, old in shown) == (False, True, False, False)

