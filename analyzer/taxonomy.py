"""The only reader of the ``taxonomy/`` data files; validates them on load.

Files are TOML (read with the standard library's ``tomllib``). A checkout reads ``taxonomy/`` at
the top of the repository; an installed package reads the copy shipped as
``analyzer.taxonomy_data``. Any inconsistency raises :class:`~analyzer.errors.TaxonomyError`
naming the file and the entry at fault.
"""

from __future__ import annotations

import re
import unicodedata
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from analyzer.errors import TaxonomyError


@dataclass(frozen=True, slots=True)
class SectionKind:
    kind: str
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Area:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Category:
    """A group of skills; the flags say what kind of evidence its skills are (see categories.toml)."""

    id: str
    name: str
    areas: tuple[int, ...] = ()
    tool: bool = False
    deep_learning: bool = False
    conventional_ml: bool = False
    deployment: bool = False
    monitoring: bool = False
    statistics: bool = False
    mathematics: bool = False
    analytics: bool = False
    domain: bool = False


@dataclass(frozen=True, slots=True)
class SkillDef:
    """One canonical skill of ``taxonomy/skills/*.toml`` with its matching rules.

    ``case_sensitive``: single-word aliases match only as written ("R", "Go", "Spark").
    ``context``: for single-token mentions, at least one of skills_list / tech_neighbour / tech_verb.
    ``exclude``: regular expressions; a mention within reach of a match is dropped ("R&D").
    """

    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    areas: tuple[int, ...] = ()
    topics: tuple[str, ...] = ()
    case_sensitive: bool = False
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class InferredTopic:
    """A method a bullet may describe without naming it, with short descriptions to compare against."""

    skill: str
    descriptions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MatchContext:
    """Words and section kinds the matcher's ambiguity rules use (categories.toml ``[context]``)."""

    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    function_words: tuple[str, ...] = ()
    honorifics: tuple[str, ...] = ()
    determiners: tuple[str, ...] = ()
    degree_words: tuple[str, ...] = ()
    role_words: tuple[str, ...] = ()
    field_categories: tuple[str, ...] = ()
    list_sections: tuple[str, ...] = ("skills",)
    skip_sections: tuple[str, ...] = ("contact",)
    label_skip_categories: tuple[str, ...] = ()


# eq=False: compared and hashed by identity, so caches keyed on a Taxonomy (one per process) stay cheap.
@dataclass(frozen=True, slots=True, eq=False)
class Taxonomy:
    root: str
    sections: tuple[SectionKind, ...]
    areas: tuple[Area, ...]
    categories: tuple[Category, ...] = ()
    skills: tuple[SkillDef, ...] = ()
    inferred: tuple[InferredTopic, ...] = ()
    context: MatchContext = MatchContext()
    inferred_threshold: float = 0.3
    # Look-up tables built once; WHY not lru_cache on the tuples: hashing 800 skills per look-up
    # cost more than the rest of the analysis.
    _index: _Index = field(default=None, init=False, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _Index(self))

    def skill(self, skill_id: str) -> SkillDef:
        return self._index.skills[skill_id]

    def knows(self, skill_id: str) -> bool:
        return skill_id in self._index.skills

    def category(self, category_id: str) -> Category:
        return self._index.categories[category_id]

    def ancestors(self, skill_id: str) -> tuple[str, ...]:
        """Every parent up to the roots, nearest first, without repeats: xgboost -> gradient_boosting, ..."""
        return self._index.ancestors(skill_id)

    def resolve(self, text: str) -> str | None:
        """The id of the skill whose id, name or alias is this text (case and hyphens ignored)."""
        return self._index.aliases.get(compact_alias(text))

    def section_kind(self, heading: str) -> str | None:
        """The canonical kind whose phrase list holds this heading, or None.

        A short heading that ends in a known phrase counts too: 'Clinical Experience' is experience.
        """
        index = self._index.phrases
        words = normalise_heading(heading).split()
        if " ".join(words) in index:
            return index[" ".join(words)]
        if len(words) <= 4:
            for start in range(1, len(words)):
                tail = " ".join(words[start:])
                if tail in index and index[tail] != "other":
                    return index[tail]
        return None

    def area_name(self, area_id: int) -> str:
        for area in self.areas:
            if area.id == area_id:
                return area.name
        raise KeyError(area_id)


def normalise_heading(text: str) -> str:
    """Lower-case, '&' as 'and', accents, punctuation and extra spaces removed: 'Skills & Tools:' ->
    'skills and tools', 'Expérience' -> 'experience' (headings in capitals often drop their accents)."""
    text = unicodedata.normalize("NFKD", text.lower().replace("&", " and "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s-]", " ", text)
    return " ".join(text.split())


def fill_sentence(template: str, fields: dict) -> str:
    """``template.format_map(fields)``, starting with a capital when a lower-case term opens it.

    WHY: "{skill} appears only in a skills list" would start "survey analysis appears..."; a
    multi-word term is capitalised there, a one-word name ("pandas", "scikit-learn") is a brand
    spelled that way on purpose and is left alone.
    """
    text = template.format_map(fields)
    opening = re.match(r"\{(\w+)\}", template)
    if opening and " " in str(fields.get(opening.group(1), "")) and text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def compact_alias(text: str) -> str:
    """'Scikit-Learn' -> 'scikitlearn': lower case without spaces, hyphens, dots or underscores."""
    return re.sub(r"[\s\-_.]+", "", text.lower())


class _Index:
    """Dictionaries over one Taxonomy's tuples, built when the Taxonomy is made."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.skills = {s.id: s for s in taxonomy.skills}
        self.categories = {c.id: c for c in taxonomy.categories}
        self.phrases = {normalise_heading(phrase): s.kind for s in taxonomy.sections for phrase in s.phrases}
        self.aliases: dict[str, str] = {}
        for skill in taxonomy.skills:
            for alias in (skill.id, skill.name, *skill.aliases):
                self.aliases.setdefault(compact_alias(alias), skill.id)
        self._ancestors: dict[str, tuple[str, ...]] = {}

    def ancestors(self, skill_id: str) -> tuple[str, ...]:
        if skill_id not in self._ancestors:
            seen: list[str] = []
            frontier = list(self.skills[skill_id].parents)
            while frontier:
                parent = frontier.pop(0)
                if parent not in seen:
                    seen.append(parent)
                    frontier.extend(self.skills[parent].parents)
            self._ancestors[skill_id] = tuple(seen)
        return self._ancestors[skill_id]


def taxonomy_root() -> Path:
    """``taxonomy/`` beside the package in a checkout, else the copy inside the installed package."""
    checkout = Path(__file__).resolve().parent.parent / "taxonomy"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("analyzer.taxonomy_data")))


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise TaxonomyError(f"Taxonomy file {path} is missing.") from None
    except tomllib.TOMLDecodeError as error:
        raise TaxonomyError(f"Taxonomy file {path} is not valid TOML: {error}") from None


def _require(record: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = record.get(key)
    if not isinstance(value, kind):
        raise TaxonomyError(f"{where}: field '{key}' must be a {kind.__name__}, got {value!r}.")
    return value


def _load_sections(root: Path) -> tuple[SectionKind, ...]:
    path = root / "sections.toml"
    kinds: list[SectionKind] = []
    seen_phrases: dict[str, str] = {}
    for record in read_toml(path).get("section", []):
        where = f"{path.name} section {record.get('kind')!r}"
        kind = _require(record, "kind", str, where)
        phrases = tuple(_require(record, "phrases", list, where))
        for phrase in phrases:
            key = normalise_heading(phrase)
            if key in seen_phrases and seen_phrases[key] != kind:
                raise TaxonomyError(f"{where}: phrase {phrase!r} is also claimed by {seen_phrases[key]!r}.")
            seen_phrases[key] = kind
        kinds.append(SectionKind(kind, phrases))
    if len({k.kind for k in kinds}) != len(kinds):
        raise TaxonomyError(f"{path.name}: a section kind is declared twice.")
    if "other" not in {k.kind for k in kinds}:
        raise TaxonomyError(f"{path.name}: the kind 'other' is required for unrecognised headings.")
    return tuple(kinds)


def _load_areas(root: Path) -> tuple[Area, ...]:
    path = root / "areas.toml"
    areas = tuple(
        Area(_require(r, "id", int, path.name), _require(r, "name", str, path.name))
        for r in read_toml(path).get("area", [])
    )
    if [a.id for a in areas] != list(range(1, len(areas) + 1)):
        raise TaxonomyError(f"{path.name}: areas must be numbered 1, 2, 3... in order.")
    return areas


@lru_cache(maxsize=1)
def area_ids() -> frozenset[int]:
    """The interview-map rows areas.toml defines: what every other data file's ``area`` is checked against."""
    return frozenset(area.id for area in _load_areas(taxonomy_root()))


_CONTEXTS = ("skills_list", "tech_neighbour", "tech_verb")
_CATEGORY_FLAGS = ("tool", "deep_learning", "conventional_ml", "deployment", "monitoring", "statistics",
                   "mathematics", "analytics", "domain")
# [context] keys that hold word lists for the ambiguity rules (categories.toml explains each).
_CONTEXT_WORD_LISTS = ("verbs", "nouns", "function_words", "honorifics", "determiners", "degree_words", "role_words",
                       "list_sections", "skip_sections", "label_skip_categories", "field_categories")
_ID_RE = re.compile(r"[a-z][a-z0-9_]*")


def _load_categories(root: Path, area_count: int) -> tuple[tuple[Category, ...], MatchContext]:
    path = root / "categories.toml"
    data = read_toml(path)
    categories: list[Category] = []
    for record in data.get("category", []):
        where = f"{path.name} category {record.get('id')!r}"
        areas = tuple(_require(record, "areas", list, where))
        _check_areas(areas, area_count, where)
        flags = {flag: bool(record.get(flag, False)) for flag in _CATEGORY_FLAGS}
        categories.append(Category(_require(record, "id", str, where), _require(record, "name", str, where),
                                   areas, **flags))
    ids = [c.id for c in categories]
    for cid in ids:
        if ids.count(cid) > 1:
            raise TaxonomyError(f"{path.name}: category {cid!r} is declared twice.")
    ctx = data.get("context", {})
    for key in _CONTEXT_WORD_LISTS:
        words = ctx.get(key, [])
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise TaxonomyError(f"{path.name} [context]: '{key}' must be a list of words, got {words!r}.")
    unknown_fields = set(ctx.get("field_categories", ())) - set(ids)
    if unknown_fields:
        raise TaxonomyError(f"{path.name} [context]: field_categories names unknown categories {sorted(unknown_fields)}.")
    context = MatchContext(
        verbs=tuple(w.lower() for w in ctx.get("verbs", ())),
        nouns=tuple(w.lower() for w in ctx.get("nouns", ())),
        function_words=tuple(w.lower() for w in ctx.get("function_words", ())),
        honorifics=tuple(w.lower() for w in ctx.get("honorifics", ())),
        determiners=tuple(w.lower() for w in ctx.get("determiners", ())),
        degree_words=tuple(w.lower() for w in ctx.get("degree_words", ())),
        role_words=tuple(w.lower() for w in ctx.get("role_words", ())),
        field_categories=tuple(ctx.get("field_categories", ())),
        list_sections=tuple(ctx.get("list_sections", ("skills",))),
        skip_sections=tuple(ctx.get("skip_sections", ("contact",))),
        label_skip_categories=tuple(ctx.get("label_skip_categories", ())),
    )
    return tuple(categories), context


def _check_areas(areas: tuple[int, ...], area_count: int, where: str) -> None:
    for area in areas:
        if not isinstance(area, int) or not 1 <= area <= area_count:
            raise TaxonomyError(f"{where}: area {area!r} is not an interview-map row 1..{area_count}.")


def _load_skills(root: Path, categories: tuple[Category, ...], area_count: int) -> tuple[SkillDef, ...]:
    folder = root / "skills"
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if not files:
        raise TaxonomyError(f"Taxonomy folder {folder} holds no skill files.")
    known_categories = {c.id for c in categories}
    skills: list[SkillDef] = []
    where_of: dict[str, str] = {}
    for path in files:
        for record in read_toml(path).get("skill", []):
            where = f"skills/{path.name} skill {record.get('id')!r}"
            skill_id = _require(record, "id", str, where)
            if not _ID_RE.fullmatch(skill_id):
                raise TaxonomyError(f"{where}: id must be lower-case snake_case.")
            if skill_id in where_of:
                raise TaxonomyError(f"{where}: id {skill_id!r} is already used in {where_of[skill_id]}.")
            where_of[skill_id] = f"skills/{path.name}"
            category = _require(record, "category", str, where)
            if category not in known_categories:
                raise TaxonomyError(f"{where}: unknown category {category!r}.")
            areas = tuple(record.get("areas", ()))
            _check_areas(areas, area_count, where)
            context = tuple(c for c in str(record.get("context", "")).split("|") if c)
            for c in context:
                if c not in _CONTEXTS:
                    raise TaxonomyError(f"{where}: unknown context {c!r} (use {', '.join(_CONTEXTS)}).")
            exclude = tuple(record.get("exclude", ()))
            for pattern in exclude:
                try:
                    re.compile(pattern)
                except re.error as error:
                    raise TaxonomyError(f"{where}: exclude pattern {pattern!r} is not a valid regex: {error}.") from None
            skills.append(SkillDef(
                id=skill_id, name=_require(record, "name", str, where), category=category,
                aliases=tuple(_require(record, "aliases", list, where)),
                parents=tuple(record.get("parents", ())), areas=areas,
                topics=tuple(record.get("topics", ())), case_sensitive=bool(record.get("case_sensitive", False)),
                context=context, exclude=exclude))
    _check_skill_graph(skills, where_of)
    return tuple(skills)


def _check_skill_graph(skills: list[SkillDef], where_of: dict[str, str]) -> None:
    """Known parents, no alias claimed by two skills, no cycles."""
    ids = {s.id for s in skills}
    owner: dict[str, str] = {}
    for skill in skills:
        where = f"{where_of[skill.id]} skill {skill.id!r}"
        for parent in skill.parents:
            if parent not in ids:
                raise TaxonomyError(f"{where}: unknown parent {parent!r}.")
            if parent == skill.id:
                raise TaxonomyError(f"{where}: a skill cannot be its own parent.")
        for alias in {compact_alias(a) for a in (skill.id, skill.name, *skill.aliases)}:
            if alias in owner and owner[alias] != skill.id:
                raise TaxonomyError(f"{where}: alias {alias!r} is also claimed by skill {owner[alias]!r}.")
            owner[alias] = skill.id
    parents = {s.id: s.parents for s in skills}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for parent in parents[node]:
            if state.get(parent) == 1:
                cycle = " -> ".join(path[path.index(parent):] + [parent]) if parent in path else parent
                raise TaxonomyError(f"{where_of[node]}: parent cycle {cycle}.")
            if parent not in state:
                visit(parent, path + [parent])
        state[node] = 2

    for skill_id in parents:
        if skill_id not in state:
            visit(skill_id, [skill_id])


def _load_inferred(root: Path, skill_ids: set[str]) -> tuple[tuple[InferredTopic, ...], float]:
    path = root / "inferred.toml"
    if not path.exists():
        return (), 0.3
    data = read_toml(path)
    topics: list[InferredTopic] = []
    for record in data.get("topic", []):
        where = f"{path.name} topic {record.get('skill')!r}"
        skill = _require(record, "skill", str, where)
        if skill not in skill_ids:
            raise TaxonomyError(f"{where}: unknown skill {skill!r}.")
        topics.append(InferredTopic(skill, tuple(_require(record, "descriptions", list, where))))
    return tuple(topics), float(data.get("threshold", 0.3))


@lru_cache(maxsize=4)
def load_taxonomy(root: str | None = None) -> Taxonomy:
    """Load and validate every taxonomy file. Cached: the data never changes while running."""
    base = Path(root) if root else taxonomy_root()
    areas = _load_areas(base)
    sections = _load_sections(base)
    if not (base / "categories.toml").exists():  # a sections-only taxonomy (older tests)
        return Taxonomy(root=str(base), sections=sections, areas=areas)
    categories, context = _load_categories(base, len(areas))
    skills = _load_skills(base, categories, len(areas))
    inferred, threshold = _load_inferred(base, {s.id for s in skills})
    return Taxonomy(root=str(base), sections=sections, areas=areas, categories=categories, skills=skills,
                    inferred=inferred, context=context, inferred_threshold=threshold)
