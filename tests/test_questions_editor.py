"""The list-level editor of step 6 (analyzer/questions.py): one question per answer, method-led
templates, filler only to fill, the interviewer's order. Inputs are built by hand (fictional text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.models import (Claim, Contact, Document, Entry, Evidence, Flag, Line, Options, Project, Resume,
                             Section, Skill)
from analyzer.pipeline import analyze
from analyzer.questions import FILL_RATIO, MIN_FILL, generate_questions, list_problems
from analyzer.results import read_result
from analyzer.taxonomy import load_bank, load_taxonomy

ROOT = Path(__file__).resolve().parents[1]


def _line(text: str) -> Line:
    return Line(text=text, page=1, x0=50, top=100, x1=500, bottom=112)


def _resume(entries: tuple[Entry, ...], sections: tuple[Section, ...] = ()) -> Resume:
    lines = tuple(line for e in entries for line in e.lines)
    document = Document(name="x.pdf", sha256="0" * 64, pages=1, page_sizes=((612.0, 792.0),), lines=lines)
    return Resume(document=document, contact=Contact(name="Rowan"), sections=sections, entries=entries,
                  as_of="2026-11")


def _project(title: str, bullet: str) -> tuple[Entry, Evidence]:
    entry = Entry(section="projects", title=title, organization="", location="", start="2025-01", end="2025-06",
                  page=1, lines=(_line(bullet),))
    return entry, Evidence(section="projects", entry=entry.label, quote=bullet, page=1, start="2025-01",
                           end="2025-06", entry_index=0)  # the resume's only entry (see _resume)


def _skill(skill_id: str, name: str, category: str, evidence: Evidence) -> tuple[Skill, Claim]:
    skill = Skill(id=skill_id, name=name, category=category, used_in=(evidence.entry,), strength=0.7,
                  evidence=(evidence,))
    return skill, Claim(id=f"skill:{skill_id}", kind="skill", text=name, evidence=(evidence,),
                        skill_ids=(skill_id,), defensibility=70)


def test_a_measurement_flag_and_a_measurement_line_question_on_one_result_give_one_question(taxonomy):
    bullet = "Cut the weekly reporting time by 40% for the finance team"
    entry = Entry(section="experience", title="Analyst", organization="Bramblewick Foods", location="",
                  start="2024-01", end="present", page=1, lines=(_line(bullet),))
    evidence = Evidence(section="experience", entry=entry.label, quote=bullet, page=1, start="2024-01",
                        end="present", entry_index=0)
    # The result as the claims step reads the line (analyzer/results.py): a 40% cut, no method named.
    result = Claim(id="result:1", kind="result", text=bullet, evidence=(evidence,),
                   result=read_result(bullet, bullet, load_taxonomy().claims, False), defensibility=40)
    flag = Flag(code="metric_without_baseline", severity="medium", message="No starting point.", advice="Add it.",
                claim_id="result:1", evidence=(evidence,))
    questions = generate_questions(_resume((entry,)), (), (result,), (flag,), taxonomy, load_bank(),
                                   Options(as_of="2026-11", question_count=40))
    on_result = [q for q in questions if q.claim_id == "result:1"]
    measured = {"flag.metric_without_baseline", "flag.metric_without_method", "line.time_saved", "result.measured"}
    assert len([q for q in on_result if q.template in measured]) == 1


def test_a_project_gets_the_follow_up_its_method_invites(taxonomy):
    entry, evidence = _project("Meadowlark review ranker",
                               "Built an ensemble of gradient boosting and logistic regression to rank reviews")
    skill, claim = _skill("ensemble_methods", "ensemble methods", "ml_methods", evidence)
    project = Claim(id="project:meadowlark", kind="project", text="Meadowlark review ranker", evidence=(evidence,),
                    skill_ids=("ensemble_methods",), project=Project(name="Meadowlark review ranker", what=evidence.quote),
                    defensibility=70)
    questions = generate_questions(_resume((entry,)), (skill,), (claim, project), (), taxonomy, load_bank(),
                                   Options(as_of="2026-11", question_count=40))
    ensemble = [q for q in questions if q.template == "line.ensemble_gain"]
    assert [q.text for q in ensemble] == [
        "Against its best single model, what did the project \"Meadowlark review ranker\" gain by combining models, "
        "and was that gain worth the extra cost at prediction time?"]


def test_a_section_heading_taken_for_a_project_title_gets_no_walk_through(taxonomy):
    entry, evidence = _project("LANGUAGES", "English (native), Portuguese (fluent)")
    project = Claim(id="project:languages", kind="project", text="LANGUAGES", evidence=(evidence,),
                    project=Project(name="LANGUAGES", what=evidence.quote), defensibility=40)
    questions = generate_questions(_resume((entry,)), (), (project,), (), taxonomy, load_bank(),
                                   Options(as_of="2026-11", question_count=40))
    assert not [q for q in questions if q.claim_id == "project:languages"]


@pytest.mark.parametrize("perspective", ["candidate", "interviewer"])
def test_questions_that_fit_any_resume_only_fill_the_list(perspective):
    report = analyze(ROOT / "samples" / "mlops_daniel_osei.pdf", as_of="2026-11",
                     options=Options(perspective=perspective, as_of="2026-11"))
    assert list_problems(report.questions, perspective) == ()
    templates = {t.id: t for t in load_bank().templates}
    topics = {q.id for t in load_bank().topics for q in t.questions}
    # Filler: a textbook or baseline question, or a template whose text names nothing from the resume.
    fill = [q for q in report.questions if q.area != 12 and (
        q.anchor == "baseline" or (q.template in templates and not templates[q.template].slots
                                   and not q.text.startswith("You list")))]
    specific = [q for q in report.questions if q not in fill and q.area != 12 and q.template not in topics]
    assert len(fill) <= max(MIN_FILL, round(FILL_RATIO * len(specific)))


def test_the_interviewer_list_starts_with_questions_built_from_the_resume():
    report = analyze(ROOT / "samples" / "mlops_daniel_osei.pdf", as_of="2026-11",
                     options=Options(perspective="interviewer", as_of="2026-11"))
    candidate = analyze(ROOT / "samples" / "mlops_daniel_osei.pdf", as_of="2026-11",
                        options=Options(perspective="candidate", as_of="2026-11"))
    first = report.questions[0]
    # "result." too: "You moved p99 latency from 180 ms to 45 ms: what produced the 180 ms?" is built
    # from the line's own numbers (since it asks only of a number the work moved, it counts as a line template)
    assert first.anchor == "claim" and first.quote and first.template.startswith(("line.", "project.", "result."))
    assert [q.id for q in report.questions] != [q.id for q in candidate.questions if q.area != 12]
    assert all(q.why.startswith("A strong answer:") for q in report.questions)



@pytest.mark.parametrize(("title", "named"), [
    ("Leafspot Detector", True),  # asked as 'the image classifier in "Leafspot Detector"' 
    ("Northgate School of Computing", False),  # the place a student project was done, read as its title
    ("Trained a detector for the lab.", False),  # a sentence's tail, not a name
])
def test_a_project_is_named_by_its_title_only_when_the_title_is_a_name(tmp_path, title, named):
    from factory import simple_resume

    path = tmp_path / "cv.pdf"
    path.write_bytes(simple_resume("# Projects", f"* {title} 2024 - 2025",
                                   "- Built an image classifier with PyTorch on 4,000 labelled leaf photos",
                                   "# Skills", "Python, PyTorch, SQL"))
    report = analyze(path, as_of="2026-11")
    quoted = f'in "{title}"'  # the walk-through names the project: '... in "Title" with PyTorch on ...: the problem, ...'
    assert any(quoted in q.text for q in report.questions) is named


def test_an_exam_question_led_in_by_a_line_gets_no_simpler_baseline_follow_up(tmp_path):
    from factory import simple_resume

    path = tmp_path / "cv.pdf"
    path.write_bytes(simple_resume("# Experience", "* Data Scientist, Quillby Freight 2022 - present",
                                   "- Used scikit-learn and pandas to clean shipment records",
                                   "- Trained random forest models to predict late deliveries",
                                   "# Skills", "Python, pandas, scikit-learn, random forests"))
    report = analyze(path, as_of="2026-11")
    led = [q for q in report.questions if q.text.startswith("At Quillby Freight you")]
    # reviewers found "why did it suit that work better than a simpler baseline?" dangling under exam
    # questions (what a gradient is, how a forest votes): the line's own templates ask for the baseline
    assert led and not [f for q in led for f in q.followups if "simpler baseline" in f]


def test_a_list_number_is_not_part_of_a_project_name():
    from analyzer.questions import title_head

    assert [title_head(t) for t in ("5. Sales Dashboard", "ii) Churn radar", "2024 Survey")] == [
        "Sales Dashboard", "Churn radar", "2024 Survey"]
