"""analyzer/alignment.py and analyzer/posting_questions.py, through analyze(resume, job=...): the
alignment rows, the years, the questions a posting adds, and that a resume alone is unchanged."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from factory import simple_resume

from analyzer import report as report_json
from analyzer.errors import BadPosting
from analyzer.export import FORMATS
from analyzer.models import Options
from analyzer.pipeline import analyze
from analyzer.questions import generate_questions
from analyzer.view import escape_markdown

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11"
RESUME = simple_resume(
    "ines.moreau@example.org · Lyon",
    "# Experience",
    "* Data Scientist, Larkspur Mobility  Mar 2022 - present",
    "- Built a demand forecast in Python with LightGBM that cut mean absolute error by 21% on 40k daily trips",
    "- Wrote SQL in Snowflake to join trips, weather and pricing tables for 3 markets, saving 6 hours a week",
    "* Analyst, Pelican Insurance  Jan 2016 - Dec 2018",
    "- Built churn reports in R for the retention team",
    "# Education",
    "* MSc Applied Statistics, Université de Lyon  2014 - 2015",
    "# Skills",
    "Python, SQL, R, LightGBM, Snowflake, Kubernetes, Git",
    name="Inès Moreau",
)
POSTING = """Orchard Freight - Senior Data Scientist, Routing

About us
Orchard Freight is a logistics company that moves fresh produce between farms and supermarkets
across Europe. Our routing products plan thousands of deliveries every night.

What you'll do
- Build forecasting models for delivery volumes and retrain them weekly as demand shifts
- Partner with engineers to deploy models to production behind our routing API
- Design experiments with the operations team to test new routing rules

Requirements
- 6+ years of experience in data science
- Strong Python and SQL
- Experience with Kafka for streaming data
- Experience running workloads on Kubernetes
- Hands-on experience with R for statistical analysis

Nice to have
- Experience with Airflow
"""


@pytest.fixture(scope="module")
def plain(resources):
    return analyze(RESUME, AS_OF, name="ines.pdf", resources=resources)


@pytest.fixture(scope="module")
def with_job(resources):
    return analyze(RESUME, AS_OF, name="ines.pdf", resources=resources, job=POSTING)


def _row(report, skill_id):
    return next(r for r in report.alignment.rows if r.skill_id == skill_id)


def test_without_a_posting_the_report_has_none_and_the_questions_are_the_resume_ones(plain, resources):
    assert plain.posting is None and plain.alignment is None
    assert "posting" not in report_json.to_dict(plain) and "alignment" not in report_json.to_dict(plain)
    # The list is exactly what step 6 gives for this resume alone.
    options = Options(as_of=AS_OF)
    alone = generate_questions(plain.resume, plain.skills, plain.claims, plain.flags, resources.taxonomy,
                               resources.bank, options)
    assert plain.questions == alone
    assert not any(q.anchor in ("posting", "company") for q in plain.questions)


def test_with_a_posting_the_resume_questions_keep_their_order(plain, with_job):
    from_resume = [q for q in with_job.questions if q.anchor not in ("posting", "company")]
    assert from_resume and from_resume == [q for q in plain.questions if q in from_resume]
    # question_count is a ceiling: a posting may fill a list the resume alone left short, never past it
    assert len(plain.questions) <= len(with_job.questions) <= Options(as_of=AS_OF).question_count
    assert with_job.skills == plain.skills and with_job.flags == plain.flags


def test_the_posting_is_read(with_job):
    posting = with_job.posting
    assert (posting.company, posting.years, posting.seniority) == ("Orchard Freight", 6, "senior")
    assert [s.id for s in posting.preferred] == ["airflow"]
    assert {"python", "sql", "kafka", "kubernetes", "r", "time_series_forecasting"} <= {s.id for s in posting.required}


def test_each_row_has_evidence_on_both_sides(with_job):
    python = _row(with_job, "python")
    assert python.status == "strong" and python.posting_quote == "Strong Python and SQL"
    assert python.evidence[0].quote.startswith("Built a demand forecast in Python")
    kafka = _row(with_job, "kafka")
    assert kafka.status == "missing" and kafka.evidence == ()
    assert kafka.posting_quote == "Experience with Kafka for streaming data"


def test_weak_rows_say_why(with_job, resources):
    texts = resources.taxonomy.postings.alignment
    kubernetes = _row(with_job, "kubernetes")
    assert kubernetes.status == "weak" and kubernetes.reasons == (texts["listed_only"],)
    r = _row(with_job, "r")
    assert r.status == "weak" and r.reasons == ("last used in 2018",)


def test_years_asked_against_years_shown(with_job):
    alignment = with_job.alignment
    # Jan 2016 - Dec 2018 (36 months) and Mar 2022 - Nov 2026 (57 months): 93 months.
    assert (alignment.years_asked, alignment.years_shown) == (6, 7.8)
    assert not any("years of experience" in s for s in alignment.prepare_first)


def test_prepare_first_starts_with_the_missing_requirements(with_job):
    first = with_job.alignment.prepare_first[0]
    assert first.startswith("Required but not on your resume: ") and "Kafka" in first


def test_a_missing_required_skill_gets_a_question_quoting_the_posting(with_job):
    question = next(q for q in with_job.questions if q.anchor == "posting" and q.topic == "Kafka")
    assert question.quote == "Experience with Kafka for streaming data"
    assert '"Experience with Kafka for streaming data"' in question.text
    assert "Have you used Kafka?" in question.text and question.why.startswith("The posting says")


def test_know_the_company_questions_name_the_company(with_job):
    company = [q for q in with_job.questions if q.area == 11]
    assert len(company) == 2 and all("Orchard Freight" in q.text for q in company)
    assert all(q.anchor == "company" for q in company)


def test_responsibilities_become_scenarios_and_the_posting_suggests_questions_to_ask(with_job):
    scenario = next(q for q in with_job.questions if q.topic == "the role" and q.quote.startswith("Build forecasting"))
    assert scenario.area == 8 and "retrain them weekly" in scenario.text
    asks = [q for q in with_job.questions if q.area == 12]
    assert len(asks) == 2 and all(q.anchor == "posting" and q.quote for q in asks)


def test_a_bad_posting_raises_before_the_resume_is_read(resources):
    with pytest.raises(BadPosting, match="empty"):
        analyze(RESUME, AS_OF, resources=resources, job="  ")


def test_exports_carry_the_posting_the_alignment_and_the_anchors(with_job):
    data = json.loads(FORMATS["json"].render(with_job))
    assert data["posting"]["company"] == "Orchard Freight"
    assert any(r["skill_id"] == "kafka" and r["status"] == "missing" for r in data["alignment"]["rows"])
    markdown = FORMATS["md"].render(with_job).decode()
    assert "### Prepare first" in markdown and "Posting line: Experience with Kafka for streaming data" in markdown
    rows = list(csv.DictReader(io.StringIO(FORMATS["csv"].render(with_job).decode("utf-8-sig"))))
    kafka = next(r for r in rows if r["topic"] == "Kafka")
    assert (kafka["anchor"], kafka["line_source"]) == ("posting", "posting")


def test_cli_job_option_and_a_bad_posting_leaves_the_resume_analysis(tmp_path):
    resume = tmp_path / "ines.pdf"
    resume.write_bytes(RESUME)
    job = tmp_path / "job.md"
    job.write_text(POSTING)
    cmd = [sys.executable, "-m", "analyzer", "analyze", str(resume), "--as-of", AS_OF, "--format", "text"]
    done = subprocess.run(cmd + ["--job", str(job)], check=False, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0 and "The job: Senior Data Scientist, Routing at Orchard Freight" in done.stdout
    bad = subprocess.run(cmd + ["--job", "-"], check=False, input="", capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 0 and "The job posting is empty" in bad.stderr
    assert "Inès Moreau" in bad.stdout and "The job:" not in bad.stdout


# --- the page (streamlit.testing.v1.AppTest, no browser) ---------------------------------------------


@pytest.fixture
def page():
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_data.clear()
    return AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)


def _upload_resume(at):
    at.file_uploader(key="upload").set_value(("ines.pdf", RESUME, "application/pdf"))
    return at


def test_page_shows_the_alignment_for_a_pasted_posting(page):
    at = page.run()
    _upload_resume(at)
    at.text_area(key="job_text").set_value(POSTING)
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert [t.label for t in at.tabs][-1] == "Job"
    job = at.tabs[-1]
    assert job.subheader[0].value == escape_markdown("Senior Data Scientist, Routing at Orchard Freight")
    frame = job.dataframe[0].value
    kafka = frame[frame["skill"] == "Kafka"].iloc[0]
    assert (kafka["status"], kafka["posting line"]) == ("missing", "Experience with Kafka for streaming data")
    assert any(m.value.startswith("- " + escape_markdown("Required but not on your resume:")) for m in job.markdown)
    questions = "\n".join(m.value for m in at.tabs[4].markdown)
    assert "Orchard Freight" in questions


def test_page_shows_a_bad_posting_message_and_still_the_resume_results(page):
    at = page.run()
    _upload_resume(at)
    at.text_area(key="job_text").set_value("Python.")
    at.run()
    assert not at.exception
    assert any("The job posting was not used" in e.value and "too short" in e.value for e in at.error)
    assert [t.label for t in at.tabs] == ["Overview", "Skills", "Resume", "Flags", "Questions", "Practice"]
