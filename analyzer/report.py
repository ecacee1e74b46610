"""The report as plain data: the JSON contract every consumer (CLI, page, exports) reads.

``to_dict`` is the only place that decides field names; ``to_json`` is byte-for-byte
deterministic for the same report (sorted keys where order carries no meaning, fixed floats).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from analyzer.models import Report

SCHEMA_VERSION = 1


def _round(value: Any) -> Any:
    # Floats are rounded so the JSON is identical across runs and platforms.
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, (list, tuple)):
        return [_round(item) for item in value]
    if isinstance(value, dict):
        return {key: _round(item) for key, item in value.items()}
    return value


def to_dict(report: Report) -> dict[str, Any]:
    resume = report.resume
    document = resume.document
    return _round(
        {
            "schema_version": SCHEMA_VERSION,
            "source": {"name": document.name, "pages": document.pages, "sha256": document.sha256},
            "as_of": resume.as_of,
            "settings": dict(report.settings),
            "contact": {
                "name": resume.contact.name,
                "emails": list(resume.contact.emails),
                "phones": list(resume.contact.phones),
                "location": resume.contact.location,
            },
            "sections": [
                {"kind": s.kind, "title": s.title, "page": s.page, "text": s.text}
                for s in resume.sections
            ],
            "entries": [
                {
                    "section": e.section,
                    "title": e.title,
                    "organization": e.organization,
                    "location": e.location,
                    "start": e.start,
                    "end": e.end,
                    "page": e.page,
                    "text": e.text,
                }
                for e in resume.entries
            ],
            "links": [asdict(link) for link in document.links],
            "warnings": [
                {"code": n.code, "message": n.message, "page": n.page, "text": n.text}
                for n in document.notices
            ] + [
                {"code": "reading", "message": message, "page": None, "text": None}
                for message in resume.warnings
            ],
            "skills": [asdict(skill) for skill in report.skills],
            "claims": [asdict(claim) for claim in report.claims],
            "flags": [asdict(flag) for flag in report.flags],
            "readiness": [asdict(area) for area in report.readiness],
            "questions": [asdict(question) for question in report.questions],
            # Only with a job posting, so a resume-only report keeps its exact shape.
            **({"posting": asdict(report.posting)} if report.posting is not None else {}),
            **({"alignment": asdict(report.alignment)} if report.alignment is not None else {}),
        }
    )


def to_json(report: Report, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(report), indent=indent, ensure_ascii=False)
