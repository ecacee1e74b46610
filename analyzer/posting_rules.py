"""taxonomy/postings.toml validated into :class:`PostingRules` (read by analyzer/taxonomy.py, used by posting.py).

No file is opened here: :func:`parse_posting_rules` takes the parsed TOML. Known limits: a pattern is
checked to compile, not to match what it is meant to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from analyzer.errors import TaxonomyError

SECTION_KINDS = ("about", "role", "responsibilities", "requirements", "preferred", "benefits", "process")
ASKING_SECTIONS = ("role", "responsibilities", "requirements", "preferred")  # where a named skill is asked for
LIST_SECTIONS = ("requirements", "preferred")  # read like a resume's skills list: ambiguous names pass

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2032": "'"})


def normalise_heading(text: str) -> str:
    text = text.translate(_APOSTROPHES).lower()
    text = re.sub(r"[#*_`>]", " ", text)
    text = re.sub(r"[:?!.\s]+$", "", text.strip())
    text = text.replace("&", " and ")
    return " ".join(text.split())



# --- the rules (taxonomy/postings.toml) -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PostingTemplate:
    """A question wording of postings.toml: ``[[question]]``, ``[[scenario]]``, ``[[company_question]]``, ``[[ask]]``."""

    id: str
    text: str
    area: int
    kind: str = "open-ended"
    difficulty: int = 2
    use: str = ""  # [[question]]: the alignment case it serves
    words: tuple[str, ...] = ()  # [[scenario]] and [[ask]]: the words that call it
    followups: tuple[str, ...] = ()
    guide: str = ""  # for the interviewer: what a strong answer covers
    worry: str = ""  # for the interviewer: what would worry you


# eq=False: hashed by identity (one per process), so caches keyed on it stay cheap.
@dataclass(frozen=True, slots=True, eq=False)
class PostingRules:
    headings: dict[str, str]  # normalised heading phrase -> section kind
    prefixes: tuple[tuple[str, str], ...]  # (heading start, kind): "About Acme" is about the company
    preferred_cues: tuple[str, ...]
    required_cues: tuple[str, ...]
    posting_cues: tuple[str, ...]
    company_patterns: tuple[re.Pattern[str], ...]
    not_names: frozenset[str]
    title_patterns: tuple[re.Pattern[str], ...]
    role_words: tuple[str, ...]
    place_words: tuple[str, ...]
    seniority: tuple[tuple[str, tuple[str, ...]], ...]
    years_patterns: tuple[re.Pattern[str], ...]
    year_levels: tuple[tuple[int, str], ...]
    domain: tuple[str, ...]
    aliases: tuple[tuple[str, tuple[str, ...]], ...]  # skill id -> names only a posting uses
    alignment: dict[str, str]
    questions: tuple[PostingTemplate, ...]
    scenarios: tuple[PostingTemplate, ...]
    company_questions: tuple[PostingTemplate, ...]
    asks: tuple[PostingTemplate, ...]
    why: dict[str, dict[str, str]]
    max_chars: int
    max_pages: int
    min_words: int
    max_questions: int


QUESTION_USES = ("strong", "listed_only", "stale", "weak", "missing", "missing_related", "years")
QUESTION_SLOTS = frozenset({"skill", "company", "title", "line", "project", "year", "related", "domain", "years",
                            "shown"})
ALIGNMENT_KEYS = ("strong", "weak", "missing", "listed_only", "stale", "no_result", "inferred", "through_child",
                  "related", "prepare_missing", "prepare_weak", "prepare_years", "prepare_preferred", "prepare_strong")
_KINDS = ("deep-dive", "explain", "derive", "compare", "design", "debug", "what-if", "open-ended", "behavioural")
_SLOT_RE = re.compile(r"\{(\w+)\}")


def _strings(value: Any, where: str, *, lower: bool = True) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{where}: expected a list of non-empty strings.")
    return tuple(v.lower() if lower else v for v in value)


def _patterns(value: Any, where: str) -> tuple[re.Pattern[str], ...]:
    out = []
    for text in _strings(value, where, lower=False):
        try:
            out.append(re.compile(text))
        except re.error as error:
            raise TaxonomyError(f"{where}: pattern {text!r} is not a valid regular expression: {error}") from None
    return tuple(out)


def _template(record: dict[str, Any], where: str, area_ids: frozenset[int], *, area: int | None = None) -> PostingTemplate:
    text = record.get("text")
    if not isinstance(record.get("id"), str) or not isinstance(text, str) or not text.strip():
        raise TaxonomyError(f"{where}: every record needs an 'id' and a 'text'.")
    unknown = set(_SLOT_RE.findall(text)) - QUESTION_SLOTS
    if unknown:
        raise TaxonomyError(f"{where} {record['id']}: unknown slot(s) {sorted(unknown)}.")
    area = area or record.get("area")
    kind = record.get("kind", "open-ended")
    difficulty = record.get("difficulty", 2)
    if not isinstance(area, int) or area not in area_ids or kind not in _KINDS or difficulty not in (1, 2, 3):
        raise TaxonomyError(f"{where} {record['id']}: area must be a row of areas.toml, kind one of {_KINDS}, "
                            "difficulty 1-3.")
    words = _strings(record["words"], f"{where} {record['id']}") if "words" in record else ()
    followups = tuple(record.get("followups", ()))
    guide, worry = record.get("guide", ""), record.get("worry", "")
    if not isinstance(guide, str) or not isinstance(worry, str):
        raise TaxonomyError(f"{where} {record['id']}: 'guide' and 'worry' must be strings.")
    return PostingTemplate(record["id"], text, area, kind, difficulty, record.get("use", ""), words, followups,
                           " ".join(guide.split()), " ".join(worry.split()))


def parse_posting_rules(data: dict[str, Any], where: str = "postings.toml", *, area_ids: frozenset[int],
                        company_area: int, ask_area: int) -> PostingRules:
    """postings.toml's parsed TOML, validated; raises TaxonomyError naming the record at fault."""
    headings: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for record in data.get("section", []):
        kind = record.get("kind")
        if kind not in SECTION_KINDS:
            raise TaxonomyError(f"{where}: section kind {kind!r} is not one of {SECTION_KINDS}.")
        for phrase in _strings(record.get("phrases"), f"{where} section {kind}"):
            phrase = normalise_heading(phrase)
            if headings.setdefault(phrase, kind) != kind:
                raise TaxonomyError(f"{where}: heading {phrase!r} is listed for two kinds.")
        if "prefixes" in record:
            prefixes.extend((p, kind) for p in _strings(record["prefixes"], f"{where} section {kind} prefixes"))
    cues = data.get("cues", {})
    seniority = tuple((r["level"], _strings(r.get("words"), f"{where} seniority")) for r in data.get("seniority", []))
    years = data.get("years", {})
    levels = tuple((int(n), str(level)) for n, level in years.get("levels", []))
    alignment = {str(k): str(v) for k, v in data.get("alignment", {}).items()}
    missing = [k for k in ALIGNMENT_KEYS if k not in alignment]
    if missing:
        raise TaxonomyError(f"{where}: [alignment] lacks {missing}.")
    questions = tuple(_template(r, f"{where} question", area_ids) for r in data.get("question", []))
    for question in questions:
        if question.use not in QUESTION_USES:
            raise TaxonomyError(f"{where} {question.id}: 'use' must be one of {QUESTION_USES}.")
    scenarios = tuple(_template(r, f"{where} scenario", area_ids) for r in data.get("scenario", []))
    company = tuple(_template(r, f"{where} company_question", area_ids, area=company_area)
                    for r in data.get("company_question", []))
    asks = tuple(_template(r, f"{where} ask", area_ids, area=ask_area) for r in data.get("ask", []))
    ids = [t.id for t in (*questions, *scenarios, *company, *asks)]
    if len(ids) != len(set(ids)):
        raise TaxonomyError(f"{where}: question ids repeat: {sorted({i for i in ids if ids.count(i) > 1})}.")
    why = {p: {str(k): str(v) for k, v in data.get("why", {}).get(p, {}).items()} for p in ("candidate", "interviewer")}
    if any(set(w) != {"posting", "company", "ask"} for w in why.values()):
        raise TaxonomyError(f"{where}: [why.candidate] and [why.interviewer] need posting, company and ask.")
    limits = data.get("limits", {})
    company_rules = data.get("company", {})
    title_rules = data.get("title", {})
    return PostingRules(
        headings=headings,
        prefixes=tuple(prefixes),
        preferred_cues=_strings(cues.get("preferred"), f"{where} cues.preferred"),
        required_cues=_strings(cues.get("required"), f"{where} cues.required"),
        posting_cues=_strings(cues.get("posting"), f"{where} cues.posting"),
        company_patterns=_patterns(company_rules.get("patterns"), f"{where} company.patterns"),
        not_names=frozenset(_strings(company_rules.get("not_names"), f"{where} company.not_names")),
        title_patterns=_patterns(title_rules.get("patterns"), f"{where} title.patterns"),
        role_words=_strings(title_rules.get("role_words"), f"{where} title.role_words"),
        place_words=_strings(title_rules.get("place_words"), f"{where} title.place_words"),
        seniority=seniority,
        years_patterns=_patterns(years.get("patterns"), f"{where} years.patterns"),
        year_levels=tuple(sorted(levels)),
        domain=_strings(data.get("domain", {}).get("words"), f"{where} domain.words"),
        aliases=tuple((str(k), _strings(v, f"{where} aliases.{k}")) for k, v in data.get("aliases", {}).items()),
        alignment=alignment,
        questions=questions,
        scenarios=scenarios,
        company_questions=company,
        asks=asks,
        why=why,
        max_chars=int(limits.get("max_chars", 60000)),
        max_pages=int(limits.get("max_pages", 10)),
        min_words=int(limits.get("min_words", 30)),
        max_questions=int(limits.get("max_questions", 14)),
    )
