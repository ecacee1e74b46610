"""Step 4: skills with evidence, dates, months used, strength, parent credit and inferred skills."""


import pytest
from factory import simple_resume

from analyzer.extract import read_pdf
from analyzer.models import Contact, Document, Entry, Line, Resume, Section
from analyzer.nlp import build_nlp
from analyzer.sections import structure_resume
from analyzer.skills import match_skills, months_in


@pytest.fixture(scope="module")
def nlp(taxonomy):
    return build_nlp(taxonomy)


class _Builder:
    """Hand-made resumes: exact sections, entries and dates, one line per text."""

    def __init__(self):
        self.y = 50.0
        self.sections: list[Section] = []
        self.entries: list[Entry] = []

    def line(self, text: str, page: int = 1) -> Line:
        self.y += 12
        return Line(text=text, page=page, x0=50.0, top=self.y, x1=400.0, bottom=self.y + 10)

    def section(self, kind: str, *texts: str) -> "_Builder":
        self.sections.append(Section(kind, kind.title(), 1, tuple(self.line(t) for t in texts)))
        return self

    def entry(self, kind: str, title: str, org: str, start, end, *bullets: str) -> "_Builder":
        heading = (self.line(f"{title}, {org}"),)
        body = tuple(self.line(b) for b in bullets)
        self.entries.append(Entry(kind, title, org, "", start, end, 1, body, heading))
        self.sections.append(Section(kind, kind.title(), 1, heading + body))
        return self

    def build(self, as_of: str = "2026-11") -> Resume:
        lines = tuple(line for s in self.sections for line in s.lines)
        document = Document("test.pdf", "0" * 64, 1, ((595.0, 842.0),), lines)
        return Resume(document, Contact(name="Test Person"), tuple(self.sections), tuple(self.entries), as_of)


def _by_id(skills):
    return {s.id: s for s in skills if not s.inferred}


def test_evidence_records_section_entry_quote_page_bbox_and_dates(taxonomy, nlp):
    resume = (_Builder()
              .entry("experience", "Data Scientist", "Acme", "2020-01", "2022-12",
                     "Built churn models with XGBoost on 2M customer records.")
              .section("skills", "Python, XGBoost, SQL")
              .build())
    skills = _by_id(match_skills(resume, taxonomy, nlp))
    xgb = skills["xgboost"]
    assert [(e.section, e.entry) for e in xgb.evidence] == [("experience", "Data Scientist, Acme"), ("skills", "")]
    first = xgb.evidence[0]
    assert first.quote == "Built churn models with XGBoost on 2M customer records."
    assert first.page == 1 and first.bbox == resume.entries[0].lines[0].bbox
    assert (first.start, first.end) == ("2020-01", "2022-12")
    assert xgb.used_in == ("Data Scientist, Acme",)
    assert (xgb.first_used, xgb.last_used, xgb.months_used) == ("2020-01", "2022-12", 36)
    assert not xgb.listed_only
    assert xgb.parents[:2] == ("gradient_boosting", "boosting") and "machine_learning" in xgb.parents
    assert xgb.category == "ml_libraries" and xgb.name == "XGBoost"


def test_listed_only_skills_have_no_use_and_weak_strength(taxonomy, nlp):
    resume = (_Builder()
              .entry("experience", "Analyst", "Acme", "2024-01", "present", "Wrote SQL for weekly reports.")
              .section("skills", "SQL, Tableau, Kubernetes")
              .build())
    skills = _by_id(match_skills(resume, taxonomy, nlp))
    assert skills["kubernetes"].listed_only and skills["tableau"].listed_only
    assert skills["kubernetes"].used_in == () and skills["kubernetes"].months_used == 0
    assert not skills["sql"].listed_only
    assert skills["sql"].strength > skills["kubernetes"].strength


def test_present_counts_as_the_reference_month_and_overlaps_are_not_double_counted(taxonomy, nlp):
    resume = (_Builder()
              .entry("experience", "Data Scientist", "Acme", "2024-01", "present", "Forecasting in Python.")
              .entry("projects", "Side project", "", "2024-06", "2025-05", "A Python package for plots.")
              .entry("experience", "Analyst", "Initech", "2020-01", "2020-12", "Python scripts for reports.")
              .build(as_of="2025-12"))
    python = _by_id(match_skills(resume, taxonomy, nlp))["python"]
    assert python.first_used == "2020-01" and python.last_used == "2025-12"
    assert python.months_used == 24 + 12  # 2024-01..2025-12 (the project overlaps) plus 2020
    assert len(python.used_in) == 3


def test_months_in_merges_overlapping_and_touching_ranges():
    assert months_in([(0, 11), (6, 17)]) == 18
    assert months_in([(0, 11), (12, 23)]) == 24
    assert months_in([(0, 0), (5, 5)]) == 2
    assert months_in([]) == 0


def test_strength_rewards_recent_concrete_repeated_use(taxonomy, nlp):
    resume = (_Builder()
              .entry("experience", "Data Scientist", "Acme", "2023-01", "present",
                     "Cut churn by 12% with a LightGBM model.", "Tuned LightGBM on 40M events.")
              .entry("experience", "Analyst", "Initech", "2012-01", "2014-12", "Used SAS for reports.")
              .build())
    skills = _by_id(match_skills(resume, taxonomy, nlp))
    assert 0 <= skills["sas"].strength < skills["lightgbm"].strength <= 1
    assert skills["sas"].last_used == "2014-12"


def test_a_named_parent_is_credited_with_its_childrens_use(taxonomy, nlp):
    resume = (_Builder()
              .entry("experience", "Data Scientist", "Acme", "2021-01", "2022-12", "Built XGBoost models for pricing.")
              .section("skills", "gradient boosting, SQL")
              .build())
    skills = _by_id(match_skills(resume, taxonomy, nlp))
    boosting = skills["gradient_boosting"]
    assert not boosting.listed_only
    assert boosting.used_in == ("Data Scientist, Acme",) and boosting.months_used == 24
    assert [e.section for e in boosting.evidence] == ["skills"]  # its own mentions only
    assert "ensemble_methods" not in skills  # never named: not added, but in the chain
    assert "ensemble_methods" in skills["xgboost"].parents


def test_inferred_skills_come_from_descriptions_and_are_marked(taxonomy, nlp):
    resume = (_Builder()
              .entry("experience", "Data Scientist", "Acme", "2021-01", "2022-12",
                     "Predicted churn for 40k subscribers so the retention team could call them first.",
                     "Predicted next month's sales for every store.",
                     "Ran an A/B test on the checkout page.")
              .build())
    skills = match_skills(resume, taxonomy, nlp)
    inferred = {s.id: s for s in skills if s.inferred}
    assert {"classification", "time_series_forecasting", "hypothesis_testing"} <= set(inferred)
    churn = inferred["classification"]
    assert churn.score is not None and churn.score >= taxonomy.inferred_threshold
    assert churn.evidence[0].quote.startswith("Predicted churn")
    named = {s.id for s in skills if not s.inferred}
    assert "ab_testing" in named and "ab_testing" not in inferred  # named skills are never inferred too
    assert not set(inferred) & named


def test_order_is_named_by_strength_then_inferred_by_score(taxonomy, nlp):
    resume = (_Builder()
              .entry("experience", "Data Scientist", "Acme", "2024-01", "present",
                     "Built a 40M-row Spark pipeline in Python.", "Predicted churn for subscribers.")
              .section("skills", "Tableau, R")
              .build())
    skills = match_skills(resume, taxonomy, nlp)
    named = [s for s in skills if not s.inferred]
    assert skills[:len(named)] == tuple(named)
    assert [s.strength for s in named] == sorted((s.strength for s in named), reverse=True)
    assert match_skills(resume, taxonomy, nlp) == skills  # deterministic


def test_skills_are_read_from_the_whole_text_the_top_block_too(taxonomy, nlp):
    # Issue 11: the section decides how strong the evidence is, never whether a skill is seen.
    # (Before, a headline's skills were ignored; a resume whose headings were not recognised,
    # all one top block, then showed no skill at all.)
    resume = (_Builder().section("contact", "Jane Roe, Machine Learning | Spark | Tableau")
              .section("skills", "Tableau").build())
    found = _by_id(match_skills(resume, taxonomy, nlp))
    assert set(found) == {"machine_learning", "spark", "tableau"}
    assert [e.section for e in found["spark"].evidence] == ["contact"]


def test_a_resume_with_no_recognised_heading_still_shows_its_skills(taxonomy, nlp):
    resume = _Builder().section("contact", "Test Person", "Analyst who cleans data in SQL and builds Power BI dashboards.").build()
    assert set(_by_id(match_skills(resume, taxonomy, nlp))) == {"sql", "power_bi", "dashboards"}


def test_english_skill_names_in_a_resume_written_in_another_language_are_skills(taxonomy, nlp):
    resume = _Builder().section("contact", "Test Person", "Analista de datos",
                                "Desarrollé modelos de machine learning en R y Python, con consultas SQL en BigQuery.",
                                "Tableros en Power BI para el equipo comercial.").build()
    assert set(_by_id(match_skills(resume, taxonomy, nlp))) == {
        "machine_learning", "r", "python", "sql", "bigquery", "power_bi"}


def test_the_line_with_the_candidates_name_is_not_read_for_skills(taxonomy, nlp):
    resume = _Builder().section("contact", "Test Person", "Julia Spark", "Data analyst").build()
    builder_resume = Resume(resume.document, Contact(name="Julia Spark"), resume.sections, resume.entries, resume.as_of)
    assert _by_id(match_skills(builder_resume, taxonomy, nlp)) == {}


def test_a_name_broken_over_two_lines_is_found(taxonomy, nlp):
    resume = _Builder().section("skills", "Quality: Great", "Expectations, dbt tests").build()
    skills = _by_id(match_skills(resume, taxonomy, nlp))
    assert {"great_expectations", "dbt"} <= set(skills)
    assert skills["great_expectations"].evidence[0].quote == "Quality: Great Expectations, dbt tests"


def test_on_a_real_pdf_through_the_reader(taxonomy, nlp):
    data = simple_resume(
        "jane@example.org | Leeds, UK",
        "# Experience", "* Data Scientist, Northwind Ltd Jan 2021 - Present",
        "- Built LightGBM models in Python; cut stock-outs by 9%.",
        "- Led the R&D of a survey tool with the marketing team.",
        "# Skills", "Python, SQL, LightGBM, Docker",
    )
    resume = structure_resume(read_pdf(data), taxonomy, as_of="2026-11")
    skills = _by_id(match_skills(resume, taxonomy, nlp))
    assert {"python", "sql", "lightgbm", "docker"} <= set(skills)
    assert "r" not in skills
    lgbm = skills["lightgbm"]
    assert lgbm.first_used == "2021-01" and lgbm.last_used == "2026-11" and not lgbm.listed_only
    assert lgbm.evidence[0].page == 1 and lgbm.evidence[0].bbox is not None
    assert skills["docker"].listed_only
