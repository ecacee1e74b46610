"""Small hand-built resumes and skills for the claims, flags and scoring tests.

    resume = build_resume(
        section("experience", "Experience",
                job("Data Scientist", "Acme", "2021-01", "present",
                    "Trained an XGBoost model ...")),
        section("skills", "Skills", "Python, XGBoost, Julia"),
    )
    skills = find_skills(resume)

``find_skills`` runs the real skills step (the taxonomy and spaCy pipeline loaded once), so these
tests see the skills the product sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from analyzer.models import Contact, Document, Entry, Line, Link, Notice, Resume, Section, Skill

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


def find_skills(resume: Resume) -> tuple[Skill, ...]:
    """The skills step itself (analyzer.skills.match_skills) on a built resume, with the real taxonomy."""
    from analyzer.pipeline import load_resources
    from analyzer.skills import match_skills

    resources = load_resources()
    return match_skills(resume, resources.taxonomy, resources.nlp)
