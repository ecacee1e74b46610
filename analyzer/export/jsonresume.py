"""JSON Resume export (https://jsonresume.org/schema, v1.0.0) of the parsed resume.

The standard fields hold what the reader found (contact, jobs, degrees, projects, skills, the
lines of publication / certificate / award / language / interest sections). Our own findings go
under ``x-resume-analyzer`` extension fields (the schema allows extra properties): taxonomy skill
ids, evidence quotes with page and box, claims with their defensibility, flags.

Known limits: the reader does not split a degree into study type and area, so the degree line goes
to ``studyType``; sections without entries become one item per line.
"""

from __future__ import annotations

import json
import re
from typing import Any

from analyzer.models import Entry, Evidence, Report, Section
from analyzer.report import SCHEMA_VERSION
from analyzer.taxonomy import SectionKind

EXT = "x-resume-analyzer"
_ISO_DATE = re.compile(r"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$")
# Links whose kind names a public profile, with the network name JSON Resume readers expect.
_NETWORKS = {"github_profile": "GitHub", "linkedin": "LinkedIn", "kaggle": "Kaggle", "scholar": "Google Scholar"}


def _date(value: str | None) -> str | None:
    # "present" and anything malformed are left out: the schema only takes ISO dates.
    return value if value and _ISO_DATE.match(value) else None


def _url(url: str) -> str:
    return url if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) else "https://" + url


def _drop_empty(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v not in (None, "", [], {})}


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return _drop_empty(
        {
            "quote": evidence.quote,
            "section": evidence.section,
            "entry": evidence.entry,
            "page": evidence.page,
            "bbox": [round(v, 2) for v in evidence.bbox] if evidence.bbox else None,
            "start": evidence.start,
            "end": evidence.end,
        }
    )


def _entry_ext(report: Report, index: int) -> dict[str, Any]:
    """Our findings on the entry at ``index`` of the resume's entries: its page and the skills used in it."""
    entry = report.resume.entries[index]
    skill_ids = sorted({s.id for s in report.skills if index in s.used_in_entries})
    return _drop_empty({"page": entry.page, "skills": skill_ids, "end": entry.end if entry.end == "present" else None})


def _dated(entry: Entry) -> dict[str, Any]:
    return {"startDate": _date(entry.start), "endDate": _date(entry.end)}


def _section_lines(report: Report, kind: str) -> list[str]:
    sections: list[Section] = [s for s in report.resume.sections if s.kind == kind]
    return [line.text for section in sections for line in section.lines if line.text.strip()]


def to_jsonresume_dict(report: Report) -> dict[str, Any]:
    resume = report.resume
    contact = resume.contact
    links = resume.document.links
    entries = {kind: [(i, e) for i, e in enumerate(resume.entries) if e.section == kind]
               for kind in (SectionKind.EXPERIENCE, SectionKind.EDUCATION, SectionKind.PROJECTS, SectionKind.VOLUNTEERING)}
    summary = " ".join(_section_lines(report, SectionKind.SUMMARY))
    website = next((l.url for l in links if l.valid and l.kind in ("portfolio", "blog")), "")

    basics = _drop_empty(
        {
            "name": contact.name,
            "email": contact.emails[0] if contact.emails else "",
            "phone": contact.phones[0] if contact.phones else "",
            "url": _url(website) if website else "",
            "summary": summary,
            "location": {"address": contact.location} if contact.location else {},
            "profiles": [
                {"network": _NETWORKS[l.kind], "url": _url(l.url), "username": _url(l.url).rstrip("/").rsplit("/", 1)[-1]}
                for l in links
                if l.valid and l.kind in _NETWORKS
            ],
            EXT: _drop_empty({"emails": list(contact.emails), "phones": list(contact.phones)}),
        }
    )
    work = [
        _drop_empty({"name": e.organization, "position": e.title, "location": e.location, **_dated(e),
                     "highlights": [line.text for line in e.lines], EXT: _entry_ext(report, i)})
        for i, e in entries[SectionKind.EXPERIENCE]
    ]
    volunteer = [
        _drop_empty({"organization": e.organization, "position": e.title, **_dated(e),
                     "highlights": [line.text for line in e.lines], EXT: _entry_ext(report, i)})
        for i, e in entries[SectionKind.VOLUNTEERING]
    ]
    education = [
        _drop_empty({"institution": e.organization or e.title, "studyType": e.title if e.organization else "",
                     **_dated(e), "courses": [line.text for line in e.lines], EXT: _entry_ext(report, i)})
        for i, e in entries[SectionKind.EDUCATION]
    ]
    projects = [
        _drop_empty({"name": e.title or e.organization or "Project", "entity": e.organization if e.title else "",
                     **_dated(e), "highlights": [line.text for line in e.lines], EXT: _entry_ext(report, i)})
        for i, e in entries[SectionKind.PROJECTS]
    ]
    skills = [
        _drop_empty(
            {
                "name": s.name,
                "keywords": [s.category] if s.category else [],
                EXT: _drop_empty(
                    {
                        "id": s.id,
                        "category": s.category,
                        "parents": list(s.parents),
                        "strength": round(s.strength, 3),
                        "listed_only": s.listed_only,
                        "inferred": s.inferred,
                        "first_used": s.first_used,
                        "last_used": s.last_used,
                        "months_used": s.months_used,
                        "evidence": [_evidence(ev) for ev in s.evidence],
                    }
                ),
            }
        )
        for s in report.skills
    ]
    document = {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": basics,
        "work": work,
        "volunteer": volunteer,
        "education": education,
        "projects": projects,
        "skills": skills,
        "publications": [{"name": text} for text in _section_lines(report, SectionKind.PUBLICATIONS)],
        "certificates": [{"name": text} for text in _section_lines(report, SectionKind.CERTIFICATIONS)],
        "awards": [{"title": text} for text in _section_lines(report, SectionKind.AWARDS)],
        "languages": [{"language": text} for text in _section_lines(report, SectionKind.LANGUAGES)],
        "interests": [{"name": text} for text in _section_lines(report, SectionKind.INTERESTS)],
        "meta": {"version": "v1.0.0"},
        EXT: {
            "schema_version": SCHEMA_VERSION,
            "source": {"name": resume.document.name, "pages": resume.document.pages, "sha256": resume.document.sha256},
            "as_of": resume.as_of,
            "claims": [
                _drop_empty({"id": c.id, "kind": c.kind, "text": c.text, "skills": list(c.skill_ids),
                             "defensibility": c.defensibility, "reasons": list(c.reasons),
                             "evidence": [_evidence(ev) for ev in c.evidence]})
                for c in report.claims
            ],
            "flags": [
                _drop_empty({"code": f.code, "severity": f.severity, "message": f.message, "advice": f.advice,
                             "claim": f.claim_id, "area": f.area, "evidence": [_evidence(ev) for ev in f.evidence]})
                for f in report.flags
            ],
        },
    }
    return {key: value for key, value in document.items() if value != []}


def to_jsonresume(report: Report) -> bytes:
    return (json.dumps(to_jsonresume_dict(report), indent=2, ensure_ascii=False) + "\n").encode("utf-8", "replace")
