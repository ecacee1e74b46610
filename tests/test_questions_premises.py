"""A question is asked only when its premise holds for the line behind it (step 6,
analyzer/questions.py): a plan is not finished work, a website has no model to evaluate, a course
is not a role, someone else's library is not the candidate's repository. Each test builds a
fictional resume PDF and runs the real pipeline."""

from __future__ import annotations

import pytest

from factory import analyze_simple_resume as _report


def test_a_project_the_resume_says_is_still_to_come_gets_no_question(tmp_path):
    report = _report(tmp_path, "# Projects", "* Tidewater Sales Dashboard",
                     "- I will learn Power BI, build this dashboard and update it here.",
                     "* Harbour Footfall Forecast",
                     "- Built a footfall forecast with gradient boosting on 3 years of hourly counts",
                     "# Skills", "Python, Power BI, gradient boosting")
    # only the still_learning flag's question ("you list it, but the resume says you will learn it")
    # may quote the plan; no walk-through or exam question treats it as work done
    on_plan = [q.flag_code for q in report.questions if "will learn" in q.quote]
    assert on_plan in ([], ["still_learning"])
    assert [q for q in report.questions if "Harbour Footfall Forecast" in q.text]


def test_a_website_gets_the_build_walk_through_not_the_evaluation_one(tmp_path):
    # Updated: walk-throughs are the candidate's to practise (candidate_only), so the candidate's list is read
    report = _report(tmp_path, "# Projects", "* Lantern Campus Map",
                     "- Built a campus map web app with React and Django for new students",
                     "* Kelpie Churn Model",
                     "- Trained a random forest classifier on 40,000 subscriber records to predict churn",
                     "# Skills", "Python, React, Django, random forests", perspective="candidate")
    on_site = [q.template for q in report.questions if "Lantern Campus Map" in q.text]
    on_model = [q.template for q in report.questions if "Kelpie Churn Model" in q.text]
    assert "project.build_walkthrough" in on_site and "project.walkthrough" not in on_site
    assert on_model and "project.build_walkthrough" not in on_model


@pytest.mark.parametrize("perspective, asked", [("interviewer", False), ("candidate", True)])
def test_the_open_your_link_question_is_for_the_candidate_only(tmp_path, perspective, asked):
    report = _report(tmp_path, "github.com/mayalind", "# Experience",
                     "* Data Analyst, Brackwater Foods 2021 - present",
                     "- Built weekly demand reports in SQL for 40 stores", "# Skills", "SQL, Python",
                     perspective=perspective)
    assert any(q.flag_code == "link_to_check" for q in report.questions) is asked


def test_a_certificate_filed_under_experience_is_not_a_role(tmp_path):
    report = _report(tmp_path, "# Experience", "* Cloud Practitioner Certification 2023",
                     "- Used Docker to package a small Flask model service for a course exercise",
                     "* Data Scientist, Brackwater Foods 2021 - present",
                     "- Trained a gradient boosting model on 2 years of orders to forecast demand",
                     "# Skills", "Python, Docker, Flask, gradient boosting")
    assert report.questions
    assert not [q for q in report.questions if "in your role as Cloud Practitioner" in q.text]


def test_an_organisation_that_reads_as_the_middle_of_a_sentence_is_no_employer():
    from analyzer.models import Entry
    from analyzer.questions import _is_employer

    assert [_is_employer(Entry(section="experience", title="Analyst", organization=org,
                                       location="", start="2021-01", end="present", page=1))
            for org in ("including missing values", "Brackwater Foods", "eBay", "DynamoDB, and iOS", "Inc.")] == [
        False, True, True, False, False]


def test_an_everyday_library_gets_no_would_you_still_reach_for_it_question(tmp_path):
    report = _report(tmp_path, "# Experience", "* Data Scientist, Brackwater Foods 2020 - present",
                     "- Cleaned 2 million order rows with pandas and trained an XGBoost model on them",
                     "# Skills", "Python, pandas, XGBoost")
    # Updated: the question now reads its line back, which names pandas beside the skill it asks about
    assert [q.template for q in report.questions if q.template == "skill.instead_today"
            and "reach for pandas" in q.text] == []


def test_someone_elses_repository_gets_no_link_question(tmp_path):
    report = _report(tmp_path, "github.com/mayalind", "# Projects", "* Birdsong Classifier",
                     "- Trained an audio classifier on 5,000 clips with the library at github.com/otherlab/wingbeat",
                     "* Tide Tables", "- Built a tide prediction notebook at github.com/mayalind/tides",
                     "# Skills", "Python, PyTorch", perspective="candidate")
    # Updated: the candidate's list, since every question on a repository is candidate-only now; its one
    # link question (MAX_LINK) is the flag's on the other account's library, not "your repository"
    link_questions = [q for q in report.questions if (q.claim_id or "").startswith("link:") and q.template]
    assert link_questions
    others = [q for q in link_questions if "wingbeat" in q.text or "otherlab" in (q.claim_id or "")]
    assert others  # not passing for want of a question on the other account's library
    assert all(q.template == "flag.link_to_check" and "your repository" not in q.text for q in others)


def test_a_line_that_is_both_a_project_and_a_result_gets_its_back_test_question_once(tmp_path):
    report = _report(tmp_path, "# Experience", "* Data Scientist, Brackwater Foods 2023 - present",
                     "- Built demand and markdown forecasting models in Python, increasing revenue by 9% for a grocery chain",
                     "# Skills", "Python, time series forecasting")
    back_tests = [q.template for q in report.questions if q.template in ("line.forecast_backtest",
                                                                          "line.forecast_past_periods")]
    assert len(back_tests) == 1


def test_the_timeline_question_says_what_the_date_problem_is(tmp_path):
    report = _report(tmp_path, "# Experience", "* Data Analyst, Brackwater Foods 2019 - 2022",
                     "- Built weekly sales reports in SQL and Tableau for 40 stores", "# Skills", "SQL, Tableau")
    timeline = [q.text for q in report.questions if q.flag_code == "date_problem"]
    assert len(timeline) == 1 and timeline[0].startswith("Nothing is dated after 2022")


def test_a_skill_the_resume_calls_light_gets_the_how_light_question_not_the_padding_one(tmp_path):
    body = ("# Experience", "* Data Analyst, Brackwater Foods 2022 - present",
            "- Built weekly sales dashboards in Tableau for twelve store managers",
            "# Skills", "SQL, Tableau, Python; familiar with AWS")
    candidate = _report(tmp_path, *body, perspective="candidate")
    on_aws = [q.template for q in candidate.questions if q.flag_code == "unsupported_skill" and "AWS" in q.text]
    assert on_aws == ["flag.unsupported_skill.hedged"]
    # the interviewer's list leaves the candidate's preparation notes on listed skills out
    interviewer = _report(tmp_path, *body)
    assert not [q for q in interviewer.questions if q.flag_code == "unsupported_skill" and "AWS" in q.text]


def test_a_portfolio_site_gets_a_tour_for_the_candidate_and_no_question_for_the_interviewer(tmp_path):
    body = ("mayalindqvist.github.io", "# Projects", "* Harbour Footfall Forecast",
            "- Built a footfall forecast with gradient boosting on 3 years of hourly counts",
            "# Skills", "Python, gradient boosting")
    def on_site(report):
        return [q for q in report.questions if "portfolio site" in q.text]

    assert on_site(_report(tmp_path, *body, perspective="candidate"))
    assert not on_site(_report(tmp_path, *body))


def test_the_interviewer_list_leaves_the_generic_practice_questions_to_the_candidate(tmp_path):
    body = ("# Projects", "* Kelpie Churn Model",
            "- Trained a random forest classifier on 40,000 subscriber records to predict churn",
            "# Skills", "Python, random forests, Tableau")
    from analyzer.pipeline import load_resources
    generic = {t.id for t in load_resources().bank.templates if t.candidate_only}
    interviewer = _report(tmp_path, *body, perspective="interviewer").questions
    candidate = _report(tmp_path, *body, perspective="candidate").questions
    assert not {q.template for q in interviewer} & generic
    assert not [q for q in interviewer if q.text.startswith("You list Tableau")]
    assert {q.template for q in candidate} & generic  # the candidate still practises them


def test_no_exam_question_on_a_method_the_resume_only_seems_to_describe(tmp_path):
    # "new features for our REST API" reads like feature engineering to the inference step; an exam on
    # feature engineering would test a guess about a web developer
    report = _report(tmp_path, "# Experience", "* Software Engineer, Pellucid Travel 2022 - present",
                     "- Built new features for our REST API and improved error handling", "# Skills", "Node.js, Python")
    assert any(s.id == "feature_engineering" and s.inferred for s in report.skills)
    assert not [q for q in report.questions if q.template.startswith("feature_engineering.")]
