"""Flags (analyzer/flags.py): each flag fires on a resume that earns it and stays quiet on one that does not."""

from __future__ import annotations

import pytest

from _helpers_claims import build_resume, find_skills, job, link, section
from _helpers_taxonomy import changed_taxonomy
from analyzer.claims import extract_claims
from analyzer.statements import resume_statements
from analyzer.errors import TaxonomyError
from analyzer.flags import CHECKS, find_flags
from analyzer.models import Notice, Options
from analyzer.taxonomy import load_taxonomy

ISSUE_CODES = {"unsupported_skill", "stale_claim", "keyword_padding", "dl_without_fundamentals", "no_deployment",
               "no_lifecycle", "metric_without_method", "metric_without_baseline", "vague_claim", "link_to_check",
               "hidden_text", "date_problem", "shared_work", "still_learning"}


def flags_of(resume, taxonomy, options=None):
    skills = find_skills(resume)
    claims = extract_claims(resume, skills, taxonomy, resume_statements(resume))
    return find_flags(resume, skills, claims, taxonomy, options or Options())


def codes(flags, code=None):
    found = [f.code for f in flags]
    return found if code is None else [f for f in flags if f.code == code]


def jobs(*bullets, start="2022-01", end="present", extra=()):
    return section("experience", "Experience", job("Data Scientist", "Acme", start, end, *bullets), *extra)


def skills_list(text):
    return section("skills", "Skills", text)


# --- the texts -----------------------------------------------------------------------------------


def test_every_issue_flag_has_text_and_every_check_is_wired():
    texts = load_taxonomy().flags
    assert {t.code for t in texts.texts} == ISSUE_CODES
    # Every placeholder is one the checks fill (they format with exactly these names).
    known = {"skill", "last_used", "entry", "years", "as_of", "listed", "used", "share", "listed_only", "dl_skills",
             "model_skills", "deploy_quote", "clause", "value", "metric_or_it", "phrases", "url", "kind_name", "what",
             "page", "text", "label", "start", "end", "other", "months", "skills", "total", "quote", "owner"}
    for text in texts.texts:
        assert text.fields() <= known, (text.code, text.variant, text.fields() - known)
    assert len(CHECKS) == 13
    for text in texts.texts:
        assert text.advice.split()[0].rstrip(":") in ("Add", "Prepare", "Rephrase", "Remove"), text.code


def test_flag_texts_are_validated(tmp_path):
    root = changed_taxonomy(tmp_path, "flags.toml", 'severity = "medium"', 'severity = "dire"')
    with pytest.raises(TaxonomyError, match="severity"):
        load_taxonomy(root)


# --- one test per flag: fires, and does not -------------------------------------------------------


def test_unsupported_skill(taxonomy):
    resume = build_resume(jobs("Built an XGBoost model in Python, served behind an API and monitored."),
                          skills_list("Python, XGBoost, Julia"))
    flags = codes(flags_of(resume, taxonomy), "unsupported_skill")
    assert [f.claim_id for f in flags] == ["skill:julia"]
    assert "Julia" in flags[0].message and flags[0].severity == "medium" and flags[0].area == 1


def test_stale_claim_depends_on_the_reference_date_and_the_setting(taxonomy):
    resume = build_resume(section("experience", "Experience",
                                  job("Data Scientist", "Acme", "2022-01", "present", "Daily SQL and Python."),
                                  job("Analyst", "Beta", "2016-01", "2019-06", "Random forest models in Python with SQL.")),
                          as_of="2026-11")
    stale = codes(flags_of(resume, taxonomy), "stale_claim")
    assert [f.claim_id for f in stale] == ["skill:random_forest"]
    assert "2019-06" in stale[0].message and "7.4 years" in stale[0].message
    assert codes(flags_of(resume, taxonomy, Options(stale_years=10)), "stale_claim") == []


def test_keyword_padding_explains_the_ratio(taxonomy):
    names = ["SQL", "Scala", "Java", "Spark", "Hadoop", "Tableau", "Power BI", "Docker", "Kubernetes", "Airflow", "Kafka",
             "Snowflake", "BigQuery", "TensorFlow", "Keras", "scikit-learn", "pandas", "NumPy", "MATLAB", "Git"]
    listed = ", ".join(["Python"] + names)
    padded = build_resume(jobs("Automated a report in Python."), skills_list(listed))
    flags = codes(flags_of(padded, taxonomy), "keyword_padding")
    assert len(flags) == 1 and flags[0].severity == "high"
    assert "names 21 of the 21 skills on this resume and shows 1 of them in use (5% in use); 20 are named only" in flags[0].message
    honest = build_resume(jobs("Used " + ", ".join(names[:15]) + " and Python."), skills_list(listed))
    assert codes(flags_of(honest, taxonomy), "keyword_padding") == []


def test_dl_without_fundamentals(taxonomy):
    dl_only = build_resume(jobs("Trained an LSTM and a CNN in PyTorch for fault detection."))
    flags = codes(flags_of(dl_only, taxonomy), "dl_without_fundamentals")
    assert len(flags) == 1 and flags[0].area == 5 and "LSTM" in flags[0].message
    with_basics = build_resume(jobs("Trained an LSTM in PyTorch and compared it with an XGBoost baseline."))
    assert codes(flags_of(with_basics, taxonomy), "dl_without_fundamentals") == []
    # Conventional ML only in the skills list is not evidence; an inferred method is not either.
    listed_basics = build_resume(jobs("Trained an LSTM in PyTorch."), skills_list("XGBoost"))
    assert len(codes(flags_of(listed_basics, taxonomy), "dl_without_fundamentals")) == 1
    no_dl = build_resume(jobs("Built an XGBoost model in Python."))
    assert codes(flags_of(no_dl, taxonomy), "dl_without_fundamentals") == []


def test_no_deployment_ignores_wishes_in_the_summary(taxonomy):
    summary = section("summary", "Summary", "Keen to learn how models run in production.")
    notebook = build_resume(summary, jobs("Built an XGBoost model to predict churn in a notebook."))
    flags = codes(flags_of(notebook, taxonomy), "no_deployment")
    assert len(flags) == 1 and flags[0].area == 7 and "XGBoost" in flags[0].message
    shipped = build_resume(summary, jobs("Built an XGBoost model to predict churn, served through an internal API."))
    assert codes(flags_of(shipped, taxonomy), "no_deployment") == []
    no_models = build_resume(jobs("Wrote SQL reports for the sales team."))
    assert codes(flags_of(no_models, taxonomy), "no_deployment") == []


def test_users_of_a_model_count_only_on_a_line_about_the_model(taxonomy):
    used = build_resume(jobs("Built an XGBoost churn model in Python for the retention team."))
    assert codes(flags_of(used, taxonomy), "no_deployment") == []
    assert codes(flags_of(used, taxonomy), "no_lifecycle") == []  # users alone do not make it "deployed"
    elsewhere = build_resume(jobs("Built an XGBoost churn model in a notebook.", "Wrote SQL reports for the sales team."))
    assert len(codes(flags_of(elsewhere, taxonomy), "no_deployment")) == 1


def test_no_lifecycle(taxonomy):
    deployed = build_resume(jobs("Built an XGBoost model, deployed to production behind an API."))
    flags = codes(flags_of(deployed, taxonomy), "no_lifecycle")
    assert len(flags) == 1 and flags[0].area == 8
    watched = build_resume(jobs("Built an XGBoost model, deployed to production and retrained weekly."))
    assert codes(flags_of(watched, taxonomy), "no_lifecycle") == []
    notebook = build_resume(jobs("Built an XGBoost model in a notebook."))
    assert codes(flags_of(notebook, taxonomy), "no_lifecycle") == []


def test_metric_flags(taxonomy):
    resume = build_resume(jobs(
        "Reduced churn by 12% across the annual plans.",
        "Raised conversion from 90% to 91% by testing a shorter form.",
        "Lowered cost by 30% after moving cold tables to cheaper storage.",
        "Saved $2M a year by retiring unused vendors.",
    ))
    flags = flags_of(resume, taxonomy)
    assert [f.claim_id for f in codes(flags, "metric_without_method")] == ["result:1"]
    assert [f.claim_id for f in codes(flags, "metric_without_baseline")] == ["result:1", "result:3"]
    assert all(f.area == 2 for f in codes(flags, "metric_without_baseline"))


def test_vague_claim(taxonomy):
    vague = build_resume(section("summary", "Summary", "Results-driven expert in AI using cutting-edge models."))
    flags = codes(flags_of(vague, taxonomy), "vague_claim")
    assert len(flags) == 1
    assert all(p in flags[0].message for p in ("Results-driven", "expert in AI", "cutting-edge"))
    plain = build_resume(section("summary", "Summary", "Data scientist who builds churn models in scikit-learn."))
    assert codes(flags_of(plain, taxonomy), "vague_claim") == []


def test_link_to_check_notes_profiles_and_malformed_links(taxonomy):
    resume = build_resume(jobs("Daily SQL."), links=(
        link("mailto:a@b.example", "email"), link("https://linkedin.com/in/someone", "linkedin"),
        link("https://github.com/another/repo", "github_repo"), link("https://github.com/someone", "github_profile"),
        link("https://exa mple", "other", valid=False)))
    flags = codes(flags_of(resume, taxonomy), "link_to_check")
    assert [(f.claim_id, f.severity) for f in flags] == [
        ("link:github.com/another/repo", "info"), ("link:github.com/someone", "low"), ("link:exa mple", "medium")]
    assert "no repository named" in flags[1].message and "does not look like" in flags[2].message
    # a repository of the profile's own account is named: the profile is only a link to open
    named = build_resume(jobs("Daily SQL."), links=(
        link("https://github.com/Someone/churn-radar", "github_repo"), link("https://github.com/someone", "github_profile")))
    assert [f.severity for f in codes(flags_of(named, taxonomy), "link_to_check")] == ["info", "info"]
    quiet = build_resume(jobs("Daily SQL."), links=(link("mailto:a@b.example", "email"),))
    assert codes(flags_of(quiet, taxonomy), "link_to_check") == []


def test_hidden_text_comes_from_the_readers_notice(taxonomy):
    hidden = build_resume(jobs("Daily SQL."), notices=(Notice("hidden_text", "...", 1, "machine learning PyTorch"),))
    flags = codes(flags_of(hidden, taxonomy), "hidden_text")
    assert len(flags) == 1 and flags[0].severity == "high" and "machine learning PyTorch" in flags[0].message
    other = build_resume(jobs("Daily SQL."), notices=(Notice("unreadable_page", "...", 1),))
    assert codes(flags_of(other, taxonomy), "hidden_text") == []


@pytest.mark.parametrize(("entries", "expected"), [
    ([("Data Scientist", "2022-05", "2021-01")], "ends (2021-01) before it starts"),
    ([("Data Scientist", "2027-03", "present")], "starts in 2027-03, after the reference month"),
    ([("Data Scientist", "2018-01", "2022-12"), ("Analyst", "2021-01", "present")], "overlap by about 23 months"),
    ([("Data Scientist", "2021-05", "2021"), ("Senior Data Scientist", "2022-01", "present")], None),
    ([("Analyst", "2015-01", "2017-12"), ("Data Scientist", "2020-01", "present")], "gap of about 24 months"),
    # a gap that closed more than ten years ago (claims.toml old_gap_months) is history
    ([("Analyst", "2006-01", "2008-12"), ("Data Scientist", "2011-01", "present")], None),
    ([("Data Scientist", "2015-01", "2020-12")], "Nothing is dated after 2020-12"),
])
def test_date_problems(taxonomy, entries, expected):
    # Updated: each job at its own employer; two titles at one employer are a promotion (tested below).
    resume = build_resume(section("experience", "Experience",
                                  *(job(t, f"Org {t}", start, end, "Daily SQL.") for t, start, end in entries)))
    flags = codes(flags_of(resume, taxonomy), "date_problem")
    if expected is None:  # "May 2021 - 2021" reads as ending in December: fine; an old gap: history
        assert flags == []
        return
    assert len(flags) == 1 and flags[0].severity == "info"
    assert expected in flags[0].message


def test_a_promotion_or_a_capstone_is_not_an_overlap(taxonomy):
    promotion = build_resume(section("experience", "Experience",
                                     job("Senior Data Scientist", "Northwind", "2021-01", "present", "Daily SQL."),
                                     job("Data Scientist", "Northwind", "2018-01", "2022-06", "Daily SQL.")))
    assert codes(flags_of(promotion, taxonomy), "date_problem") == []
    capstone = build_resume(section("experience", "Experience",
                                    job("Data Analyst", "Fabrikam", "2022-01", "present", "Daily SQL."),
                                    job("Capstone Project Lead", "Contoso University", "2022-09", "2023-12", "SQL.")))
    assert codes(flags_of(capstone, taxonomy), "date_problem") == []


def test_an_expected_graduation_is_not_a_future_start(taxonomy):
    resume = build_resume(section("education", "Education",
                                  job("MSc Data Science", "Contoso University", "2027-06", None, "Thesis on forecasting.")),
                          section("experience", "Experience",
                                  job("Data Analyst", "Fabrikam", "2023-01", "present", "Daily SQL.")))
    assert not [f for f in codes(flags_of(resume, taxonomy), "date_problem") if "starts in" in f.message]


def test_a_swapped_title_or_a_title_stacked_under_an_employer_is_not_an_overlap(taxonomy):
    # The reader sometimes swaps title and organisation, or leaves the second title under one employer
    # without an organisation: both are one employer, not two jobs at once.
    swapped = build_resume(section("experience", "Experience",
                                   job("Senior Data Scientist", "Northwind Systems", "2022-06", "present", "Daily SQL."),
                                   job("Northwind", "Technical Interviewer", "2020-06", "present", "Interviews.")))
    assert codes(flags_of(swapped, taxonomy), "date_problem") == []
    stacked = build_resume(section("experience", "Experience",
                                   job("Research Scientist", "Contoso Labs", "2019-01", "present", "Daily SQL."),
                                   job("Team Lead", "", "2021-01", "present", "Daily SQL.")))
    assert codes(flags_of(stacked, taxonomy), "date_problem") == []
    two_jobs = build_resume(section("experience", "Experience",
                                    job("Data Scientist", "Northwind", "2022-01", "present", "Daily SQL."),
                                    job("Data Scientist", "Fabrikam", "2020-01", "2023-06", "Daily SQL.")))
    assert [f.message for f in codes(flags_of(two_jobs, taxonomy), "date_problem")] == [
        "Data Scientist, Fabrikam and Data Scientist, Northwind overlap by about 17 months, and both read as "
        "full-time jobs."]


def test_a_thesis_or_a_doctorate_beside_a_job_is_not_an_overlap(taxonomy):
    resume = build_resume(section("experience", "Experience",
                                  job("Data Analyst", "Fabrikam", "2021-01", "present", "Daily SQL."),
                                  job("PhD Candidate", "Contoso University", "2019-09", "present", "Thesis.")))
    assert codes(flags_of(resume, taxonomy), "date_problem") == []


def test_an_expected_or_incoming_start_anywhere_is_a_plan(taxonomy):
    planned = build_resume(section("experience", "Experience",
                                   job("Incoming Data Scientist", "Fabrikam", "2027-06", "present", "Starts in June."),
                                   job("Data Analyst", "Northwind", "2023-01", "present", "Daily SQL.")))
    assert codes(flags_of(planned, taxonomy), "date_problem") == []
    unplanned = build_resume(section("experience", "Experience",
                                     job("Data Scientist", "Fabrikam", "2027-06", "present", "Daily SQL.")))
    assert ["starts in 2027-06" in f.message for f in codes(flags_of(unplanned, taxonomy), "date_problem")] == [True]


def test_a_degree_with_only_its_end_date_covers_the_years_before_it(taxonomy):
    resume = build_resume(section("experience", "Experience",
                                  job("Data Analyst", "Fabrikam", "2025-09", "present", "Daily SQL."),
                                  job("Data Intern", "Northwind", "2022-06", "2022-08", "Daily SQL.")),
                          section("education", "Education", job("BSc Statistics", "Contoso University", None, "2025-06")))
    assert codes(flags_of(resume, taxonomy), "date_problem") == []


def test_a_degree_the_reader_found_no_dates_for_suspends_gap_checks(taxonomy):
    jobs_only = section("experience", "Experience",
                        job("Data Analyst", "Fabrikam", "2025-09", "present", "Daily SQL."),
                        job("Data Intern", "Northwind", "2021-06", "2021-08", "Daily SQL."))
    assert [f.message.split(" between")[0] for f in codes(flags_of(build_resume(jobs_only), taxonomy), "date_problem")] \
        == ["There is a gap of about 48 months"]
    with_degree = build_resume(jobs_only, section("education", "Education", job("BSc Statistics", "Contoso", None, None)))
    assert codes(flags_of(with_degree, taxonomy), "date_problem") == []


def test_a_used_skill_whose_name_holds_a_listed_one_backs_it(taxonomy):
    resume = build_resume(jobs("Built billing pages with Ruby on Rails."), skills_list("Ruby, SAS"))
    assert [f.claim_id for f in codes(flags_of(resume, taxonomy), "unsupported_skill")] == ["skill:sas"]


def test_a_kind_of_data_in_a_skills_list_is_not_a_claimed_method(taxonomy):
    resume = build_resume(jobs("Daily reports."), section("skills", "Skills", "Types of data: time series, text",
                                                          "Languages: SAS"))
    assert [f.claim_id for f in codes(flags_of(resume, taxonomy), "unsupported_skill")] == ["skill:sas"]


def test_listed_only_skills_under_a_listed_only_broader_skill_share_its_card(taxonomy):
    resume = build_resume(jobs("Daily reports."), skills_list("Regularization (Ridge, Lasso)"))
    skills = find_skills(resume)
    flags = codes(find_flags(resume, skills, extract_claims(resume, skills, taxonomy), taxonomy, Options()), "unsupported_skill")
    assert [f.claim_id for f in flags] == ["skill:regularisation"]
    assert "ridge regression" in flags[0].message and "lasso regression" in flags[0].message  # the taxonomy's names


def test_engines_of_one_family_share_a_card_when_the_family_itself_is_not_listed(taxonomy):
    resume = build_resume(jobs("Daily reports."), skills_list("MySQL, PostgreSQL, Kafka"))
    flags = codes(flags_of(resume, taxonomy), "unsupported_skill")
    assert sorted(f.claim_id for f in flags) == ["skill:kafka", "skill:mysql"]  # Kafka is no engine of SQL
    assert "PostgreSQL" in next(f.message for f in flags if f.claim_id == "skill:mysql")


def test_engines_whose_use_implies_a_listed_only_language_share_its_card(taxonomy):
    resume = build_resume(jobs("Daily reports."), skills_list("SQL (MySQL, PostgreSQL)"))
    flags = codes(flags_of(resume, taxonomy), "unsupported_skill")
    assert [f.claim_id for f in flags] == ["skill:sql"]
    assert "MySQL" in flags[0].message and "PostgreSQL" in flags[0].message


def test_one_everyday_tool_is_still_a_low_note_and_never_stale(taxonomy):
    resume = build_resume(section("experience", "Experience",
                                  job("Data Analyst", "Fabrikam", "2023-01", "present", "Daily reports."),
                                  job("Developer", "Northwind", "2012-01", "2015-12", "Services in Java and SAS.")),
                          skills_list("Git"))
    flags = flags_of(resume, taxonomy)
    assert [(f.severity, "Git" in f.message) for f in codes(flags, "unsupported_skill")] == [("low", True)]
    assert [f.claim_id for f in codes(flags, "stale_claim")] == ["skill:sas"]


def test_shared_work_asks_for_the_candidates_own_part(taxonomy):
    resume = build_resume(section("experience", "Experience",
                                  job("Data Scientist", "Fabrikam", "2023-01", "present",
                                      "Co-authored a paper on demand forecasting.",
                                      "Built a churn model with a team of four.",
                                      "Collaborated with stakeholders on weekly reports.")))
    flags = codes(flags_of(resume, taxonomy), "shared_work")
    assert [f.evidence[0].quote for f in flags] == ["Co-authored a paper on demand forecasting."]  # one per entry
    assert "which part was yours" in flags[0].message
    alone = build_resume(jobs("Collaborated with stakeholders on weekly reports."))
    assert codes(flags_of(alone, taxonomy), "shared_work") == []


def test_no_date_problem_on_a_plain_history(taxonomy):
    resume = build_resume(
        section("experience", "Experience",
                job("Senior Data Scientist", "Org", "2020", "present", "Daily SQL."),
                job("Data Scientist", "Org", "2017", "2020", "Daily SQL."),
                job("Data Science Intern", "Other", "2018-06", "2018-08", "Daily SQL.")),
        section("education", "Education", job("MSc", "Uni", "2015", "2017")))
    assert codes(flags_of(resume, taxonomy), "date_problem") == []


def test_flags_are_deterministic_and_ordered_by_check(taxonomy):
    resume = build_resume(section("summary", "Summary", "Expert in AI."),
                          jobs("Trained an LSTM in PyTorch; increased accuracy by 4%."),
                          skills_list("PyTorch, LSTM, Julia"),
                          links=(link("https://github.com/someone", "github_profile"),))
    first, second = flags_of(resume, taxonomy), flags_of(resume, taxonomy)
    assert first == second
    order = [c.__name__.lstrip("_") for c in CHECKS]
    positions = [order.index("metric_flags" if f.code.startswith("metric_") else f.code) for f in first]
    assert positions == sorted(positions)


def test_a_pdf_built_in_memory_through_the_reader(taxonomy):
    from factory import simple_resume

    from analyzer.pipeline import analyze

    pdf = simple_resume(
        "# Summary", "Passionate, results-driven expert in AI.",
        "# Experience", "* Data Scientist, Acme  Jan 2022 – Present",
        "- Reduced churn by 12% across the annual plans.",
        "- Trained an XGBoost model in Python to predict churn.",
        "# Skills", "Python, XGBoost, Julia",
    )
    resume = analyze(pdf, as_of="2026-11").resume
    found = set(codes(flags_of(resume, taxonomy)))
    assert {"vague_claim", "metric_without_method", "metric_without_baseline", "no_deployment",
            "unsupported_skill"} <= found
    assert not found & {"stale_claim", "keyword_padding", "dl_without_fundamentals", "hidden_text", "no_lifecycle"}


# --- the sample resumes against the hand-written expectations ------------------------------------

from conftest import EXPECTED, sample_paths  # noqa: E402


@pytest.fixture(scope="module")
def sample_nlp(taxonomy):
    from analyzer.nlp import build_nlp

    return build_nlp(taxonomy)


@pytest.mark.parametrize("path", [p for p in sample_paths() if (EXPECTED / f"{p.stem}.toml").exists()],
                         ids=lambda p: p.stem)
def test_sample_flags_match_the_expectations(path, taxonomy, resources, sample_nlp):
    import tomllib

    skills_module = pytest.importorskip("analyzer.skills", reason="the skills step (issue 3) is not in place yet")
    from analyzer.pipeline import analyze

    expected = tomllib.loads((EXPECTED / f"{path.stem}.toml").read_text())
    resume = analyze(path, as_of=expected["as_of"], resources=resources).resume
    skills = skills_module.match_skills(resume, taxonomy, sample_nlp)
    claims = extract_claims(resume, skills, taxonomy, resume_statements(resume))
    fired = {f.code for f in find_flags(resume, skills, claims, taxonomy, Options(as_of=expected["as_of"]))}
    assert set(expected["flags"]["expected"]) <= fired, "expected flags missing"
    assert not set(expected["flags"]["absent"]) & fired, "flags that should not fire"


def test_a_used_skill_backs_the_skills_it_implies(taxonomy):
    resume = build_resume(section("experience", "Experience",
                                  job("Data Scientist", "Acme", "2023-01", "present", "Cleaned sales data with pandas."),
                                  job("Developer", "Beta", "2015-01", "2018-12", "Scripts in Python and Julia.")),
                          skills_list("Python, pandas, Julia"))
    flags = flags_of(resume, taxonomy)
    assert [f.claim_id for f in codes(flags, "stale_claim")] == ["skill:julia"]  # Python lives on through pandas
    listed = build_resume(jobs("Cleaned sales data with pandas."), skills_list("Python, pandas, Julia"))
    assert [f.claim_id for f in codes(flags_of(listed, taxonomy), "unsupported_skill")] == ["skill:julia"]


def test_everyday_tools_are_one_low_note_and_hidden_page_numbers_are_nothing(taxonomy):
    resume = build_resume(section("skills", "Skills", "Tools: Git, Jupyter, Excel, Tableau"),
                          section("experience", "Experience",
                                  job("Data Analyst", "Fabrikam", "2023-01", "present", "Daily SQL reports.")))
    flags = codes(flags_of(resume, taxonomy), "unsupported_skill")
    grouped = [f for f in flags if f.severity == "low"]
    assert len(grouped) == 1 and "Git" in grouped[0].message and "Jupyter" in grouped[0].message
    assert [f for f in flags if f.severity == "medium" and "Tableau" in f.message]
    from analyzer.flags import is_hidden_words
    assert not is_hidden_words("2") and is_hidden_words("python pytorch kubernetes")


# --- the check anyone can run (issue 12): no "only in a skills list" on a skill a role, project or repo shows --

import re  # noqa: E402
from pathlib import Path  # noqa: E402

from analyzer.models import Limits  # noqa: E402
from analyzer.pipeline import analyze  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset"
WORK = ("experience", "projects", "education", "publications")


def _named(name: str, text: str) -> bool:
    return len(name) >= 3 and re.search(rf"(?<![\w+#]){re.escape(name)}(?![\w+#])", text, re.IGNORECASE) is not None


def _shown_by_work(skill, report) -> str:
    """Where a role, project or linked repository shows the skill, judged from the skill's own evidence,
    the entries' titles and the repository links (not from the flag's logic); '' when nowhere."""
    for evidence in skill.evidence:
        if evidence.section in WORK and evidence.entry:
            return f"{evidence.section} entry {evidence.entry!r}"
    for entry in report.resume.entries:
        if entry.section in ("experience", "projects") and _named(skill.name, f"{entry.title} {entry.organization}"):
            return f"the title {entry.label!r}"
    for link in report.resume.document.links:
        if link.kind in ("github_repo", "gist") and _named(skill.name, link.url.replace("-", " ").replace("_", " ")):
            return f"the repository {link.url}"
    return ""


def only_listed_problems(report) -> list[str]:
    problems = []
    for flag in report.flags:
        if flag.code != "unsupported_skill" or "only in a skills list" not in flag.message:
            continue
        # A grouped note lists names after its colon: "...for a data role: Git, Jupyter and Excel."
        grouped = re.split(r",\s*|\s+and\s+", flag.message.partition(": ")[2].split(". ")[0])
        named = [s for s in report.skills if f"skill:{s.id}" == flag.claim_id
                 or (flag.claim_id is None and s.name in grouped)]
        for skill in named:
            if where := _shown_by_work(skill, report):
                problems.append(f"{skill.name} called only listed, but {where} shows it")
    return problems


def _report(path: Path):
    # Generous time limits: the machine running the suite may be busy; speed is tested elsewhere.
    return analyze(path, as_of="2026-01", options=Options(limits=Limits(seconds_per_page=60.0)))


@pytest.mark.parametrize("path", sorted((ROOT / "samples").glob("*.pdf")), ids=lambda p: p.stem)
def test_no_sample_calls_a_skill_a_role_project_or_repository_shows_only_listed(path):
    assert only_listed_problems(_report(path)) == []


def test_no_devset_resume_calls_a_skill_a_role_project_or_repository_shows_only_listed():
    pdfs = sorted((DEVSET / "pdfs").glob("*.pdf"))
    if not pdfs:
        pytest.skip(f"the dev set is not at {DEVSET} (real resumes, kept outside the project)")
    problems = {path.stem: found for path in pdfs if (found := only_listed_problems(_report(path)))}
    assert problems == {}


def test_the_only_listed_check_catches_a_skill_a_project_shows(taxonomy):
    # The check itself: a flag on a skill with project evidence is reported.
    resume = build_resume(section("projects", "Projects", job("Churn model", "", "2024-01", "2024-06",
                                                             "Trained an XGBoost churn model.")),
                          skills_list("XGBoost"))
    skills = find_skills(resume)
    xgboost = next(s for s in skills if s.id == "xgboost")
    flag = load_taxonomy().flags.get("unsupported_skill")
    from analyzer.models import Flag, Report
    fake = Flag(code="unsupported_skill", severity=flag.severity, message="XGBoost appears only in a skills list.",
                advice="", claim_id="skill:xgboost")
    report = Report(resume=resume, skills=(xgboost,), flags=(fake,))
    assert only_listed_problems(report) == ["XGBoost called only listed, but projects entry 'Churn model' shows it"]


def test_shared_work_whose_own_part_is_stated_on_another_line_is_no_flag(taxonomy):
    def shared(*bullets: str) -> list:
        resume = build_resume(section("projects", "Projects", job("Transit Data Analysis", "", "2023-05", "2023-05",
                                                                  *bullets)))
        return codes(flags_of(resume, taxonomy), "shared_work")
    together = "Together with my teammates, we analysed the transit site data."
    assert len(shared(together, "We built a dashboard in Streamlit.")) == 1
    assert shared(together, "I designed and implemented the database in SQLAlchemy.") == []
