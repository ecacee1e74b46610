"""Small hand-built resumes and skills for the claims, flags and scoring tests.

    resume = build_resume(
        section("experience", "Experience",
                job("Data Scientist", "Acme", "2021-01", "present",
                    "Trained an XGBoost model ...")),
        section("skills", "Skills", "Python, XGBoost, Haskell"),
    )
    skills = find_skills(resume, {"xgboost": ("XGBoost", "ml_libraries"), ...})

``find_skills`` is a tiny stand-in for the skills step (a whole-word search for each name), so
these tests do not depend on the real matcher: a skill named in a skills section only is
``listed_only``; one named in an entry is used there, with that entry's dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import count

from analyzer.dates import month_index
from analyzer.models import Contact, Document, Entry, Evidence, Line, Link, Notice, Resume, Section, Skill

_tops = count(1)


def _line(text: str, *, bullet: bool = False, page: int = 1) -> Line:
    top = float(next(_tops) * 12)
    return Line(text=text, page=page, x0=50.0, top=top, x1=500.0, bottom=top + 10, bullet=bullet)


@dataclass(frozen=True)
class _Job:
    section: str
    title: str
    organization: str
    start: str | None
    end: str | None
    bullets: tuple[str, ...]


def job(title: str, organization: str, start: str | None, end: str | None, *bullets: str) -> _Job:
    """An entry; each bullet may hold '\\n' to wrap it over several lines."""
    return _Job("", title, organization, start, end, bullets)


def section(kind: str, title: str, *items: "str | _Job") -> tuple[str, str, tuple]:
    return (kind, title, items)


def build_resume(*sections: tuple[str, str, tuple], links: tuple[Link, ...] = (),
                 notices: tuple[Notice, ...] = (), as_of: str = "2026-11") -> Resume:
    all_sections, entries = [], []
    for kind, title, items in sections:
        lines: list[Line] = []
        for item in items:
            if isinstance(item, _Job):
                heading = (_line(f"{item.title}, {item.organization}"),)
                body: list[Line] = []
                for bullet in item.bullets:
                    for i, part in enumerate(bullet.split("\n")):
                        body.append(_line(part, bullet=i == 0))
                entries.append(Entry(section=kind, title=item.title, organization=item.organization, location="",
                                     start=item.start, end=item.end, page=1, lines=tuple(body), heading=heading))
                lines.extend(heading + tuple(body))
            else:
                for part in item.split("\n"):
                    lines.append(_line(part, bullet=kind in ("publications", "certifications")))
        all_sections.append(Section(kind=kind, title=title, page=1, lines=tuple(lines)))
    document = Document(name="built.pdf", sha256="0" * 64, pages=1, page_sizes=((595.0, 842.0),),
                        lines=tuple(l for s in all_sections for l in s.lines), links=links, notices=notices)
    return Resume(document=document, contact=Contact(name="Test Person"), sections=tuple(all_sections),
                  entries=tuple(entries), as_of=as_of)


def link(url: str, kind: str, *, valid: bool = True, anchor: str = "") -> Link:
    return Link(url=url, kind=kind, anchor_text=anchor or url, page=1, valid=valid)


def _mentions(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE) is not None


def find_skills(resume: Resume, names: dict[str, tuple[str, str]], *, inferred: tuple[str, ...] = ()) -> tuple[Skill, ...]:
    """Skills by whole-word search: id -> (name, category). See the module docstring."""
    entry_lines = {id(l) for e in resume.entries for l in e.lines}
    skills = []
    for skill_id, (name, category) in names.items():
        evidence: list[Evidence] = []
        used_in: list[str] = []
        ends: list[str] = []
        for entry in resume.entries:
            for line in entry.lines:
                if _mentions(name, line.text):
                    evidence.append(Evidence(entry.section, entry.label, line.text, 1, None, entry.start, entry.end))
                    if entry.label not in used_in:
                        used_in.append(entry.label)
                    ends.append(entry.end or entry.start or "")
        listed = False
        for sec in resume.sections:
            for line in sec.lines:
                if id(line) not in entry_lines and _mentions(name, line.text):
                    evidence.append(Evidence(sec.kind, "", line.text, 1))
                    listed = listed or sec.kind == "skills"
        if not evidence and skill_id not in inferred:
            continue
        dated = [e for e in ends if e]
        last = max(dated, key=lambda e: month_index(e, resume.as_of, end=True)) if dated else None
        skills.append(Skill(id=skill_id, name=name, category=category, inferred=skill_id in inferred,
                            listed_only=listed and not used_in, used_in=tuple(used_in), last_used=last,
                            months_used=12 * len(used_in), strength=0.5, evidence=tuple(evidence)))
    return tuple(skills)
