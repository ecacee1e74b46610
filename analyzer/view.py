"""What the page and the exports show: pure functions from a Report to rows, groups and marks.

The Streamlit page (streamlit_app.py) is a thin shell around these functions, so everything it
decides (order, grouping, filtering, labels) is tested without a browser. Nothing here renders:
values are plain strings and numbers, and resume text stays plain text (never HTML).

Known limits: area names come from the report's readiness rows, else from taxonomy/areas.toml;
an area id that neither knows is shown as "Area N".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from analyzer.errors import AnalyzerError
from analyzer.models import BBox, Claim, Evidence, Flag, Question, Report, Skill

# Highest first: a user reads the findings that can sink an interview before the small ones.
SEVERITY_ORDER = ("high", "medium", "low", "info")
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


def overview(report: Report) -> Overview:
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
        flags=len(report.flags),
        questions=len(report.questions),
        warnings=len(resume.document.notices),
    )


def readiness_rows(report: Report) -> list[dict[str, Any]]:
    """One row per interview area, in area order, for the readiness chart."""
    return [
        {"area": r.area, "name": r.name, "label": f"{r.area}. {r.name}", "score": r.score, "summary": r.summary}
        for r in sorted(report.readiness, key=lambda r: r.area)
    ]


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
            "category": s.category,
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
    groups: dict[str, list[Skill]] = {}
    for skill in sorted(report.skills, key=lambda s: (s.category, -s.strength, s.name.lower())):
        groups.setdefault(skill.category, []).append(skill)
    return list(groups.items())


def evidence_line(evidence: Evidence) -> str:
    """Where a quote stands, for people: 'p. 1 · experience · Data Scientist, Acme · 2020-01 to present'."""
    parts = [f"p. {evidence.page}", evidence.section]
    if evidence.entry:
        parts.append(evidence.entry)
    if evidence.start or evidence.end:
        parts.append(f"{evidence.start or '?'} to {evidence.end or '?'}")
    return " · ".join(part for part in parts if part)


# --- flags ------------------------------------------------------------------------------------


def flags_by_severity(report: Report) -> list[tuple[str, list[Flag]]]:
    """Flags grouped by severity, highest first; empty groups are left out.

    A severity outside SEVERITY_ORDER still shows, after the known ones.
    """
    groups: dict[str, list[Flag]] = {}
    for flag in report.flags:
        groups.setdefault(flag.severity, []).append(flag)
    order = list(SEVERITY_ORDER) + sorted(set(groups) - set(SEVERITY_ORDER))
    return [(severity, groups[severity]) for severity in order if severity in groups]


def flag_evidence(report: Report, flag: Flag) -> tuple[Evidence, ...]:
    """The flag's own evidence, else that of the claim it points at (so every flag shows a line)."""
    if flag.evidence:
        return flag.evidence
    claim = next((c for c in report.claims if c.id == flag.claim_id), None)
    return claim.evidence if claim else ()


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


def why_label(perspective: str) -> str:
    """The heading above a question's reason, worded for who is reading."""
    return "What to listen for" if perspective == "interviewer" else "Why you may be asked this"


def question_meta(question: Question) -> str:
    difficulty = DIFFICULTY_LABELS.get(question.difficulty, str(question.difficulty))
    parts = [question.kind, f"difficulty {question.difficulty} ({difficulty})"]
    if question.topic:
        parts.append(question.topic)
    return " · ".join(parts)


# --- marks on the page images -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    """A box to draw on a page image: ``kind`` is "skill" or "flag"."""

    page: int
    bbox: BBox
    kind: str
    label: str


def marks(report: Report) -> list[Mark]:
    """Boxes for every skill quote and every flagged claim that carries a position.

    Flagged claims come from the flag's own evidence and from the claim it points at, so a flag
    that only names a claim still shows where that claim stands.
    """
    claims = {claim.id: claim for claim in report.claims}
    found: dict[tuple[int, BBox, str], Mark] = {}
    for skill in report.skills:
        for evidence in skill.evidence:
            if evidence.bbox is not None:
                found.setdefault((evidence.page, evidence.bbox, "skill"), Mark(evidence.page, evidence.bbox, "skill", skill.name))
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
