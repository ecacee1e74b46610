"""resume-analyzer: read a data scientist's resume, judge how well it backs each claim, and list
the interview questions to expect. ``from analyzer import analyze; report = analyze(path_or_bytes)``.
"""

from analyzer.errors import (
    AnalyzerError,
    CorruptPDF,
    EmptyFile,
    EncryptedPDF,
    InputError,
    NoTextLayer,
    NotAPDF,
    TaxonomyError,
    TooLarge,
    TooManyPages,
    TooSlow,
)
from analyzer.models import Limits, Options, Report
from analyzer.pipeline import analyze, load_resources
from analyzer.report import to_dict, to_json

__all__ = sorted([
    "AnalyzerError",
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
    "TooLarge",
    "TooManyPages",
    "TooSlow",
    "analyze",
    "load_resources",
    "to_dict",
    "to_json",
])
