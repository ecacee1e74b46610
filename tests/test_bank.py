"""The question bank (taxonomy/questions/*.toml) and its validator (analyzer/bank.py)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from analyzer.bank import CLAIM_SLOTS, FLAG_CLAIM_KIND, KINDS, NEAR_DUPLICATE, SLOTS, slots_of
from analyzer.errors import TaxonomyError
from analyzer.taxonomy import load_bank, load_taxonomy, taxonomy_root


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.fixture(scope="module")
def skill_ids():
    return {s.id for s in load_taxonomy().skills}


def test_bank_covers_at_least_250_topics_in_every_area(bank):
    assert len(bank.topics) >= 250
    areas = {t.area for t in bank.topics} | {t.area for t in bank.templates}
    assert areas == set(range(1, 13))


def test_topics_have_several_questions_of_different_kinds(bank):
    for topic in bank.topics:
        assert len(topic.questions) >= 2, topic.id
    kinds = Counter(q.kind for t in bank.topics for q in t.questions)
    for kind in ("explain", "derive", "compare", "design", "debug", "what-if", "open-ended"):
        assert kinds[kind] >= 5, kind
    assert {q.difficulty for t in bank.topics for q in t.questions} == {1, 2, 3}
    assert sum(len({q.kind for q in t.questions}) >= 2 for t in bank.topics) >= 0.8 * len(bank.topics)


def test_named_topics_are_present(bank):
    ids = {t.id for t in bank.topics}
    for needed in ("gradient_boosting", "bias_variance", "regularisation", "cross_validation", "class_imbalance",
                   "evaluation_metrics", "sql_joins", "sql_window_functions", "ab_test_design",
                   "hypothesis_testing", "backpropagation", "vanishing_gradients", "attention", "feature_drift",
                   "serving_latency", "linear_algebra", "probability_basics", "optimisation_basics",
                   "hash_tables", "linked_lists", "sorting"):
        assert needed in ids


def test_every_referenced_skill_exists(bank, skill_ids):
    assert skill_ids, "the taxonomy should carry skills"
    for topic in bank.topics:
        assert topic.skills, topic.id
        assert set(topic.skills) <= skill_ids, (topic.id, set(topic.skills) - skill_ids)
    for skill_id, alternatives in bank.alternatives:
        assert skill_id in skill_ids
        assert set(alternatives) <= skill_ids
        assert skill_id not in alternatives
    for template in bank.templates_for("ask"):
        for strength in template.strengths:
            assert strength in skill_ids or strength in ("any", "link", "publication", "talk") \
                or strength.startswith("category:")


def test_a_template_names_no_skill_it_is_not_chosen_by(bank):
    """A template's own words name only the skills that choose it: the editor drops a question that
    names a skill the resume does not claim, so "how did you make sure" (Make, the build tool) kept
    a template from ever being asked."""
    from analyzer.questions import mentioned_skills

    taxonomy = load_taxonomy()
    for template in bank.templates_for("claim") + bank.templates_for("flag"):
        wanted = set(template.when_skills)
        for skill_id in mentioned_skills(" ".join((template.text, *template.followups)), taxonomy):
            chosen_by = {skill_id, *taxonomy.ancestors(skill_id), f"category:{taxonomy.skill(skill_id).category}"}
            assert chosen_by & wanted, (template.id, skill_id)


def test_every_slot_is_one_the_generator_can_fill(bank):
    for topic in bank.topics:
        for question in topic.questions:
            assert slots_of(question.text) == (), question.id
    for template in bank.templates:
        assert set(template.slots) <= set(SLOTS)
        if template.anchor == "claim":
            assert set(template.slots) <= CLAIM_SLOTS[template.claim_kind], template.id
        if template.anchor in ("ask",):
            assert template.slots == ()


def test_every_flag_code_and_main_claim_kind_has_a_template(bank):
    assert {t.flag for t in bank.templates_for("flag")} == {t.code for t in load_taxonomy().flags.texts}
    assert set(FLAG_CLAIM_KIND) <= {t.code for t in load_taxonomy().flags.texts}, "a flag code flags.toml no longer has"
    assert {"skill", "project", "result", "link"} <= {t.claim_kind for t in bank.templates_for("claim")}
    assert bank.templates_for("company") and len(bank.templates_for("ask")) >= 3


def test_only_allowed_kinds_and_no_trick_wording(bank):
    texts = [q.text for t in bank.topics for q in t.questions] + [t.text for t in bank.templates]
    kinds = [q.kind for t in bank.topics for q in t.questions] + [t.kind for t in bank.templates]
    assert set(kinds) <= set(KINDS)
    for text in texts:
        lowered = text.lower()
        assert "guess what" not in lowered and "trick question" not in lowered and "gotcha" not in lowered, text
        assert "salary" not in lowered and "perk" not in lowered and "holiday allowance" not in lowered


def test_no_two_templates_are_near_duplicates(bank):
    texts = [q.text for t in bank.topics for q in t.questions] + [t.text for t in bank.templates]
    matrix = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(texts)
    similarity = cosine_similarity(matrix)
    for i in range(len(texts)):
        similarity[i, i] = 0.0
    assert similarity.max() < NEAR_DUPLICATE


def test_ids_are_unique(bank):
    ids = [q.id for t in bank.topics for q in t.questions] + [t.id for t in bank.topics] + \
        [t.id for t in bank.templates]
    assert len(ids) == len(set(ids))


def test_load_bank_is_cached(bank):
    assert load_bank() is bank


# --- the validator rejects a broken bank ------------------------------------------------------------------

_GOOD_TOPIC = '''
[[topic]]
id = "heaps_test"
title = "Heaps"
area = 10
skills = ["heaps"]
q = [
  ["explain", 1, "What operations does a binary heap support?", "__G1__", "__W1__"],
  ["design", 2, "Merge k sorted lists with a heap.", "__G2__", "__W2__"],
]
'''
_GUIDES = {"__G1__": "Insert and pop-min in O(log n), peek in O(1), heapify in O(n).",
           "__W1__": "Thinks a heap is a sorted array.",
           "__G2__": "Keeps one head per list in a min-heap: O(n log k).",
           "__W2__": "Concatenates and sorts everything."}


def _topic(**replace: str) -> str:
    """The good topic with some of its guide and worry fields replaced (each key: the whole field, quotes
    included, e.g. W1='' drops the first row's worry)."""
    body = _GOOD_TOPIC
    for key, text in _GUIDES.items():
        field = f', "{key}"'
        name = key.strip("_")
        body = body.replace(field, replace[name] if name in replace else f', "{text}"')
    return body
_WHY = "\n".join(f'[why.{p}]\n' + "\n".join(f'{a} = "because"' for a in ("claim", "flag", "baseline", "company", "ask"))
                 for p in ("candidate", "interviewer"))


def _bank_in(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "questions"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bank.toml").write_text(_WHY + "\n" + body, encoding="utf-8")
    return tmp_path


def _load(tmp_path: Path, body: str):
    root = _bank_in(tmp_path, body)
    return load_bank(str(root), str(taxonomy_root()))


def test_a_small_valid_bank_loads(tmp_path):
    bank = _load(tmp_path, _topic())
    assert [q.id for q in bank.topics[0].questions] == ["heaps_test.1", "heaps_test.2"]
    first, second = bank.topics[0].questions
    assert (first.guide, first.worry) == (_GUIDES["__G1__"], _GUIDES["__W1__"])
    assert (second.guide, second.worry) == (_GUIDES["__G2__"], _GUIDES["__W2__"])


def test_rows_without_guides_take_the_topic_level_guide(tmp_path):
    """The older form, kept for the open-ended topics: three-field rows under one topic guide."""
    body = _topic(G1="", W1="", G2="", W2="").replace('skills = ["heaps"]',
                                                      'skills = ["heaps"]\nguide = "Knows heaps."\nworry = "Not."')
    bank = _load(tmp_path, body)
    assert [(q.guide, q.worry, q.has_own_guide) for q in bank.topics[0].questions] == [("Knows heaps.", "Not.", False)] * 2


@pytest.mark.parametrize("body, message", [
    (_topic().replace('"heaps"]', '"heapz"]'), "unknown skill"),
    (_topic().replace('"explain", 1', '"trick", 1'), "kind"),
    (_topic().replace('"design", 2', '"design", 4'), "difficulty"),
    (_topic().replace("binary heap support?", "binary heap support in {skill}?"), "slot"),
    (_topic() + _topic().replace("binary heap", "min-heap").replace("sorted lists", "sorted files"),
     "declared twice"),
    (_topic() + _topic().replace('"heaps_test"', '"heaps_again"'), "near-duplicates"),
    ('[[template]]\nid = "t"\nanchor = "claim"\nclaim_kind = "skill"\narea = 1\nkind = "deep-dive"\n'
     'text = "How did you measure {metric} with {skill}?"\n', "cannot be filled"),
    ('[[template]]\nid = "t"\nanchor = "claim"\nclaim_kind = "skill"\narea = 1\nkind = "deep-dive"\n'
     'text = "Tell me about {tool}."\n', "unknown slot"),
    ('[[template]]\nid = "t"\nanchor = "flag"\nflag = "no_such_flag"\narea = 1\nkind = "debug"\ntext = "x"\n',
     "unknown flag"),
    ('[alternatives]\nxgboost = ["lightgbm", "not_a_skill"]\n', "unknown skill"),
    # once per list, but once per list of what? and a wording key on a template that is not a flag's
    ('[[template]]\nid = "t"\nanchor = "claim"\nclaim_kind = "skill"\narea = 1\nkind = "deep-dive"\n'
     'per_list = true\ntext = "Tell me about {skill}."\n', "needs an 'answer'"),
    ('[[template]]\nid = "t"\nanchor = "claim"\nclaim_kind = "skill"\narea = 1\nkind = "deep-dive"\n'
     'variant = "hedged"\ntext = "Tell me about {skill}."\n', "variant"),
    ('[[template]]\nid = "t"\nanchor = "claim"\nclaim_kind = "result"\narea = 1\nkind = "deep-dive"\n'
     'finding = "maybe"\ntext = "Tell me about {result}."\n', "finding"),
    # a fallback stands in for a once-per-list answer, so it needs one; a resume skill must exist
    ('[[template]]\nid = "t"\nanchor = "claim"\nclaim_kind = "skill"\narea = 1\nkind = "deep-dive"\n'
     'fallback = true\ntext = "Tell me about {skill}."\n', "'fallback' needs an 'answer'"),
    ('[[template]]\nid = "t"\nanchor = "claim"\nclaim_kind = "project"\narea = 1\nkind = "deep-dive"\n'
     'resume_skills = ["sqll"]\ntext = "Tell me about {line}."\n', "unknown skill 'sqll' in resume_skills"),
    ('[[template]]\nid = "t"\nanchor = "claim"\nclaim_kind = "project"\narea = 1\nkind = "deep-dive"\n'
     'data_line = "yes"\ntext = "Tell me about {line}."\n', "'data_line' must be true or false"),
    # malformed rows: a guide without a worry (four fields), a guide that is not text
    (_topic(W1=""), r"must be \[kind, difficulty, text, guide, worry\]"),
    (_topic(G1=", 3"), "must be"),
    (_topic(G1=', " "'), "no guide and worry"),
    # half a topic with its own guides: the other rows would borrow nothing about themselves
    (_topic(G2="", W2=""), "no guide of their own"),
    # rows with their own guides make a topic-level guide dead text
    (_topic().replace('skills = ["heaps"]', 'skills = ["heaps"]\nguide = "Knows heaps."\nworry = "Does not."'),
     "would never be shown"),
    # two questions graded by the same guide
    (_topic(G2=', "Insert and pop-min in O(log n), peek in O(1), heapify in O(n)."'), "share the guide"),
    # a guide that runs on far beyond what one question asks
    (_topic(G2=', "' + "Covers heaps in depth. " * 25 + '"'), "at most"),
    # three-field rows and no topic-level guide: no guide at all
    (_topic(G1="", W1="", G2="", W2=""), "no guide and worry"),
])
def test_the_validator_rejects_a_broken_bank(tmp_path, body, message):
    with pytest.raises(TaxonomyError, match=message):
        _load(tmp_path, body)


def test_missing_why_texts_are_rejected(tmp_path):
    folder = tmp_path / "questions"
    folder.mkdir()
    (folder / "bank.toml").write_text(_topic(), encoding="utf-8")
    with pytest.raises(TaxonomyError, match="why texts missing"):
        load_bank(str(tmp_path), str(taxonomy_root()))


def test_skill_check_is_skipped_for_a_taxonomy_without_skills(tmp_path):
    """An older, sections-only taxonomy carries no skills: ids cannot be checked, the rest still is."""
    skills_root = tmp_path / "tax"
    skills_root.mkdir()
    for name in ("areas.toml", "sections.toml"):
        shutil.copy(taxonomy_root() / name, skills_root / name)
    root = _bank_in(tmp_path / "bank", _topic().replace('"heaps"]', '"heapz"]'))
    bank = load_bank(str(root), str(skills_root))
    assert bank.topics[0].skills == ("heapz",)
