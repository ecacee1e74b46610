"""The only reader of the ``taxonomy/`` data files; validates them on load.

``load_taxonomy(root)`` reads every file once and returns one frozen :class:`Taxonomy`: sections
with their roles, areas, categories, skills, inferred methods, and as sub-values the claim words
(``.claims``), flag texts (``.flags``), link rules (``.links``), date words (``.dates``), entry
words (``.entries``), labels (``.labels``) and posting rules (``.postings``). The steps get it (or
a sub-value) passed explicitly. ``load_bank(root)`` reads the question bank. The longer validators
live in taxonomy_rules.py, posting_rules.py and bank.py, which open no file; the file opening and
the caching are here. Loading the taxonomy is the warm-up: nothing is read later.

Files are TOML (read with the standard library's ``tomllib``). A checkout reads ``taxonomy/`` at
the top of the repository; an installed package reads the copy shipped as
``analyzer.taxonomy_data``. Any inconsistency raises :class:`~analyzer.errors.TaxonomyError`
naming the file and the entry at fault.

Known limits: the reader (extract.py, layout.py) classifies links and finds dates before any
taxonomy is chosen, so ``load_links()`` and ``load_dates()`` give the shipped taxonomy's rules
there, and the date and entry-word helpers called without a taxonomy use the shipped one too.
"""

from __future__ import annotations

import re
import unicodedata
import tomllib
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from analyzer.bank import Bank, build_bank
from analyzer.errors import TaxonomyError
from analyzer.posting_rules import PostingRules, parse_posting_rules
from analyzer.taxonomy_rules import (
    ClaimRules, DateWords, EntryWords, FlagTexts, LinkRules, parse_claim_rules, parse_date_words, parse_entry_words,
    parse_flag_texts, parse_labels, parse_link_rules,
)


class SectionKind(StrEnum):
    """The section kinds of sections.toml, the only way Python code names one. A member compares
    equal to its string ("experience"), so reports and JSON keep plain strings."""

    CONTACT = "contact"
    SUMMARY = "summary"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    PROJECTS = "projects"
    SKILLS = "skills"
    PUBLICATIONS = "publications"
    CERTIFICATIONS = "certifications"
    AWARDS = "awards"
    COURSES = "courses"
    VOLUNTEERING = "volunteering"
    LANGUAGES = "languages"
    INTERESTS = "interests"
    OTHER = "other"


# WHY required: the reader always makes a contact block (above the first heading), may make a
# summary (prose before the first heading) and files a heading whose words it does not know as other.
REQUIRED_KINDS = (SectionKind.CONTACT, SectionKind.SUMMARY, SectionKind.OTHER)


class AreaRole(StrEnum):
    """The interview-map rows the code treats apart (the ``role`` field of areas.toml)."""

    COMPANY = "company"  # questions about the company, asked only when one is named
    ASK = "ask"  # questions the candidate asks the interviewer


class SectionRole(StrEnum):
    """What the analysis does with a section: the true/false fields of sections.toml (explained there)."""

    HAS_ENTRIES = "has_entries"
    IS_LIST = "is_list"
    SKIP_SKILLS = "skip_skills"
    SELF_DESCRIPTION = "self_description"
    SHOWS_USE = "shows_use"
    WORK = "work"
    STUDY = "study"
    PROJECT = "project"
    CORE = "core"
    RESUME_ONLY = "resume_only"


@dataclass(frozen=True, slots=True)
class SectionDef:
    """One [[section]] of sections.toml: its kind, the headings that name it and its roles."""

    kind: str
    phrases: tuple[str, ...]
    roles: frozenset[SectionRole] = frozenset()

    def has(self, role: SectionRole) -> bool:
        return role in self.roles


@dataclass(frozen=True, slots=True)
class Area:
    id: int
    name: str
    role: str = ""  # an AreaRole value, or "" for an ordinary row
    about_models: bool = False  # its questions assume a model the candidate built (serving, decay, debugging one)
    about_deep_learning: bool = False  # its questions assume deep learning the candidate did (a network, a framework)


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
    """Words the matcher's ambiguity rules use (categories.toml ``[context]``) and the section kinds
    they read as lists or skip (sections.toml roles is_list and skip_skills, filled in by the loader)."""

    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    function_words: tuple[str, ...] = ()
    honorifics: tuple[str, ...] = ()
    determiners: tuple[str, ...] = ()
    degree_words: tuple[str, ...] = ()
    role_words: tuple[str, ...] = ()
    field_categories: tuple[str, ...] = ()
    list_sections: tuple[str, ...] = ()  # sections.toml is_list, filled in by the loader
    skip_sections: tuple[str, ...] = ()  # sections.toml skip_skills, filled in by the loader
    label_skip_categories: tuple[str, ...] = ()


# eq=False: compared and hashed by identity, so caches keyed on a Taxonomy (one per process) stay cheap.
@dataclass(frozen=True, slots=True, eq=False)
class Taxonomy:
    """Everything under one taxonomy root, validated. The rule sub-values are None only in a
    sections-only taxonomy (a root without categories.toml, used by tests of the section reader)."""

    root: str
    sections: tuple[SectionDef, ...]
    areas: tuple[Area, ...]
    categories: tuple[Category, ...] = ()
    skills: tuple[SkillDef, ...] = ()
    inferred: tuple[InferredTopic, ...] = ()
    context: MatchContext = MatchContext()
    inferred_threshold: float = 0.3
    entries: EntryWords | None = None
    dates: DateWords | None = None
    links: LinkRules | None = None
    claims: ClaimRules | None = None
    flags: FlagTexts | None = None
    labels: dict[str, str] = field(default_factory=dict)
    postings: PostingRules | None = None
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

    def kinds_with(self, role: SectionRole) -> frozenset[str]:
        """The section kinds that have this role ("has_entries" -> experience, education...)."""
        return self._index.roles[role]

    def section_order(self) -> tuple[str, ...]:
        """The kinds in the order of sections.toml (a heading joining two kinds takes the first)."""
        return tuple(s.kind for s in self.sections)

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
                if tail in index and index[tail] != SectionKind.OTHER:
                    return index[tail]
        return None

    def area_of(self, role: AreaRole) -> int:
        """The row of areas.toml that has this role."""
        return _area_with(self.areas, role)

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
        self.roles = {role: frozenset(s.kind for s in taxonomy.sections if s.has(role)) for role in SectionRole}
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


def _as_kind(kind: str) -> str:
    """The SectionKind member for a kind the code knows, else the kind as written (a taxonomy may add kinds)."""
    return SectionKind(kind) if kind in _KNOWN_KINDS else kind


_KNOWN_KINDS = frozenset(k.value for k in SectionKind)
_SECTION_FIELDS = frozenset({"kind", "phrases"}) | {r.value for r in SectionRole}


def _load_sections(root: Path) -> tuple[SectionDef, ...]:
    path = root / "sections.toml"
    kinds: list[SectionDef] = []
    seen_phrases: dict[str, str] = {}
    for record in read_toml(path).get("section", []):
        where = f"{path.name} section {record.get('kind')!r}"
        kind = _as_kind(_require(record, "kind", str, where))
        phrases = tuple(_require(record, "phrases", list, where))
        unknown = sorted(set(record) - _SECTION_FIELDS)
        if unknown:
            raise TaxonomyError(f"{where}: unknown field(s) {unknown} (roles: {', '.join(r.value for r in SectionRole)}).")
        for role in SectionRole:
            if not isinstance(record.get(role.value, False), bool):
                raise TaxonomyError(f"{where}: role '{role.value}' must be true or false.")
        for phrase in phrases:
            key = normalise_heading(phrase)
            if key in seen_phrases and seen_phrases[key] != kind:
                raise TaxonomyError(f"{where}: phrase {phrase!r} is also claimed by {seen_phrases[key]!r}.")
            seen_phrases[key] = kind
        kinds.append(SectionDef(kind, phrases, frozenset(r for r in SectionRole if record.get(r.value, False))))
    if len({k.kind for k in kinds}) != len(kinds):
        raise TaxonomyError(f"{path.name}: a section kind is declared twice.")
    missing = [k.value for k in REQUIRED_KINDS if k not in {d.kind for d in kinds}]
    if missing:
        raise TaxonomyError(f"{path.name}: the kinds {', '.join(missing)} are required (contact block, summary, "
                            "unrecognised headings).")
    return tuple(kinds)


def _load_areas(root: Path) -> tuple[Area, ...]:
    path = root / "areas.toml"
    areas = tuple(
        Area(_require(r, "id", int, path.name), _require(r, "name", str, path.name), r.get("role", ""),
             _require(r, "about_models", bool, path.name) if "about_models" in r else False,
             _require(r, "about_deep_learning", bool, path.name) if "about_deep_learning" in r else False)
        for r in read_toml(path).get("area", [])
    )
    if [a.id for a in areas] != list(range(1, len(areas) + 1)):
        raise TaxonomyError(f"{path.name}: areas must be numbered 1, 2, 3... in order.")
    roles = [a.role for a in areas if a.role]
    if sorted(roles) != sorted(AreaRole):
        raise TaxonomyError(f"{path.name}: each of the roles {', '.join(AreaRole)} must be on exactly one area "
                            f"(found: {', '.join(roles) or 'none'}).")
    return areas


def _area_with(areas: tuple[Area, ...], role: AreaRole) -> int:
    """The row that has ``role`` (the loader checked that exactly one has it)."""
    return next(area.id for area in areas if area.role == role)


@lru_cache(maxsize=len(AreaRole))
def area_of(role: AreaRole) -> int:
    """The interview-map row that has this role in areas.toml (the shipped taxonomy's)."""
    return _area_with(_load_areas(taxonomy_root()), role)


@lru_cache(maxsize=1)
def area_ids() -> frozenset[int]:
    """The interview-map rows areas.toml defines: what every other data file's ``area`` is checked against."""
    return frozenset(area.id for area in _load_areas(taxonomy_root()))


_CONTEXTS = ("skills_list", "tech_neighbour", "tech_verb")
_CATEGORY_FLAGS = ("tool", "deep_learning", "conventional_ml", "deployment", "monitoring", "statistics",
                   "mathematics", "analytics", "domain")
# [context] keys that hold word lists for the ambiguity rules (categories.toml explains each).
_CONTEXT_WORD_LISTS = ("verbs", "nouns", "function_words", "honorifics", "determiners", "degree_words", "role_words",
                       "label_skip_categories", "field_categories")
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


def taxonomy_fingerprint(root: str | None = None) -> str:
    """A SHA-256 of every file under the taxonomy root (names and contents): the disk cache's key part."""
    import hashlib

    base = _base(root)
    digest = hashlib.sha256()
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        with path.open("rb") as handle:
            data = handle.read()
        digest.update(f"{path.relative_to(base).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _base(root: str | None) -> Path:
    return Path(root) if root else taxonomy_root()


# (root, file name) -> its validated value: the one cache of the parts the reader looks up alone.
_PARTS: dict[tuple[str, str], Any] = {}


def _part(root: str | None, name: str, parse: Any) -> Any:
    key = (str(Path(root)) if root else _default_root(), name)  # WHY no stat per call: dates are looked up often
    value = _PARTS.get(key)
    if value is None:
        value = _PARTS[key] = parse(read_toml(Path(key[0]) / name))
    return value


@lru_cache(maxsize=1)
def _default_root() -> str:
    return str(taxonomy_root())


def load_links(root: str | None = None) -> LinkRules:
    """links.toml alone, for the reader, which classifies links before a taxonomy is chosen."""
    return _part(root, "links.toml", parse_link_rules)


def load_dates(root: str | None = None) -> DateWords:
    """dates.toml alone, for the date reader, which runs before a taxonomy is chosen (layout.py)."""
    return _part(root, "dates.toml", parse_date_words)


def load_entry_words(root: str | None = None) -> EntryWords:
    """entries.toml alone: the hint words of entry headings, for helpers called without a taxonomy."""
    return _part(root, "entries.toml", parse_entry_words)


def share_parts(taxonomy: Taxonomy) -> None:
    """Let ``load_links()``, ``load_dates()`` and ``load_entry_words()`` answer from a taxonomy read
    back from the disk cache, so the warm-up (loading the taxonomy) leaves nothing to read later."""
    for name, value in (("links.toml", taxonomy.links), ("dates.toml", taxonomy.dates),
                        ("entries.toml", taxonomy.entries)):
        if value is not None:
            _PARTS.setdefault((taxonomy.root, name), value)


@lru_cache(maxsize=4)
def load_taxonomy(root: str | None = None) -> Taxonomy:
    """Load and validate every taxonomy file. Cached: the data never changes while running."""
    base = _base(root)
    areas = _load_areas(base)
    sections = _load_sections(base)
    if not (base / "categories.toml").exists():  # a sections-only taxonomy (tests of the section reader)
        return Taxonomy(root=str(base), sections=sections, areas=areas)
    categories, context = _load_categories(base, len(areas))
    skills = _load_skills(base, categories, len(areas))
    inferred, threshold = _load_inferred(base, {s.id for s in skills})

    def kinds(role: SectionRole) -> tuple[str, ...]:
        return tuple(s.kind for s in sections if s.has(role))

    context = replace(context, list_sections=kinds(SectionRole.IS_LIST), skip_sections=kinds(SectionRole.SKIP_SKILLS))
    claims = replace(parse_claim_rules(read_toml(base / "claims.toml")),
                     self_description_sections=kinds(SectionRole.SELF_DESCRIPTION))
    flags = parse_flag_texts(read_toml(base / "flags.toml"), area_ids=frozenset(a.id for a in areas))
    return Taxonomy(root=str(base), sections=sections, areas=areas, categories=categories, skills=skills,
                    inferred=inferred, context=context, inferred_threshold=threshold,
                    entries=load_entry_words(root), dates=load_dates(root), links=load_links(root),
                    claims=claims, flags=flags, labels=parse_labels(read_toml(base / "labels.toml")),
                    postings=parse_posting_rules(read_toml(base / "postings.toml"),
                                                 area_ids=frozenset(a.id for a in areas),
                                                 company_area=_area_with(areas, AreaRole.COMPANY),
                                                 ask_area=_area_with(areas, AreaRole.ASK)))


@lru_cache(maxsize=4)
def load_bank(root: str | None = None, skills_root: str | None = None) -> Bank:
    """Load and validate ``<root>/questions/*.toml`` (root defaults to the shipped taxonomy).

    Skill ids are checked against the taxonomy at ``skills_root`` (default: ``root``); a root
    without skills (a sections-only taxonomy) checks none.
    """
    folder = _base(root) / "questions"
    paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if not paths:
        raise TaxonomyError(f"Taxonomy folder {folder} holds no question files.")
    taxonomy = load_taxonomy(skills_root or root)
    return build_bank(tuple((f"questions/{path.name}", read_toml(path)) for path in paths),
                      {s.id for s in taxonomy.skills}, area_ids=frozenset(a.id for a in taxonomy.areas),
                      anchor_areas={role.value: taxonomy.area_of(role) for role in AreaRole},
                      flag_codes=frozenset(t.code for t in taxonomy.flags.texts) if taxonomy.flags else frozenset())
