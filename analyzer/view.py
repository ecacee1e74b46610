"""What the page and the exports show: pure functions from a Report to rows, groups and marks.

The Streamlit page (streamlit_app.py) is a thin shell around these functions, so everything it
decides (order, grouping, filtering, labels) is tested without a browser. Nothing here renders:
values are plain strings and numbers, and resume text stays plain text (never HTML).

Known limits: area names come from the report's readiness rows, else from taxonomy/areas.toml;
an area id that neither knows is shown as "Area N". Flag names come from taxonomy/labels.toml and
category names from taxonomy/categories.toml; a code neither knows is shown as its words. A whole
statement is rebuilt from the lines around a quote by layout (a line that runs to the column's right
edge without ending a sentence continues on the next); a quote whose line is not found stays as it is.
Skill words are boxed by matching the skill's name and aliases in the line; a skill only described
(inferred) is underlined instead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from analyzer.errors import AnalyzerError
from analyzer.models import BBox, Claim, Evidence, Flag, Line, Question, Report, Severity, Skill, union_bbox
from analyzer.taxonomy import AreaRole, SectionKind, area_of

# Highest first: a user reads the findings that can sink an interview before the small ones.
SEVERITY_ORDER = tuple(Severity)
PERSPECTIVES = ("candidate", "interviewer")
DIFFICULTY_LABELS = {1: "warm-up", 2: "standard", 3: "hard"}


@functools.lru_cache(maxsize=1)
def _taxonomy_area_names() -> dict[int, str]:
    from analyzer.taxonomy import load_taxonomy

    try:
        return {area.id: area.name for area in load_taxonomy().areas}
    except AnalyzerError:
        # A broken taxonomy must not break a page that already holds a report: fall back to numbers.
        return {}


def area_names(report: Report) -> dict[int, str]:
    """Area id -> name, preferring the names the report itself carries."""
    names = dict(_taxonomy_area_names())
    names.update({area.area: area.name for area in report.readiness})
    return names


def area_label(area: int, names: dict[int, str]) -> str:
    return names.get(area, f"Area {area}")


def _flag_names() -> dict[str, str]:
    from analyzer.taxonomy import load_taxonomy

    try:
        return load_taxonomy().labels
    except AnalyzerError:
        return {}


@functools.lru_cache(maxsize=1)
def _category_names() -> dict[str, str]:
    from analyzer.taxonomy import load_taxonomy

    try:
        return {c.id: c.name for c in load_taxonomy().categories}
    except AnalyzerError:
        return {}


def _words_of(code: str) -> str:
    """'date_problem' -> 'Date problem': the last resort for a code no data file names."""
    words = code.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else code


def flag_label(code: str) -> str:
    """A flag code in plain words: 'unsupported_skill' -> 'Skill named only in a list'."""
    return _flag_names().get(code) or _words_of(code)


def category_label(category: str) -> str:
    """A skill category id in plain words: 'dl_frameworks' -> 'Deep-learning frameworks'."""
    return _category_names().get(category) or _words_of(category)


# Internal codes inside sentences made by the scoring step: "-20 flag unsupported_skill (medium)"
# and "2 flag(s): keyword_padding, no_lifecycle".
_FLAG_REASON = re.compile(r"^([+-]\d+) flag (\w+) \((\w+)\)$")
_START_REASON = re.compile(r"^(\d+) to start \((\w+)\)$")
_CODE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")


def plain_reason(reason: str) -> str:
    """A scoring reason for people: '-20 flag unsupported_skill (medium)' -> '-20: flagged (medium): Skill named only in a list'."""
    if match := _FLAG_REASON.match(reason):
        points, code, severity = match.groups()
        return f"{points}: flagged ({severity}): {flag_label(code)}"
    if match := _START_REASON.match(reason):
        return f"{match.group(1)} to start (a {match.group(2)} claim)"
    return plain_text(reason)


def plain_text(text: str) -> str:
    """Any flag code or category id inside ``text`` replaced by its name; other words untouched."""
    known = {**_category_names(), **_flag_names()}
    return _CODE.sub(lambda m: known.get(m.group(0), m.group(0)), text)


# --- overview ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Overview:
    name: str
    file: str
    pages: int
    as_of: str
    sections: int
    entries: int
    skills: int
    claims: int
    flags: int
    questions: int
    warnings: int
    skills_in_list: int = 0  # skills named in a skills list (the count the padding flag states)
    skills_in_use: int = 0  # skills shown in a job, project or study
    flag_groups: int = 0  # cards on the Flags tab: flags of one kind are shown together


def is_in_skills_list(skill: Skill) -> bool:
    """Named in a skills list; the same test the keyword-padding flag counts with (analyzer/flags.py)."""
    return skill.listed_only or any(e.section == SectionKind.SKILLS for e in skill.evidence)


def overview(report: Report) -> Overview:
    from analyzer.skill_classes import is_used

    resume = report.resume
    return Overview(
        name=resume.contact.name,
        file=resume.document.name,
        pages=resume.document.pages,
        as_of=resume.as_of,
        sections=len(resume.sections),
        entries=len(resume.entries),
        skills=len(report.skills),
        claims=len(report.claims),
        flags=len(shown_flags(report)),
        questions=len(report.questions),
        warnings=len(resume.document.notices) + len(structure_warnings(report)),
        skills_in_list=sum(is_in_skills_list(s) for s in report.skills),
        skills_in_use=sum(is_used(s) for s in report.skills),
        flag_groups=len(flag_groups(report)),
    )


def skill_count_note(o: Overview) -> str:
    """How the skill counts relate, so that the overview and the padding flag never seem to disagree."""
    return (f"{o.skills} skills found anywhere on the resume: {o.skills_in_list} named in a skills list, "
            f"{o.skills_in_use} shown in a job, project or study.")


# Sections the reader always makes, even from a page with no headings at all.
_PREAMBLE_KINDS = frozenset({SectionKind.CONTACT, SectionKind.SUMMARY, SectionKind.OTHER, ""})


def has_no_structure(report: Report) -> bool:
    """The reader found no heading to split the resume by: no entry, and at most one real section."""
    resume = report.resume
    real = [s for s in resume.sections if s.kind not in _PREAMBLE_KINDS]
    return not resume.entries and len(real) <= 1


def structure_warnings(report: Report) -> tuple[str, ...]:
    """Plain sentences saying the reader could not structure the resume (so the findings are thin).

    The reader's own warnings (``Resume.warnings``, when the library provides them) come first; the
    page adds its own when no heading was found and the reader said nothing about it.
    """
    found = tuple(str(w) for w in getattr(report.resume, "warnings", ()) or ())
    if found or not has_no_structure(report):
        return found
    real = [s for s in report.resume.sections if s.kind not in _PREAMBLE_KINDS]
    if real:
        what = (f"Only one section ({real[0].title or real[0].kind}) and no job, study or project were found, so "
                "most of the resume could not be placed.")
    else:
        what = ("No section headings (such as Experience, Education or Skills) were found, so jobs, studies "
                "and skills could not be told apart.")
    return (what + " The skills, flags, scores and questions below are incomplete; a resume with clear "
            "headings gives a fuller picture.",)


# An area nothing on the resume points at: no claim and no flag (the score is only a default).
NOTHING_TO_JUDGE = "nothing to judge"


def is_area_judged(report: Report, area: int, summary: str) -> bool:
    """Something on the resume bears on this area: a flag in it, or claims (the summary counts them)."""
    return any(f.area == area for f in report.flags) or any(ch.isdigit() for ch in summary)


def readiness_rows(report: Report) -> list[dict[str, Any]]:
    """One row per interview area, in area order, for the readiness chart.

    An area with nothing to judge has ``judged`` False and no score (None), so it is never drawn
    as a middling score.
    """
    rows = []
    for r in sorted(report.readiness, key=lambda r: r.area):
        judged = is_area_judged(report, r.area, r.summary)
        rows.append({"area": r.area, "name": r.name, "label": f"{r.area}. {r.name}",
                     "score": r.score if judged else None, "judged": judged,
                     "shown": str(r.score) if judged else NOTHING_TO_JUDGE, "summary": plain_text(r.summary)})
    return rows


def most_exposed_claims(report: Report, limit: int = 5) -> list[Claim]:
    """Claims an interviewer is most likely to catch out: the least defensible first.

    Ties keep the resume's order (a stable sort), so the list does not shuffle between runs.
    """
    return sorted(report.claims, key=lambda c: c.defensibility)[:limit]


# --- skills -----------------------------------------------------------------------------------


def skill_rows(report: Report) -> list[dict[str, Any]]:
    """The skills table: by category, strongest first inside a category."""
    skills = sorted(report.skills, key=lambda s: (s.category, -s.strength, s.name.lower()))
    return [
        {
            "category": category_label(s.category),
            "skill": s.name,
            "strength": round(s.strength, 2),
            "last used": s.last_used or "",
            "months used": s.months_used,
            "listed only": s.listed_only,
            "inferred": s.inferred,
            "quotes": len(s.evidence),
        }
        for s in skills
    ]


def skills_by_category(report: Report) -> list[tuple[str, list[Skill]]]:
    """(category name, skills) in the order of the table."""
    groups: dict[str, list[Skill]] = {}
    for skill in sorted(report.skills, key=lambda s: (s.category, -s.strength, s.name.lower())):
        groups.setdefault(category_label(skill.category), []).append(skill)
    return list(groups.items())


def evidence_line(evidence: Evidence) -> str:
    """Where a quote stands, for people: 'p. 1 · experience · Data Scientist, Acme · 2020-01 to present'."""
    parts = [f"p. {evidence.page}", evidence.section.replace("_", " ")]
    if evidence.entry:
        parts.append(evidence.entry)
    if evidence.start or evidence.end:
        parts.append(f"{evidence.start or '?'} to {evidence.end or '?'}")
    return " · ".join(part for part in parts if part)


# --- flags ------------------------------------------------------------------------------------


def _perspective(report: Report) -> str:
    return dict(report.settings).get("perspective", "candidate")


def shown_flags(report: Report) -> tuple[Flag, ...]:
    """The flags the Flags tab shows: for the interviewer, without the notes that tell the candidate what
    to prepare (``flags.is_note_for_candidate``; see notes_for_candidate)."""
    from analyzer.flags import is_note_for_candidate  # WHY here: the flags step imports spaCy, the page need not

    if _perspective(report) != "interviewer":
        return report.flags
    return tuple(f for f in report.flags if not is_note_for_candidate(f))


def notes_for_candidate(report: Report) -> int:
    """How many flags the interviewer's Flags tab leaves out (the page says so: nothing is hidden silently)."""
    return len(report.flags) - len(shown_flags(report))


def flags_by_severity(report: Report) -> list[tuple[str, list[Flag]]]:
    """Flags grouped by severity, highest first; empty groups are left out.

    A severity outside SEVERITY_ORDER still shows, after the known ones.
    """
    groups: dict[str, list[Flag]] = {}
    for flag in shown_flags(report):
        groups.setdefault(flag.severity, []).append(flag)
    order = list(SEVERITY_ORDER) + sorted(set(groups) - set(SEVERITY_ORDER))
    return [(severity, groups[severity]) for severity in order if severity in groups]


@dataclass(frozen=True, slots=True)
class FlagGroup:
    """Flags of one kind and severity, shown as one card ("Skill named only in a list" x 19)."""

    code: str
    severity: str
    label: str
    flags: tuple[Flag, ...]
    subjects: tuple[str, ...]  # what each flag is about (a skill's name, a line), in order, once each


def _subject(flag: Flag, claims: dict[str, Claim]) -> str:
    claim = claims.get(flag.claim_id or "")
    if claim is not None and claim.kind == "skill":
        return claim.text
    return flag.message


def flag_groups(report: Report) -> list[FlagGroup]:
    """Flags grouped by severity (highest first) then kind (in the order first raised)."""
    claims = {c.id: c for c in report.claims}
    groups: dict[tuple[str, str], list[Flag]] = {}
    for flag in shown_flags(report):
        groups.setdefault((flag.severity, flag.code), []).append(flag)
    rank = {severity: i for i, severity in enumerate(SEVERITY_ORDER)}
    ordered = sorted(groups.items(), key=lambda item: rank.get(item[0][0], len(rank)))
    return [
        FlagGroup(code, severity, flag_label(code), tuple(flags),
                  tuple(dict.fromkeys(_subject(f, claims) for f in flags)))
        for (severity, code), flags in ordered
    ]


def flag_groups_by_severity(report: Report) -> list[tuple[str, list[FlagGroup]]]:
    out: dict[str, list[FlagGroup]] = {}
    for group in flag_groups(report):
        out.setdefault(group.severity, []).append(group)
    return list(out.items())


def flag_evidence(report: Report, flag: Flag) -> tuple[Evidence, ...]:
    """The flag's own evidence, else that of the claim it points at (so every flag shows a line)."""
    if flag.evidence:
        return flag.evidence
    claim = next((c for c in report.claims if c.id == flag.claim_id), None)
    return claim.evidence if claim else ()


def group_evidence(report: Report, group: FlagGroup) -> list[Evidence]:
    """Every line behind a group once (nineteen flags often point at the same skills line)."""
    seen: dict[tuple[int, str], Evidence] = {}
    for flag in group.flags:
        for evidence in flag_evidence(report, flag):
            seen.setdefault((evidence.page, evidence.quote), evidence)
    return list(seen.values())


# --- whole statements ---------------------------------------------------------------------------

# A line that ends this close to its column's right edge (share of the column's width) was wrapped
# by the layout, not ended by the writer.
WRAP_SLACK = 0.12
# A gap between two lines larger than this share of a line's height separates two statements.
MAX_LINE_GAP = 0.9
# A statement longer than this many lines is cut there (a run-on paragraph is not one claim).
MAX_STATEMENT_LINES = 6
_SENTENCE_END = (".", "!", "?")
# Sections whose lines are separate items, whatever their layout.
_ITEM_SECTIONS = frozenset({SectionKind.CONTACT})
# "Serving: KServe, ..." starts a new labelled list line, never continues the one above.
_LABELLED_START = re.compile(r"^[A-Z][\w &/+-]{0,30}:\s")


class Statements:
    """Finds the whole statement a quote was cut from, by the layout of the lines around it."""

    def __init__(self, report: Report) -> None:
        self.lines: tuple[Line, ...] = report.resume.document.lines
        self._by_box = {(line.page, line.bbox): i for i, line in enumerate(self.lines)}
        # Contact lines are separate items (address, links), never one wrapped statement.
        self._items = {(line.page, line.bbox) for s in report.resume.sections if s.kind in _ITEM_SECTIONS
                       for line in s.lines}
        self._edges: dict[tuple[int, int], tuple[float, float]] = {}
        for line in self.lines:
            left, right = self._edges.get((line.page, line.column), (line.x0, line.x1))
            self._edges[(line.page, line.column)] = (min(left, line.x0), max(right, line.x1))

    def line_at(self, page: int, bbox: BBox | None) -> Line | None:
        index = self._by_box.get((page, bbox)) if bbox is not None else None
        return self.lines[index] if index is not None else None

    def _find(self, quote: str, page: int | None, bbox: BBox | None) -> int | None:
        if bbox is not None and (page, bbox) in self._by_box:
            return self._by_box[(page, bbox)]
        wanted = " ".join(quote.split())
        candidates = [i for i, line in enumerate(self.lines) if page is None or line.page == page]
        for test in (lambda t: t == wanted, lambda t: wanted.startswith(t), lambda t: wanted in t):
            found = next((i for i in candidates if self.lines[i].text and test(" ".join(self.lines[i].text.split()))), None)
            if found is not None:
                return found
        return None

    def continues(self, above: Line, below: Line) -> bool:
        """``below`` carries on the statement ``above`` started (a wrap, not a new statement)."""
        if (above.page, above.column) != (below.page, below.column) or below.bullet or above.bold != below.bold:
            return False
        if (above.page, above.bbox) in self._items or (below.page, below.bbox) in self._items:
            return False
        text = above.text.rstrip()
        if not text or text.endswith(_SENTENCE_END) or _LABELLED_START.match(below.text):
            return False
        height = max(above.bottom - above.top, 1.0)
        if not 0 <= below.top - above.bottom <= MAX_LINE_GAP * height:
            return False
        left, right = self._edges[(above.page, above.column)]
        reaches_edge = right - above.x1 <= WRAP_SLACK * max(right - left, 1.0)
        return reaches_edge or below.text[:1].islower()

    def of(self, quote: str, page: int | None = None, bbox: BBox | None = None) -> str:
        """The whole statement around ``quote``; the quote itself when its line is not found."""
        index = self._find(quote, page, bbox)
        if index is None:
            return quote
        start = end = index
        while start > 0 and index - start < MAX_STATEMENT_LINES and self.continues(self.lines[start - 1], self.lines[start]):
            start -= 1
        while (end + 1 < len(self.lines) and end - start + 1 < MAX_STATEMENT_LINES
               and self.continues(self.lines[end], self.lines[end + 1])):
            end += 1
        text = ""
        for line in self.lines[start:end + 1]:
            piece = line.text.strip()
            # A word broken at the line end ("multi-" / "label") is joined back without a space.
            text = text + piece if text.endswith("-") and piece[:1].islower() else f"{text} {piece}".strip()
        return text if " ".join(quote.split()) in text or index != start or end != index else quote


# --- questions --------------------------------------------------------------------------------


def question_facets(questions: Sequence[Question]) -> tuple[list[int], list[str], list[int]]:
    """The values the filters offer: areas, kinds and difficulties present in the list."""
    return (
        sorted({q.area for q in questions}),
        sorted({q.kind for q in questions}),
        sorted({q.difficulty for q in questions}),
    )


def filter_questions(
    questions: Iterable[Question],
    *,
    areas: Iterable[int] = (),
    kinds: Iterable[str] = (),
    difficulties: Iterable[int] = (),
) -> list[Question]:
    """Keep questions matching every given facet; an empty facet means 'any'."""
    areas, kinds, difficulties = set(areas), set(kinds), set(difficulties)
    return [
        q
        for q in questions
        if (not areas or q.area in areas)
        and (not kinds or q.kind in kinds)
        and (not difficulties or q.difficulty in difficulties)
    ]


def questions_by_area(questions: Iterable[Question]) -> list[tuple[int, list[Question]]]:
    """Questions grouped by interview area in area order; inside an area, the given order."""
    groups: dict[int, list[Question]] = {}
    for question in questions:
        groups.setdefault(question.area, []).append(question)
    return sorted(groups.items())


def is_question_to_ask(question: Question | None) -> bool:
    """In the interview-map row of questions the candidate asks (areas.toml role "ask"): their
    reason is why to ask, not why they may be asked."""
    return question is not None and question.area == area_of(AreaRole.ASK)


def why_label(perspective: str, question: Question | None = None) -> str:
    """The heading above a question's reason, worded for who is reading and for the kind of question."""
    if is_question_to_ask(question):
        return "Why the candidate may ask this" if perspective == "interviewer" else "Why ask it"
    return "What to listen for" if perspective == "interviewer" else "Why you may be asked this"


def question_meta(question: Question) -> str:
    difficulty = DIFFICULTY_LABELS.get(question.difficulty, str(question.difficulty))
    parts = [question.kind, f"difficulty {question.difficulty} ({difficulty})"]
    if question.topic:
        parts.append(plain_text(question.topic).replace("_", " "))
    return " · ".join(parts)


# --- marks on the page images -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    """A box to draw on a page image: ``kind`` is "skill" (the words), "described" (a line) or "flag" (a line)."""

    page: int
    bbox: BBox
    kind: str
    label: str


@functools.lru_cache(maxsize=1)
def _skill_forms() -> dict[str, tuple[tuple[str, ...], bool]]:
    """Skill id -> (names and aliases, match case) from the taxonomy."""
    from analyzer.taxonomy import load_taxonomy

    try:
        skills = load_taxonomy().skills
    except AnalyzerError:
        return {}
    forms = {}
    for skill in skills:
        names = {skill.name, *skill.aliases}
        names |= {n.replace("-", " ") for n in names} | {n.replace("-", "") for n in names}
        forms[skill.id] = (tuple(sorted(names, key=len, reverse=True)), skill.case_sensitive)
    return forms


_EDGE_PUNCTUATION = "()[]{},.;:!?\"'“”‘’"
# Acronyms this short ('R', 'SQL', 'GCP') are matched as written, as the reader matches them.
_SHORT_ACRONYM = 4


def _token(text: str, keep_case: bool) -> str:
    text = text.strip(_EDGE_PUNCTUATION)
    return text if keep_case else text.casefold()


def skill_word_boxes(line: Line, skill: Skill) -> list[BBox]:
    """Boxes around the words of ``line`` that name ``skill`` (by its name or an alias)."""
    names, case_sensitive = _skill_forms().get(skill.id, ((skill.name,), False))
    boxes: list[BBox] = []
    words = line.words
    taken: set[int] = set()
    for name in names:
        keep_case = case_sensitive or (len(name) <= _SHORT_ACRONYM and any(c.isupper() for c in name))
        parts = [_token(p, keep_case) for p in name.split()]
        if not parts or not all(parts):
            continue
        tokens = [_token(w.text, keep_case) for w in words]
        for i in range(len(words) - len(parts) + 1):
            span = range(i, i + len(parts))
            if tokens[i:i + len(parts)] == parts and not taken.intersection(span):
                taken.update(span)
                chosen = [words[j] for j in span if words[j].page == line.page]
                boxes.append(union_bbox(w.bbox for w in chosen))
    return boxes


def marks(report: Report) -> list[Mark]:
    """Boxes for every skill named on the page, and outlines for every flagged line that carries a position.

    A skill's box surrounds its words, not the whole line; a skill only described (no word names
    it) underlines the line. Flagged lines come from the flag's own evidence and from the claim it
    points at, so a flag that only names a claim still shows where that claim stands.
    """
    statements = Statements(report)
    claims = {claim.id: claim for claim in report.claims}
    found: dict[tuple[int, BBox, str], Mark] = {}
    for skill in report.skills:
        for evidence in skill.evidence:
            if evidence.bbox is None:
                continue
            line = statements.line_at(evidence.page, evidence.bbox)
            boxes = skill_word_boxes(line, skill) if line is not None else []
            for box in boxes:
                found.setdefault((evidence.page, box, "skill"), Mark(evidence.page, box, "skill", skill.name))
            if not boxes:
                found.setdefault((evidence.page, evidence.bbox, "described"),
                                 Mark(evidence.page, evidence.bbox, "described", skill.name))
    for flag in report.flags:
        evidences = list(flag.evidence)
        if flag.claim_id and flag.claim_id in claims:
            evidences.extend(claims[flag.claim_id].evidence)
        for evidence in evidences:
            if evidence.bbox is not None:
                found.setdefault((evidence.page, evidence.bbox, "flag"), Mark(evidence.page, evidence.bbox, "flag", flag.message))
    return list(found.values())


# --- safe text ----------------------------------------------------------------------------------

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all also
# disarms Streamlit's own markdown extensions ($math$, :red[colour], :emoji:) in untrusted text.
_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#+-.!|~<>&$:\"'=^%@,;?/")


# GFM turns bare URLs and e-mail addresses into live links even when escaped: an invisible word
# joiner inside "://", "www." and before "@" keeps them plain text (an untrusted link is not clickable).
_WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)


def escape_markdown(text: str) -> str:
    """Text that Streamlit's markdown shows exactly as typed (on one line), with no live link."""
    text = _AUTOLINK.sub(_WORD_JOINER, " ".join(text.split()))
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in text)


# --- a job posting beside the resume (analyzer/posting.py, analyzer/alignment.py) ---------------------

POSTING_ANCHORS = ("posting", "company")  # questions whose quote is a line of the posting, not of the resume
ALIGNMENT_ORDER = {"missing": 0, "weak": 1, "strong": 2}


def line_label(question: Question) -> str:
    """What the quoted line is: a line of the resume or of the job posting."""
    return "Posting line" if question.anchor in POSTING_ANCHORS else "Resume line"


def alignment_rows(report: Report) -> list[dict[str, Any]]:
    """One row per skill the posting asks for, required first, the most exposed first within each."""
    if report.alignment is None:
        return []
    rows = sorted(report.alignment.rows, key=lambda r: (not r.required, ALIGNMENT_ORDER.get(r.status, 3)))
    return [{"skill": r.name, "asked": "required" if r.required else "nice to have", "status": r.status,
             "why": "; ".join(r.reasons), "posting line": r.posting_quote,
             "resume line": r.evidence[0].quote if r.evidence else ""} for r in rows]
