"""Step 6: question generation and ranking (analyzer/questions.py), with its fairness checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from analyzer.bank import KINDS
from analyzer.taxonomy import load_bank, load_taxonomy
from analyzer.models import (Claim, Contact, Document, Entry, Evidence, Flag, Limits, Line, Link, Options, Project, Resume,
                             Skill)
from analyzer.results import read_result
from analyzer.questions import MAX_BASELINE, allowed_mentions, generate_questions, mentioned_skills

ROOT = Path(__file__).resolve().parent.parent


# --- a hand-made resume ---------------------------------------------------------------------------------

def _line(text: str, page: int = 1) -> Line:
    return Line(text=text, page=page, x0=50, top=100, x1=500, bottom=112)


def _evidence(quote: str, entry: str = "Data Scientist, Acme", start: str = "2022-01", end: str = "present",
              page: int = 1) -> Evidence:
    return Evidence(section="experience", entry=entry, quote=quote, page=page, start=start, end=end, entry_index=0)


def _result(clause: str, has_skill: bool = True):
    """The result the claims step reads from a line (analyzer/results.py)."""
    return read_result(clause, clause, load_taxonomy().claims, has_skill)


def make_inputs():
    bullets = ["Built an XGBoost churn model in pandas that lifted conversion from 90% to 91%",
               "Code at github.com/ada/churn-model"]
    document = Document(name="ada.pdf", sha256="0" * 64, pages=1, page_sizes=((612.0, 792.0),),
                        lines=tuple(_line(b) for b in bullets))
    entry = Entry(section="experience", title="Data Scientist", organization="Acme", location="", start="2022-01",
                  end="present", page=1, lines=tuple(_line(b) for b in bullets))
    resume = Resume(document=document, contact=Contact(name="Ada"), sections=(), entries=(entry,), as_of="2026-11")
    e_model, e_link = _evidence(bullets[0]), _evidence(bullets[1])
    e_list = Evidence(section="skills", entry="", quote="Skills: XGBoost, pandas, TensorFlow", page=1)
    skills = (
        Skill(id="xgboost", name="XGBoost", category="ml_libraries", used_in=("Data Scientist, Acme",),
              last_used="2026-11", strength=0.9, evidence=(e_model,)),
        Skill(id="pandas", name="pandas", category="ml_libraries", used_in=("Data Scientist, Acme",),
              strength=0.6, evidence=(e_model,)),
        Skill(id="tensorflow", name="TensorFlow", category="dl_frameworks", listed_only=True, strength=0.1,
              evidence=(e_list,)),
    )
    claims = (
        Claim(id="skill:xgboost", kind="skill", text="XGBoost", evidence=(e_model,), skill_ids=("xgboost",),
              defensibility=85),
        Claim(id="skill:pandas", kind="skill", text="pandas", evidence=(e_model,), skill_ids=("pandas",),
              defensibility=60),
        Claim(id="skill:tensorflow", kind="skill", text="TensorFlow", evidence=(e_list,),
              skill_ids=("tensorflow",), defensibility=10),
        Claim(id="project:churn-model", kind="project", text="XGBoost churn model", evidence=(e_model,),
              skill_ids=("xgboost",), project=Project(name="the churn model", what=bullets[0]), defensibility=70),
        Claim(id="result:1", kind="result", text="lifted conversion from 90% to 91%", evidence=(e_model,),
              skill_ids=("xgboost",), result=_result(bullets[0]), defensibility=70),
        Claim(id="link:github.com/ada/churn-model", kind="link", text="github.com/ada/churn-model",
              evidence=(e_link,), link=Link(url="https://github.com/ada/churn-model", kind="github_repo",
                                            anchor_text="github.com/ada/churn-model", page=1)),
    )
    flags = (
        Flag(code="unsupported_skill", severity="medium", message="TensorFlow appears only in a skills list.",
             advice="Add a line.", claim_id="skill:tensorflow", evidence=(e_list,)),
        Flag(code="link_to_check", severity="info", message="Interviewers open the links.", advice="Prepare.",
             claim_id="link:github.com/ada/churn-model", evidence=(e_link,)),
        Flag(code="no_deployment", severity="medium", message="Nothing says how the models were used.",
             advice="Add who used it.", area=7, evidence=(e_model,)),
    )
    return resume, skills, claims, flags


@pytest.fixture(scope="module")
def inputs():
    return make_inputs()


def run(inputs, taxonomy, **options):
    resume, skills, claims, flags = inputs
    return generate_questions(resume, skills, claims, flags, taxonomy, load_bank(), Options(as_of="2026-11", **options))


@pytest.fixture(scope="module")
def questions(inputs, taxonomy):
    return run(inputs, taxonomy, question_count=60)


# --- fairness -------------------------------------------------------------------------------------------

def test_every_question_is_anchored(inputs, questions):
    _, _, claims, flags = inputs
    claim_ids = {c.id for c in claims}
    assert questions
    for q in questions:
        assert q.anchor in ("claim", "flag", "baseline")
        if q.anchor == "claim":
            assert q.claim_id in claim_ids and q.quote
        if q.anchor == "flag":
            assert q.flag_code in {f.code for f in flags}
        assert q.why


def test_no_question_names_an_unclaimed_skill_unless_baseline(inputs, taxonomy, questions):
    _, skills, claims, _ = inputs
    claimed = frozenset(s.id for s in skills) | frozenset(i for c in claims for i in c.skill_ids)
    bank = load_bank()
    alternatives = {a for c in claimed for a in bank.alternatives_of(c)}  # named on purpose by {alternative}
    allowed = allowed_mentions(claimed, taxonomy) | alternatives
    for q in questions:
        if q.anchor != "baseline":
            assert not mentioned_skills(q.text, taxonomy) - allowed, q.text


def test_only_allowed_kinds_and_difficulties(questions):
    for q in questions:
        assert q.kind in KINDS
        assert 1 <= q.difficulty <= 3
        assert 1 <= q.area <= 12


def test_at_most_one_question_per_template_per_claim(questions):
    ids = [q.id for q in questions]
    assert len(ids) == len(set(ids))
    assert len({(q.claim_id, q.text) for q in questions}) == len(questions)
    bank_texts = {qq.text for t in load_bank().topics for qq in t.questions}
    topic_texts = [q.text for q in questions if q.text in bank_texts]
    assert len(topic_texts) == len(set(topic_texts))  # a bank topic question is asked once overall


def test_deterministic_for_the_same_input(inputs, taxonomy, questions):
    again = run(make_inputs(), taxonomy, question_count=60)
    assert again == questions


def test_deterministic_across_processes():
    """Hash randomisation must not change ids or order."""
    script = ("import json, tests.test_questions as t; from analyzer.taxonomy import load_taxonomy;"
              "print(json.dumps([q.id for q in t.run(t.make_inputs(), load_taxonomy(), question_count=30)]))")
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                              check=True)
        outputs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    assert outputs[0] == outputs[1] and outputs[0]


# --- what gets asked ------------------------------------------------------------------------------------

def test_the_90_to_91_result_gets_measurement_baseline_and_next_step(questions):
    # Updated: the fundamentals of the line's skills (XGBoost) may also hang on the result; the
    # questions about the result itself are the ones worded from it.
    # Updated again: at most MAX_LINE_QUESTIONS (2) of the claims' questions quote one line (reviewers read a
    # third as a repeat) and the leakage question on the same line is one of them, so one question is
    # worded from the result; it reads both numbers.
    on_result = [q for q in questions if q.claim_id == "result:1" and q.template.startswith(("result.", "line.", "flag."))]
    texts = " ".join(q.text for q in on_result)
    assert len(on_result) >= 1
    assert "90%" in texts and "91%" in texts
    assert {q.area for q in on_result} == {2}


def test_a_link_gets_walk_through_questions(questions):
    # Updated: the issue asks for no URL in a question; the repository is named as a person says it.
    # One question per link: "what will I find" and "give me a tour" would get the same answer.
    on_link = [q for q in questions if 'your repository "churn-model"' in q.text]
    assert len(on_link) == 1
    assert {q.anchor for q in on_link} <= {"claim", "flag"}
    assert not [q for q in questions if "https://" in q.text or "github.com" in q.text]


def test_each_flag_gets_its_question(inputs, questions):
    _, _, _, flags = inputs
    asked = {q.flag_code for q in questions if q.anchor == "flag"}
    assert {f.code for f in flags} <= asked
    unsupported = [q for q in questions if q.flag_code == "unsupported_skill"]
    assert any("TensorFlow" in q.text for q in unsupported)


def test_alternative_question_names_a_sensible_alternative(inputs, taxonomy):
    # Updated: the XGBoost and project claims alone, since the fixture's one line otherwise carries two
    # questions from its result claim (MAX_LINE_QUESTIONS counts every claim's questions on a line); the
    # project claim makes the question specific, so it is not only filler
    resume, skills, claims, _ = inputs
    chosen = tuple(c for c in claims if c.id in ("skill:xgboost", "project:churn-model"))
    questions = generate_questions(resume, skills, chosen, (), taxonomy, load_bank(), Options(as_of="2026-11"))
    instead = [q for q in questions if q.claim_id == "skill:xgboost"
               and ("instead" in q.text.lower() or "something like" in q.text)]
    # The first alternative the bank lists for XGBoost (lightgbm, catboost) that the resume does not name.
    # Updated: the question now reads its line back and asks "rather than something like LightGBM, and ..."
    assert len(instead) == 1 and "something like LightGBM," in instead[0].text


def test_depth_follows_the_evidence(inputs, taxonomy):
    resume, skills, claims, flags = inputs
    claims = claims[:1]  # the XGBoost skill claim alone, so no other claim triggers the same topic
    backed = generate_questions(resume, skills, claims, (), taxonomy, options=Options(question_count=80))
    weak_claims = tuple(replace(c, defensibility=10) if c.id == "skill:xgboost" else c for c in claims)
    weak_flags = (Flag(code="stale_claim", severity="low", message="old", advice="Prepare.",
                       claim_id="skill:xgboost", evidence=claims[0].evidence),)
    weak = generate_questions(resume, skills, weak_claims, weak_flags, taxonomy, options=Options(question_count=80))

    topics = {t.id for t in load_bank().topics}

    def on_line(qs):  # the bank-topic questions tied to the XGBoost line, by topic
        return {q.topic: q for q in qs if q.claim_id == "skill:xgboost" and q.template.rsplit(".", 1)[0] in topics}

    # At most MAX_TOPIC_PER_CLAIM (2) topic questions per line, so the two lists may pick different
    # topics; the old test looked at "Gradient boosting" alone, which the weak list reached only as a
    # third topic question on the line. Compare the topics both lists ask about.
    shared = on_line(backed).keys() & on_line(weak).keys()
    assert "XGBoost internals" in shared
    assert all(on_line(backed)[t].difficulty > on_line(weak)[t].difficulty for t in shared)
    assert all(on_line(backed)[t].followups for t in shared)


def test_baseline_complements_the_personalised_questions(questions):
    personal_topics = {q.topic for q in questions if q.anchor != "baseline"}
    baseline = [q for q in questions if q.anchor == "baseline" and q.area not in (11, 12)]
    assert baseline
    assert not {q.topic for q in baseline} & personal_topics
    assert "Gradient boosting" not in {q.topic for q in baseline}  # already asked about via XGBoost


def test_two_or_three_questions_to_ask_matched_to_strengths(questions):
    asks = [q for q in questions if q.area == 12]
    assert 2 <= len(asks) <= 3
    assert all(q.kind == "behavioural" for q in asks)


# --- options --------------------------------------------------------------------------------------------

def test_count_option(inputs, taxonomy):
    # question_count is a maximum, not a quota (round 2): a short resume gets a short list instead of
    # textbook filler, so asking for 100 gives fewer; the old test demanded exactly 25.
    assert len(run(inputs, taxonomy, question_count=10)) == 10
    long = run(inputs, taxonomy, question_count=100)
    assert 10 < len(long) < 100
    assert len([q for q in long if q.anchor == "baseline" and q.area != 12]) <= MAX_BASELINE
    assert run(inputs, taxonomy, question_count=0) == ()


def test_areas_option(inputs, taxonomy):
    only = run(inputs, taxonomy, question_count=40, areas=(2, 3))
    assert only and {q.area for q in only} <= {2, 3}
    assert {q.area for q in only} == {2, 3}


def test_difficulty_option(inputs, taxonomy):
    hard = run(inputs, taxonomy, question_count=40, min_difficulty=3, max_difficulty=3)
    assert hard and {q.difficulty for q in hard} == {3}
    easy = run(inputs, taxonomy, question_count=40, max_difficulty=1)
    assert easy and {q.difficulty for q in easy} == {1}


def test_the_interviewer_list_carries_a_guide_and_differs(inputs, taxonomy, questions):
    # Updated: the issue asks for an interviewer list worth having, not the same list with another "why".
    other = run(inputs, taxonomy, question_count=60, perspective="interviewer")
    assert all(q.guide and q.worry and q.why.startswith("A strong answer:") for q in other)
    assert not [q for q in other if q.area == 12]  # questions to ask are the candidate's
    assert [q for q in questions if q.area == 12]
    assert [q.text for q in other] != [q.text for q in questions]


def test_company_questions_only_with_a_company(inputs, taxonomy, questions):
    assert not [q for q in questions if q.area == 11]
    with_company = run(inputs, taxonomy, question_count=60, company="Northwind Analytics")
    area11 = [q for q in with_company if q.area == 11]
    assert area11 and all("Northwind Analytics" in q.text for q in area11)


def test_no_input_gives_only_baseline(taxonomy):
    qs = generate_questions(None, (), (), (), taxonomy, options=Options(question_count=15))
    assert qs and all(q.anchor == "baseline" for q in qs)
    # A maximum, not a quota (round 2): with nothing to ask about, only the small baseline and questions to ask.
    assert len([q for q in qs if q.area != 12]) == MAX_BASELINE


# --- a real resume ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_questions(taxonomy):
    from analyzer.claims import extract_claims
    from analyzer.extract import read_pdf
    from analyzer.flags import find_flags
    from analyzer.nlp import build_nlp
    from analyzer.sections import structure_resume
    from analyzer.skills import match_skills
    from analyzer.statements import resume_statements

    resume = structure_resume(read_pdf(ROOT / "samples" / "mlops_daniel_osei.pdf"), taxonomy, as_of="2026-11")
    skills = match_skills(resume, taxonomy, build_nlp(taxonomy))
    statements = resume_statements(resume)
    claims = extract_claims(resume, skills, taxonomy, statements)
    flags = find_flags(resume, skills, claims, taxonomy, statements=statements)
    return skills, claims, flags, generate_questions(resume, skills, claims, flags, taxonomy,
                                                     options=Options(as_of="2026-11"))


def test_real_resume_questions_are_anchored_and_personal(sample_questions, taxonomy):
    skills, claims, flags, qs = sample_questions
    # A maximum since round 2, no longer an exact quota. Lower bound 20 -> 15 (issue 12): the list editor
    # adds questions that fit any resume only to fill (FILL_RATIO per specific question), and one
    # template at most twice, so this resume's 19 varied questions are the intended list, not a shortfall.
    # 15 -> 10: each template once (reviewers rate a second one as a form), so the list is shorter still.
    assert 10 <= len(qs) <= Options().question_count
    claim_ids = {c.id for c in claims}
    tied = [q for q in qs if q.anchor != "baseline"]
    assert len(tied) / len(qs) >= 0.6
    for q in tied:
        assert q.claim_id in claim_ids or q.flag_code in {f.code for f in flags}
    assert len(Counter(q.area for q in qs)) >= 6  # area balance (8 -> 6 with the shorter list: areas with hooks)
    claimed = frozenset(s.id for s in skills) | frozenset(i for c in claims for i in c.skill_ids)
    bank = load_bank()
    allowed = allowed_mentions(claimed, taxonomy) | {a for c in claimed for a in bank.alternatives_of(c)}
    for q in tied:
        if q.anchor == "claim" and q.area != 12:
            mentioned = mentioned_skills(q.text, taxonomy) - allowed
            # resume words filled into slots may name skills the matcher did not claim; bank words may not
            assert all(taxonomy.skill(m).name.lower() in (q.quote + " " + q.text.split("?")[0]).lower()
                       for m in mentioned), q.text


def test_a_result_is_worded_as_a_level_or_a_change():
    from analyzer.questions import result_phrase

    def result(clause: str) -> Claim:
        return Claim(id="result:1", kind="result", text=clause, result=_result(clause))

    # Updated: results are typed now, so these are read from lines by the claims step's own reader
    # (the old hand-made details skipped what the number measures, which every real claim has).
    assert result_phrase(result("Improved checkout conversion from 90% to 91% by testing a shorter form")) == \
        "conversion moving from 90% to 91%"
    assert result_phrase(result("Reduced churn by 12% across the annual plans")) == "churn down by 12%"
    assert result_phrase(result("Trained a fraud model with an AUC of 0.81")) == "AUC of 0.81"
    # A headcount is not a result to probe as one.
    assert result_phrase(result("Grew the analytics team from 3 to 28 people")) == ""


# --- the checks anyone can run, on every sample and on the dev set ------------------------------------------

from analyzer.flags import is_shown_elsewhere  # noqa: E402
from analyzer.pipeline import analyze  # noqa: E402
from analyzer.questions import list_problems  # noqa: E402

DEVSET = Path(__file__).resolve().parents[1].parent / "shared" / "devset"


def _devset_pdfs() -> list[Path]:
    # The dev set sits next to the project (../shared/devset); from a git worktree one level further up.
    for root in (DEVSET, Path(__file__).resolve().parents[2].parent / "shared" / "devset"):
        if (root / "pdfs").is_dir():
            return sorted((root / "pdfs").glob("*.pdf"))
    return []


def _check_report(report) -> list[str]:
    problems = list(list_problems(report.questions, "interviewer"))
    skills = {f"skill:{s.id}": s for s in report.skills}
    for flag in report.flags:
        skill = skills.get(flag.claim_id or "")
        if flag.code == "unsupported_skill" and "only in a skills list" in flag.message and skill is not None:
            if any(e.section in ("experience", "projects") for e in skill.evidence) \
                    or is_shown_elsewhere(skill, report.resume):
                problems.append(f"'only listed' flag on {skill.name}, which a role, project or repository shows")
    return problems


def _interviewer(path: Path):
    # Generous time limits: the machine running the suite may be busy; speed is tested elsewhere.
    options = Options(perspective="interviewer", as_of="2026-11", limits=Limits(seconds_per_page=60.0))
    return analyze(path, as_of="2026-11", options=options)


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.pdf")),
                         ids=lambda p: p.stem)
def test_every_sample_passes_the_list_checks(path):
    report = _interviewer(path)
    assert report.questions
    assert _check_report(report) == []


def test_the_dev_set_passes_the_list_checks():
    pdfs = _devset_pdfs()
    if not pdfs:
        pytest.skip("the dev set (../shared/devset/pdfs) is absent")
    problems = {path.stem: found for path in pdfs if (found := _check_report(_interviewer(path)))}
    assert problems == {}


@pytest.mark.parametrize(("url", "kind", "name"), [
    ("https://github.com/ada/churn-model", "github_repo", 'your repository "churn-model"'),
    ("https://github.com/ada", "github_profile", "your GitHub profile"),
    ("https://www.github.com/https://github.com/ada", "github_repo", "your GitHub profile"),
    ("https://ada.example.dev", "portfolio", "your portfolio site"),
])
def test_a_link_is_named_without_its_url(url, kind, name):
    from analyzer.questions import link_name
    assert link_name(url, kind) == name


def test_a_repository_of_another_account_is_not_called_yours():
    from analyzer.questions import link_name
    # the candidate's profile is github.com/ada: a library they used lives elsewhere
    assert link_name("https://github.com/big-lab/toolkit", "github_repo", "ada") == 'the repository "toolkit"'
    assert link_name("https://github.com/Ada/churn-model", "github_repo", "ada") == 'your repository "churn-model"'


@pytest.mark.parametrize(("text", "task"), [
    ("Developed a credit card fraud classification model using scikit-learn", "credit card fraud classification model"),
    ("Built a demand forecasting pipeline with LightGBM", "demand forecasting pipeline"),
    ("Responsible for various stakeholder meetings", ""),
    ("Designed and implemented a route planning service for couriers", "route planning service"),
    ("Built pricing and markdown models in R, lifting margin by 4%", "pricing and markdown models"),
    ("Built Tableau dashboards integrating sales and stock data", "Tableau dashboards"),
    ("Design, develop and maintain the ledger CI platform using Go and AWS", "ledger CI platform"),
    # two things made: the model, which the questions on serving and errors are about
    ("Developed labelling pipelines, trained and deployed parcel damage models on the belt", "parcel damage models"),
    ("Built machine learning ensembles in R to forecast the onset of droughts", "machine learning ensembles"),
    ("Trained different computer vision models for shelf images", "computer vision models"),  # no "the different"
])
def test_the_thing_a_line_built(text, task):
    from analyzer.questions import task_of
    assert task_of(text) == task


def test_a_proprietary_line_gets_no_question_about_it(taxonomy):
    line = "Trained a proprietary XGBoost pricing model reaching AUC 0.88"
    evidence = (Evidence(section="experience", entry="Data Scientist, Acme", quote=line, page=1,
                         start="2022-01", end="present"),)
    claims = (Claim(id="result:1", kind="result", text=line, evidence=evidence, skill_ids=("xgboost",),
                    result=_result(line)),)
    qs = generate_questions(None, (), claims, (), taxonomy, options=Options(question_count=20))
    assert qs and not [q for q in qs if q.claim_id == "result:1"]


def test_listed_only_skills_share_one_question(taxonomy):
    # Five skills named only in a list: one question names the most exposed (the flagged ones first,
    # by severity, then the weakest backing), instead of one "You list X without a role" question per
    # skill and a separate "X appears only in your skills list" flag question. Updated: it names one
    # skill, not three: reviewers found "pick one of three" lets the candidate pick the easiest.
    resume, skills, claims, flags = make_inputs()
    e_list = Evidence(section="skills", entry="", quote="Skills: PyTorch, Kubernetes, Spark, Kafka", page=1)
    extra = (("pytorch", "PyTorch", "dl_frameworks", 20), ("kubernetes", "Kubernetes", "mlops", 15),
             ("spark", "Spark", "big_data", 25), ("kafka", "Kafka", "big_data", 30))
    skills += tuple(Skill(id=i, name=n, category=c, listed_only=True, strength=0.1, evidence=(e_list,))
                    for i, n, c, _ in extra)
    claims += tuple(Claim(id=f"skill:{i}", kind="skill", text=n, evidence=(e_list,), skill_ids=(i,),
                          defensibility=d) for i, n, _, d in extra)
    flags += (Flag(code="unsupported_skill", severity="high", message="Spark appears only in a skills list.",
                   advice="Add a line.", claim_id="skill:spark", evidence=(e_list,)),)
    questions = generate_questions(resume, skills, claims, flags, taxonomy, options=Options(question_count=60))
    listed = [q for q in questions if q.text.startswith("You list")]
    assert [q.text for q in listed] == [
        "You list Spark without a role or project that shows it: walk me through where you used it."]
    assert listed[0].anchor == "flag" and listed[0].claim_id == "skill:spark"
    assert listed[0].followups[0].startswith("On Spark: ")
    assert not any(q.flag_code == "unsupported_skill" for q in questions if q not in listed)


def test_at_most_one_exam_question_tied_to_one_line(inputs, taxonomy):
    # The XGBoost line triggers three bank topics (gradient boosting, XGBoost internals, debugging
    # tree ensembles); only one exam question is led in by "At Acme you built ...".
    resume, skills, claims, _ = inputs
    weak = (replace(claims[0], defensibility=10),)  # the XGBoost skill claim, thinly backed: all three qualify
    questions = generate_questions(resume, skills, weak, (), taxonomy, options=Options(question_count=80))
    topics = {t.id for t in load_bank().topics}
    led_in = [q.topic for q in questions if q.claim_id == "skill:xgboost"
              and q.template.rsplit(".", 1)[0] in topics and q.text.startswith("At Acme you")]
    assert len(led_in) == 1


def test_a_job_title_in_the_organisation_field_is_not_an_employer(taxonomy):
    # The reader sometimes swaps the fields: "At Quantitative Researcher you built ..." reads as
    # nonsense; the question names the role instead.
    resume, skills, claims, flags = make_inputs()
    entry = replace(resume.entries[0], title="Northwind Trading", organization="Quantitative Researcher")
    old = resume.entries[0].label

    def moved(e: Evidence) -> Evidence:
        return replace(e, entry=entry.label) if e.entry == old else e

    resume = replace(resume, entries=(entry,))
    skills = tuple(replace(s, evidence=tuple(moved(e) for e in s.evidence), used_in=(entry.label,) if s.used_in else ())
                   for s in skills)
    claims = tuple(replace(c, evidence=tuple(moved(e) for e in c.evidence)) for c in claims)
    flags = tuple(replace(f, evidence=tuple(moved(e) for e in f.evidence)) for f in flags)
    questions = generate_questions(resume, skills, claims, flags, taxonomy, options=Options(question_count=60))
    texts = " ".join(q.text for q in questions)
    assert "Quantitative Researcher" in texts
    assert "at quantitative researcher" not in texts.lower()
    assert "in your role as quantitative researcher" in texts.lower()


def test_is_job_title_uses_the_reader_hint_words():
    from analyzer.entries import is_job_title
    assert is_job_title("Quantitative Researcher") and is_job_title("Senior Data Analyst")
    assert not is_job_title("Northwind Analytics Ltd") and not is_job_title("Northwind Trading")
    assert not is_job_title("Associate Cloud Engineer Certification")  # a course read in a job's place
