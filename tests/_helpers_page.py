"""The resume the page tests upload, and hand-built reports for the export, highlight and view tests.

The resume PDF is built in memory and read by the real reader (so every Evidence carries a real
page and box); the findings (skills, claims, flags, readiness, questions) are written by hand here,
so the renderers are tested on chosen edge cases (formula cells, accented names, a question
tied to every area) independently of what the pipeline happens to find.
"""

from __future__ import annotations


from factory import simple_resume

from analyzer.extract import read_pdf
from analyzer.models import (
    AreaReadiness,
    Claim,
    Contact,
    Entry,
    Evidence,
    Flag,
    Question,
    Report,
    Result,
    Resume,
    Section,
    Skill,
)

NAME = "Zoë Dvořák-Ñúñez"
RESUME_LINES = (
    "zoe@example.org · +44 20 7946 0000 · Bristol",
    "# Experience",
    "* Data Scientist, Acme Analytics  2021-03 to present",
    "- Built a churn model in Python with XGBoost — lifted retention 18%",
    "- Ran A/B tests on pricing; =HYPERLINK(\"http://x\") wrote the readout",
    "# Education",
    "* MSc Statistics, University of Bristol  2019 to 2020",
    "# Skills",
    "Python, SQL, XGBoost, Kubernetes",
)


def resume_pdf() -> bytes:
    return simple_resume(*RESUME_LINES, name=NAME)


def _line(document, starts: str):
    return next(line for line in document.lines if line.text.startswith(starts))


def _evidence(line, section: str, entry: str = "", start: str | None = None, end: str | None = None) -> Evidence:
    # The one job is the first entry of hand_report's resume.
    return Evidence(section=section, entry=entry, quote=line.text, page=line.page, bbox=line.bbox, start=start, end=end,
                    entry_index=0 if entry else None)


def findings(lines_by_role: dict[str, object], *, file_label: str = "") -> dict[str, tuple]:
    """Skills, claims, flags, readiness and questions tied to the given resume lines."""
    churn, ab, skills_line = lines_by_role["churn"], lines_by_role["ab"], lines_by_role["skills"]
    job = "Data Scientist, Acme Analytics"
    ev_churn = _evidence(churn, "experience", job, "2021-03", "present")
    ev_ab = _evidence(ab, "experience", job, "2021-03", "present")
    ev_list = _evidence(skills_line, "skills")
    skills = (
        Skill(id="python", name="Python", category="languages", used_in=(job,), last_used="present", months_used=60,
               strength=0.8, evidence=(ev_churn, ev_list)),
        Skill(id="xgboost", name="XGBoost", category="ml_libraries", used_in=(job,), last_used="present",
               months_used=60, strength=0.6, evidence=(ev_churn,)),
        Skill(id="kubernetes", name="Kubernetes", category="mlops", listed_only=True, strength=0.1, evidence=(ev_list,)),
    )
    claims = (
        Claim(id="result:1", kind="result", text=churn.text, evidence=(ev_churn,), skill_ids=("xgboost",),
              result=Result(metric="retention", value="18%", unit="%", baseline="", direction="up", has_method=True,
                            clause=churn.text), defensibility=35, reasons=("no baseline",)),
        Claim(id="skill:kubernetes", kind="skill", text="Kubernetes", evidence=(ev_list,), skill_ids=("kubernetes",),
              defensibility=10, reasons=("listed only",)),
        Claim(id="project:ab", kind="project", text=ab.text, evidence=(ev_ab,), defensibility=70),
    )
    flags = (
        Flag(code="listed_only", severity="medium", message="Kubernetes is listed but never used in a role.",
             advice="Tie it to a project or drop it.", claim_id="skill:kubernetes", area=7),
        Flag(code="metric_without_baseline", severity="high", message="An 18% lift with no baseline.",
             advice="Say what retention was before and over which period.", claim_id="result:1",
             evidence=(ev_churn,), area=1),
        Flag(code="formula_cell", severity="info", message="=1+1 looks like a formula.", advice="-none-", area=6),
    )
    readiness = (
        AreaReadiness(area=1, name="Resume deep dive", score=55, summary="Two results lack baselines."),
        AreaReadiness(area=4, name="Machine learning breadth", score=70, summary="Boosting is well backed."),
        AreaReadiness(area=7, name="Productionisation & deployment", score=20, summary="Kubernetes is listed only."),
    )
    questions = (
        Question(id="q-churn-baseline", text="What was retention before the churn model — and how did you measure the 18%?",
                 area=1, kind="deep-dive", difficulty=2, topic="churn", why="The result gives no baseline.",
                 anchor="flag", claim_id="result:1", flag_code="metric_without_baseline", quote=churn.text,
                 page=churn.page, followups=("Which cohort?",)),
        Question(id="q-xgb-explain", text="Explain how gradient boosting builds trees one after another.", area=4,
                 kind="explain", difficulty=1, topic="xgboost", why="XGBoost is named in your churn work.",
                 anchor="claim", claim_id="result:1", quote=churn.text, page=churn.page),
        Question(id="q-k8s-design", text="=SUM(A1) How would you deploy the churn model on Kubernetes?", area=7,
                 kind="design", difficulty=3, topic="kubernetes", why="Kubernetes is listed but never used.",
                 anchor="flag", claim_id="skill:kubernetes", flag_code="listed_only", quote=skills_line.text,
                 page=skills_line.page),
        Question(id="q-ab-power", text="How did you choose the sample size for the pricing test?", area=3,
                 kind="derive", difficulty=2, topic="ab_testing", why="You ran A/B tests • on pricing.",
                 anchor="claim", claim_id="project:ab", quote=ab.text, page=ab.page),
    )
    return {"skills": skills, "claims": claims, "flags": flags, "readiness": readiness, "questions": questions}


def hand_report() -> tuple[bytes, Report]:
    """(pdf bytes, report): the real reader's Document, hand-made structure and findings."""
    data = resume_pdf()
    document = read_pdf(data, name="zoe_resume.pdf")
    churn, ab = _line(document, "Built a churn"), _line(document, "Ran A/B")
    skills_line = _line(document, "Python, SQL")
    job_heading = _line(document, "Data Scientist")
    degree = _line(document, "MSc Statistics")
    sections = (
        Section(kind="experience", title="EXPERIENCE", page=1, lines=(job_heading, churn, ab)),
        Section(kind="education", title="EDUCATION", page=1, lines=(degree,)),
        Section(kind="skills", title="SKILLS", page=1, lines=(skills_line,)),
    )
    entries = (
        Entry(section="experience", title="Data Scientist", organization="Acme Analytics", location="",
              start="2021-03", end="present", page=1, lines=(churn, ab), heading=(job_heading,)),
        Entry(section="education", title="MSc Statistics", organization="University of Bristol", location="Bristol",
              start="2019", end="2020", page=1, heading=(degree,)),
    )
    contact = Contact(name=NAME, emails=("zoe@example.org",), phones=("+44 20 7946 0000",), location="Bristol")
    resume = Resume(document=document, contact=contact, sections=sections, entries=entries, as_of="2026-11")
    found = findings({"churn": churn, "ab": ab, "skills": skills_line})
    return data, Report(resume=resume, settings=(("as_of", "2026-11"),), **found)

