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
        ("DashboardsinTableauandad-hocSQLonRedshiftfortheoperationsteam.", {"dashboards", "tableau", "sql", "redshift"}),
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
        # a wrapped line that starts with the tool: a move between tools, a tool before a comma
        ("Snowflake to Parquet on S3 for the archive.", "experience", "snowflake", True),
        ("Airflow, served through an internal API and watched by dashboards.", "experience", "airflow", True),
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


# Issue 11: the general ambiguity rules (context words, capitals, lists, a name after the word),
# pinned with five or more sentences per ambiguous name, both ways. Sentences written for this test.
_AMBIGUOUS = {
    "r": (["Fitted mixed models in R for the clinic", "Languages: Python, R, SQL",
           "Wrote R packages for survey weighting", "Analysed churn in R. Built dashboards in Tableau",
           "Built Shiny apps using R and dplyr"],
          ["Met R. Hannah Obi at the fair", "Led the R&D budget review", "Earned a grade R pass in music",
           "Dr R Patel supervised the thesis", "Type R engines and rally cars"]),
    "go": (["Wrote Go services behind the gateway", "Languages: Go, Python, Bash",
            "Ported the scheduler from Python to Go", "Built gRPC microservices in Go",
            "Experience with Go and Kubernetes"],
           ["Go from idea to launch in a week", "Joined the Go Green committee", "Played Go at the chess club",
            "Happy to go the extra mile", "Go to market plans for two products"]),
    "julia": (["Programming: Python, R, Julia, MATLAB", "Solved the ODEs in Julia",
               "Wrote Julia packages for optimisation", "Used Julia and JuMP for scheduling",
               "Ported the solver from MATLAB to Julia"],
              ["Julia Mendes led the meeting", "Dr Julia Okoro signed the letter", "Thanks to Julia Brandt",
               "Drew the Julia set by hand", "Ms. Julia Reyes, referee"]),
    "spark": (["Wrote Spark jobs for the loyalty data", "Tools: Spark, Hive, Kafka",
               "Tuned Spark clusters on Databricks", "Built pipelines in Spark and Airflow",
               "Ported jobs to Spark"],
              ["Spark curiosity in young readers", "Lives on Spark Street in town",
               "Spark the change you want", "Gave a talk to spark interest in maths",
               "Spark joy with every lesson"]),
    "hive": (["Queried Hive tables with Presto", "Big data: Hadoop, Hive, Spark",
              "Moved Hive jobs to BigQuery", "Wrote Hive queries for finance", "Built a Hive pipeline on EMR"],
             ["Kept a Hive in the orchard", "Hive Inspection every Sunday morning", "The Hive was calm today",
              "Our Hive produced honey", "Visited the Hive Gallery downtown"]),
    "excel": (["Tracked stock in Excel with pivot tables", "Tools: Excel, SQL, Tableau",
               "Automated Excel reports with VBA", "Built Excel dashboards for sales",
               "Proficient in Excel and Power BI"],
              ["Excel at building trust", "Excel Dance Academy recital", "Excel at every task given",
               "Excel from the first day", "Excel at the details"]),
    "rust": (["Wrote Rust services for ingestion", "Languages: Rust, Go, C++",
              "Rewrote the parser in Rust", "Built a Rust library for parsing", "Experience with Rust and Python"],
             ["Grew up in the Rust Belt", "Removed Rust from the old gate", "Rust Valley restorers club",
              "A Rust stain on the hull", "Painted the Rust Barn"]),
    "swift": (["Built iOS apps in Swift", "Languages: Swift, Kotlin, Java",
               "Wrote Swift code for the camera app", "Rewrote the app in Swift",
               "Experience with Swift and SwiftUI"],
              ["Saw Taylor Swift live", "Swift Current is a small city", "A Swift reply to every ticket",
               "Swift to adapt to change", "The Swift River runs nearby"]),
    "scala": (["Wrote Spark jobs in Scala", "Languages: Scala, Java, Python",
               "Built Scala services on Akka", "Ported code to Scala",
               "Proficient in Scala and SQL"],
              ["Sang at La Scala in Milan", "A Scala of flavours on the menu", "Visited the Scala Theatre",
               "Scala Regia choir member", "Saw an opera at the Scala"]),
    "dash": (["Built Dash apps for the sales team", "Visualisation: Plotly, Dash, Matplotlib",
              "Served a Dash dashboard with Flask", "Used Dash and Plotly for reports",
              "Built interactive apps with Dash"],
             ["Ran the 100m Dash at school", "Added a Dash of salt", "Dash Lane community garden",
              "Dash to the station", "A Dash of humour in every talk"]),
    "flask": (["Served the model with Flask", "Web: Flask, FastAPI, Django", "Built Flask APIs for scoring",
               "Wrote Flask services on Heroku", "Deployed a Flask app on AWS"],
              ["Filled a Flask with tea", "Poured acid into the Flask carefully", "Titrated acid in a Flask",
               "The Flask was cracked", "Bought a Flask for camping"]),
    "keras": (["Trained CNNs in Keras", "Deep learning: TensorFlow, Keras, PyTorch", "Built Keras models for text",
               "Used Keras and scikit-learn", "Tuned a Keras LSTM for demand"],
              ["Kerastase salon assistant", "Worked at Kerasotes Theatres", "Keratin lab technician",
               "Kerala tourism board", "Kerastin hair research"]),
    "evidently": (["Monitored drift with Evidently and Grafana", "Monitoring: Evidently, WhyLabs, Prometheus",
                   "Built Evidently reports for the model", "Used Evidently to track drift",
                   "Set up Evidently dashboards for drift"],
                  ["Evidently, the model needed more data.", "Evidently the plan worked.",
                   "Evidently, customers liked it.", "Evidently the team grew fast.",
                   "Evidently, sales rose in May."]),
    "airflow": (["Scheduled jobs with Airflow", "Orchestration: Airflow, Dagster, Prefect",
                 "Wrote Airflow DAGs for ingestion", "Built pipelines in Airflow and dbt",
                 "Migrated cron jobs to Airflow"],
                ["Improved airflow in the lab", "Measured airflow through the vents",
                 "Airflow Systems Ltd sales rep", "Checked the airflow in the greenhouse",
                 "Designed airflow ducts for the plant"]),
    "kafka": (["Streamed events through Kafka", "Streaming: Kafka, Flink, Kinesis", "Wrote Kafka consumers in Java",
               "Built Kafka pipelines for payments", "Used Kafka and Spark for streaming"],
              ["Read Franz Kafka at university", "Essays about Kafka and Camus",
               "A Kafka novel club member", "Kafka Prize essay finalist", "Studied Kafka in literature class"]),
    "apache_beam": (["Wrote Beam pipelines on Dataflow", "Streaming: Apache Beam, Flink",
                     "Built Beam jobs in Python", "Used Beam and BigQuery for ETL", "Ported jobs to Apache Beam"],
                    ["Balance Beam silver medal", "A Beam of light hit the lens", "Beam Suntory sales intern",
                     "Fixed a steel Beam on site", "The Beam was painted red"]),
    "ray": (["Scaled training with Ray", "Distributed: Ray, Dask, Spark", "Built Ray clusters on Kubernetes",
             "Used Ray and PyTorch for tuning", "Ran hyperparameter search on Ray"],
            ["Ray Dalio's book club", "Thanks to Ray Chen for the help", "A Ray of hope for the team",
             "Dr Ray Mills advised me", "Mr. Ray Okafor, manager"]),
    "make": (["Built the project with Make and Docker", "Build tools: Make, CMake, Bazel",
              "Wrote Make targets for the tests", "Automated builds using Make", "Used Make and Git daily"],
             ["Make sure every test passes", "Make the most of each sprint", "Make it happen with the team",
              "Make Believe theatre group", "Make a Wish volunteer"]),
    "chef": (["Configured servers with Chef", "Config management: Chef, Puppet, Ansible", "Wrote Chef cookbooks",
              "Used Chef and Terraform", "Migrated Chef recipes to Ansible"],
             ["Chef at a busy restaurant", "Chef Maria Lopez taught me", "Worked as a Chef for two years",
              "The Chef praised the dish", "Pastry Chef de partie"]),
    "puppet": (["Managed servers with Puppet", "Config management: Puppet, Chef", "Wrote Puppet manifests",
                "Used Puppet and Ansible", "Migrated from Puppet to Ansible"],
               ["Puppet Theatre volunteer", "Made a Puppet for the school show", "A Puppet show for kids",
                "Puppet Master role in the play", "The Puppet was made of wood"]),
    "ansible": (["Provisioned hosts with Ansible", "DevOps: Ansible, Terraform, Docker", "Wrote Ansible playbooks",
                 "Used Ansible and Jenkins", "Automated deploys with Ansible"],
                ["Read The Ansible by Le Guin", "Sci-fi book club: an ansible device",
                 "Built an ansible prop for a play", "Wrote a story about an ansible",
                 "The ansible in the novel"]),
    "docker": (["Packaged the model with Docker", "Tools: Docker, Kubernetes, Git", "Wrote Docker images for the API",
                "Used Docker and Airflow", "Containerised services with Docker"],
               ["Worked as a docker at the port", "A docker on the night shift", "The docker unloaded crates",
                "Each docker wore a helmet", "My father was a docker"]),
}


@pytest.mark.parametrize(("skill", "text", "found"), [
    (skill, text, found)
    for skill, (yes, no) in _AMBIGUOUS.items()
    for found, texts in ((True, yes), (False, no))
    for text in texts
])
def test_ambiguity_rules_both_ways(nlp, skill, text, found):
    section = "skills" if ":" in text else "experience"
    assert (skill in _ids(nlp, text, section)) is found
