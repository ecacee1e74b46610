"""The exports people take away, one module per format, each a pure function Report -> bytes.

``FORMATS`` is the one list the page's download buttons and the CLI's ``export --format`` share.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from analyzer.export.csv_export import to_csv
from analyzer.export.json_export import to_json_bytes
from analyzer.export.jsonresume import to_jsonresume
from analyzer.export.markdown import to_markdown
from analyzer.models import Report

# WHY imported on first use: fpdf2 (the PDF) and the Anki writer take about 0.3 s to import, as long
# as the rest of a command-line run that never writes those formats.
_ON_FIRST_USE = {"to_pdf": "analyzer.export.pdf", "to_apkg": "analyzer.export.anki"}


def _on_first_use(name: str) -> Callable[..., bytes]:
    def render(report: Report, **options: object) -> bytes:
        return getattr(importlib.import_module(_ON_FIRST_USE[name]), name)(report, **options)

    render.__name__ = render.__qualname__ = name
    return render


def __getattr__(name: str):
    if name in _ON_FIRST_USE:
        return getattr(importlib.import_module(_ON_FIRST_USE[name]), name)
    raise AttributeError(f"module 'analyzer.export' has no attribute {name!r}")


@dataclass(frozen=True, slots=True)
class Format:
    key: str  # what --format takes
    label: str  # what a download button says
    extension: str  # with the dot
    mime: str
    render: Callable[[Report], bytes]

    def filename(self, source_name: str) -> str:
        """'priya.pdf' -> 'priya-questions.md' (the full report and JSON Resume get their own suffix)."""
        stem = Path(source_name or "resume").stem or "resume"
        suffix = {"json": "-report", "jsonresume": "-resume"}.get(self.key, "-questions")
        return f"{stem}{suffix}{self.extension}"


FORMATS: dict[str, Format] = {
    f.key: f
    for f in (
        Format("md", "Questions (Markdown)", ".md", "text/markdown", to_markdown),
        Format("pdf", "Questions (printable PDF)", ".pdf", "application/pdf", _on_first_use("to_pdf")),
        Format("csv", "Questions (CSV)", ".csv", "text/csv", to_csv),
        Format("json", "Full report (JSON)", ".json", "application/json", to_json_bytes),
        Format("anki", "Anki deck (.apkg)", ".apkg", "application/apkg", _on_first_use("to_apkg")),
        Format("jsonresume", "JSON Resume", ".json", "application/json", to_jsonresume),
    )
}


# The formats that carry practice-mode status and notes (the question lists); the others ignore them.
WITH_PRACTICE = frozenset({"md", "pdf", "csv", "anki"})


def export(report: Report, key: str, practice: Mapping[str, object] | None = None) -> bytes:
    """Render ``report`` in the format named ``key`` (a key of FORMATS), with practice marks if given."""
    if practice and key in WITH_PRACTICE:
        return FORMATS[key].render(report, practice=practice)
    return FORMATS[key].render(report)


__all__ = ["FORMATS", "WITH_PRACTICE", "Format", "export", "to_apkg", "to_csv", "to_json_bytes", "to_jsonresume", "to_markdown", "to_pdf"]
