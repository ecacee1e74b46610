"""The one error hierarchy of the library.

The library raises only :class:`AnalyzerError` subclasses, each with a message a user can act on.
Findings *about* a resume (hidden text, an unreadable page, a padded skills list) are not errors:
they are warnings and flags in the report. The functions at the end build the messages of the
bounded PDF reader's errors (time, memory, crashes), so all the wording a user reads is here.
"""

from __future__ import annotations


class AnalyzerError(Exception):
    """Base class: something about the input or the set-up stops the analysis.

    ``code`` is a stable machine-readable name; ``str(error)`` is the message for people.
    """

    code = "analyzer_error"


class InputError(AnalyzerError):
    """Base class for problems with the file the user gave."""

    code = "input_error"


class EmptyFile(InputError):
    """Raised when the upload has no bytes at all."""

    code = "empty_file"


class NotAPDF(InputError):
    """Raised when the bytes are not a PDF (a renamed Word file, an image, HTML, a ZIP...)."""

    code = "not_a_pdf"


class CorruptPDF(InputError):
    """Raised when the file starts like a PDF but cannot be parsed (truncated, damaged)."""

    code = "corrupt_pdf"


class EncryptedPDF(InputError):
    """Raised when the PDF needs a password to open."""

    code = "encrypted_pdf"


class NoTextLayer(InputError):
    """Raised when no page has extractable text (a scan or a picture of a resume)."""

    code = "no_text_layer"


class TooLarge(InputError):
    """Raised when the file is bigger than the configured size limit."""

    code = "too_large"


class TooManyPages(InputError):
    """Raised when the PDF has more pages than the configured page limit."""

    code = "too_many_pages"


class TooSlow(InputError):
    """Raised when reading the PDF exceeds the per-file time budget (a hostile or broken file)."""

    code = "too_slow"


class TooComplex(InputError):
    """Raised when reading the PDF needs more memory than allowed, or crashes the parser (a hostile file)."""

    code = "too_complex"


class UnsupportedDocument(InputError):
    """Raised for a document format we do not read (.doc, .odt, a macro-enabled .docm or a template):
    the message says to save it as .docx or PDF."""

    code = "unsupported_document"


class CorruptDocx(InputError):
    """Raised when a file looks like a Word .docx (a ZIP with word/document.xml) but cannot be read."""

    code = "corrupt_docx"


class TaxonomyError(AnalyzerError):
    """Raised when a file under ``taxonomy/`` is missing, malformed or inconsistent."""

    code = "taxonomy_error"


class BadPosting(InputError):
    """Raised when a job posting cannot be used: empty, not text, far too long, or really a resume.

    The resume analysis does not depend on it: callers show the message and analyse the resume alone.
    """

    code = "bad_posting"


# --- what the bounded PDF reader tells the user (analyzer/guard.py, analyzer/sandbox.py) ----------

_EXPORT_AGAIN = "Export it again from the original document."


def too_slow(seconds: float) -> TooSlow:
    return TooSlow(f"Reading this PDF took longer than {seconds:.0f} seconds, far more than a resume needs; "
                   f"the file is probably damaged or built to be slow. {_EXPORT_AGAIN}")


def too_complex(detail: str) -> TooComplex:
    """``detail`` completes "This PDF ...": "needs more than 768 MB of memory to read"."""
    return TooComplex(f"This PDF {detail}, far beyond what a resume needs, so reading it was stopped. "
                      "Export it again from the original document, without embedded images or attachments.")


def reader_crashed(signum: int) -> TooComplex:
    return TooComplex(f"This PDF crashed the PDF reader (signal {signum}): it is damaged or built to break "
                      f"readers. {_EXPORT_AGAIN}")


def reader_stopped() -> TooComplex:
    return TooComplex("The PDF reader stopped on this file before it could answer: it is damaged or built to "
                      f"break readers. {_EXPORT_AGAIN}")


def reader_failed(kind: str) -> CorruptPDF:
    """An unexpected exception (``kind`` is its type's name) escaped the reader."""
    return CorruptPDF(f"This PDF is damaged and cannot be read ({kind}). {_EXPORT_AGAIN}")


def internal_error(kind: str) -> AnalyzerError:
    return AnalyzerError(f"Internal error: {kind}.")


def result_not_received(error: Exception) -> AnalyzerError:
    return AnalyzerError(f"The PDF reader's result could not be received ({error}).")
