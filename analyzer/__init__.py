"""resume-analyzer: read a data scientist's resume, judge how well it backs each claim, and list
the interview questions to expect. ``from analyzer import analyze; report = analyze(path_or_bytes)``.
"""

from analyzer.errors import (
    AnalyzerError,
    BadPosting,
    CorruptDocx,
    CorruptPDF,
    EmptyFile,
    EncryptedPDF,
    InputError,
    NoTextLayer,
    NotAPDF,
    TaxonomyError,
    TooComplex,
    TooLarge,
    TooManyPages,
    TooSlow,
    UnsupportedDocument,
)
from analyzer.models import Limits, Options, Report


def __getattr__(name: str):
    # WHY lazy: analyze() pulls in spaCy; the fork server (analyzer/forkserver.py) imports only
    # the PDF reader from this package, and stays small.
    if name in ("analyze", "load_resources"):
        from analyzer import pipeline

        return getattr(pipeline, name)
    if name in ("to_dict", "to_json"):
        from analyzer import report

        return getattr(report, name)
    raise AttributeError(f"module 'analyzer' has no attribute {name!r}")


__all__ = sorted([
    "AnalyzerError",
    "BadPosting",
    "CorruptDocx",
    "CorruptPDF",
    "EmptyFile",
    "EncryptedPDF",
    "InputError",
    "Limits",
    "NoTextLayer",
    "NotAPDF",
    "Options",
    "Report",
    "TaxonomyError",
    "TooComplex",
    "TooLarge",
    "TooManyPages",
    "TooSlow",
    "UnsupportedDocument",
    "analyze",
    "load_resources",
    "to_dict",
    "to_json",
])
