"""Flags an interviewer agrees with, second review (issue 12): a listed skill that the work lines show in
other words is not called "only in a skills list"; a listed tool beside the work it serves is one low
"which one, and how" note; the resume's own "familiar with" is a low note; basic libraries and
fundamentals are never "last used long ago". Each test reads a fictional resume built as a PDF
(tests/factory.py), so the whole pipeline runs, and checks that a skill with nothing behind it is
still flagged."""

from __future__ import annotations

import pytest

factory = pytest.importorskip("factory", reason="tests/factory.py builds the PDFs")

from analyzer.pipeline import analyze  # noqa: E402


def flags_of(*body: str, as_of: str = "2026-01"):
    return analyze(factory.simple_resume(*body, name="Orla Fenwick"), as_of, name="fictional.pdf").flags


def cards(flags):
    """The medium "only in a skills list" cards, by skill id."""
    return {f.claim_id.removeprefix("skill:"): f for f in flags
            if f.code == "unsupported_skill" and f.severity == "medium" and f.claim_id}


def low_notes(flags) -> str:
    return " | ".join(f.message for f in flags if f.code == "unsupported_skill" and f.severity == "low")


def stale_ids(flags):
    return [f.claim_id for f in flags if f.code == "stale_claim"]


# --- a skill the work names in other words ------------------------------------------------------------


def test_query_engines_written_in_lower_case_back_sql_and_s3():
    flags = flags_of("# Experience", "* Quant Analyst, Harrowgate Capital   Jan 2021 - Present",
                     "- Built pricing signals on shared infrastructure, e.g. spark, athena and redshift.",
                     "# Skills", "SQL, Kafka, AWS (S3)")
    found = cards(flags)
    assert "sql" not in found and "amazon_s3" not in found
    assert "kafka" in found  # nothing on the page behind it: still a card


def test_data_work_described_in_other_words_backs_etl_vba_and_query_tuning():
    flags = flags_of("# Experience", "* Operations Analyst, Pellbrook Foods   Mar 2022 - Present",
                     "- Combined data from multiple sources and cleaned and transformed the raw data for weekly reports.",
                     "- Built a budget spreadsheet with automated charts for the finance team.",
                     "- Coached new analysts on SQL best practices such as indexing.",
                     "# Skills", "ETL, VBA, Query optimisation, SQL, Snowflake")
    found = cards(flags)
    assert not {"etl", "vba", "query_optimization"} & set(found)
    # Updated: Snowflake beside SQL the work shows (coaching on SQL) is a low "which engine" note now
    # (flags.toml tool_families), no longer a card of its own
    assert "snowflake" not in found and "Snowflake (beside SQL at work)" in low_notes(flags)


def test_bayesian_generative_work_backs_the_listed_methods_and_a_test_backs_testing_not_ab_testing():
    flags = flags_of("# Experience", "* Research Assistant, Lowmoor Soil Lab   Jun 2023 - Present",
                     "- Developed generative Bayesian models of crop yields across regions.",
                     "- Ran Granger causality tests between rainfall and grain prices.",
                     "# Skills", "Generative models, Bayesian inference, probabilistic models, hypothesis testing, A/B testing")
    found = cards(flags)
    assert not {"generative_models", "bayesian_inference", "probabilistic_models", "hypothesis_testing"} & set(found)
    assert found["ab_testing"].message.startswith("A/B testing appears only")  # its own card, not merged


# --- a listed tool beside the work it serves: one low "which one" note ---------------------------------


def test_frameworks_beside_model_work_are_one_low_which_one_note():
    flags = flags_of("# Experience", "* Machine Learning Engineer, Quillfeather   Jan 2022 - Present",
                     "- Trained neural networks and autoencoders to score card fraud.",
                     "- Built gradient boosting models for churn.",
                     "- Ran batch jobs on AWS SageMaker.",
                     "# Skills", "PyTorch, TensorFlow, scikit-learn, Python, AWS (EMR), Tableau")
    found = cards(flags)
    assert not {"pytorch", "tensorflow", "scikit_learn", "python", "emr"} & set(found)
    note = low_notes(flags)
    assert "which one you used" in note and all(n in note for n in ("PyTorch", "TensorFlow", "scikit-learn", "Amazon EMR"))
    assert "tableau" in found  # no dashboard work on the page: still a card


def test_a_feature_of_a_tool_in_use_is_a_low_note():
    flags = flags_of("# Experience", "* Data Analyst, Pellbrook Foods   Mar 2022 - Present",
                     "- Built Power BI dashboards joining sales, stock and survey data.",
                     "# Skills", "Power BI, Power Query, Looker")
    found = cards(flags)
    assert "power_query" not in found and "Power Query" in low_notes(flags)
    assert "looker" in found


def test_editors_raise_nothing():
    flags = flags_of("# Experience", "* Data Engineer, Quillfeather   Jan 2022 - Present",
                     "- Wrote Scala jobs for the nightly loads.",
                     "# Skills", "VS Code, IntelliJ, Kubernetes")
    text = " ".join(f.message for f in flags)
    assert "VS Code" not in text and "IntelliJ" not in text
    assert "kubernetes" in cards(flags)


# --- the resume's own hedge -------------------------------------------------------------------------------


def test_a_skill_the_resume_calls_light_is_a_low_note_not_remove_it():
    flags = flags_of("# Experience", "* Data Analyst, Pellbrook Foods   Mar 2022 - Present",
                     "- Weekly sales reports in Excel.",
                     "# Skills", "Excel, Azure and AWS familiarity", "Familiar with: Docker", "Spark")
    found = cards(flags)
    assert not {"aws", "azure", "docker"} & set(found)
    note = low_notes(flags)
    assert "only lightly" in note and "AWS" in note and "Docker" in note
    assert "spark" in found


# --- last used long ago -------------------------------------------------------------------------------------


def test_a_basic_library_and_a_fundamental_are_never_stale_while_model_work_is_recent():
    flags = flags_of("# Experience", "* ML Engineer, Quillfeather   Jan 2023 - Present",
                     "- Trained XGBoost models for demand.",
                     "* Analyst, Orbweaver   Jan 2015 - Dec 2018",
                     "- Fitted churn models with scikit-learn.",
                     "- Documented the data structures of the client systems.",
                     "- Forecast store sales with Prophet.")
    stale = stale_ids(flags)
    assert "skill:scikit_learn" not in stale and "skill:data_structures" not in stale
    assert "skill:prophet" in stale  # a method: "what would you use today?" is still fair


# --- results: what an analysis found ------------------------------------------------------------------------


def test_a_funnel_drop_off_found_is_no_metric_without_baseline():
    # Regression guard (results.py finding_phrases already reads it as a finding, not a change made).
    flags = flags_of("# Projects", "* Checkout Funnel Analysis   Jan 2025 - Feb 2025",
                     "- Identified a 41% drop-off between basket and payment through funnel analysis in SQL.",
                     "- Cut report run time by 30% by rewriting the queries.")
    baseline = [f.message for f in flags if f.code == "metric_without_baseline"]
    assert len(baseline) == 1 and "30%" in baseline[0]


def test_years_inside_a_wrapped_bullet_are_the_datas_not_the_entrys():
    # The tail of a bullet wrapped onto a line of its own, naming the years its data covers, is part of
    # the bullet: the work is dated by the job, not read as a second entry dated by the data.
    report = analyze(factory.simple_resume(
        "# Experience", "* Research Assistant, Lowmoor Lab   Jul 2019 - Sep 2022",
        "- Published a causal analysis of flood damage to harvests measured",
        "across the region from 2001-2015 using panel regression [2]",
        "* Data Scientist, Pellbrook Foods   Oct 2022 - Present",
        "- Weekly demand reports in SQL.", name="Orla Fenwick"), "2026-01", name="fictional.pdf")
    assert [e.label for e in report.resume.entries if e.label.lower().startswith("across")] == []
    [stale] = [f for f in report.flags if f.claim_id == "skill:panel_regression"]
    assert "2022-09" in stale.message and "Lowmoor" in stale.message


def test_every_skill_id_the_flag_lists_name_is_a_taxonomy_skill(taxonomy):
    texts = taxonomy.flags
    named = set(texts.everyday_tools) | set(texts.editor_tools) | set(texts.model_work_libraries)
    named |= {kind for _, kinds in texts.tool_for_class for kind in kinds if kind not in ("ml", "dl", "domain")}
    assert sorted(s for s in named if not taxonomy.knows(s)) == []
    categories = set(texts.everyday_categories) | {category for category, _ in texts.tool_for_class}
    assert sorted(c for c in categories if c not in {cat.id for cat in taxonomy.categories}) == []


def test_a_lower_case_word_alone_is_not_a_tool_that_backs_sql():
    # "redshift" in an astronomy line is a physical quantity; only beside other named tools is it the warehouse.
    flags = flags_of("# Experience", "* Research Fellow, Lowmoor Observatory   Jan 2021 - Present",
                     "- Measured the redshift of 2,000 galaxies from survey spectra.",
                     "# Skills", "SQL, Python")
    assert "sql" in cards(flags)


def test_training_a_yolo_detector_backs_pytorch():
    flags = flags_of("# Experience", "* ML Engineer, Quillfeather   Jan 2024 - Present",
                     "- Trained a YOLOv11 model on 10,000 shelf images for product detection.",
                     "# Skills", "PyTorch, Kubernetes")
    found = cards(flags)
    assert "pytorch" not in found
    assert "kubernetes" in found  # nothing on the page behind it: still a card
