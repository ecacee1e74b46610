"""analyze(): the steps, top to bottom.

    read_document       bytes -> Document (PDF, scanned PDF by OCR, or .docx: lines in reading order, links, hidden text)
    structure_resume    Document -> Resume (sections, entries with dates, contact)
    match_skills        Resume -> skills, each with the quotes that back it
    resume_statements   -> the resume's bullets and items, each knowing its section and entry
    extract_claims      -> claims (skills, projects, results, links, publications...)
    find_flags          -> what the resume does not back, with advice
    score_claims        -> a defensibility score per claim; assess_readiness -> one row per area
    with a job posting (optional): read_posting, align_posting
    ask_questions       -> the ranked questions, each tied to the line behind it (generate_questions, and
                           with a posting its posting_questions merged in); run alone to change perspective

Everything loaded once per process (taxonomy, spaCy pipeline, question bank) is in Resources.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from analyzer.bank import Bank
from analyzer.cache import cached
from analyzer.claims import extract_claims
from analyzer.dates import this_month
from analyzer.read import read_document
from analyzer.flags import find_flags
from analyzer.guard import start_fork_server
from analyzer.models import Document, Options, Posting, Report
from analyzer.nlp import build_nlp
from analyzer.questions import generate_questions, skill_name_pattern
from analyzer.scoring import assess_readiness, score_claims
from analyzer.sections import structure_resume
from analyzer.skills import inference_model, match_skills
from analyzer.statements import resume_statements
from analyzer.taxonomy import Taxonomy, load_bank, load_taxonomy, share_parts, taxonomy_fingerprint


@dataclass(frozen=True)
class Resources:
    """What is loaded once per process and shared by every analysis (taxonomy, spaCy pipeline, question bank)."""

    taxonomy: Taxonomy
    nlp: Language
    bank: Bank


# What the pickled pipeline is made of: a new version of any of them gives a new cache entry.
_PIPELINE_LIBRARIES = ("spacy", "thinc", "srsly", "preshed", "cymem", "murmurhash", "numpy")


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    """Loaded once per process: a second call (the CLI, the page, a batch worker) reuses it.

    The taxonomy, the spaCy pipeline and the question bank take about a second to build (reading
    and validating taxonomy/, tokenising 2,600 aliases into matchers, checking the bank for
    near-duplicates); they are built once per taxonomy and library versions and read back from the
    disk cache (analyzer/cache.py) in a fraction of that.
    """
    start_fork_server()  # starts in the background while the rest loads
    resources = cached("resources", _build_resources, depends_on=_PIPELINE_LIBRARIES,
                       fingerprints=(taxonomy_fingerprint(),))
    taxonomy = resources.taxonomy
    # Models every analysis uses, built now rather than by the first one (the taxonomy, every rule
    # of taxonomy/ included, is loaded and validated above: nothing is read from taxonomy/ later).
    share_parts(taxonomy)
    inference_model(taxonomy)
    skill_name_pattern(taxonomy)
    # WHY: the loaded pipeline is hundreds of thousands of long-lived objects; a full garbage
    # collection walked them all (about 110 ms, every few dozen analyses). Frozen, it skips them.
    gc.freeze()
    return resources


def _build_resources() -> Resources:
    taxonomy = load_taxonomy()
    return Resources(taxonomy=taxonomy, nlp=build_nlp(taxonomy), bank=load_bank())


def analyze(
    source: str | Path | bytes | Document,
    as_of: str | None = None,
    *,
    name: str | None = None,
    options: Options | None = None,
    resources: Resources | None = None,
    job: str | Path | bytes | Posting | None = None,
) -> Report:
    """Analyse one resume (PDF or .docx) given as a path or as bytes, or a Document already read
    (the CLI reads the file while it loads the resources). Raises only AnalyzerError.

    ``job``: a job posting beside it (pasted text, a .txt/.md/.pdf path, bytes, or a Posting from
    :func:`read_job`); a posting that cannot be used raises BadPosting before the resume is read.
    """
    resources = resources or load_resources()
    # The reference month, resolved once here: every step below reads it from options or the resume.
    options = options or Options()
    options = replace(options, as_of=as_of or options.as_of or this_month())
    posting = read_job(job if job is not None else options.job, resources=resources, limits=options.limits)

    # 1-2. Read the PDF or .docx: words with fonts, lines in reading order, links, hidden text.
    document = source if isinstance(source, Document) else read_document(source, name=name, limits=options.limits)
    # 3. Sections, entries with normalised dates, and the candidate's contact details.
    taxonomy = resources.taxonomy
    resume = structure_resume(document, taxonomy, as_of=options.as_of)
    # 4. Skills named or described on the resume, each with the quotes that back it.
    skills = match_skills(resume, taxonomy, resources.nlp)
    # 5. Claims, the flags on them, a defensibility score per claim and readiness per area.
    statements = resume_statements(resume)
    claims = extract_claims(resume, skills, taxonomy, statements)
    flags = find_flags(resume, skills, claims, taxonomy, options, statements)
    claims = score_claims(claims, flags, skills)
    readiness = assess_readiness(claims, flags, skills, taxonomy)
    # 6. With a job posting: each skill it asks for next to the resume's evidence.
    alignment = None
    if posting is not None:
        from analyzer.alignment import align_posting

        alignment = align_posting(posting, resume, skills, taxonomy, options)
    # 7. The questions to expect, ranked, each tied to the line (or flag, or baseline) behind it.
    report = Report(resume=resume, skills=skills, claims=claims, flags=flags, readiness=readiness,
                    questions=(), settings=(), posting=posting, alignment=alignment)
    return ask_questions(report, options, resources=resources)


def ask_questions(report: Report, options: Options, *, resources: Resources | None = None) -> Report:
    """Step 7 alone: ``report`` with the questions (and settings) for ``options``, the steps before it
    untouched. The page uses it to switch perspective without analysing the resume again."""
    resources = resources or load_resources()
    options = replace(options, as_of=report.resume.as_of)  # the month the resume was read against
    resume, taxonomy = report.resume, resources.taxonomy
    questions = generate_questions(resume, report.skills, report.claims, report.flags, taxonomy, resources.bank,
                                   options)
    if report.posting is not None and report.alignment is not None:
        from analyzer.posting_questions import merge_questions, posting_questions

        extra = posting_questions(report.posting, report.alignment, resume, taxonomy, resources.bank, options)
        questions = merge_questions(questions, extra, options, taxonomy.postings)
    settings = (("as_of", options.as_of), ("stale_years", str(options.stale_years)),
                ("question_count", str(options.question_count)), ("perspective", options.perspective))
    return replace(report, questions=questions, settings=settings)


def read_job(job: str | Path | bytes | Posting | None, *, resources: Resources | None = None,
             name: str | None = None, limits=None) -> Posting | None:
    """A job posting read once (to show its problem before the resume's analysis, or to reuse it)."""
    if job is None or isinstance(job, Posting):
        return job
    from analyzer.posting import read_posting

    resources = resources or load_resources()
    return read_posting(job, resources.taxonomy, resources.nlp, name=name, limits=limits)
