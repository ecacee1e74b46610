"""Frozen value types passed between the pipeline's steps. No I/O here.

Every type is a ``@dataclass(frozen=True, slots=True)`` holding tuples, so results compare, hash
and pickle (Streamlit's cache pickles them). The one computation here is :func:`place_lines`, which
a :class:`Resume` runs once when it is built so that every later step knows each line's section
and entry by reference. Geometry follows pdfplumber: ``x0, top, x1, bottom``
in PDF points, ``top`` measured from the top of the page. Dates are strings: ``"YYYY-MM"``,
``"YYYY"`` or, for an end date only, ``"present"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

BBox = tuple[float, float, float, float]


def union_bbox(boxes: Iterable[BBox]) -> BBox:
    """The smallest box holding every one of ``boxes`` (there must be at least one)."""
    x0s, tops, x1s, bottoms = zip(*boxes)
    return (min(x0s), min(tops), max(x1s), max(bottoms))

# Document.source of a document any page of which was read by OCR (positions and sizes are estimates).
OCR_SOURCE = "ocr"


class Severity(StrEnum):
    """How exposed a flag leaves a claim, the most first; the values are the words of taxonomy/flags.toml.

    The one list of severities: every table keyed by severity (score deductions, question weights,
    colours) is keyed by these members. A StrEnum, so a flag's severity reads, compares and
    serialises as its plain word ("high").
    """

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


# --- step 1 and 2: the reader ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Word:
    """One word as printed, with its font and place on the page."""

    text: str
    page: int  # 1-based
    x0: float
    top: float
    x1: float
    bottom: float
    fontname: str = ""
    size: float = 0.0
    bold: bool = False
    italic: bool = False
    luminance: float = 0.0  # of the text colour, 0 black .. 1 white (pale watermarks are dropped)
    confidence: float | None = None  # 0..1 for a word read by OCR; None when read from a text layer

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True, slots=True)
class Line:
    """Words that a person reads as one line, in reading order.

    ``column`` is 0 for full-width text, 1 for the left column, 2 for the right one.
    """

    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0
    bold: bool = False
    column: int = 0
    bullet: bool = False  # the line started with a bullet glyph (removed from ``text``)
    words: tuple[Word, ...] = ()

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True, slots=True)
class Link:
    """A URL or e-mail address found on the resume, from an annotation or typed as text."""

    url: str
    kind: str  # github_repo, github_profile, gist, kaggle, linkedin, scholar, blog, portfolio, email, other
    anchor_text: str
    page: int
    bbox: BBox | None = None
    valid: bool = True  # False when the URL is malformed


@dataclass(frozen=True, slots=True)
class Notice:
    """A finding of the reader worth telling the user: hidden text, an unreadable page..."""

    code: str
    message: str
    page: int | None = None
    text: str = ""
    bbox: BBox | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """What the reader takes from a resume: visible lines in reading order, links and notices.

    ``source`` says how the text was read: "pdf" (a text layer), "ocr" (at least one page read by
    OCR from its picture) or "docx" (a Word document: no page boxes, so pages and positions are
    synthesised, one line per paragraph). ``metadata`` holds the file's own properties (a .docx's
    title, author, dates) as (name, value) pairs.
    """

    name: str
    sha256: str
    pages: int
    page_sizes: tuple[tuple[float, float], ...]
    lines: tuple[Line, ...]
    links: tuple[Link, ...] = ()
    notices: tuple[Notice, ...] = ()
    source: str = "pdf"
    metadata: tuple[tuple[str, str], ...] = ()


# --- step 3: structure ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Section:
    """A run of lines under one heading. ``kind`` is canonical (see taxonomy/sections.toml)."""

    kind: str
    title: str
    page: int
    lines: tuple[Line, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class Entry:
    """One job, degree or project: its heading fields, dates and bullet lines."""

    section: str  # the canonical kind of the section it sits in
    title: str
    organization: str
    location: str
    start: str | None
    end: str | None  # "present" when still ongoing
    page: int
    lines: tuple[Line, ...] = ()  # the body (bullets), not the heading lines
    heading: tuple[Line, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def label(self) -> str:
        """A short name for people: 'Data Scientist, Acme'."""
        return ", ".join(part for part in (self.title, self.organization) if part) or self.section


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive lines of one section with one owner: an entry's heading, an entry's body, or
    lines outside any entry. Built once with the :class:`Resume` (``Resume.blocks``), so later steps
    know each line's section and entry by reference instead of working it out again."""

    section: Section
    entry: Entry | None
    entry_index: int | None  # the entry's position in Resume.entries
    is_heading: bool
    lines: tuple[Line, ...]


def place_lines(sections: tuple[Section, ...], entries: tuple[Entry, ...]) -> tuple[Block, ...]:
    """Every section's lines, in order, cut into blocks by the entry (heading or body) that owns them."""
    owner: dict[Line, tuple[int, bool]] = {}
    for index, entry in enumerate(entries):
        owner.update((line, (index, True)) for line in entry.heading)
        owner.update((line, (index, False)) for line in entry.lines)
    blocks: list[Block] = []
    for section in sections:
        run: list[Line] = []
        run_owner: tuple[int, bool] | None = None
        for line in section.lines:
            this = owner.get(line)
            if run and this != run_owner:
                blocks.append(_block(section, entries, run_owner, run))
                run = []
            run.append(line)
            run_owner = this
        if run:
            blocks.append(_block(section, entries, run_owner, run))
    return tuple(blocks)


def _block(section: Section, entries: tuple[Entry, ...], owner: tuple[int, bool] | None, lines: list[Line]) -> Block:
    index, is_heading = owner if owner else (None, False)
    return Block(section, entries[index] if index is not None else None, index, is_heading, tuple(lines))


@dataclass(frozen=True, slots=True)
class Contact:
    name: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    location: str = ""


@dataclass(frozen=True, slots=True)
class Resume:
    """The structured resume: the reader's document plus sections, entries and contact."""

    document: Document
    contact: Contact
    sections: tuple[Section, ...]
    entries: tuple[Entry, ...]
    as_of: str  # the reference month, "YYYY-MM"
    warnings: tuple[str, ...] = ()  # what the reader could not do, in plain sentences (never silent)
    # Which section and entry owns each line, worked out once when the resume is built.
    blocks: tuple[Block, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "blocks", place_lines(self.sections, self.entries))


# --- step 4: skills -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where on the resume something is said: the sentence, its entry and that entry's dates."""

    section: str
    entry: str  # Entry.label, or "" outside any entry
    quote: str
    page: int
    bbox: BBox | None = None
    start: str | None = None
    end: str | None = None
    entry_index: int | None = None  # the entry's position in Resume.entries ("entry" is only its label)


@dataclass(frozen=True, slots=True)
class Skill:
    id: str
    name: str
    category: str
    parents: tuple[str, ...] = ()
    inferred: bool = False
    score: float | None = None  # similarity that made an inferred skill
    listed_only: bool = False
    used_in: tuple[str, ...] = ()  # Entry labels, for people
    used_in_entries: tuple[int, ...] = ()  # the same entries, as positions in Resume.entries
    first_used: str | None = None
    last_used: str | None = None
    months_used: int = 0
    strength: float = 0.0  # 0..1
    evidence: tuple[Evidence, ...] = ()


# --- step 5: claims, flags, scores ------------------------------------------------------------


# Units that state a change relative to where it started ("by 12%", "3x") rather than a level.
_RELATIVE_UNITS = ("%", "percent", "percentage point", "pp", "x", "×", "times")
# Units that are a currency: money moved is a size, not an improvement that needs a baseline.
CURRENCY_UNITS = ("$", "€", "£")


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


@dataclass(frozen=True, slots=True)
class Result:
    """A result with a number as a clause states it (analyzer/results.py)."""

    metric: str  # the words naming what changed ("churn"), "" when none
    value: str  # the number as printed ("12%", "0.91")
    unit: str  # "%", "x", "$", "ms"...
    baseline: str  # the starting value or what it is compared with, "" when the line gives none
    direction: str  # up, down, level
    has_method: bool  # the line says how it was reached
    clause: str = ""  # the clause that states it
    sentence: str = ""  # the whole statement (bullet or item) the clause is part of
    quantity: Quantity | None = None  # its most outcome-like number, understood (None when none is)
    quantities: tuple[Quantity, ...] = ()  # every number of the clause, understood, in reading order
    confidential: bool = False  # the line calls its subject proprietary or confidential

    @property
    def is_improvement(self) -> bool:
        """A change (up or down) rather than a level: it needs a starting point to mean anything."""
        return self.direction in ("up", "down")

    @property
    def is_relative(self) -> bool:
        return any(self.unit.lower().startswith(u) for u in _RELATIVE_UNITS)

    @property
    def is_money(self) -> bool:
        return self.unit in CURRENCY_UNITS

    @property
    def measures(self) -> str:
        """What the number measures (claims.toml [measures]); "other" when it was not understood."""
        return self.quantity.measures if self.quantity else "other"

    @property
    def amount(self) -> str:
        """The number as printed whole ("15-20%"), else the parsed value."""
        return self.quantity.value if self.quantity else self.value

    @property
    def measure_name(self) -> str:
        return self.quantity.name if self.quantity else ""

    @property
    def moved(self) -> str:
        """Which way the understood number moved: up, down, level or none."""
        return self.quantity.direction if self.quantity else self.direction


@dataclass(frozen=True, slots=True)
class Project:
    """What a project claim says: its name, its text, its data and first outcome, its dates."""

    name: str
    what: str  # the project's lines joined
    data: str = ""  # "60k images": a number followed by a data word, "" when none
    outcome: Result | None = None  # the first result its lines state
    start: str | None = None
    end: str | None = None

    @property
    def is_dated(self) -> bool:
        return bool(self.start or self.end)


@dataclass(frozen=True, slots=True)
class Claim:
    """Something the resume asserts that an interviewer may probe. The optional parts are set by kind."""

    id: str  # stable: kind + slug, e.g. "skill:xgboost", "result:3", "link:github.com/x/y"
    kind: str  # skill, project, result, link, publication, certification, talk, patent
    text: str
    evidence: tuple[Evidence, ...] = ()
    skill_ids: tuple[str, ...] = ()
    result: Result | None = None  # kind "result"
    project: Project | None = None  # kind "project"
    link: Link | None = None  # kind "link"
    year: str = ""  # publications, talks, patents, certifications: the last year printed on the line
    links: tuple[str, ...] = ()  # links (without scheme) a project or publication names
    defensibility: int = 0  # 0..100
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Flag:
    code: str
    severity: Severity
    message: str  # plain-language explanation
    advice: str  # what to do about it
    claim_id: str | None = None
    evidence: tuple[Evidence, ...] = ()
    area: int = 1  # interview-map row it exposes
    variant: str = ""  # which wording of the code (flags.toml): "hedged", "related", "everyday"... "" the main one


@dataclass(frozen=True, slots=True)
class AreaReadiness:
    area: int
    name: str
    score: int  # 0..100
    summary: str


# --- step 6: questions ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    area: int
    kind: str  # deep-dive, explain, derive, compare, design, debug, what-if, open-ended, behavioural
    difficulty: int  # 1..3
    topic: str
    why: str
    anchor: str  # "claim", "flag" or "baseline"
    claim_id: str | None = None
    flag_code: str | None = None
    quote: str = ""
    page: int | None = None
    followups: tuple[str, ...] = ()
    guide: str = ""  # for the interviewer: what a strong answer covers
    worry: str = ""  # for the interviewer: what in an answer would worry you
    template: str = ""  # the bank record it was worded from (a template or topic question id)


# --- the whole report ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Report:
    resume: Resume
    skills: tuple[Skill, ...] = ()
    claims: tuple[Claim, ...] = ()
    flags: tuple[Flag, ...] = ()
    readiness: tuple[AreaReadiness, ...] = ()
    questions: tuple[Question, ...] = ()
    settings: tuple[tuple[str, str], ...] = field(default=())
    posting: Posting | None = None  # the job posting read beside the resume, if one was given
    alignment: Alignment | None = None  # how the resume meets that posting


# --- settings -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on the work done for one upload (hostile files must not hang or exhaust memory)."""

    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 10
    seconds_per_page: float = 5.0
    max_chars_per_page: int = 60_000
    max_memory_mb: int = 768  # address space the PDF parse may add (enforced by analyzer/guard.py)


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a user can set for one analysis."""

    as_of: str | None = None  # "YYYY-MM"; None means this month
    stale_years: float = 3.0
    limits: Limits = Limits()
    question_count: int = 40
    areas: tuple[int, ...] = ()  # interview-map rows to include; empty means all
    min_difficulty: int = 1
    max_difficulty: int = 3
    perspective: str = "candidate"  # or "interviewer": changes how "why" is worded
    company: str = ""  # optional company or job description text (area 11)
    job: Posting | None = None  # a job posting already read (analyzer/posting.py); analyze(job=...) wins over it


# --- a job posting beside the resume, and how the resume meets it (optional) ----------------------


@dataclass(frozen=True, slots=True)
class PostingSkill:
    """A skill a posting asks for, with the sentence that asks for it."""

    id: str
    name: str
    required: bool  # False: a nice-to-have
    quote: str  # the posting's sentence
    section: str  # the posting section kind it stands in (requirements, preferred, responsibilities...)


@dataclass(frozen=True, slots=True)
class PostingSection:
    kind: str  # about, role, responsibilities, requirements, preferred, benefits, process, intro, other
    title: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Posting:
    """What a job posting asks for (analyzer/posting.py)."""

    name: str  # the file name, or "pasted posting"
    company: str = ""
    title: str = ""
    seniority: str = ""  # intern, junior, mid, senior, staff, lead, or "" when nothing says
    years: int | None = None  # the fewest years of experience asked
    years_quote: str = ""
    skills: tuple[PostingSkill, ...] = ()
    responsibilities: tuple[str, ...] = ()
    nice_to_have: tuple[str, ...] = ()
    domain: tuple[str, ...] = ()  # business and product words, most mentioned first
    sections: tuple[PostingSection, ...] = ()

    @property
    def required(self) -> tuple[PostingSkill, ...]:
        return tuple(s for s in self.skills if s.required)

    @property
    def preferred(self) -> tuple[PostingSkill, ...]:
        return tuple(s for s in self.skills if not s.required)


@dataclass(frozen=True, slots=True)
class AlignmentRow:
    """One posting skill next to the resume's evidence for it (analyzer/alignment.py)."""

    skill_id: str
    name: str
    required: bool
    status: str  # strong, weak, missing
    posting_quote: str
    evidence: tuple[Evidence, ...] = ()  # the resume lines that back it (empty when missing)
    reasons: tuple[str, ...] = ()  # why weak ("only listed...", "last used in 2019"), or what shows it
    shown_as: str = ""  # the resume skill that shows it, when it is a more specific one (XGBoost for gradient boosting)
    related: str = ""  # for a missing skill: a related skill the resume does show
    last_used: str | None = None


@dataclass(frozen=True, slots=True)
class Alignment:
    """How the resume meets one posting: a row per skill asked, years asked vs shown, what to prepare first."""

    rows: tuple[AlignmentRow, ...] = ()
    years_asked: int | None = None
    years_shown: float = 0.0  # years of work experience the resume's dated jobs cover
    years_quote: str = ""
    prepare_first: tuple[str, ...] = ()  # plain sentences, most urgent first
    coverage: float = 0.0  # share of required skills shown with strong evidence (0..1)
