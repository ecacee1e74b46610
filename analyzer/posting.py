"""Read a job posting beside the resume: what the job asks for, in the taxonomy's terms.

    read_posting(source, taxonomy, nlp, *, name=None) -> Posting     raises BadPosting
    load_posting_rules(root=None) -> PostingRules                   taxonomy/postings.toml, validated

``source`` is pasted text (``str``), a path (``Path``, or a one-line ``str`` naming an existing
``.txt``/``.md``/``.pdf`` file) or bytes (a PDF, read by analyzer/extract.read_pdf, or text).
Four steps, top to bottom:

1. load the text (decode, or read the PDF), refuse what is not a posting (empty, binary, far too
   long, too short, or a resume pasted by mistake);
2. clean lines (markdown marks, bullets) and find the posting's sections by their headings
   (``[[section]]`` of postings.toml), including inline ones ("About us: we are...");
3. skills: the same spaCy matcher as the resume's (analyzer/nlp.py) over every line of the role,
   responsibilities, requirements and preferred sections; each mention is *required* unless its
   section is "preferred" or its clause (a sentence, a part after ";", a bracketed aside) carries
   a nice-to-have cue ("a plus", "ideally"), and a firm cue ("must", "required") wins back;
4. company, title, seniority, years asked, responsibilities, nice-to-have lines and domain words.

Limits: English postings; sections are found by heading wording, so a posting with no headings is
read as one "intro" block whose skills do not count as asked (only its role words, company and
years are read); a skill asked only in the "About us" text is not counted as asked (it says what the
company uses, not what it asks); the company name is found by patterns ("Company: X", "About X",
"X is a ...") and may be missed in unusual layouts; cues are read per clause, so "Python, and
ideally Spark" marks both as nice to have only when they share the clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from analyzer.dates import find_date_range
from analyzer.errors import AnalyzerError, BadPosting, TaxonomyError, TooManyPages
from analyzer.models import Limits, Posting, PostingSection, PostingSkill
from analyzer.nlp import prepare_text, skill_docs
from analyzer.taxonomy import Taxonomy, read_toml, taxonomy_root

SECTION_KINDS = ("about", "role", "responsibilities", "requirements", "preferred", "benefits", "process")
ASKING_SECTIONS = ("role", "responsibilities", "requirements", "preferred")  # where a named skill is asked for
LIST_SECTIONS = ("requirements", "preferred")  # read like a resume's skills list: ambiguous names pass
PASTED = "pasted posting"
MAX_NAMED_HEADING = 5  # "About Acme Health Labs": a prefix heading naming something stays this short
MAX_HEADING_WORDS = 8  # a heading is short; a longer line is content even when it starts with a phrase
MAX_PATH = 4096  # a str longer than this (or with a newline) is text, never a file name
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".pdf")
MAX_CONTROL_SHARE = 0.01  # WHY: real text has almost no control characters; binary data is full of them
MAX_DOMAIN = 5  # domain words kept: enough to name the business, few enough to read
RESUME_MIN = 4  # resume signs (dated entries, resume-only headings, contact lines) from which to suspect a resume
MAX_QUOTE = 240  # characters of a quoted posting sentence; a longer one is cut at a word


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


def _template(record: dict[str, Any], where: str, *, area: int | None = None) -> PostingTemplate:
    text = record.get("text")
    if not isinstance(record.get("id"), str) or not isinstance(text, str) or not text.strip():
        raise TaxonomyError(f"{where}: every record needs an 'id' and a 'text'.")
    unknown = set(_SLOT_RE.findall(text)) - QUESTION_SLOTS
    if unknown:
        raise TaxonomyError(f"{where} {record['id']}: unknown slot(s) {sorted(unknown)}.")
    area = area or record.get("area")
    kind = record.get("kind", "open-ended")
    difficulty = record.get("difficulty", 2)
    if not isinstance(area, int) or not 1 <= area <= 12 or kind not in _KINDS or difficulty not in (1, 2, 3):
        raise TaxonomyError(f"{where} {record['id']}: area must be 1-12, kind one of {_KINDS}, difficulty 1-3.")
    words = _strings(record["words"], f"{where} {record['id']}") if "words" in record else ()
    followups = tuple(record.get("followups", ()))
    guide, worry = record.get("guide", ""), record.get("worry", "")
    if not isinstance(guide, str) or not isinstance(worry, str):
        raise TaxonomyError(f"{where} {record['id']}: 'guide' and 'worry' must be strings.")
    return PostingTemplate(record["id"], text, area, kind, difficulty, record.get("use", ""), words, followups,
                           " ".join(guide.split()), " ".join(worry.split()))


@lru_cache(maxsize=4)
def load_posting_rules(root: str | None = None) -> PostingRules:
    """taxonomy/postings.toml, validated; raises TaxonomyError naming the record at fault."""
    path = Path(root) / "postings.toml" if root else taxonomy_root() / "postings.toml"
    data = read_toml(path)
    where = path.name
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
    questions = tuple(_template(r, f"{where} question") for r in data.get("question", []))
    for question in questions:
        if question.use not in QUESTION_USES:
            raise TaxonomyError(f"{where} {question.id}: 'use' must be one of {QUESTION_USES}.")
    scenarios = tuple(_template(r, f"{where} scenario") for r in data.get("scenario", []))
    company = tuple(_template(r, f"{where} company_question", area=11) for r in data.get("company_question", []))
    asks = tuple(_template(r, f"{where} ask", area=12) for r in data.get("ask", []))
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


# --- 1. the text -------------------------------------------------------------------------------------------


def is_path_like(source: str) -> bool:
    """A one-line str that names a file (it exists, or it ends like a posting file)."""
    if "\n" in source or len(source) > MAX_PATH or not source.strip():
        return False
    try:
        return Path(source).is_file() or source.lower().endswith(TEXT_SUFFIXES)
    except (OSError, ValueError):
        return False


def load_text(source: str | Path | bytes, rules: PostingRules, *, name: str | None = None,
              limits: Limits | None = None) -> tuple[str, str]:
    """(name, text) of the posting; raises BadPosting with what to do when there is none to read."""
    limits = limits or Limits()
    if isinstance(source, str) and not is_path_like(source):
        return name or PASTED, source
    if isinstance(source, (str, Path)):
        path = Path(source)
        name = name or path.name
        try:
            if path.stat().st_size > limits.max_bytes:
                raise BadPosting(f"The job posting {name} is larger than {limits.max_bytes // (1024 * 1024)} MB; "
                                 "a posting is a page or two: paste its text instead.")
            data = path.read_bytes()
        except FileNotFoundError:
            raise BadPosting(f"The job posting file {name} does not exist.") from None
        except OSError as error:
            raise BadPosting(f"The job posting file {name} cannot be read: {error.strerror or error}.") from None
    else:
        data = bytes(source)
        name = name or "posting"
    if len(data) > limits.max_bytes:
        raise BadPosting(f"The job posting is larger than {limits.max_bytes // (1024 * 1024)} MB; "
                         "a posting is a page or two: paste its text instead.")
    if data.lstrip()[:5] == b"%PDF-":
        return name, _pdf_text(data, name, rules, limits)
    return name, _decode(data, name)


def _pdf_text(data: bytes, name: str, rules: PostingRules, limits: Limits) -> str:
    from dataclasses import replace

    from analyzer.extract import read_pdf

    try:
        document = read_pdf(data, name=name, limits=replace(limits, max_pages=min(limits.max_pages, rules.max_pages)))
    except TooManyPages:
        raise BadPosting(f"The job posting {name} has more than {rules.max_pages} pages: that is not a single "
                         "posting. Paste the posting's own text instead.") from None
    except AnalyzerError as error:
        raise BadPosting(f"The job posting {name} could not be read: {error}") from None
    return "\n".join(("- " if line.bullet else "") + line.text for line in document.lines)


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096]:
        raise BadPosting(f"The job posting {name} is not text (it looks like a binary file). "
                         "Use a .txt, .md or PDF file, or paste the text.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BadPosting(f"The job posting {name} is not readable text. Save it as UTF-8 text or PDF, or paste it.")


def is_binary_text(text: str) -> bool:
    """Control characters (other than line breaks and tabs) in more than a trace of the text."""
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > MAX_CONTROL_SHARE * max(len(text), 1)


# --- 2. lines and sections ------------------------------------------------------------------------------

_MARKS_RE = re.compile(r"^\s*(?:#{1,6}\s*|>\s*)?(?:[-*+\u2022\u00b7\u25aa\u25cf\u2013\u2014]\s+|\d{1,2}[.)]\s+)?")
_EMPHASIS_RE = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`)")
_INLINE_HEADING_RE = re.compile(r"^(?P<head>[^:?!.]{2,60}?)\s*[:?!]\s+(?P<rest>\S.*)$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2032": "'"})


def normalise_heading(text: str) -> str:
    text = text.translate(_APOSTROPHES).lower()
    text = re.sub(r"[#*_`>]", " ", text)
    text = re.sub(r"[:?!.\s]+$", "", text.strip())
    text = text.replace("&", " and ")
    return " ".join(text.split())


def clean_line(line: str) -> tuple[str, bool]:
    """The line without markdown marks and bullets, and whether it was a bullet or a markdown heading."""
    stripped = line.translate(_APOSTROPHES)
    marks = _MARKS_RE.match(stripped)
    marked = bool(marks and marks.group(0).strip())
    text = _EMPHASIS_RE.sub("", stripped[marks.end():] if marks else stripped)
    return " ".join(text.split()), marked


WRAPPED = 60  # characters: a line at least this long that stops mid-sentence was wrapped by the layout


def is_continuation(previous: str, line: str) -> bool:
    """The line carries on the previous one: it starts in lower case, or the previous was wrapped mid-sentence."""
    if previous.endswith((".", ":", ";", "!", "?")):
        return line[:1].islower() and not previous.endswith(":")
    return line[:1].islower() or len(previous) >= WRAPPED


def _heading_kind(text: str, rules: PostingRules) -> str | None:
    words = normalise_heading(text)
    if not words or len(words.split()) > MAX_HEADING_WORDS:
        return None
    if words in rules.headings:
        return rules.headings[words]
    if len(words.split()) <= MAX_NAMED_HEADING and not re.search(r"[.,;]", text.rstrip(".:")):
        return next((kind for prefix, kind in rules.prefixes if words.startswith(prefix + " ")), None)
    return None


def split_sections(text: str, rules: PostingRules) -> tuple[PostingSection, ...]:
    """Sections by heading; lines before the first heading form an "intro" section."""
    sections: list[PostingSection] = []
    kind, title, lines = "intro", "", []

    def close() -> None:
        if lines or title:
            sections.append(PostingSection(kind, title, tuple(lines)))

    after_blank = True
    for raw in text.splitlines():
        line, marked = clean_line(raw)
        if not line:
            after_blank = True
            continue
        heading = _heading_kind(line, rules)
        if lines and not marked and not heading and not after_blank and is_continuation(lines[-1], line):
            lines[-1] = f"{lines[-1]} {line}"
            continue
        after_blank = False
        inline = None if heading else _INLINE_HEADING_RE.match(line)
        if inline and _heading_kind(inline.group("head"), rules):
            close()
            kind, title, lines = _heading_kind(inline.group("head"), rules) or "other", inline.group("head"), []
            lines.append(inline.group("rest"))
            continue
        if heading:
            close()
            kind, title, lines = heading, line.rstrip(":"), []
            continue
        lines.append(line)
    close()
    return tuple(sections)


# --- 3. skills -------------------------------------------------------------------------------------------

# WHY: a requirements line is the posting's own ask; a responsibility says what the skill is for.
_ASK_RANK = {"requirements": 0, "preferred": 0, "responsibilities": 1, "role": 2}
_CLAUSE_RE = re.compile(r"(?<=[.;!?])\s+|;\s*|\s+\(|\)")


@lru_cache(maxsize=64)
def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for whole-word (or whole-phrase) matches of any of ``words``, longest first."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])")


def _has_cue(text: str, cues: tuple[str, ...]) -> bool:
    return bool(cues) and words_pattern(cues).search(text.lower()) is not None


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause: sentences, parts after ";" and bracketed asides."""
    spans, start = [], 0
    for match in _CLAUSE_RE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding [start, end), cut to MAX_QUOTE at a word."""
    left = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start))
    right = min([i for i in (text.find(". ", end), text.find("; ", end)) if i >= 0] or [len(text)])
    sentence = text[left + 2 if left >= 0 else 0:right].strip().rstrip(".")
    if len(sentence) > MAX_QUOTE:
        sentence = sentence[:MAX_QUOTE].rsplit(" ", 1)[0] + "…"
    return sentence


def is_preferred(clause: str, section: str, rules: PostingRules) -> bool:
    """Nice to have: a "preferred" section or a nice-to-have cue, unless a firm cue says otherwise."""
    if _has_cue(clause, rules.required_cues):
        return False
    return section == "preferred" or _has_cue(clause, rules.preferred_cues)


@lru_cache(maxsize=4)
def _posting_matcher(nlp: Language, rules: PostingRules, taxonomy: Taxonomy) -> PhraseMatcher:
    """A PhraseMatcher (case aside) over the posting-only names of postings.toml ``[aliases]``."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for skill_id, names in rules.aliases:
        if not taxonomy.knows(skill_id):
            raise TaxonomyError(f"postings.toml [aliases]: {skill_id!r} is not a skill of the taxonomy.")
        matcher.add(skill_id, list(nlp.tokenizer.pipe(names)))
    return matcher


def _mentions(doc, matcher: PhraseMatcher) -> list[tuple[str, int, int]]:
    """(skill id, start char, end char) of the matcher's skills plus the posting-only names they leave free."""
    found = [(ent.label_, ent.start_char, ent.end_char) for ent in doc.ents]
    taken = [(ent.start, ent.end) for ent in doc.ents]
    for match_id, start, end in matcher(doc):
        if not any(a < end and start < b for a, b in taken):
            span = doc[start:end]
            found.append((doc.vocab.strings[match_id], span.start_char, span.end_char))
            taken.append((start, end))
    return sorted(found, key=lambda m: m[1])


def find_posting_skills(sections: tuple[PostingSection, ...], taxonomy: Taxonomy, nlp: Language,
                        rules: PostingRules) -> tuple[PostingSkill, ...]:
    """Skills the posting asks for, in order of first mention; a skill asked anywhere firmly is required."""
    items: list[tuple[str, str]] = []  # (prepared line, section kind)
    for section in sections:
        if section.kind in ASKING_SECTIONS:
            items.extend((prepare_text(nlp, line), section.kind) for line in section.lines)
    found: dict[str, PostingSkill] = {}
    list_kind = taxonomy.context.list_sections[0] if taxonomy.context.list_sections else "skills"
    docs = skill_docs(nlp, ((text, list_kind if kind in LIST_SECTIONS else kind, kind in LIST_SECTIONS)
                            for text, kind in items))
    matcher = _posting_matcher(nlp, rules, taxonomy)
    for (text, kind), doc in zip(items, docs):
        clauses = _clauses(text)
        for skill_id, start, end in _mentions(doc, matcher):
            clause = next(((a, b) for a, b in clauses if a <= start < b), (0, len(text)))
            required = not is_preferred(text[clause[0]:clause[1]], kind, rules)
            skill = PostingSkill(skill_id, taxonomy.skill(skill_id).name, required, _sentence(text, start, end), kind)
            known = found.get(skill.id)
            if known is None or (required, -_ASK_RANK[kind]) > (known.required, -_ASK_RANK[known.section]):
                found[skill.id] = skill
    order = {skill_id: n for n, skill_id in enumerate(found)}  # first mention, whichever line quotes it
    return tuple(sorted(found.values(), key=lambda s: (not s.required, order[s.id])))


# --- 4. company, title, seniority, years, domain ----------------------------------------------------------

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}
_EXPERIENCE_RE = re.compile(r"experience|background|industry|track record", re.IGNORECASE)
MAX_YEARS = 30  # more years than this is a date or a typo, not an ask
_TITLE_SPLIT_RE = re.compile(r"\s+[-\u2013\u2014|\u00b7]\s+")


def _content(sections: tuple[PostingSection, ...], kinds: tuple[str, ...] | None = None) -> list[str]:
    return [line for s in sections if kinds is None or s.kind in kinds for line in s.lines]


def _is_name(name: str, rules: PostingRules) -> bool:
    words = name.split()
    return bool(words) and words[0].lower() not in rules.not_names and not any(
        w.lower() in rules.role_words for w in words)


def find_company(sections: tuple[PostingSection, ...], rules: PostingRules) -> str:
    titles = [f"About {s.title[6:]}" for s in sections if s.title.lower().startswith("about ")]
    text = "\n".join(titles + _content(sections))
    for pattern in rules.company_patterns:
        for match in pattern.finditer(text):
            name = " ".join(match.group("name").split()).strip(" .,-*")
            if _is_name(name, rules):
                return name
    return ""


def _role_part(line: str, rules: PostingRules) -> str:
    parts = [p.strip() for p in _TITLE_SPLIT_RE.split(line)]
    for part in parts:
        if any(re.search(rf"\b{re.escape(w)}s?\b", part.lower()) for w in rules.role_words):
            return part
    return ""


def find_title(sections: tuple[PostingSection, ...], rules: PostingRules) -> str:
    return _without_place(_find_title(sections, rules), rules)


def _without_place(title: str, rules: PostingRules) -> str:
    aside = re.search(r"\s*\(([^()]*)\)\s*$", title)
    if aside and any(word in aside.group(1).lower() for word in rules.place_words):
        return title[:aside.start()].strip()
    return title


def _find_title(sections: tuple[PostingSection, ...], rules: PostingRules) -> str:
    text = "\n".join(_content(sections))
    for pattern in rules.title_patterns:
        match = pattern.search(text)
        if match:
            return " ".join(match.group("name").split()).strip(" .,-")
    first = sections[0] if sections else None
    candidates = list(first.lines[:3]) if first and first.kind == "intro" else []
    candidates += [s.title for s in sections[:3] if s.title]
    for line in candidates:
        if len(line.split()) <= 14:
            part = _role_part(line, rules)
            if part:
                return part
    return ""


def _number(match: re.Match[str], group: str) -> int | None:
    value = match.groupdict().get(group)
    if not value:
        return None
    return _WORD_NUMBERS.get(value.lower()) if not value.isdigit() else int(value)


def find_years(sections: tuple[PostingSection, ...], rules: PostingRules) -> tuple[int | None, str]:
    """The fewest years of experience asked, and the sentence asking; (None, "") when no line asks."""
    for section in sections:
        if section.kind not in ("requirements", "role", "intro", "preferred"):
            continue
        for line in section.lines:
            # WHY: a requirements line about years means experience ("3+ years in retail analytics");
            # elsewhere the word must say so ("founded three years ago" is not an ask).
            if "year" not in line.lower() or (section.kind != "requirements" and not _EXPERIENCE_RE.search(line)):
                continue
            for pattern in rules.years_patterns:
                match = pattern.search(line)
                if match:
                    years = _number(match, "min") if "min" in match.groupdict() else _number(match, "word")
                    if years is not None and 0 < years <= MAX_YEARS:
                        return years, _sentence(line, match.start(), match.end())
    return None, ""


def find_seniority(title: str, years: int | None, rules: PostingRules) -> str:
    lowered = f" {title.lower()} "
    for level, words in rules.seniority:
        if any(re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", lowered) for w in words):
            return level
    if years is None:
        return ""
    level = ""
    for threshold, name in rules.year_levels:
        if years >= threshold:
            level = name
    return level


def find_domain(text: str, rules: PostingRules) -> tuple[str, ...]:
    """The business words of postings.toml found in ``text``, most mentioned first (then first seen)."""
    hits: dict[str, list[int]] = {}
    for match in words_pattern(rules.domain).finditer(text.lower()):
        hits.setdefault(match.group(0), []).append(match.start())
    ranked = sorted(hits.items(), key=lambda item: (-len(item[1]), item[1][0]))
    return tuple(word for word, _ in ranked[:MAX_DOMAIN])


# --- checks ----------------------------------------------------------------------------------------------

_CONTACT_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d ()-]{8,}\d")
RESUME_HEADINGS = ("education", "projects", "publications", "certifications", "awards", "courses", "volunteering")


def resume_signs(text: str, taxonomy: Taxonomy) -> int:
    """How much the text looks like a resume: dated entries, resume-only headings, contact details up top."""
    lines = [clean_line(line)[0] for line in text.splitlines() if line.strip()]
    dated = sum(1 for line in lines if find_date_range(line))
    headings = sum(1 for line in lines if len(line.split()) <= 4 and taxonomy.section_kind(line) in RESUME_HEADINGS)
    contact = 2 if any(_CONTACT_RE.search(line) for line in lines[:6]) else 0
    return dated + headings + contact


def posting_signs(text: str, rules: PostingRules) -> int:
    """How many distinct posting cues ("you will", "requirements", "apply") the text carries."""
    return len({m.group(0) for m in words_pattern(rules.posting_cues).finditer(text.lower())})


def is_resume(text: str, taxonomy: Taxonomy, rules: PostingRules) -> bool:
    """WHY: a resume pasted into the posting box would be read as a posting that asks for every skill
    the candidate has; a resume shows dated entries and resume headings, a posting addresses "you"."""
    signs = resume_signs(text, taxonomy)
    return signs >= RESUME_MIN and posting_signs(text, rules) * 2 < signs


def _check_text(text: str, name: str, taxonomy: Taxonomy, rules: PostingRules) -> str:
    if not text.strip():
        raise BadPosting("The job posting is empty. Paste the posting's text or choose a .txt, .md or PDF file.")
    if is_binary_text(text):
        raise BadPosting(f"The job posting {name} is not text. Use a .txt, .md or PDF file, or paste the text.")
    if len(text) > rules.max_chars:
        raise BadPosting(f"The job posting {name} has {len(text):,} characters, more than the {rules.max_chars:,} "
                         "a posting needs. Paste only the posting itself.")
    if len(text.split()) < rules.min_words:
        raise BadPosting(f"The job posting has only {len(text.split())} words: too short to say what the job "
                         f"asks for (at least {rules.min_words}). Paste the whole posting.")
    if is_resume(text, taxonomy, rules):
        raise BadPosting("The job posting looks like a resume (dated jobs and resume headings, no requirements). "
                         "Put the resume in the resume box and the job description here.")
    return text


# --- the step --------------------------------------------------------------------------------------------


def read_posting(source: str | Path | bytes, taxonomy: Taxonomy, nlp: Language, *, name: str | None = None,
                 limits: Limits | None = None, rules: PostingRules | None = None) -> Posting:
    """Read one job posting; raises BadPosting (never anything else) when it cannot be used."""
    rules = rules or load_posting_rules()
    name, text = load_text(source, rules, name=name, limits=limits)
    text = _check_text(text, name, taxonomy, rules)
    sections = split_sections(text, rules)
    skills = find_posting_skills(sections, taxonomy, nlp, rules)
    title = find_title(sections, rules)
    years, years_quote = find_years(sections, rules)
    responsibilities = tuple(_content(sections, ("responsibilities",)))
    nice = tuple(_content(sections, ("preferred",)))
    # WHY: the intro is often a header line (title, place, "client travel"); it tells the business
    # only when no "About" section does.
    has_about = any(s.kind == "about" for s in sections)
    business = "\n".join(_content(sections, ("about", "role", "responsibilities") if has_about else
                                   ("intro", "role", "responsibilities")))
    return Posting(
        name=name, company=find_company(sections, rules), title=title,
        seniority=find_seniority(title, years, rules), years=years, years_quote=years_quote, skills=skills,
        responsibilities=responsibilities, nice_to_have=nice, domain=find_domain(business, rules), sections=sections,
    )
