"""The taxonomy data: every file loads and validates, and the validator rejects each broken case."""

import shutil
import tomllib
from pathlib import Path

import pytest

from analyzer.errors import TaxonomyError
from analyzer.taxonomy import compact_alias, load_taxonomy, taxonomy_root

EXPECTED = Path(__file__).resolve().parent / "expected"


def test_every_taxonomy_file_loads_with_at_least_600_skills(taxonomy):
    assert len(taxonomy.skills) >= 600
    assert len({s.id for s in taxonomy.skills}) == len(taxonomy.skills)
    files = sorted((taxonomy_root() / "skills").glob("*.toml"))
    assert len(files) >= 10
    for path in files:  # each file parses and holds skills of known categories
        records = tomllib.loads(path.read_text(encoding="utf-8"))["skill"]
        assert records, path.name
        known = {c.id for c in taxonomy.categories}
        assert {r["category"] for r in records} <= known


def test_every_category_has_skills_and_dl_ml_deployment_flags_are_set(taxonomy):
    used = {s.category for s in taxonomy.skills}
    assert {c.id for c in taxonomy.categories} == used
    assert taxonomy.category(taxonomy.skill("lstm").category).deep_learning
    assert taxonomy.category(taxonomy.skill("pytorch").category).deep_learning
    assert taxonomy.category(taxonomy.skill("random_forest").category).conventional_ml
    assert not taxonomy.category(taxonomy.skill("random_forest").category).deep_learning
    assert taxonomy.category(taxonomy.skill("kserve").category).deployment
    assert taxonomy.category(taxonomy.skill("evidently").category).monitoring


def test_parent_chains_reach_the_roots(taxonomy):
    assert taxonomy.ancestors("xgboost")[:3] == ("gradient_boosting", "boosting", "ensemble_methods")
    assert "machine_learning" in taxonomy.ancestors("xgboost")
    assert "deep_learning" in taxonomy.ancestors("pytorch")
    assert "lstm" in taxonomy.skill("lstm").id and "rnn" in taxonomy.ancestors("lstm")
    for skill in taxonomy.skills:
        assert skill.id not in taxonomy.ancestors(skill.id)
        assert set(skill.areas) <= {area.id for area in taxonomy.areas} and skill.topics


def test_aliases_resolve_to_one_skill(taxonomy):
    assert taxonomy.resolve("sklearn") == taxonomy.resolve("Scikit Learn") == "scikit_learn"
    assert taxonomy.resolve("xgb") == "xgboost"
    assert taxonomy.resolve("BiLSTM") == taxonomy.resolve("bidirectional LSTM") == "lstm"
    assert taxonomy.resolve("NLP") == "natural_language_processing"
    assert taxonomy.resolve("no such skill at all") is None


def test_every_hand_labelled_skill_name_is_in_the_taxonomy(taxonomy):
    for path in sorted(EXPECTED.glob("*.toml")):
        for name in tomllib.loads(path.read_text(encoding="utf-8")).get("skills", {}).get("named", []):
            assert taxonomy.resolve(name), f"{path.name}: {name!r}"


def test_inferred_topics_name_known_skills(taxonomy):
    assert taxonomy.inferred and 0 < taxonomy.inferred_threshold < 1
    for topic in taxonomy.inferred:
        assert taxonomy.skill(topic.skill) and topic.descriptions


# --- the validator, on broken copies -------------------------------------------------------------

_GOOD = """
[[skill]]
id = "machine_learning"
name = "machine learning"
category = "general"
aliases = ["ML"]
parents = []
areas = [1, 4]
topics = ["bias_variance"]

[[skill]]
id = "xgboost"
name = "XGBoost"
category = "general"
aliases = ["xgb"]
parents = ["machine_learning"]
areas = [3]
topics = ["gradient_boosting"]
"""


def _taxonomy_dir(tmp_path: Path, skills: str, categories: str | None = None) -> str:
    root = tmp_path / "taxonomy"
    (root / "skills").mkdir(parents=True)
    for path in taxonomy_root().glob("*.toml"):  # the rules are part of a taxonomy; inferred.toml names real skills
        if path.name != "inferred.toml":
            shutil.copy(path, root / path.name)
    if categories is not None:
        (root / "categories.toml").write_text(categories, encoding="utf-8")
    (root / "skills" / "test.toml").write_text(skills, encoding="utf-8")
    return str(root)


def test_a_small_valid_taxonomy_loads(tmp_path):
    taxonomy = load_taxonomy(_taxonomy_dir(tmp_path, _GOOD))
    assert [s.id for s in taxonomy.skills] == ["machine_learning", "xgboost"]
    assert taxonomy.ancestors("xgboost") == ("machine_learning",)


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (_GOOD + '\n[[skill]]\nid = "xgboost"\nname = "XGBoost again"\ncategory = "general"\naliases = []\n',
         "id 'xgboost' is already used"),
        (_GOOD.replace('parents = ["machine_learning"]', 'parents = ["boosting"]'), "unknown parent 'boosting'"),
        (_GOOD.replace('aliases = ["xgb"]', 'aliases = ["ml"]'), "alias 'ml' is also claimed by skill 'machine_learning'"),
        (_GOOD.replace('aliases = ["xgb"]', 'aliases = ["Machine-Learning"]'), "is also claimed by skill"),
        (_GOOD.replace("parents = []", 'parents = ["xgboost"]'), "parent cycle"),
        (_GOOD.replace('category = "general"\naliases = ["xgb"]', 'category = "astrology"\naliases = ["xgb"]'),
         "unknown category 'astrology'"),
        (_GOOD.replace("areas = [3]", "areas = [13]"), "area 13 is not an interview-map row"),
        (_GOOD.replace("areas = [3]", 'areas = [3]\ncontext = "skills_list|vibes"'), "unknown context 'vibes'"),
        (_GOOD.replace("areas = [3]", "areas = [3]\nexclude = ['(unclosed']"), "not a valid regex"),
        (_GOOD.replace('id = "xgboost"', 'id = "XGBoost"'), "snake_case"),
        (_GOOD.replace('aliases = ["xgb"]', 'aliases = "xgb"'), "field 'aliases' must be a list"),
    ],
)
def test_the_validator_rejects_each_broken_case(tmp_path, broken, message):
    with pytest.raises(TaxonomyError, match=message.replace("(", r"\(")):
        load_taxonomy(_taxonomy_dir(tmp_path, broken))


def test_a_cycle_through_three_skills_is_named(tmp_path):
    skills = _GOOD.replace("parents = []", 'parents = ["lightgbm"]') + (
        '\n[[skill]]\nid = "lightgbm"\nname = "LightGBM"\ncategory = "general"\naliases = []\n'
        'parents = ["xgboost"]\nareas = [3]\ntopics = ["x"]\n')
    with pytest.raises(TaxonomyError, match="parent cycle .*->"):
        load_taxonomy(_taxonomy_dir(tmp_path, skills))


def test_a_category_declared_twice_is_rejected(tmp_path):
    categories = '[[category]]\nid = "general"\nname = "a"\nareas = [1]\n\n[[category]]\nid = "general"\nname = "b"\nareas = [1]\n'
    with pytest.raises(TaxonomyError, match="category 'general' is declared twice"):
        load_taxonomy(_taxonomy_dir(tmp_path, _GOOD, categories))


def test_an_empty_skills_folder_is_rejected(tmp_path):
    root = Path(_taxonomy_dir(tmp_path, _GOOD))
    (root / "skills" / "test.toml").unlink()
    with pytest.raises(TaxonomyError, match="holds no skill files"):
        load_taxonomy(str(root))


def test_compact_alias_ignores_case_spaces_hyphens_and_dots():
    assert compact_alias("Scikit-Learn") == compact_alias("scikit learn") == "scikitlearn"
    assert compact_alias("Node.js") == "nodejs"


def test_a_sentence_opened_by_a_lower_case_term_starts_with_a_capital():
    from analyzer.taxonomy import fill_sentence

    assert fill_sentence("{skill} appears only in a list.", {"skill": "survey analysis"}) == \
        "Survey analysis appears only in a list."
    assert fill_sentence("{skill} appears only in a list.", {"skill": "pandas"}) == "pandas appears only in a list."
    assert fill_sentence("Why {skill}?", {"skill": "survey analysis"}) == "Why survey analysis?"
