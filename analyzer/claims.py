"""Step 5a: claims. Everything on the resume an interviewer may probe, as first-class objects.

    extract_claims(resume, skills) -> tuple[Claim, ...]

Claims, in this order: one per skill (from the skills step), projects (entries of a projects
section, project-like bullets in jobs, theses), results with a number (metric, value, unit and
baseline when stated), links to code or writing, publications, talks, patents, certifications.
Ids are stable: ``skill:<id>``, ``project:<slug>``, ``result:<n>`` (n counts results in reading
order from 1), ``link:<url without scheme>``, ``publication:<slug>``...

The words the heuristics look for live in ``taxonomy/claims.toml`` (read by :func:`load_claim_rules`).
Known limits: English only; one result per clause (``a; b`` are two clauses); the metric name is
the few words next to the verb, not a parsed noun phrase; a project's data is a guess from a
number followed by a data word ("60k images"); links are tied to a project only when the project
text names the URL or the repository's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from analyzer.errors import TaxonomyError
from analyzer.links import dedupe_key
from analyzer.models import BBox, Claim, Entry, Evidence, Line, Resume, Skill, union_bbox
from analyzer.taxonomy import Taxonomy, read_toml, taxonomy_root



# --- the rules file ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimRules:
    """taxonomy/claims.toml, validated. Phrase lists are lower case."""

    self_description_sections: tuple[str, ...]
    project_verbs: tuple[str, ...]
    project_labels: tuple[str, ...]
    data_words: tuple[str, ...]
    up_verbs: tuple[str, ...]
    down_verbs: tuple[str, ...]
    metric_names: tuple[str, ...]
    baseline_cues: tuple[str, ...]
    method_cues: tuple[str, ...]
    deployment_phrases: tuple[str, ...]
    lifecycle_phrases: tuple[str, ...]
    model_user_phrases: tuple[str, ...]
    model_building: tuple[str, ...]
    vague_phrases: tuple[str, ...]
    part_time_titles: tuple[str, ...]
    overlap_months: int
    gap_months: int
    checked_link_kinds: tuple[str, ...]
    not_fundamentals: tuple[str, ...]
    talk_words: tuple[str, ...]
    patent_words: tuple[str, ...]
    padding_min_listed_only: int
    padding_max_used_share: float
    implied_by: tuple[tuple[str, tuple[str, ...]], ...] = ()
    measure_order: tuple[str, ...] = ()
    model_context: tuple[str, ...] = ()
    confidential_phrases: tuple[str, ...] = ()
    work_verbs: tuple[str, ...] = ()
    measures: tuple[tuple[str, tuple[str, ...]], ...] = ()  # kind -> phrases, in measure_order

    def implying(self, skill_id: str) -> tuple[str, ...]:
        """Ids of the skills whose use implies this one (PyTorch implies Python)."""
        return dict(self.implied_by).get(skill_id, ())


_LIST_FIELDS = (
    "self_description_sections", "project_verbs", "project_labels", "data_words", "up_verbs",
    "down_verbs", "metric_names", "baseline_cues", "method_cues", "deployment_phrases",
    "lifecycle_phrases", "model_user_phrases", "model_building", "vague_phrases", "part_time_titles",
    "checked_link_kinds", "talk_words", "patent_words", "not_fundamentals", "measure_order", "model_context",
    "confidential_phrases", "work_verbs",
)


def _strings(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{where}: '{key}' must be a list of non-empty strings.")
    return tuple(v.strip().lower() for v in value)


@lru_cache(maxsize=4)
def load_claim_rules(root: str | None = None) -> ClaimRules:
    """Load and validate taxonomy/claims.toml. Cached: the data never changes while running."""
    path = (Path(root) if root else taxonomy_root()) / "claims.toml"
    data = read_toml(path)
    where = path.name
    numbers: dict[str, Any] = {}
    for key, kind in (("overlap_months", int), ("gap_months", int), ("padding_min_listed_only", int),
                      ("padding_max_used_share", float)):
        value = data.get(key)
        if not isinstance(value, kind) or value < 0:
            raise TaxonomyError(f"{where}: '{key}' must be a non-negative {kind.__name__}.")
        numbers[key] = value
    implied = data.get("implied_by", {})
    if not isinstance(implied, dict):
        raise TaxonomyError(f"{where}: [implied_by] must be a table of skill id = [skill ids].")
    implied_by = tuple((key, _strings(implied, key, f"{where} implied_by")) for key in sorted(implied))
    order = _strings(data, "measure_order", where)
    table = data.get("measures", {})
    if not isinstance(table, dict) or set(table) != set(order):
        raise TaxonomyError(f"{where}: [measures] must give phrases for exactly the kinds of measure_order.")
    measures = tuple((kind, _strings(table, kind, f"{where} measures")) for kind in order)
    return ClaimRules(**{k: _strings(data, k, where) for k in _LIST_FIELDS}, **numbers,
                      implied_by=implied_by, measures=measures)


# --- phrase matching ---------------------------------------------------------------------------


def _phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: whole words; 'word*' is a prefix; a lone '*' stands for 1-4 words."""
    parts = []
    for token in phrase.split():
        if token == "*":
            parts.append(r"\S+(?:\s+\S+){0,3}")
        elif token.endswith("*"):
            parts.append(re.escape(token[:-1]) + r"[\w-]*")
        else:
            parts.append(re.escape(token))
    body = r"\s+".join(parts)
    # Whole words, but a phrase that starts or ends with a symbol ("%", "->") needs no word edge.
    left = r"(?<![\w-])" if re.match(r"\w", phrase) else ""
    right = r"(?![\w-])" if re.search(r"[\w*]$", phrase) else ""
    return left + body + right


@lru_cache(maxsize=64)
def phrase_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=len, reverse=True)  # longest first: "roc auc" before "auc"
    return re.compile("|".join(f"(?:{_phrase_pattern(p)})" for p in ordered), re.IGNORECASE)


@lru_cache(maxsize=64)
def _first_words(phrases: tuple[str, ...]) -> tuple[str, ...] | None:
    """The literal start of every phrase, lower-cased; None when a phrase starts with a wildcard."""
    starts = set()
    for phrase in phrases:
        first = phrase.split()[0] if phrase.split() else ""
        literal = first.rstrip("*").lower()
        if not literal or first.startswith("*"):
            return None
        starts.add(literal)
    return tuple(sorted(starts))


def _may_hold(text: str, phrases: tuple[str, ...]) -> bool:
    # WHY: a long alternation is tried at every position of the text; most texts hold none of the
    # phrases' first words, which a substring test tells far faster.
    starts = _first_words(phrases)
    if starts is None:
        return True
    lowered = text.lower()
    return any(start in lowered for start in starts)


def find_phrases(text: str, phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases of the list found in ``text``, as printed, in order, without repeats."""
    found: list[str] = []
    if not _may_hold(text, phrases):
        return ()
    for match in phrase_regex(phrases).finditer(text):
        word = " ".join(match.group().split())
        if word.lower() not in (f.lower() for f in found):
            found.append(word)
    return tuple(found)


def has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    return _may_hold(text, phrases) and phrase_regex(phrases).search(text) is not None


# --- skill classes ---------------------------------------------------------------------------


# Category flags of the skills taxonomy (categories.toml) and the class each one means here.
_CATEGORY_CLASSES = (("deep_learning", "dl"), ("conventional_ml", "ml"), ("deployment", "deploy"),
                     ("monitoring", "deploy"), ("tool", "tool"))


def skill_classes(skill: Skill, taxonomy: Taxonomy) -> frozenset[str]:
    """dl / ml / deploy / tool for a skill, from the flags of its category in categories.toml.

    A skill under deep learning is never evidence of conventional ML: data augmentation sits in an
    ML-practice category but is a deep-learning technique. A category the taxonomy does not know
    gives no class.
    """
    try:
        category = taxonomy.category(skill.category)
    except KeyError:
        return frozenset()
    found = {name for flag, name in _CATEGORY_CLASSES if getattr(category, flag)}
    if taxonomy.knows(skill.id) and "deep_learning" in taxonomy.ancestors(skill.id):
        found.add("dl")
    if "dl" in found:
        found.discard("ml")
    return frozenset(found)


def is_used(skill: Skill) -> bool:
    """Shown in use in a job, project or study, not only listed (inferred skills count as used)."""
    return not skill.listed_only and bool(skill.used_in or skill.inferred)


# --- statements: the sentences of the resume with their place --------------------------------


@dataclass(frozen=True, slots=True)
class Statement:
    """One bullet or item, its wrapped lines joined, with the entry and section it sits in."""

    text: str
    section: str
    entry: Entry | None
    page: int
    bbox: BBox | None

    def evidence(self) -> Evidence:
        return Evidence(
            section=self.section,
            entry=self.entry.label if self.entry else "",
            quote=self.text,
            page=self.page,
            bbox=self.bbox,
            start=self.entry.start if self.entry else None,
            end=self.entry.end if self.entry else None,
        )


def _line_key(line: Line) -> tuple[int, float, float, str]:
    return (line.page, round(line.top, 1), round(line.x0, 1), line.text)


# An item without a bullet ends at a line ending in a full stop, a year or a bracket, because a
# sidebar list item ("Google Cloud Professional / Data Engineer (2023)") often wraps.
_ITEM_END_RE = re.compile(r"(?:[.!?)]|(?:19|20)\d\d)\s*$")


def _group(lines: tuple[Line, ...], *, bulleted: bool) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in lines:
        if not line.text.strip():
            continue
        starts_new = (
            not groups
            or (bulleted and line.bullet)
            or (not bulleted and bool(_ITEM_END_RE.search(groups[-1][-1].text)))
        )
        if starts_new:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _join(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        part = " ".join(line.text.split())
        # A word split at a hyphen across lines ("scikit-" / "learn") is one word again.
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha():
            text += part
        else:
            text = f"{text} {part}" if text else part
    return text


def _bbox(lines: list[Line]) -> BBox | None:
    same_page = [line for line in lines if line.page == lines[0].page]
    return union_bbox(l.bbox for l in same_page)


def resume_statements(resume: Resume) -> tuple[Statement, ...]:
    """Every bullet or item of the resume in reading order, entries' bodies included."""
    statements: list[Statement] = []
    in_entry: dict[tuple[int, float, float, str], Entry] = {}
    for entry in resume.entries:
        for line in entry.lines:
            in_entry[_line_key(line)] = entry
    heading_keys = {_line_key(l) for e in resume.entries for l in e.heading}
    for section in resume.sections:
        runs: list[tuple[Entry | None, list[Line]]] = []
        for line in section.lines:
            key = _line_key(line)
            if key in heading_keys:
                continue
            entry = in_entry.get(key)
            if runs and runs[-1][0] is entry:
                runs[-1][1].append(line)
            else:
                runs.append((entry, [line]))
        for entry, lines in runs:
            bulleted = any(line.bullet for line in lines)
            for group in _group(tuple(lines), bulleted=bulleted or entry is not None):
                text = _join(group)
                if text:
                    statements.append(Statement(text, section.kind, entry, group[0].page, _bbox(group)))
    return tuple(statements)


def clauses(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r";\s+|(?<=[a-z0-9%)])\.\s+(?=[A-Z])", text) if part.strip())


def skills_in(statement: Statement, skills: tuple[Skill, ...]) -> tuple[str, ...]:
    """Ids of the skills the statement mentions: by the skills step's evidence, else by name."""
    found: list[str] = []
    text = _norm(statement.text)
    label = statement.entry.label if statement.entry else ""
    for skill in skills:
        if any(_quote_matches(e, statement.page, label, text) for e in skill.evidence) \
                or _name_in(skill.name, statement.text):
            found.append(skill.id)
    return tuple(found)


@lru_cache(maxsize=8192)
def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _quote_matches(evidence: Evidence, page: int, label: str, text: str) -> bool:
    """Is this evidence quote (part of) the statement with normalised ``text`` on ``page`` in entry ``label``?"""
    if evidence.page != page or evidence.entry != label:
        return False
    quote = _norm(evidence.quote)
    return bool(quote) and (quote in text or (len(text) > 20 and text in quote))


def _name_in(name: str, text: str) -> bool:
    # The substring test is a cheap necessary condition; the pattern then checks the word edges.
    return name.lower() in text.lower() and _name_regex(name).search(text) is not None


@lru_cache(maxsize=4096)
def _name_regex(name: str) -> re.Pattern[str]:
    if len(name) <= 2:  # "R", "Go", "C": only as printed, never inside other words
        return re.compile(rf"(?<![\w&.-]){re.escape(name)}(?![\w&-])")
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)


# --- results with a number -----------------------------------------------------------------------

_NUMBER = r"[$€£]?\d[\d,]*(?:\.\d+)?"
# A number that names a version, a model size or a year ("Python 3.10", "ResNet-50", "p99", "2019")
# is not a measurement, so a number glued to a letter or a hyphen before it is skipped.
_UNIT = r"(?:\s?(?:%|percentage points?|pp\b|x\b|×|k\b|m\b|bn\b|million\b|billion\b|ms\b|seconds?\b|minutes?\b|hours?\b|days?\b|weeks?\b|times\b))?"
_NUMBER_RE = re.compile(rf"(?<![\w@.\-/]){_NUMBER}{_UNIT}", re.IGNORECASE)
_FROM_TO_RE = re.compile(rf"\bfrom\s+(?P<a>{_NUMBER}{_UNIT})\s+to\s+(?P<b>{_NUMBER}{_UNIT})", re.IGNORECASE)
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
_RELATIVE_UNITS = ("%", "percent", "percentage point", "pp", "x", "×", "times")
_METHOD_BY_RE = re.compile(r"\bby\s+[a-z]+ing\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Result:
    metric: str
    value: str
    unit: str
    baseline: str
    direction: str  # up, down, level
    has_method: bool

    @property
    def is_improvement(self) -> bool:
        return self.direction in ("up", "down")

    @property
    def is_relative(self) -> bool:
        return any(self.unit.lower().startswith(u) for u in _RELATIVE_UNITS)


def _unit_of(number: str) -> str:
    match = re.match(r"\s*([$€£]?)\d[\d,]*(?:\.\d+)?\s?(.*)$", number)
    if not match:
        return ""
    currency, unit = match.groups()
    return currency or unit.strip()


def _measurements(clause: str) -> list[re.Match[str]]:
    return [m for m in _NUMBER_RE.finditer(clause)
            if not (_YEAR_RE.match(m.group()) and not _unit_of(m.group()))]


def find_result(clause: str, statement_text: str, rules: ClaimRules, has_skill: bool) -> Result | None:
    """The result a clause states, if any: a change with a number, a from-to, or a named metric."""
    method = has_skill or has_phrase(statement_text, rules.method_cues) or bool(_METHOD_BY_RE.search(statement_text)) \
        or states_the_work(statement_text, rules)
    up = find_phrases(clause, rules.up_verbs)
    down = find_phrases(clause, rules.down_verbs)
    direction = "up" if up and not down else "down" if down else "up" if up else "level"
    verb = (up or down or ("",))[0]
    from_to = _FROM_TO_RE.search(clause)
    if from_to:
        value, start = from_to.group("b").strip(), from_to.group("a").strip()
        if direction == "level":  # "moved take rate from 11.2% to 11.9%": the numbers say which way
            direction = "up" if _amount(value) > _amount(start) else "down"
        return Result(_metric_near(clause, verb, from_to.start()), value, _unit_of(value), start, direction, method)
    numbers = _measurements(clause)
    baseline = [_compared_with(clause, cue) for cue in find_phrases(clause, rules.baseline_cues)]
    changed = [m for m in numbers if _unit_of(m.group())]
    if verb and changed:
        value = changed[0].group().strip()
        return Result(_metric_near(clause, verb, changed[0].start()), value, _unit_of(value),
                      baseline[0] if baseline else "", direction, method)
    metric = find_phrases(clause, rules.metric_names)
    if metric and numbers:
        value = numbers[0].group().strip()
        return Result(metric[0], value, _unit_of(value), baseline[0] if baseline else "", "level", method)
    if baseline and len(numbers) >= 2:  # "in 40 experiments instead of the 150 a grid search needed"
        value = numbers[0].group().strip()
        return Result("", value, _unit_of(value), baseline[0], "level", method)
    return None


def _compared_with(clause: str, cue: str) -> str:
    """What a result is measured against: 'against the seasonal-naive forecast' -> 'the seasonal-naive
    forecast'. WHY: the cue word alone ('against') says a baseline exists but not which one."""
    at = re.search(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", clause, re.IGNORECASE)
    after = re.split(r"[,;:()]|\.(?:\s|$)|\s(?:and|by|with|while|after|which)\s", clause[at.end():] if at else "")[0]
    words = after.split()[:6]
    return " ".join(words).strip(" .") or cue


def _amount(number: str) -> float:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", number)
    return float(digits.group().replace(",", "")) if digits else 0.0


def _metric_near(clause: str, verb: str, number_at: int) -> str:
    """The words naming what changed: after the verb ('reduced churn by'), else before it ('CTR up')."""
    stop = r"\b(?:by|from|to|of|across|at|for|with|in)\b"
    if verb:
        at = re.search(rf"(?<![\w-]){re.escape(verb)}(?![\w-])", clause, re.IGNORECASE)
        if at and at.end() <= number_at:
            after = re.split(stop, clause[at.end():number_at], maxsplit=1, flags=re.IGNORECASE)[0]
            words = [w for w in after.split() if w.lower() not in ("the", "a", "an", "our", "its")]
            if words:
                return " ".join(words[:5]).strip(",")
        if at:
            before = re.split(r"[,:;]", clause[:at.start()])[-1].split()
            return " ".join(before[-3:]).strip(",")
    before = re.split(r"[,:;()]|\band\b", clause[:number_at])[-1].split()
    words = [w for w in before if w.lower() not in ("from", "the", "a", "an", "moved", "took", "went")]
    return " ".join(words[-3:])


# --- the claims ------------------------------------------------------------------------------------


def slugify(text: str, limit: int = 48) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "item"


def _unique(claim_id: str, seen: set[str]) -> str:
    candidate, n = claim_id, 2
    while candidate in seen:
        candidate, n = f"{claim_id}-{n}", n + 1
    seen.add(candidate)
    return candidate


def _skill_claim(skill: Skill) -> Claim:
    details = [("category", skill.category), ("listed_only", str(skill.listed_only).lower()),
               ("inferred", str(skill.inferred).lower())]
    if skill.last_used:
        details.append(("last_used", skill.last_used))
    if skill.used_in:
        details.append(("used_in", "; ".join(skill.used_in)))
    return Claim(id=f"skill:{skill.id}", kind="skill", text=skill.name, evidence=skill.evidence,
                 skill_ids=(skill.id,), details=tuple(details))


def _is_project_statement(statement: Statement, skill_ids: tuple[str, ...], rules: ClaimRules) -> bool:
    if statement.section in rules.self_description_sections or statement.entry is None:
        return False
    # "Thesis: ..." / "Capstone: ..." in an education entry names a project outright.
    if _labelled_project(statement.text, rules):
        return True
    if statement.section != "experience" or not skill_ids:
        return False
    words = statement.text.split()
    return bool(words) and words[0].lower().strip(",:") in rules.project_verbs


def _labelled_project(text: str, rules: ClaimRules) -> str:
    """'Capstone: regression analysis of ...' -> the labelled part; '' when there is no label."""
    for match in re.finditer(r"(?:^|(?<=[.;]\s))([^.;:]{1,40}):\s*(\S.*?)(?=(?:[.;]\s)|$)", text):
        label = match.group(1).strip()
        if len(label.split()) <= 3 and has_phrase(label, rules.project_labels):
            return f"{label}: {match.group(2).strip()}"
    return ""


def _data_of(text: str, rules: ClaimRules) -> str:
    words = "|".join(re.escape(w) for w in rules.data_words)
    match = re.search(rf"\b\d[\d,.]*\s?(?:k|m|bn|million|billion)?\+?\s+(?:[\w-]+\s+){{0,2}}(?:{words})\b",
                      text, re.IGNORECASE)
    return match.group() if match else ""


def _links_named(text: str, resume: Resume) -> tuple[str, ...]:
    found = []
    lowered = text.lower()
    for link in resume.document.links:
        if link.kind == "email":
            continue
        key = dedupe_key(link.url)
        tail = key.rsplit("/", 1)[-1]
        typed = re.search(rf"(?<![\w./-]){re.escape(key)}(?![\w/-])", lowered) is not None
        # A repository is often named without its URL ("Weld-defect ViT (defect-vit)").
        named = link.kind in ("github_repo", "gist") and len(tail) >= 4 and re.search(
            rf"(?<![\w-]){re.escape(tail.lower())}(?![\w-])", lowered) is not None
        if typed or named:
            found.append(key)
    return tuple(found)


def _project_claim(name: str, statements: list[Statement], entry: Entry | None, skills: tuple[Skill, ...],
                   resume: Resume, results: list[Result], seen: set[str], rules: ClaimRules) -> Claim:
    text = " ".join(s.text for s in statements)
    skill_ids = tuple(dict.fromkeys(i for s in statements for i in skills_in(s, skills)))
    details = [("name", name), ("what", text)]
    if skill_ids:
        details.append(("methods", ", ".join(skill_ids)))
    data = _data_of(text, rules)
    if data:
        details.append(("data", data))
    if results:
        r = results[0]
        details.append(("outcome", " ".join(p for p in (r.metric, r.value) if p)))
    if entry and (entry.start or entry.end):
        details.append(("dates", f"{entry.start or '?'} to {entry.end or '?'}"))
    links = _links_named(f"{name} {text}", resume)
    if links:
        details.append(("links", " ".join(links)))
    return Claim(id=_unique(f"project:{slugify(name)}", seen), kind="project", text=name,
                 evidence=tuple(s.evidence() for s in statements), skill_ids=skill_ids, details=tuple(details))


def _short_name(text: str) -> str:
    label, colon, rest = text.partition(": ")
    if colon and len(label.split()) <= 3:
        return f"{label}: {_short_name(rest)}"
    head = re.split(r"[;:.](?:\s|$)", text, maxsplit=1)[0]
    words = head.split()
    return " ".join(words[:8]) + (" ..." if len(words) > 8 else "")


def _other_kind(statement: Statement, rules: ClaimRules, title: str) -> str | None:
    if statement.section == "certifications":
        return "certification"
    if statement.section != "publications":
        return None
    if has_phrase(statement.text, rules.patent_words) or has_phrase(title, rules.patent_words):
        return "patent"
    if has_phrase(statement.text, rules.talk_words):
        return "talk"
    # A "Talks" section holds talks; a "Publications and talks" section says nothing per item.
    if has_phrase(title, rules.talk_words) and not has_phrase(title, ("publication*", "paper*", "article*")):
        return "talk"
    return "publication"


def extract_claims(resume: Resume, skills: tuple[Skill, ...]) -> tuple[Claim, ...]:
    """Every claim on the resume with its evidence, in a fixed order (see the module docstring)."""
    rules = load_claim_rules()
    statements = resume_statements(resume)
    seen: set[str] = set()
    skill_claims = [_skill_claim(skill) for skill in skills]
    seen.update(c.id for c in skill_claims)

    results: list[Claim] = []
    results_by_statement: dict[int, list[Result]] = {}
    for index, statement in enumerate(statements):
        if statement.section in ("contact", "skills", "languages"):
            continue
        ids = skills_in(statement, skills)
        for clause in clauses(statement.text):
            found = find_result(clause, statement.text, rules, bool(ids))
            if found is None:
                continue
            results_by_statement.setdefault(index, []).append(found)
            quantity = _quantity_of(found, clause, rules, bool(ids))
            details = [("metric", found.metric), ("value", found.value), ("unit", found.unit),
                       ("baseline", found.baseline), ("direction", found.direction),
                       ("method", "yes" if found.has_method else "no"), ("clause", clause),
                       ("measures", quantity.measures if quantity else "other"),
                       ("quantity", quantity.value if quantity else found.value),
                       ("measure_name", quantity.name if quantity else ""),
                       ("moved", quantity.direction if quantity else found.direction),
                       ("confidential", "yes" if is_confidential(statement.text, rules) else "no")]
            results.append(Claim(id=f"result:{len(results) + 1}", kind="result", text=clause,
                                 evidence=(statement.evidence(),), skill_ids=ids, details=tuple(details)))

    projects: list[Claim] = []
    for entry in (e for e in resume.entries if e.section == "projects"):
        members = [(i, s) for i, s in enumerate(statements) if s.entry is entry]
        found = [r for i, _ in members for r in results_by_statement.get(i, [])]
        projects.append(_project_claim(entry.title or entry.label, [s for _, s in members], entry, skills,
                                       resume, found, seen, rules))
    for index, statement in enumerate(statements):
        if statement.entry is not None and statement.entry.section == "projects":
            continue
        if _is_project_statement(statement, skills_in(statement, skills), rules):
            name = _short_name(_labelled_project(statement.text, rules) or statement.text)
            projects.append(_project_claim(name, [statement], statement.entry, skills,
                                           resume, results_by_statement.get(index, []), seen, rules))

    links = []
    for link in resume.document.links:
        if link.kind == "email" or (link.valid and link.kind not in rules.checked_link_kinds):
            continue
        details = (("kind", link.kind), ("url", link.url), ("anchor_text", link.anchor_text),
                   ("valid", str(link.valid).lower()))
        evidence = Evidence(section="contact", entry="", quote=link.anchor_text or link.url, page=link.page,
                            bbox=link.bbox)
        links.append(Claim(id=_unique(f"link:{dedupe_key(link.url)}", seen), kind="link", text=link.url,
                           evidence=(evidence,), details=details))

    others = []
    for statement in statements:
        kind = _other_kind(statement, rules, _section_title_of(statement, resume))
        if kind is None:
            continue
        year = re.findall(r"(?<![\w./-])(?:19|20)\d\d(?![\w/-]|\.\w)", statement.text)
        details = (("year", year[-1]),) if year else ()
        links_named = _links_named(statement.text, resume)
        if links_named:
            details += (("links", " ".join(links_named)),)
        others.append(Claim(id=_unique(f"{kind}:{slugify(statement.text, 40)}", seen), kind=kind,
                            text=statement.text, evidence=(statement.evidence(),),
                            skill_ids=skills_in(statement, skills), details=details))
    return tuple(skill_claims + projects + results + links + others)


def _section_title_of(statement: Statement, resume: Resume) -> str:
    """The title of the section whose lines hold this statement (two sections may share a kind)."""
    for section in resume.sections:
        if section.kind == statement.section and any(
                line.page == statement.page and statement.bbox and abs(line.top - statement.bbox[1]) < 0.5
                for line in section.lines):
            return section.title
    return ""


# --- what each number of a sentence measures ------------------------------------------------------------

# A quantity as printed: a qualifier, a currency, a number or a range ("15-20%"), a unit, a plus.
# WHY whole: "15" torn out of "by 15-20%" misstates the claim.
_QUANTITY_RE = re.compile(
    r"(?<![\w@./#-])(?:(?:over|about|approximately|approx\.|nearly|almost|up to|more than|less than|under)\s+)?"
    r"[~<>≈]?[$€£]?\d[\d,]*(?:\.\d+)?(?:\s?[-–]\s?[$€£]?\d[\d,]*(?:\.\d+)?)?"
    r"(?:\s?(?:%|percent\b|percentage points?\b|pp\b|[kKmMbB]\b|bn\b|x\b|×|ms\b|million\b|billion\b|thousand\b"
    r"|seconds?\b|minutes?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b))?\+?(?![\w-])",
    re.IGNORECASE)
_YEARS_RE = re.compile(r"^(?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)?\d\d)?$")
_TIME_UNIT_RE = re.compile(r"(?:ms|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\+?$", re.IGNORECASE)
_CHANGE_UNIT_RE = re.compile(r"(?:%|percent|percentage points?|pp|x|×)\+?$", re.IGNORECASE)
_LEVEL_KINDS = frozenset({"model_metric", "error_metric", "share_or_rate", "latency", "throughput", "rank_or_score"})
_MONEY_KINDS = ("cost_reduction", "revenue", "money")
_AFTER_WORDS = 4  # what a count counts is in the next few words ("10,000 labelled images")
_BEFORE_WORDS = 6  # what a level is a value of comes before it ("an accuracy of 96%")
_FROM_TO_ANY_RE = re.compile(r"\bfrom\b.{1,40}?\bto\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number of a sentence, understood: what it measures, which way it moved, and whether the
    sentence gives a starting point and says how it was reached. ``sentence`` keeps it whole."""

    value: str  # as printed, qualifier and range included: "approximately 3x", "15-20%"
    measures: str  # a kind of taxonomy/claims.toml [measures]: model_metric, people, money...
    name: str  # the words that named it, as printed: "accuracy", "mAP50", "latency" ("" when none)
    direction: str  # up, down, level (a value at a level), none (a count, a size)
    has_baseline: bool
    has_method: bool
    sentence: str

    @property
    def is_model_metric(self) -> bool:
        return self.measures in ("model_metric", "error_metric")


def _is_year_or_label(match: re.Match[str], text: str) -> bool:
    value = match.group().strip()
    if _YEARS_RE.match(value):
        return True
    # "Python 3.10", "v2", "Q3 2021", "#1": a number glued to a name is not a measurement.
    before = text[:match.start()].rstrip()
    return bool(re.search(r"(?:\b[Qq]|\bversion|\bv|\bpython|\bjava|\bphase|\bstep|\blevel|\bsection|\bgrade)$",
                          before, re.IGNORECASE))


def _window(text: str, start: int, end: int) -> tuple[str, str]:
    """The words after and before a number, each stopped at punctuation or at the next number.
    Words that only say it is a change ("increase in", "gain") are skipped after it."""
    after = re.split(r"[,;:()]|\.(?:\s|$)|\s\d", text[end:], maxsplit=1)[0]
    after = re.sub(r"^\s*(?:(?:increase|improvement|reduction|decrease|gain|drop|higher|lower|more|less)\s+(?:in|of)?\s*)",
                   " ", after, flags=re.IGNORECASE)
    before = re.split(r"[,;:()]|\.(?:\s|$)|\d\s", text[:start])[-1]
    return " ".join(after.split()[:_AFTER_WORDS]), " ".join(before.split()[-_BEFORE_WORDS:])


def _measure(value: str, after: str, before: str, sentence: str, rules: ClaimRules) -> tuple[str, str]:
    """The kind of a number and the words that said so ("model_metric", "accuracy")."""
    table = dict(rules.measures)
    is_change = bool(_CHANGE_UNIT_RE.search(value))
    currency = bool(re.search(r"[$€£]", value)) or has_phrase(after, ("dollars", "euros", "pounds", "usd", "eur"))
    has_model = has_phrase(sentence, rules.model_context)

    def named(kind: str, window: str) -> str:
        if kind == "model_metric" and not has_model:
            return ""  # "100% accuracy" of data entry is a rate, not a model's score
        if kind in ("people", "users", "records_or_data_volume", "count_of_things") and is_change \
                and window is before:
            return ""  # "improved engagement of users by 15%": the users are not what 15% counts
        found = find_phrases(window, table[kind])
        return found[0] if found else ""

    if currency:
        for kind in _MONEY_KINDS[:2]:
            if named(kind, f"{before} {after}"):
                return kind, named(kind, f"{before} {after}")
        return "money", ""
    if _TIME_UNIT_RE.search(value):
        for kind in ("latency", "time_saved", "throughput"):
            word = named(kind, f"{before} {after} {sentence}" if kind != "throughput" else after)
            if word:
                return kind, word
        return "other", ""
    # A metric named right after the number ("83.94% AUC") says what it is; otherwise a change or level
    # reads from its left ("accuracy of 96%"), a count from its right ("10k images", "20+ KPIs").
    head = " ".join(after.split()[:2])
    for kind in ("model_metric", "error_metric"):
        if named(kind, head):
            return kind, named(kind, head)
    windows = (before, after) if is_change else (after, before)
    for window in windows:
        for kind in rules.measure_order:
            if kind != "count_of_things" or window is after:
                word = named(kind, window)
                if word:
                    return kind, word
    if not is_change and re.match(r"[A-Za-z]", after or "") and not re.match(r"(?:of|in|to|by|and|or)\b", after):
        return "count_of_things", after.split()[0]
    return ("share_or_rate" if is_change and not has_phrase(sentence, rules.up_verbs + rules.down_verbs) else "other"), ""


def _direction_at(clause: str, at: int, rules: ClaimRules) -> str:
    """The verb that moves this number: the last up/down verb before it, else the first after it."""
    found = []
    for kind, phrases in (("up", rules.up_verbs), ("down", rules.down_verbs)):
        found += [(m.start(), kind) for m in phrase_regex(phrases).finditer(clause)] if has_phrase(clause, phrases) else []
    before = [k for s, k in sorted(found) if s < at]
    after = [k for s, k in sorted(found) if s > at]
    return (before[-1:] or after[:1] or [""])[0]


def read_quantities(sentence: str, rules: ClaimRules | None = None, has_skill: bool = False) -> tuple[Quantity, ...]:
    """Every number of a sentence that measures something, in reading order (years, versions skipped)."""
    rules = rules or load_claim_rules()
    method = has_skill or has_phrase(sentence, rules.method_cues) or bool(_METHOD_BY_RE.search(sentence)) \
        or states_the_work(sentence, rules)
    baseline = has_phrase(sentence, rules.baseline_cues) or bool(_FROM_TO_ANY_RE.search(sentence))
    out: list[Quantity] = []
    for match in _QUANTITY_RE.finditer(sentence):
        if _is_year_or_label(match, sentence):
            continue
        value = " ".join(match.group().split())
        after, before = _window(sentence, match.start(), match.end())
        kind, name = _measure(value, after, before, sentence, rules)
        moved = _direction_at(sentence, match.start(), rules)
        is_change = bool(_CHANGE_UNIT_RE.search(value)) or kind in ("time_saved", "cost_reduction", "latency")
        if kind == "money":
            direction = "none"  # money raised, managed or traded is a size, not a change
        elif moved and (is_change or kind in _MONEY_KINDS or _FROM_TO_ANY_RE.search(sentence)):
            direction = moved
        else:
            direction = "level" if kind in _LEVEL_KINDS else "none"
        out.append(Quantity(value, kind, name, direction, baseline, method, sentence))
    return tuple(out)


def states_the_work(sentence: str, rules: ClaimRules) -> bool:
    """The line opens with what was done, then the outcome: "Optimised the query plans, cutting
    runtime by 60%", "Built a scoring engine for a 65% gain". The opening is the method."""
    words = sentence.split()
    first = words[0].lower().strip(",:") if words else ""
    number = re.search(r"\d", sentence)
    opening = sentence[:number.start()].split() if number else words
    return (first in rules.project_verbs or first in rules.work_verbs) and len(opening) >= 4


def is_confidential(text: str, rules: ClaimRules | None = None) -> bool:
    """The line calls its subject proprietary or confidential: asking to explain it would be unfair."""
    return has_phrase(text, (rules or load_claim_rules()).confidential_phrases)


# Which number of a clause a question is about when it holds several: an outcome before a size.
_RESULT_PRIORITY = ("model_metric", "error_metric", "latency", "share_or_rate", "revenue", "cost_reduction",
                    "time_saved", "efficiency", "throughput", "users", "money", "rank_or_score")


def _quantity_of(found: Result, clause: str, rules: ClaimRules, has_skill: bool) -> Quantity | None:
    """The understood quantity behind a result: its most outcome-like number ("0.877 mAP50" rather
    than "10,000 images"), else the one whose number is the result's value."""
    quantities = read_quantities(clause, rules, has_skill)
    number = re.search(r"\d[\d,]*(?:\.\d+)?", found.value)

    def is_value(quantity: Quantity) -> bool:
        return bool(number) and re.search(rf"(?<![\d.,]){re.escape(number.group())}(?![\d])", quantity.value) is not None

    ranked = sorted((q for q in quantities if q.measures in _RESULT_PRIORITY),
                    key=lambda q: (_RESULT_PRIORITY.index(q.measures), not is_value(q)))
    if ranked:
        return ranked[0]
    return next((q for q in quantities if is_value(q)), None)


def understand_result(claim: Claim) -> Claim:
    """A result claim with its understood number (measures, quantity, measure_name, moved) in its
    details; a claim made elsewhere without them (an older report, a test) gets them from its line."""
    if claim.kind != "result" or claim.detail("measures"):
        return claim
    rules = load_claim_rules()
    clause = claim.detail("clause") or (claim.evidence[0].quote if claim.evidence else claim.text)
    found = find_result(clause, clause, rules, bool(claim.skill_ids))
    quantity = _quantity_of(found, clause, rules, bool(claim.skill_ids)) if found else None
    if quantity is None:
        return claim
    extra = (("measures", quantity.measures), ("quantity", quantity.value), ("measure_name", quantity.name),
             ("moved", quantity.direction))
    return Claim(claim.id, claim.kind, claim.text, claim.evidence, claim.skill_ids, claim.details + extra,
                 claim.defensibility, claim.reasons)
