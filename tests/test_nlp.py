"""The skill-matching spaCy pipeline: normalisation, glued words and every ambiguous name both ways."""

import pytest

from analyzer.nlp import build_nlp, find_skills, is_list_like, normalise_text, prepare_text


@pytest.fixture(scope="module")
def nlp(taxonomy):
    return build_nlp(taxonomy)


def _ids(nlp, text, section="experience"):
    return {skill for skill, _ in find_skills(nlp, text, section)}


def test_the_pipeline_is_blank_english_plus_our_two_components(nlp):
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["skill_matcher", "skill_rules"]


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Built ﬁne-tuning and ﬂows", "Built fine-tuning and flows"),  # ligatures
        ("Python/SQL/Spark", "Python / SQL / Spark"),
        ("A/B testing and CI/CD", "A/B testing and CI / CD"),
        ("TensorFlow2 and Python3.10", "TensorFlow 2 and Python 3.10"),
        ("Python 3.10", "Python 3.10"),
        ("word2vec stays", "word2vec stays"),
        ("time\u2010series\u00a0forecasting", "time-series forecasting"),  # odd hyphen, no-break space
        ("Python \u2022 SQL \u25aa R", "Python \u00b7 SQL \u00b7 R"),  # bullets
        ("2019\u20132021", "2019 - 2021"),
        ("SQL,Kotlin(reading)", "SQL, Kotlin (reading)"),
        ("3,000 users", "3,000 users"),
        ("zero\u200bwidth", "zerowidth"),
    ],
)
def test_normalise_text(raw, normal):
    assert normalise_text(raw) == normal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("usingPythonandSQL", {"python", "sql"}),
        ("builtXGBoostmodelsforchurn", {"xgboost"}),
        ("DashboardsinTableauandad-hocSQLonRedshiftfortheoperationsteam.", {"tableau", "sql", "redshift"}),
        ("LightGBMlearning-to-rankmodelontop;servedbehindaKotlinservice", {"lightgbm", "learning_to_rank", "kotlin"}),
        ("Experimentation: A/Btesting,interleaving,CUPED,sequentialtesting",
         {"ab_testing", "interleaving", "cuped", "sequential_testing"}),
        ("Python/SQL/Sparkanalysesfortheproductteam", {"python", "sql", "spark"}),
        ("Datascientistwithsevenyearsofexperienceinrecommendationsystems", {"recommender_systems"}),
        ("TensorFlow2 on GPUs", {"tensorflow"}),
    ],
)
def test_glued_words_from_latex_pdfs_are_found(nlp, text, expected):
    assert _ids(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ledtheredistributionofresponsibilitiesacrossdepartments",  # 'redis' without its capital
        "Responsibilities included archiving documents",  # 'hive' inside 'archiving'
        "An excellent communicator who sparkles",  # 'excel', 'spark' inside ordinary words
        "Internationalisation",
    ],
)
def test_no_false_hits_inside_ordinary_words(nlp, text):
    assert _ids(nlp, text) == set()


def test_prepare_text_splits_glued_words_but_keeps_normal_text(nlp):
    assert prepare_text(nlp, "inPythonandPySpark") == "in Python and PySpark"
    assert prepare_text(nlp, "Led a team of five.") == "Led a team of five."


# --- ambiguous names, each both ways ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "section", "skill", "found"),
    [
        ("Analysed 3,000 survey responses in R with the tidyverse", "experience", "r", True),
        ("Languages: Python, R, SQL", "skills", "r", True),
        ("R. Julia Okafor, community lead", "summary", "r", False),
        ("Ran the first regression analyses of ad load against session length in R.", "experience", "r", True),
        ("Programme Lead, Brightwater Community R&D Foundation", "experience", "r", False),
        ("Wrote a model-gateway sidecar in Go that handles auth", "experience", "go", True),
        ("Languages: Python, Go, SQL, Bash", "skills", "go", True),
        ("Led the Go Green campaign with 40 tenant champions", "experience", "go", False),
        ("Playing Go at the city club.", "interests", "go", False),
        ("Happy to go wherever the work is; the go-to contact", "summary", "go", False),
        ("Programming: C, C++, Python", "skills", "c", True),
        ("Graded C in chemistry; vitamin C research", "education", "c", False),
        ("Programming: Python, R, Julia, MATLAB", "skills", "julia", True),
        ("Julia Okafor excels at leadership", "summary", "julia", False),
        ("Wrote Spark jobs in Scala for loyalty data", "experience", "spark", True),
        ("I spark change in neighbourhoods; sparking change", "summary", "spark", False),
        ("Sang with the Spark Street community choir.", "interests", "spark", False),
        ("Managed a grant budget in Excel with pivot tables", "experience", "excel", True),
        ("Excel at leadership; excels at people; excelled at disputes", "summary", "excel", False),
        ("Object detection and CV models in PyTorch", "experience", "computer_vision", True),
        ("My full CV and references are available on request.", "summary", "computer_vision", False),
        ("Built ML models in Python with scikit-learn", "experience", "machine_learning", True),
        ("Harvest filled 120 jars of 340 ml.", "interests", "machine_learning", False),
        ("ML engineer who takes models to production", "summary", "machine_learning", False),
        ("Frameworks: DL, PyTorch, Keras", "skills", "deep_learning", True),
        ("Full clean driving licence (DL, category B)", "skills", "deep_learning", False),
        ("Feature tables written in Hive and Pig on a Hadoop cluster", "experience", "pig", True),
        ("Feature tables written in Hive and Pig on a Hadoop cluster", "experience", "hive", True),
        ("I keep two hives and do a hive inspection every Sunday", "interests", "hive", False),
        ("Raised a pig on the farm.", "interests", "pig", False),
        ("Retrained daily by an Airflow DAG", "experience", "airflow", True),
        ("Improved airflow and drainage in the greenhouse", "experience", "airflow", False),
        ("Models in TensorFlow and Keras", "experience", "keras", True),
        ("Served with Feast and Redis", "experience", "feast", True),
        ("Organised the harvest feast for the village", "interests", "feast", False),
        ("Matrix factorisation (ALS) with implicit feedback in PySpark", "experience", "alternating_least_squares", True),
        ("Advanced Life Support (ALS) provider", "certifications", "alternating_least_squares", False),
        ("Bi-LSTM with attention over sensor sequences", "experience", "attention_mechanism", True),
        ("Great attention to detail; paid attention to patients", "summary", "attention_mechanism", False),
    ],
)
def test_ambiguous_names(nlp, text, section, skill, found):
    assert (skill in _ids(nlp, text, section)) is found


def test_umbrella_term_used_as_a_skills_group_label_is_not_a_claim(nlp):
    assert "machine_learning" not in _ids(nlp, "ML: sklearn, LightGBM, xgboost", "skills")
    assert "big_data" not in _ids(nlp, "Big Data & Cloud: Hadoop, Spark", "skills")
    assert "natural_language_processing" in _ids(nlp, "NLP & Vision: NLTK, spaCy", "skills")
    assert "machine_learning" in _ids(nlp, "Five years of machine learning in retail", "summary")


def test_longest_mention_wins_and_variants_match(nlp):
    assert _ids(nlp, "Apache Spark and Spark SQL") == {"spark", "spark_sql"}
    assert _ids(nlp, "C++ and C#") == {"cpp", "csharp"}
    assert _ids(nlp, "gradient-boosted trees, a Bi-LSTM, learning to rank") == {
        "gradient_boosting", "lstm", "learning_to_rank"}
    assert _ids(nlp, "Scikit Learn, sklearn and scikit-learn") == {"scikit_learn"}


def test_is_list_like():
    assert is_list_like("Python, SQL, Spark, Kafka")
    assert is_list_like("pandas \u00b7 Polars \u00b7 BigQuery")
    assert not is_list_like("Built a forecasting service in Python, used by twelve stores.")
