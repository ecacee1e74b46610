"""Questions built from a job's own line (step 6, analyzer/questions.py): a line of data work that
names no tool is read back to the candidate with the follow-up its kind of work calls for, a number
an analysis found is asked about as a finding, and one number gets one question. Each test builds a
fictional resume PDF and runs the real pipeline."""

from __future__ import annotations

from analyzer.questions import quoted_line, said_line, target_of
from factory import analyze_simple_resume as _report


def _job(*bullets: str) -> tuple[str, ...]:
    return ("# Experience", "* Data Analyst, Pellucid Freight 2023 - present", *(f"- {b}" for b in bullets),
            "# Skills", "SQL, Excel, Python")


def _role(heading: str, bullet: str, skills: str) -> tuple[str, ...]:
    """One job ("Title, Employer years") of one bullet, and a skills line."""
    return ("# Experience", f"* {heading}", f"- {bullet}", "# Skills", skills)


# The questions that ask how a model in use was served and watched: a list asks one of them (one answer).
_LIVE_WATCH = {"line.deployed_model", "line.live_model_watch", "line.live_line_watch", "flag.no_lifecycle"}


def _asked(report, template: str) -> list[str]:
    return [q.text for q in report.questions if q.template == template]


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
        return [q.template for q in report.questions if q.template in _LIVE_WATCH]
    assert len(served("Data Scientist")) == 1
    assert served("Data Scientist Job Simulation") == []


def test_a_job_simulation_s_model_is_not_asked_which_decision_rested_on_it(tmp_path):
    def decided(title: str) -> list[str]:
        report = _report(tmp_path, *_role(f"{title}, Pellucid Bank 2024 - 2024",
                                          "Created a pricing model for gas storage contracts from injection and "
                                          "withdrawal dates", "Python"))
        return _asked(report, "duty.cost_model")
    assert len(decided("Quantitative Analyst")) == 1
    assert decided("Quantitative Analyst Job Simulation") == []


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


# --- a query on the candidate's own data, a model's baseline, a dataset's coding, a line in note form ----------


def test_a_query_to_write_is_set_on_the_kind_of_data_the_candidate_worked_with(tmp_path):
    report = _report(tmp_path, *_role("Data Analyst, Pellucid Freight 2023 - present",
                                      "Built weekly dashboards of shipment delays and carrier costs for the operations team",
                                      "SQL, Tableau"))
    queries = {q.template: q for q in report.questions if q.template.startswith("line.sql_")}
    assert list(queries) == ["line.sql_on_time"]  # the stock orders query is only the fallback
    assert queries["line.sql_on_time"].text.startswith("Take the shipment data you worked with at Pellucid Freight.")
    assert queries["line.sql_on_time"].quote.startswith("Built weekly dashboards of shipment delays")


def test_orders_taken_at_a_counter_get_no_query_on_order_data(tmp_path):
    report = _report(tmp_path, *_role("Server, Olive Grove Kitchen 2019 - 2021",
                                      "Took phone orders and prepared large catering orders for weekend events", "SQL, Excel"))
    assert [q.template for q in report.questions if q.template.startswith("line.sql_")] == ["line.sql_to_write"]


def test_a_model_line_without_a_number_is_asked_what_the_model_had_to_beat(tmp_path):
    report = _report(tmp_path, *_job("Built a gradient boosting model to predict late invoice payments from "
                                     "customer payment history"))
    beat = _asked(report, "line.model_beat")
    assert beat and beat[0].startswith("At Pellucid Freight, you built a gradient boosting model to predict late")


def test_a_model_line_with_its_number_is_asked_about_that_number_instead(tmp_path):
    report = _report(tmp_path, *_job("Built a gradient boosting model to predict late invoice payments, "
                                     "reaching 0.81 AUC on the last quarter"))
    assert "line.model_beat" not in [q.template for q in report.questions]


def test_a_dataset_the_candidate_built_is_asked_how_it_was_coded(tmp_path):
    report = _report(tmp_path, *_role("Research Assistant, Lakemoor University 2019 - 2023",
                                      "Developed a novel dataset of 12,000 coded court rulings on tenancy disputes "
                                      "from 1990-2020", "R, statistics"))
    coded = _asked(report, "duty.dataset_build")
    assert coded and coded[0].startswith("At Lakemoor University, you developed a novel dataset of 12,000 coded")


def test_a_job_line_in_note_form_is_quoted_as_printed(tmp_path):
    report = _report(tmp_path, *_role("Data Scientist, Pellucid Freight 2022 - present",
                                      "Training of image classifiers with PyTorch to detect damaged parcels on conveyor "
                                      "belts", "PyTorch, Python"))
    texts = _asked(report, "line.model_beat")
    assert texts and texts[0].startswith('At Pellucid Freight, your resume says: "Training of image classifiers with '
                                         'PyTorch to detect damaged parcels')


def test_a_line_cut_where_it_wrapped_is_not_quoted():
    assert quoted_line("Creating dashboards and visualizations using tools like Power BI and", "at Acme") == ""
    assert quoted_line("Development of the pricing engine for the retail team", "at Acme") == \
        'At Acme, your resume says: "Development of the pricing engine for the retail team"'
    assert quoted_line("Defined KPIs across sales and operations", "at Acme") == ""  # said_line reads it back


def test_a_field_named_alone_gets_no_deep_learning_exam(tmp_path):
    report = _report(tmp_path, *_role("Analyst, Pellucid Freight 2022 - present",
                                      "Designed a machine vision program with OpenCV to count pallets in warehouse photos",
                                      "Python, OpenCV, computer vision"))
    dl_area = 5  # taxonomy/areas.toml: about_deep_learning
    assert [q.text for q in report.questions if q.area == dl_area and not q.template.startswith(("line.", "flag."))] == []


def test_a_hosted_language_model_is_not_asked_how_it_was_loaded_or_retrained(tmp_path):
    report = _report(tmp_path, *_job("Deployed a Flask app that calls the OpenAI GPT-4 model to classify "
                                     "support emails for the service team"))
    templates = [q.template for q in report.questions]
    assert "line.small_app_serving" not in templates and "line.deployed_model" not in templates


def test_the_leakage_question_names_what_the_model_predicted(tmp_path):
    report = _report(tmp_path, *_job("Built a churn model to predict which subscribers cancel within 60 days, "
                                     "using XGBoost on billing history"))
    leakage = {q.template: q.text for q in report.questions if q.template.startswith("line.leakage")}
    assert list(leakage) == ["line.leakage"]  # the plain one is only the fallback
    assert leakage["line.leakage"].startswith("The churn model at Pellucid Freight predicted which subscribers cancel")


def test_what_a_line_says_was_predicted():
    assert target_of("Developed a model to predict late invoice payments from payment history") == "late invoice payments"
    assert target_of("Predicted churn from usage logs") == "churn"
    assert target_of("Built a forecasting pipeline with model selection") == ""  # names no target


def test_a_gap_between_jobs_is_left_to_the_candidate_s_list(tmp_path):
    body = ("# Experience", "* Data Analyst, Pellucid Freight 2022 - present", "- Wrote SQL reports on weekly volumes",
            "* Analyst, Corrib Outfitters 2016 - 2019", "- Built Excel reports on store sales", "# Skills", "SQL, Excel")
    interviewer = _report(tmp_path, *body)
    candidate = _report(tmp_path, *body, perspective="candidate")
    assert [f.variant for f in interviewer.flags if f.code == "date_problem"] == ["gap"]
    assert [q for q in interviewer.questions if q.flag_code == "date_problem"] == []
    assert [q.template for q in candidate.questions if q.flag_code == "date_problem"] == ["flag.date_problem.gap"]


def test_a_batch_job_s_runtime_is_asked_where_the_time_went_not_its_latency_percentile(tmp_path):
    report = _report(tmp_path, *_role("Data Engineer, Pellucid Freight 2022 - present",
                                      "Rebuilt the nightly PySpark pipeline on partitioned shipment tables, reducing "
                                      "runtime by 60%", "PySpark, SQL"))
    templates = [q.template for q in report.questions]
    assert "line.batch_runtime" in templates and "line.latency" not in templates


def test_old_work_is_asked_what_the_candidate_would_do_differently_today(tmp_path):
    report = _report(tmp_path, "# Experience", "* Data Scientist, Pellucid Freight 2023 - present",
                     "- Wrote SQL reports on weekly parcel volumes for the planning team",
                     "* Analyst, Corrib Outfitters 2016 - 2018",
                     "- Wrote Python jobs that loaded the tills' sales data into PostgreSQL each night",
                     "# Skills", "SQL, Python, PostgreSQL")
    today = _asked(report, "line.old_work_today")
    assert today == ["At Corrib Outfitters, you wrote Python jobs that loaded the tills' sales data into PostgreSQL "
                     "each night (2018). Would you build it the same way today: which tool or method would you "
                     "change, and which choice still holds?"]


def test_a_line_cut_inside_brackets_is_quoted_up_to_them():
    assert quoted_line("Training of vision models: OCR, object detector (TFOD), image classifier (TensorFlow, Keras",
                       "") == 'Your resume says: "Training of vision models: OCR, object detector (TFOD), image classifier"'


# Three lines each asked about in their own words: a list with no room left for fill.
_RICH_JOB = ("Built a churn model to predict which subscribers cancel within 60 days with XGBoost",
             "Defined and implemented KPIs across sales and operations to guide pricing decisions",
             "Migrated 40,000 customer records from the old billing system to the new one")


def test_the_interviewer_s_list_holds_baseline_questions_only_to_give_a_thin_resume_three(tmp_path):
    rich = _report(tmp_path, *_job(*_RICH_JOB))
    assert [q.template for q in rich.questions if not q.quote] == []  # no baseline question
    assert all(q.template.startswith(("line.", "duty.", "flag.")) for q in rich.questions)
    thin = _report(tmp_path, "# Experience", "* Developer, Pellucid Freight 2022 - present",
                   "- Built the parcel tracking pages in Node.js with Python scripts for imports",
                   "# Skills", "Python, Node.js, statistics, machine learning")
    # no exam question led in by a line ("At Pellucid Freight you used Python. What do generators ...")
    assert [q.anchor for q in thin.questions] == ["baseline"] * 3


def test_who_read_a_report_is_asked_only_to_fill_a_thin_list(tmp_path):
    reports = "Built weekly Excel reports on depot delivery times for the regional operations managers"
    thin = _report(tmp_path, *_job(reports))
    assert [q.template for q in thin.questions][:1] == ["duty.reporting"]  # before any baseline question
    rich = _report(tmp_path, *_job(*_RICH_JOB, reports))
    assert _asked(rich, "duty.reporting") == []


def test_a_line_that_joins_sources_is_asked_about_the_join(tmp_path):
    report = _report(tmp_path, *_role("Data Analyst, Pellucid Freight 2022 - present",
                                      "Built Power BI dashboards integrating survey, depot and delivery data for the "
                                      "operations team", "Power BI, SQL"))
    joined = _asked(report, "duty.data_integration")
    assert joined and joined[0].startswith("At Pellucid Freight, you built Power BI dashboards integrating survey")
    assert _asked(report, "duty.reporting") == []  # one reading of the line: the join, not its readers
    software = _report(tmp_path, *_role("Engineer, Pellucid Freight 2022 - present",
                                        "Integrated a GPT-4 model into the customer service backend for ticket data",
                                        "Python, SQL"))
    assert _asked(software, "duty.data_integration") == []


def test_a_job_described_in_prose_is_asked_about_the_work_its_sentence_names(tmp_path):
    report = _report(tmp_path, *_role("Lead Data Scientist, Pellucid Health 2024 - present",
                                      "The main work consisted of the research of a system to recognize pain level "
                                      "from faces in Python", "Python"))
    assert _asked(report, "line.model_beat")[0].startswith(
        'At Pellucid Health, your resume says: "The main work consisted of the research of a system to recognize')


def test_a_list_asks_once_how_a_live_model_would_be_seen_getting_worse(tmp_path):
    report = _report(tmp_path, *_job("Deployed a fraud classifier with XGBoost as a real-time API",
                                     "Built a demand forecasting model in Python and deployed it to production"))
    assert len([q for q in report.questions if q.template in _LIVE_WATCH]) == 1


def test_a_skill_the_candidate_says_they_are_learning_gets_no_query_to_write(tmp_path):
    report = _report(tmp_path, *_role("Analyst, Pellucid School 2023 - present",
                                      "Built Excel reports on exam results and attendance trends for the head teacher",
                                      "Excel, SQL (I will learn SQL and update it here)"))
    assert [q.template for q in report.questions if q.template.startswith("line.sql_")] == []
    assert _asked(report, "flag.still_learning")  # asked how far they have got instead


def test_methods_that_call_for_their_own_question_get_it(tmp_path):
    report = _report(tmp_path, *_role("Research Associate, Pellucid Institute 2023 - present",
                                      "Estimated trade networks of 40,000 merchants by classifying matches in archival "
                                      "records", "Python"))
    assert _asked(report, "line.record_matching")[0].startswith(
        "At Pellucid Institute, you estimated trade networks of 40,000 merchants by classifying matches")
    report = _report(tmp_path, *_role("Associate, Pellucid Capital 2023 - present",
                                      "Used facial recognition models to measure board diversity across 3,000 firms",
                                      "Python"))
    assert _asked(report, "line.model_as_measure")
    report = _report(tmp_path, *_role("Engineer, Pellucid Roads 2023 - present",
                                      "Built a pothole detection model in PyTorch running on a Raspberry Pi in each van",
                                      "PyTorch"))
    assert _asked(report, "line.edge_inference")


def test_a_name_printed_in_capitals_is_asked_in_ordinary_case(tmp_path):
    from analyzer.questions import as_written
    assert [as_written(n) for n in ("GRADUATE RESEARCH ASSOCIATE", "THE OHIO STATE UNIVERSITY", "AI SQUARED", "IBM",
                                    "Data Scientist")] == \
        ["Graduate Research Associate", "The Ohio State University", "AI Squared", "IBM", "Data Scientist"]
    report = _report(tmp_path, *_role("DATA ANALYST, PELLUCID FREIGHT 2022 - present",
                                      "Defined and implemented KPIs across sales and operations to guide pricing decisions",
                                      "SQL"))
    assert _asked(report, "duty.kpi_definition")[0].startswith("At Pellucid Freight, you defined")


def test_a_job_simulation_is_not_asked_how_its_experiment_was_sized(tmp_path):
    def sized(title: str) -> list[str]:
        report = _report(tmp_path, *_role(f"{title}, Pellucid Retail 2024 - 2024",
                                          "Ran an A/B test of trial stores against control stores to measure uplift in sales",
                                          "Python, A/B testing"))
        return [q.template for q in report.questions if q.template in ("line.experiment_sizing", "line.own_experiment")]
    assert len(sized("Data Analyst")) == 1
    assert sized("Data Analyst Job Simulation") == []


def _project_entry(title: str, *bullets: str, skills: str = "Python, SQL") -> tuple[str, ...]:
    return ("# Projects", f"* {title} 2024 - 2024", *(f"- {b}" for b in bullets), "# Skills", skills)


def test_a_project_s_own_lines_choose_its_questions(tmp_path):
    # the method is on the project's second line, not its first
    graph = _report(tmp_path, *_project_entry("Cargo Route Graphs", "Built flight route models in an Oracle database",
                                              "Made the route search faster with recursive queries",
                                              skills="SQL, Oracle"))
    assert _asked(graph, "line.graph_query") == [
        'How did you build the flight route models in "Cargo Route Graphs": what did the recursive or graph query walk '
        'through, how did you stop it looping or exploding, and how did it hold up as the data grew?']
    search = _report(tmp_path, *_project_entry("Birdsong Finder", "Built a platform to train bird call classifiers",
                                               "Searched audio embeddings with approximate nearest neighbour search "
                                               "in Python"))
    assert _asked(search, "line.neighbour_search")
    sensors = _report(tmp_path, *_project_entry("River Gauges", "Cleaned 40,000 sensor readings from river gauges "
                                                "in Python"))
    assert _asked(sensors, "line.sensor_readings")


def test_a_model_s_number_in_a_project_is_asked_by_the_project_s_name(tmp_path):
    report = _report(tmp_path, *_project_entry("Loan Approval Model", "Binary classification model to approve loans "
                                               "for profitable applicants with 81.5% AUC", skills="Python, scikit-learn"))
    asked = [q.text for q in report.questions if "81.5%" in q.text]
    assert asked and 'project "Loan Approval Model"' in asked[0]


def test_a_forecast_of_a_property_is_not_asked_about_back_testing_periods(tmp_path):
    report = _report(tmp_path, *_project_entry("Building Energy", "Forecasted site energy use with a random forest "
                                               "based on building characteristics, reaching RMSE of 50",
                                               skills="Python, random forest"))
    assert [q for q in report.questions if q.template in ("line.forecast_backtest", "line.forecast_past_periods")] == []
    # the number is still asked about, by the project's name
    assert _asked(report, "line.error_metric_units")[0].startswith('Your project "Building Energy" reports RMSE of 50.')


def test_a_model_that_decides_who_gets_a_card_gets_no_query_on_card_payments(tmp_path):
    report = _report(tmp_path, *_project_entry("Card Approvals", "Built a classification model in Python to offer "
                                               "credit cards to profitable customers"))
    assert _asked(report, "line.sql_payment_bursts") == []


def test_a_long_line_is_read_back_up_to_its_purpose():
    # cut before "to balance", the last purpose that fits
    assert said_line("Developed an Excel sheet that automated the use of historical data from the company database "
                     "to calculate the average amount of chemicals needed to balance the pH", "at Pellucid Labs") == (
        "At Pellucid Labs, you developed an Excel sheet that automated the use of historical data from the company "
        "database to calculate the average amount of chemicals needed")


def test_baseline_questions_on_skills_the_resume_names_come_first(tmp_path):
    report = _report(tmp_path, *_role("Data Analyst, Pellucid Retail 2025 - present",
                                      "Helped the store team with weekly stock counts", "SQL, hypothesis testing"))
    baselines = [q.template for q in report.questions if q.anchor == "baseline"]
    # the A/B test design would come first by name; the resume names hypothesis testing
    assert baselines[:1] == ["hypothesis_testing.1"]


def test_an_old_internship_gets_at_most_two_questions(tmp_path):
    report = _report(tmp_path, "# Experience", "* Vice President, Pellucid Capital 2021 - present",
                     "- Built a credit risk model in Python with XGBoost for the lending desk",
                     "* Research Intern, Pellucid Labs 2016 - 2017",
                     "- Developed a Bayesian variable importance assessor for black box models in Python",
                     "- Assessed model explainability methods for use in black-box models in Python",
                     "- Trained a churn classifier with scikit-learn on two years of renewals",
                     "# Skills", "Python, XGBoost, scikit-learn, model explainability")
    internship = [q for q in report.questions if "Pellucid Labs" in q.text or "Intern" in q.text]
    assert 1 <= len(internship) <= 2


def test_a_set_of_solved_optimisation_problems_is_not_asked_how_it_was_labelled(tmp_path):
    report = _report(tmp_path, *_role("Data Scientist, Pellucid Freight 2023 - present",
                                      "Wrote Python scripts with Pyomo to solve operations research problems and created "
                                      "a comprehensive dataset of them", "Python, Pyomo"))
    assert _asked(report, "duty.dataset_build") == []
