"""Questions built from a job's own line (step 6, analyzer/questions.py): a line of data work that
names no tool is read back to the candidate with the follow-up its kind of work calls for, a number
an analysis found is asked about as a finding, and one number gets one question. Each test builds a
fictional resume PDF and runs the real pipeline."""

from __future__ import annotations

from analyzer.questions import said_line
from factory import analyze_simple_resume as _report


def _job(*bullets: str) -> tuple[str, ...]:
    return ("# Experience", "* Data Analyst, Pellucid Freight 2023 - present", *(f"- {b}" for b in bullets),
            "# Skills", "SQL, Excel, Python")


def test_a_line_of_data_work_without_a_tool_is_read_back_with_its_own_follow_up(tmp_path):
    report = _report(tmp_path, *_job("Defined and implemented KPIs across sales and operations to guide pricing decisions",
                                     "Migrated 40,000 customer records from the old billing system to the new one"))
    texts = {q.template: q.text for q in report.questions}
    assert texts["duty.kpi_definition"].startswith("At Pellucid Freight, you defined and implemented KPIs across sales")
    assert texts["duty.migration"].startswith("At Pellucid Freight, you migrated 40,000 customer records")


def test_a_line_that_states_what_a_role_owned_asks_for_the_candidate_s_own_part(tmp_path):
    report = _report(tmp_path, *_job("Responsible for the weekly demand forecast used by the planning team"))
    owned = [q.text for q in report.questions if q.template == "duty.ownership"]
    assert owned and owned[0].startswith("At Pellucid Freight, you were responsible for the weekly demand forecast")


def test_a_funnel_drop_the_analysis_found_is_asked_as_a_finding_not_as_a_gain(tmp_path):
    report = _report(tmp_path, *_job("Identified a 38% drop-off between basket and payment through funnel analysis in SQL"))
    templates = [q.template for q in report.questions if "38%" in q.quote]
    assert "line.funnel_finding" in templates
    # "what did you change because of it, and did the gain hold?" has no answer for a drop that was found
    assert not {"line.eda_finding", "line.rate_change", "result.baseline"} & set(templates)


def test_the_arms_of_a_test_get_the_group_sizes_and_the_test_used(tmp_path):
    report = _report(tmp_path, *_job("Analysed an A/B test of two checkout pages, finding variant B at 12.4% conversion "
                                     "against 9.8% for variant A"))
    readout = [q.text for q in report.questions if q.template == "line.test_readout"]
    assert readout and "How many users were in each group" in readout[0]


def test_sales_a_trial_showed_over_its_control_are_no_money_the_work_made(tmp_path):
    report = _report(tmp_path, *_job("Scaled sales data to compare trial and control stores, uncovering 25% higher "
                                     "sales in trial stores compared to control"))
    on_number = {q.template for q in report.questions if "25%" in q.quote}
    assert "line.money_counterfactual" not in on_number


def test_what_a_job_simulation_deployed_is_not_asked_how_it_was_served(tmp_path):
    def served(title: str) -> list[str]:
        report = _report(tmp_path, "# Experience", f"* {title}, Pellucid Bank 2024 - 2024",
                         "- Built a loan default model in Python with XGBoost and deployed it as an API",
                         "# Skills", "Python, XGBoost")
        return [q.template for q in report.questions if q.template == "line.deployed_model"]
    assert served("Data Scientist") == ["line.deployed_model"]
    assert served("Data Scientist Job Simulation") == []


def test_a_number_the_summary_repeats_is_asked_once(tmp_path):
    report = _report(tmp_path, "# Summary", "Analyst who cut invoice errors by 27% with automated checks.",
                     *_job("Cut invoice errors by 27% by adding automated validation checks in Python"))
    on_number = [q for q in report.questions if "27%" in q.text]
    assert len(on_number) == 1 and on_number[0].quote.startswith("Cut invoice errors")


def test_a_certificate_is_named_and_a_licence_note_is_not_asked_about(tmp_path):
    # Updated: the course question is the candidate's to practise (candidate_only: reviewers rated it generic
    # on the interviewer's lists), so it is read from the candidate's list.
    report = _report(tmp_path, *_job("Built weekly Excel reports on late deliveries for the operations team"),
                     "# Certifications", "Google Data Analytics Professional Certificate, 2022",
                     "Driving licence available on request", perspective="candidate")
    named = [q.text for q in report.questions if q.template == "certification.applied"]
    assert named == ['Tell me about something from "Google Data Analytics Professional Certificate" that you later '
                     "applied in real work, and one thing the course left out that the work needed."]


def test_a_paper_is_asked_about_by_its_title(tmp_path):
    report = _report(tmp_path, *_job("Built a churn model with gradient boosting on 60,000 subscriber records"),
                     "# Publications", "[1] M. Lindqvist et al., \u201cTide height forecasting with sparse gauges,\u201d "
                     "Journal of Coastal Data, 2024.")
    own = [q.text for q in report.questions if q.template == "publication.own_part"]
    assert own and own[0].startswith('In "Tide height forecasting with sparse gauges", which part was your own work')


def test_a_method_question_names_the_method_on_the_line_not_its_first_tool(tmp_path):
    report = _report(tmp_path, "# Experience", "* Data Scientist, Pellucid Freight 2023 - present",
                     "- Built a late-delivery model in Python with logistic regression on 80,000 shipments",
                     "# Skills", "Python, logistic regression")
    method = [q.text for q in report.questions if q.template == "line.method_choice"]
    assert not [t for t in method if "you used Python" in t]
    assert method and all("you used logistic regression" in t for t in method)


def test_a_line_is_read_back_only_when_it_opens_with_work_done():
    assert said_line("Defined KPIs across sales and operations.", "at Acme") == \
        "At Acme, you defined KPIs across sales and operations"
    assert said_line("Experienced analyst with five years in retail pricing", "at Acme") == ""
    assert said_line("Coached others on SQL, Git and code review practices", "at Acme") == ""
    # a bullet that runs on into the next entry's title keeps its first sentence
    assert said_line("Created dashboards for the ordering team. Data Migration Technician", "") == \
        "You created dashboards for the ordering team"


def test_work_done_with_others_asks_for_the_candidate_s_own_part(tmp_path):
    # Updated: read from the candidate's list; the interviewer's leaves this template out (candidate_only)
    report = _report(tmp_path, *_job("Worked with the county health office to estimate clinic wait times from "
                                     "appointment records"), perspective="candidate")
    shared = [q.text for q in report.questions if q.template == "duty.shared_part"]
    assert shared and shared[0].startswith("At Pellucid Freight, you worked with the county health office")


def test_a_flag_on_a_job_line_can_read_that_line_back(tmp_path):
    report = _report(tmp_path, "# Experience", "* Quantitative Researcher, Pellucid Capital 2021 - present",
                     "- Researched and put into production trading signals with gradient boosting models in Python",
                     "# Skills", "Python, gradient boosting")
    watch = [q.text for q in report.questions if q.flag_code == "no_lifecycle"]
    assert watch and watch[0].startswith("At Pellucid Capital, you researched and put into production trading signals")


def test_a_list_asks_one_query_to_write_and_one_test_design(tmp_path):
    report = _report(tmp_path, "# Experience", "* Data Analyst, Pellucid Freight 2023 - present",
                     "- Wrote SQL on checkout events to measure funnel conversion for the web team",
                     "- Ran A/B tests on delivery-slot pricing with statistical analysis in Python",
                     "* Data Analyst, Corrib Outfitters 2020 - 2023",
                     "- Wrote PostgreSQL reports on stock levels for the buying team",
                     "- Analysed an A/B test of two product pages, finding variant B at 12.4% conversion "
                     "against 9.8% for variant A",
                     "# Skills", "SQL, PostgreSQL, Python, A/B testing")
    templates = [q.template for q in report.questions]
    assert len([t for t in templates if t.startswith("line.sql_")]) == 1
    assert len([t for t in templates if t in ("line.test_readout", "line.own_experiment",
                                              "line.experiment_sizing")]) == 1
