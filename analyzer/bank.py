"""The question bank: ``taxonomy/questions/*.toml``, validated (used by step 6).

    analyzer.taxonomy.load_bank(root=None) -> Bank   reads the files (cached), then build_bank here
    build_bank(files, known_skills, area_ids=..., flag_codes=...) -> Bank
                                                     raises TaxonomyError naming the file and record

The bank holds four kinds of record, in any of the files:

- ``[[topic]]``: a data-science interview topic (gradient boosting, window functions...) with the
  skill ids that trigger it and its questions ``q = [[kind, difficulty, text, guide, worry], ...]``.
  Topic questions take no slots: they are the close-ended fundamentals and breadth questions.
  ``guide`` / ``worry`` (for the interviewer: what a strong answer to *that* question covers, what
  would worry you) belong to each question; a topic whose rows are ``[kind, difficulty, text]``
  gives one topic-level ``guide`` / ``worry`` to all of them instead (all rows or none carry their
  own). ``baseline = true`` marks the few topics every data scientist should expect.
- ``[[template]]``: a claim- or flag-driven question with slots (``{skill}``, ``{metric}``...)
  filled from the resume. ``anchor = "claim"`` with ``claim_kind``, or ``anchor = "flag"`` with
  ``flag``; ``depth`` says which claims get it (``any``, ``backed`` = well evidenced, ``weak``).
- ``[[company]]`` (the company row of areas.toml, only with a company name) and ``[[ask]]`` (the ask row, questions the
  candidate asks, keyed by ``strengths``: skill ids, category ids or claim kinds).
- ``[alternatives]``: skill id -> sensible alternative skill ids, for "what would you use instead".

Validation: unique ids, allowed kinds and difficulties, every slot one the generator can fill for
that anchor, every skill id known to the taxonomy (when it carries skills), and no two question
texts near-duplicates (TF-IDF cosine >= ``NEAR_DUPLICATE``), every topic question ending up with a
guide and a worry, no two topic questions with the same guide of their own, and no guide longer than
``MAX_GUIDE_CHARS``. Known limits: the near-duplicate test is lexical, so two questions that ask the
same thing in different words pass; that a guide is about its question (and not the topic's other
questions) is checked only by those rules and by review, not by reading its meaning.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from analyzer.errors import TaxonomyError

KINDS = ("deep-dive", "explain", "derive", "compare", "design", "debug", "what-if", "open-ended", "behavioural")
SLOTS = ("skill", "project", "organization", "year", "metric", "value", "baseline", "result", "link", "alternative",
         "task", "where", "quantity", "measure", "detail", "finding", "line", "compared", "target")
CLAIM_KINDS = ("skill", "project", "result", "link", "publication", "certification", "talk", "patent")
DEPTHS = ("any", "backed", "weak")
NEAR_DUPLICATE = 0.9  # cosine over TF-IDF; above it two templates ask the same thing in the same words
# WHY: a guide is read by an interviewer while the candidate talks: one or two sentences of facts to
# check. Longer ones drift into grading what the question did not ask.
MAX_GUIDE_CHARS = 450

# What each claim kind can fill. WHY: a template may only use slots its anchor can always provide,
# otherwise it would silently never be asked. Entry-derived slots (organization, year, project) come
# from the claim's evidence; "alternative" from the alternatives map for the claim's skill.
_ENTRY_SLOTS = frozenset({"project", "organization", "year"})
CLAIM_SLOTS: dict[str, frozenset[str]] = {
    "skill": _ENTRY_SLOTS | {"skill", "alternative", "where", "task", "detail", "line"},
    "project": _ENTRY_SLOTS | {"skill", "alternative", "task", "where", "detail", "line", "target"},
    "result": _ENTRY_SLOTS | {"skill", "metric", "value", "baseline", "compared", "result", "task", "where", "quantity",
                              "measure", "detail", "line", "target"},
    "link": frozenset({"link", "project", "year"}),
    "publication": _ENTRY_SLOTS | {"skill"},
    "certification": _ENTRY_SLOTS | {"skill"},
    "talk": _ENTRY_SLOTS | {"skill"},
    "patent": _ENTRY_SLOTS | {"skill"},
}
# The claim kind a flag points at (see analyzer/flags.py); flags with no claim fill entry slots only.
FLAG_CLAIM_KIND: dict[str, str] = {
    "unsupported_skill": "skill", "stale_claim": "skill", "dl_without_fundamentals": "skill", "still_learning": "skill",
    "metric_without_method": "result", "metric_without_baseline": "result", "link_to_check": "link",
}
# A flag with no claim fills slots from the line it quotes: its entry, and what that line built.
FLAG_LINE_SLOTS = _ENTRY_SLOTS | {"where", "task", "finding", "line"}  # {finding}: the flag's own message
PERSPECTIVES = ("candidate", "interviewer")
WHY_ANCHORS = ("claim", "flag", "baseline", "company", "ask")
WHY_FIELDS = frozenset({"quote", "page", "message", "company", "strengths"})


@dataclass(frozen=True, slots=True)
class BankQuestion:
    """One question of a topic: no slots."""

    id: str  # "<topic id>.<n>", n from 1 in file order
    kind: str
    difficulty: int
    text: str
    # For the interviewer, about this question only: what a strong answer covers, what would worry
    # you (the row's own, or the topic-level pair when the topic's rows carry none).
    guide: str = ""
    worry: str = ""
    has_own_guide: bool = False  # the row carries its own guide and worry


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    area: int
    skills: tuple[str, ...]
    questions: tuple[BankQuestion, ...]
    baseline: bool = False
    guide: str = ""
    worry: str = ""


@dataclass(frozen=True, slots=True)
class Template:
    """A slot template driven by a claim or a flag (or a company/ask record, anchor 'company'/'ask')."""

    id: str
    anchor: str  # claim, flag, company, ask
    area: int
    kind: str
    difficulty: int
    text: str
    claim_kind: str = ""
    flag: str = ""
    depth: str = "any"
    strengths: tuple[str, ...] = ()
    followups: tuple[str, ...] = ()
    # When the template fits (all optional; see taxonomy/questions/a10_lines.toml):
    measures: tuple[str, ...] = ()  # result kinds it fits (claims.toml [measures]); empty: any
    when_skills: tuple[str, ...] = ()  # one of these skill ids, ancestors or "category:x" on the line
    when_phrases: tuple[str, ...] = ()  # one of these phrases on the line
    resume_skills: tuple[str, ...] = ()  # one of these skill ids (or a descendant) named anywhere on the resume
    data_line: bool = False  # only a line about working with data (claims.toml data_words, analysis_words)
    real_work: bool = False  # not for a job simulation or a virtual internship: it asks what the business did with it
    unless_phrases: tuple[str, ...] = ()  # none of these phrases on the line
    not_classes: tuple[str, ...] = ()  # skill classes (tool, dl, ml, deploy, everyday, umbrella) it must not be asked about
    stale: bool = False  # only for work older than the stale limit
    model: str = ""  # "yes": only a line that names a model or learning method (skill class ml or dl); "no": only one that does not
    shown: bool = False  # a skill claim: only when a role or project line shows the skill in use
    change: str = ""  # "yes": only a number that moved (up or down); "no": only a level; "": either
    finding: str = ""  # "yes": only a number an analysis found (a test's arm, a funnel's stage); "no": never one
    variant: str = ""  # a flag template: only for that wording of its flag (flags.toml variant); "": the others
    per_list: bool = False  # its `answer` is given once per list, whatever the line (one test's design tells the rest)
    # for the candidate to practise, left out of the interviewer's list: a question any resume naming the
    # thing would get ("walk me through it", "you list X"), which the interviewer asks unprompted
    candidate_only: bool = False
    fallback: bool = False  # asked only when no other template that gives its answer (on the claim, or per list) fits
    # asked only to fill a list short of questions on the resume's specifics, before any baseline question: a
    # kind of work too common to tell much ("who read the report"), which the list editor counts as fill
    # (questions.is_specific)
    fill: bool = False
    guide: str = ""  # for the interviewer: what a strong answer covers
    worry: str = ""  # for the interviewer: what would worry you
    # What the answer covers ("measurement": how a number was measured and against what); two
    # questions on one claim with the same key get the same answer, so a list asks one of them.
    answer: str = ""

    @property
    def slots(self) -> tuple[str, ...]:
        return _slots_of_all((self.text, *self.followups))


# eq=False: compared and hashed by identity (one bank per process), so look-ups and caches stay cheap.
@dataclass(frozen=True, slots=True, eq=False)
class Bank:
    topics: tuple[Topic, ...]
    templates: tuple[Template, ...]
    alternatives: tuple[tuple[str, tuple[str, ...]], ...] = ()
    why: tuple[tuple[tuple[str, str], str], ...] = ()  # ((perspective, anchor), text)
    guides: tuple[tuple[str, tuple[str, str]], ...] = ()  # question kind -> (guide, worry), the default
    _index: dict = field(default=None, init=False, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        by_anchor: dict[str, list[Template]] = {}
        for template in self.templates:
            by_anchor.setdefault(template.anchor, []).append(template)
        by_skill: dict[str, list[int]] = {}
        for position, topic in enumerate(self.topics):
            for skill_id in topic.skills:
                by_skill.setdefault(skill_id, []).append(position)
        object.__setattr__(self, "_index", {
            "by_skill": {skill_id: tuple(positions) for skill_id, positions in by_skill.items()},
            "why": dict(self.why),
            "guides": dict(self.guides),
            "alternatives": dict(self.alternatives),
            "topics": {t.id: t for t in self.topics},
            "anchors": {anchor: tuple(found) for anchor, found in by_anchor.items()},
        })

    def why_text(self, perspective: str, anchor: str) -> str:
        return self._index["why"][(perspective, anchor)]

    def default_guide(self, kind: str) -> tuple[str, str]:
        """What a strong answer covers and what would worry you, for a question of this kind."""
        return self._index["guides"].get(kind, ("", ""))

    def alternatives_of(self, skill_id: str) -> tuple[str, ...]:
        return self._index["alternatives"].get(skill_id, ())

    def topic(self, topic_id: str) -> Topic:
        return self._index["topics"][topic_id]

    def topics_for(self, skill_ids) -> tuple[Topic, ...]:
        """The topics any of these skills triggers, in bank order."""
        by_skill = self._index["by_skill"]
        positions = sorted({p for skill_id in skill_ids for p in by_skill.get(skill_id, ())})
        return tuple(self.topics[p] for p in positions)

    def templates_for(self, anchor: str) -> tuple[Template, ...]:
        return self._index["anchors"].get(anchor, ())


@lru_cache(maxsize=8192)  # WHY: the questions step asks each template's slots for every claim it weighs
def slots_of(text: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


@lru_cache(maxsize=4096)
def _slots_of_all(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({s for t in texts for s in slots_of(t)}))


# --- loading ----------------------------------------------------------------------------------------


def _need(record: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = record.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
        raise TaxonomyError(f"{where}: field '{key}' must be a {kind.__name__}, got {value!r}.")
    return value


def _check_kind_difficulty(kind: Any, difficulty: Any, where: str) -> None:
    if kind not in KINDS:
        raise TaxonomyError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}.")
    if not isinstance(difficulty, int) or isinstance(difficulty, bool) or not 1 <= difficulty <= 3:
        raise TaxonomyError(f"{where}: difficulty {difficulty!r} must be 1, 2 or 3.")


@dataclass(frozen=True, slots=True)
class _Known:
    """What the records are checked against, from the loaded taxonomy: the interview-map rows of
    areas.toml and the flag codes of flags.toml (empty: not checked, a taxonomy without flags)."""

    area_ids: frozenset[int]
    flag_codes: frozenset[str]
    anchor_areas: dict[str, int]  # "company" / "ask" -> the row with that role in areas.toml


def _check_area(area: Any, where: str, known: _Known) -> int:
    if not isinstance(area, int) or isinstance(area, bool) or area not in known.area_ids:
        raise TaxonomyError(f"{where}: area {area!r} is not an interview-map row of areas.toml.")
    return area


def _check_slots(text: str, allowed: frozenset[str] | set[str], where: str) -> None:
    try:
        names = slots_of(text)
    except ValueError as error:
        raise TaxonomyError(f"{where}: malformed braces in {text!r}: {error}.") from None
    for name in names:
        if name not in SLOTS:
            raise TaxonomyError(f"{where}: unknown slot {{{name}}} (slots: {', '.join(SLOTS)}).")
        if name not in allowed:
            raise TaxonomyError(f"{where}: slot {{{name}}} cannot be filled for this anchor "
                                f"(fillable: {', '.join(sorted(allowed)) or 'none'}).")


def _load_topic(record: dict[str, Any], where: str, known: _Known) -> Topic:
    topic_id = _need(record, "id", str, where)
    where = f"{where} topic {topic_id!r}"
    if not re.fullmatch(r"[a-z][a-z0-9_]*", topic_id):
        raise TaxonomyError(f"{where}: id must be lower-case snake_case.")
    area = _check_area(record.get("area"), where, known)
    skills = tuple(_need(record, "skills", list, where))
    rows = _need(record, "q", list, where)
    if len(rows) < 2:
        raise TaxonomyError(f"{where}: a topic needs at least two questions.")
    topic_guide, topic_worry = _text(record, "guide", where), _text(record, "worry", where)
    own = [not (isinstance(row, list) and len(row) == 3) for row in rows]  # a malformed row is reported below
    if any(own) and not all(own):
        raise TaxonomyError(f"{where}: questions {', '.join(str(n) for n, o in enumerate(own, 1) if not o)} have no "
                            "guide of their own: give every row [kind, difficulty, text, guide, worry], or none.")
    questions = [_load_row(row, f"{where} question {n}", f"{topic_id}.{n}", topic_guide, topic_worry)
                 for n, row in enumerate(rows, 1)]
    if all(own) and (topic_guide or topic_worry):
        raise TaxonomyError(f"{where}: every question has its own guide and worry, so the topic-level "
                            "'guide' / 'worry' would never be shown; remove them.")
    return Topic(topic_id, _need(record, "title", str, where), area, skills, tuple(questions),
                 bool(record.get("baseline", False)), topic_guide, topic_worry)


def _load_row(row: Any, where: str, question_id: str, topic_guide: str, topic_worry: str) -> BankQuestion:
    """One ``q`` row: [kind, difficulty, text] (the topic's guide) or [kind, difficulty, text, guide, worry]."""
    if not (isinstance(row, list) and len(row) in (3, 5) and all(isinstance(v, str) for v in row[2:])):
        raise TaxonomyError(f"{where}: must be [kind, difficulty, text, guide, worry] (or [kind, difficulty, "
                            f"text] under a topic-level guide), got {row!r}.")
    _check_kind_difficulty(row[0], row[1], where)
    _check_slots(row[2], frozenset(), where)
    own = len(row) == 5
    guide, worry = (" ".join(row[3].split()), " ".join(row[4].split())) if own else (topic_guide, topic_worry)
    if not guide or not worry:
        raise TaxonomyError(f"{where}: no guide and worry for the interviewer: give the row its own "
                            "[kind, difficulty, text, guide, worry].")
    for name, value in (("guide", guide), ("worry", worry)):
        if own and len(value) > MAX_GUIDE_CHARS:
            raise TaxonomyError(f"{where}: the {name} has {len(value)} characters (at most {MAX_GUIDE_CHARS}): "
                                "keep it to what this question asks.")
        if own and value == row[2].strip():
            raise TaxonomyError(f"{where}: the {name} repeats the question instead of saying what to listen for.")
    return BankQuestion(question_id, row[0], row[1], row[2].strip(), guide, worry, own)


def _text(record: dict[str, Any], key: str, where: str) -> str:
    value = record.get(key, "")
    if not isinstance(value, str):
        raise TaxonomyError(f"{where}: field '{key}' must be a string.")
    return " ".join(value.split())


def _texts(record: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{where}: field '{key}' must be a list of non-empty strings.")
    return tuple(v.strip().lower() for v in value)


def _load_template(record: dict[str, Any], anchor: str, where: str, known: _Known) -> Template:
    template_id = _need(record, "id", str, where)
    where = f"{where} {anchor} {template_id!r}"
    kind = record.get("kind", "behavioural" if anchor == "ask" else "open-ended")
    difficulty = record.get("difficulty", 1)
    _check_kind_difficulty(kind, difficulty, where)
    area = known.anchor_areas.get(anchor) or _check_area(record.get("area"), where, known)
    text = _need(record, "text", str, where).strip()
    followups = tuple(str(f).strip() for f in record.get("followups", ()))
    claim_kind = flag = ""
    if anchor == "template":
        anchor = _need(record, "anchor", str, where)
        if anchor == "claim":
            claim_kind = _need(record, "claim_kind", str, where)
            if claim_kind not in CLAIM_KINDS:
                raise TaxonomyError(f"{where}: claim_kind {claim_kind!r} is not one of {', '.join(CLAIM_KINDS)}.")
            allowed = CLAIM_SLOTS[claim_kind]
        elif anchor == "flag":
            flag = _need(record, "flag", str, where)
            if known.flag_codes and flag not in known.flag_codes:
                raise TaxonomyError(f"{where}: unknown flag code {flag!r}.")
            allowed = CLAIM_SLOTS[FLAG_CLAIM_KIND[flag]] if flag in FLAG_CLAIM_KIND else FLAG_LINE_SLOTS
        else:
            raise TaxonomyError(f"{where}: anchor must be 'claim' or 'flag', got {anchor!r}.")
    else:
        allowed = frozenset({"organization"}) if anchor == "company" else frozenset()
    depth = record.get("depth", "any")
    if depth not in DEPTHS:
        raise TaxonomyError(f"{where}: depth {depth!r} is not one of {', '.join(DEPTHS)}.")
    for part in (text, *followups):
        _check_slots(part, allowed, where)
    strengths = tuple(record.get("strengths", ()))
    if anchor == "ask" and not strengths:
        raise TaxonomyError(f"{where}: an ask record needs strengths (use [\"any\"] for everyone).")
    flags = {key: record.get(key, False) for key in ("stale", "shown", "per_list", "candidate_only", "data_line",
                                                     "fallback", "real_work", "fill")}
    stale, shown, per_list, candidate_only, data_line, fallback, real_work, fill = flags.values()
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise TaxonomyError(f"{where}: field '{key}' must be true or false.")
    not_classes = _texts(record, "not_classes", where)
    if set(not_classes) - {"tool", "dl", "ml", "deploy", "everyday", "umbrella"}:
        raise TaxonomyError(f"{where}: not_classes must name tool, dl, ml, deploy, everyday or umbrella.")
    change, model, finding = (record.get(key, "") for key in ("change", "model", "finding"))
    for key, value in (("change", change), ("model", model), ("finding", finding)):
        if value not in ("", "yes", "no"):
            raise TaxonomyError(f"{where}: field '{key}' must be \"yes\" or \"no\".")
    measures = _texts(record, "measures", where)
    variant = record.get("variant", "")
    if not isinstance(variant, str) or (variant and (anchor != "flag" or not re.fullmatch(r"[a-z][a-z_]*", variant))):
        raise TaxonomyError(f"{where}: field 'variant' is a flag template's lower-case wording key.")
    answer = record.get("answer", "")
    if not isinstance(answer, str) or (answer and not re.fullmatch(r"[a-z][a-z_]*", answer)):
        raise TaxonomyError(f"{where}: field 'answer' must be a lower-case snake_case key.")
    if per_list and not answer:
        raise TaxonomyError(f"{where}: 'per_list' needs an 'answer' key to give once per list.")
    if fallback and not answer:
        raise TaxonomyError(f"{where}: 'fallback' needs an 'answer': it stands in for another template's answer.")
    return Template(template_id, anchor, area, kind, difficulty, text, claim_kind, flag, depth, strengths, followups,
                    change=change, finding=finding, variant=variant, answer=answer,
                    measures=measures, when_skills=_texts(record, "when_skills", where),
                    when_phrases=_texts(record, "when_phrases", where),
                    resume_skills=_texts(record, "resume_skills", where), data_line=data_line, real_work=real_work,
                    unless_phrases=_texts(record, "unless_phrases", where), not_classes=not_classes, stale=stale,
                    model=model, shown=shown, per_list=per_list, candidate_only=candidate_only, fallback=fallback,
                    fill=fill, guide=_text(record, "guide", where), worry=_text(record, "worry", where))


def _load_why(data: dict[str, Any], where: str, why: dict[tuple[str, str], str]) -> None:
    for perspective, texts in data.get("why", {}).items():
        if perspective not in PERSPECTIVES:
            raise TaxonomyError(f"{where}: why.{perspective} is not a perspective ({', '.join(PERSPECTIVES)}).")
        for anchor, text in texts.items():
            if anchor not in WHY_ANCHORS or not isinstance(text, str):
                raise TaxonomyError(f"{where}: why.{perspective}.{anchor} is not a known anchor with a text.")
            for name in slots_of(text):
                if name not in WHY_FIELDS:
                    raise TaxonomyError(f"{where}: why.{perspective}.{anchor} uses unknown field {{{name}}}.")
            why[(perspective, anchor)] = text.strip()


def _load_guides(data: dict[str, Any], where: str, guides: dict[str, tuple[str, str]]) -> None:
    for kind, record in data.get("guides", {}).items():
        if kind not in KINDS or not isinstance(record, dict):
            raise TaxonomyError(f"{where}: guides.{kind} is not a question kind with a guide and a worry.")
        guide, worry = _text(record, "guide", where), _text(record, "worry", where)
        if not guide or not worry:
            raise TaxonomyError(f"{where}: guides.{kind} needs both 'guide' and 'worry'.")
        guides[kind] = (guide, worry)


def _read_files(files: tuple[tuple[str, dict[str, Any]], ...], known: _Known) -> tuple[
        list[Topic], list[Template], dict[str, tuple[str, ...]], dict[tuple[str, str], str], dict[str, tuple[str, str]]]:
    topics: list[Topic] = []
    templates: list[Template] = []
    alternatives: dict[str, tuple[str, ...]] = {}
    why: dict[tuple[str, str], str] = {}
    guides: dict[str, tuple[str, str]] = {}
    for where, data in files:
        _load_why(data, where, why)
        _load_guides(data, where, guides)
        topics.extend(_load_topic(r, where, known) for r in data.get("topic", []))
        for anchor in ("template", "company", "ask"):
            templates.extend(_load_template(r, anchor, where, known) for r in data.get(anchor, []))
        for skill_id, alts in data.get("alternatives", {}).items():
            if skill_id in alternatives:
                raise TaxonomyError(f"{where}: alternatives for {skill_id!r} are declared twice.")
            if not isinstance(alts, list) or not alts:
                raise TaxonomyError(f"{where}: alternatives for {skill_id!r} must be a non-empty list.")
            alternatives[skill_id] = tuple(alts)
    missing = [f"{p}.{a}" for p in PERSPECTIVES for a in WHY_ANCHORS if (p, a) not in why]
    if missing:
        raise TaxonomyError(f"questions/: why texts missing for {', '.join(missing)}.")
    return topics, templates, alternatives, why, guides


def _check_ids(topics: list[Topic], templates: list[Template]) -> None:
    seen: set[str] = set()
    for item_id in [t.id for t in topics] + [t.id for t in templates]:
        if item_id in seen:
            raise TaxonomyError(f"questions/: id {item_id!r} is declared twice.")
        seen.add(item_id)


def _check_skills(topics: list[Topic], templates: list[Template], alternatives: dict[str, tuple[str, ...]],
                  known: set[str]) -> None:
    """Every skill id referenced exists. ``known`` empty means the taxonomy carries no skills yet."""
    if not known:
        return
    for topic in topics:
        for skill_id in topic.skills:
            if skill_id not in known:
                raise TaxonomyError(f"questions/ topic {topic.id!r}: unknown skill {skill_id!r}.")
    for skill_id, alts in alternatives.items():
        for ref in (skill_id, *alts):
            if ref not in known:
                raise TaxonomyError(f"questions/ alternatives {skill_id!r}: unknown skill {ref!r}.")
    for template in templates:
        for ref in template.strengths:
            if ref not in known and ref != "any" and ref not in CLAIM_KINDS and not ref.startswith("category:"):
                raise TaxonomyError(f"questions/ ask {template.id!r}: unknown strength {ref!r}.")
        for ref in template.resume_skills:
            if ref not in known:
                raise TaxonomyError(f"questions/ template {template.id!r}: unknown skill {ref!r} in resume_skills.")


def _check_own_guides(topics: list[Topic]) -> None:
    """WHY: a guide copied onto two questions grades one of them on what it did not ask."""
    seen: dict[str, str] = {}
    for question in (q for t in topics for q in t.questions if q.has_own_guide):
        for text in (question.guide, question.worry):
            if text in seen:
                raise TaxonomyError(f"questions/: {seen[text]!r} and {question.id!r} share the guide or worry "
                                    f"{text!r}; each question needs its own.")
            seen[text] = question.id


def _check_near_duplicates(topics: list[Topic], templates: list[Template], threshold: float) -> None:
    """WHY: two templates that read the same would be asked twice under different ids."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    items = [(q.id, q.text) for t in topics for q in t.questions] + [(t.id, t.text) for t in templates]
    if len(items) < 2:
        return
    matrix = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform([text for _, text in items])
    similarity = cosine_similarity(matrix, dense_output=False).tocoo()
    for i, j, value in zip(similarity.row, similarity.col, similarity.data):
        if i < j and value >= threshold:
            raise TaxonomyError(f"questions/: {items[i][0]!r} and {items[j][0]!r} are near-duplicates "
                                f"(cosine {value:.2f}): {items[i][1]!r} / {items[j][1]!r}.")


def build_bank(files: tuple[tuple[str, dict[str, Any]], ...], known_skills: set[str], *,
               area_ids: frozenset[int], flag_codes: frozenset[str], anchor_areas: dict[str, int]) -> Bank:
    """The bank from the parsed question files (name, TOML) in name order, validated; skill ids are
    checked against ``known_skills`` (empty: not checked), areas against ``area_ids`` (areas.toml's
    rows) and flag templates against ``flag_codes`` (flags.toml's codes; empty: not checked);
    ``anchor_areas``: the row of ``[[company]]`` and ``[[ask]]`` records (areas.toml's roles)."""
    known = _Known(area_ids, flag_codes, anchor_areas)
    topics, templates, alternatives, why, guides = _read_files(files, known)
    _check_ids(topics, templates)
    _check_skills(topics, templates, alternatives, known_skills)
    _check_near_duplicates(topics, templates, NEAR_DUPLICATE)
    _check_own_guides(topics)  # after: a copied question is first reported as a near-duplicate
    return Bank(tuple(topics), tuple(templates), tuple(sorted(alternatives.items())), tuple(sorted(why.items())),
                tuple(sorted(guides.items())))
