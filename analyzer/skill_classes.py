"""What kind of evidence a skill is: deep learning, conventional ML, deployment, a tool.

    skill_classes(skill, taxonomy, rules=None) -> frozenset of "dl", "ml", "deploy", "tool"
    is_used(skill) -> shown in use, not only listed
    is_domain(skill, taxonomy) -> an application field (computer vision, NLP), not a kind of model

The classes come from the flags of the skill's category (``taxonomy/categories.toml``) and from
the skills ``taxonomy/claims.toml`` names as deep-learning roots. Known limits: a skill or category
the taxonomy does not know gives no class.
"""

from __future__ import annotations

from analyzer.models import Skill
from analyzer.taxonomy import Taxonomy
from analyzer.taxonomy_rules import ClaimRules

# Category flags of the skills taxonomy (categories.toml) and the class each one means here.
_CATEGORY_CLASSES = (("deep_learning", "dl"), ("conventional_ml", "ml"), ("deployment", "deploy"),
                     ("monitoring", "deploy"), ("tool", "tool"))


def skill_classes(skill: Skill, taxonomy: Taxonomy, rules: ClaimRules | None = None) -> frozenset[str]:
    """dl / ml / deploy / tool for a skill, from the flags of its category in categories.toml.

    A skill under deep learning is never evidence of conventional ML: data augmentation sits in an
    ML-practice category but is a deep-learning technique. A category the taxonomy does not know
    gives no class. ``rules``: taxonomy/claims.toml as loaded (``taxonomy.claims`` when not given).
    """
    rules = rules or taxonomy.claims
    try:
        category = taxonomy.category(skill.category)
    except KeyError:
        return frozenset()
    found = {name for flag, name in _CATEGORY_CLASSES if getattr(category, flag)}
    if taxonomy.knows(skill.id) and set(rules.deep_learning_roots) & set(taxonomy.ancestors(skill.id)):
        found.add("dl")
    if "dl" in found:
        found.discard("ml")
    return frozenset(found)


def is_used(skill: Skill) -> bool:
    """Shown in use in a job, project or study, not only listed (inferred skills count as used)."""
    return not skill.listed_only and bool(skill.used_in or skill.inferred)


def is_domain(skill: Skill, taxonomy: Taxonomy) -> bool:
    """The skill's category is an application field (computer vision, NLP), not a kind of model: "a
    machine vision program" may be classical methods."""
    try:
        return taxonomy.category(skill.category).domain
    except KeyError:
        return False
