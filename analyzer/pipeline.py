"""analyze(): the steps, top to bottom.

    read_pdf          bytes -> Document (words, lines in reading order, links, hidden text)
    structure_resume  Document -> Resume (sections, entries with dates, contact)
    match_skills      Resume -> skills with evidence                      (added by issue 3)
    extract_claims    -> claims; find_flags -> flags; score -> readiness  (added by issue 4)
    generate_questions -> ranked questions                               (added by issue 5)
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from analyzer.extract import read_pdf
from analyzer.models import Options, Report
from analyzer.sections import structure_resume
from analyzer.taxonomy import Taxonomy, load_taxonomy


@dataclass(frozen=True)
class Resources:
    """What is loaded once per process and shared by every analysis (taxonomy, spaCy pipeline)."""

    taxonomy: Taxonomy


def load_resources() -> Resources:
    return Resources(taxonomy=load_taxonomy())


def this_month() -> str:
    return _dt.date.today().strftime("%Y-%m")


def analyze(
    source: str | Path | bytes,
    as_of: str | None = None,
    *,
    name: str | None = None,
    options: Options | None = None,
    resources: Resources | None = None,
) -> Report:
    """Analyse one resume PDF given as a path or as bytes. Raises only AnalyzerError."""
    options = options or Options()
    resources = resources or load_resources()
    as_of = as_of or options.as_of or this_month()

    # 1-2. Read the PDF: words with fonts, lines in reading order, links, hidden text.
    document = read_pdf(source, name=name, limits=options.limits)
    # 3. Sections, entries with normalised dates, and the candidate's contact details.
    resume = structure_resume(document, resources.taxonomy, as_of=as_of)

    settings = (("as_of", as_of), ("stale_years", str(options.stale_years)))
    return Report(resume=resume, settings=settings)
