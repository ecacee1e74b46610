"""read_document(source) -> Document: which reader a file goes to, decided by its bytes, not its name.

- a PDF (``%PDF-`` in the first kilobyte): analyzer/extract.py, with OCR for pages that are
  pictures (analyzer/ocr.py); the Document's ``source`` is "ocr" when any page was read by OCR;
- a Word .docx (a ZIP holding ``word/document.xml``): analyzer/docx_reader.py;
- a format we do not read, but that a person can save as one we do, gets a message saying so:
  an old Word .doc (or a password-protected Office file, which is stored the same way), an
  OpenDocument .odt, a macro-enabled .docm or a Word template;
- anything else goes to the PDF reader, whose NotAPDF error names what the file is.

Limits: the checks read only the first kilobyte and the ZIP's list of names; a ZIP that lies in
its list is the .docx reader's to refuse (it bounds sizes itself).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

from analyzer import errors
from analyzer.docx_reader import read_docx
from analyzer.extract import _load, read_pdf
from analyzer.models import OCR_SOURCE, Document, Limits

# The first bytes of an OLE2 compound file: Word 97-2003 .doc, and any password-protected Office file.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ODF_TEXT = b"application/vnd.oasis.opendocument.text"
# A ZIP with more names than this is not an office document (a .docx has a dozen or two).
MAX_ZIP_NAMES = 1000
_SAVE_AS = "Open it in your word processor and save it as a Word document (.docx) or export it as PDF, then upload that file."


def read_document(source: str | Path | bytes, *, name: str | None = None, limits: Limits = Limits()) -> Document:
    """Read a resume given as a path or bytes (PDF or .docx); raise a specific AnalyzerError otherwise."""
    data, name = _load(source, name, limits)
    kind = detect_kind(data)
    if kind == "docx":
        return read_docx(data, name=name, limits=limits)
    document = read_pdf(data, name=name, limits=limits)
    if any(notice.code == "ocr_page" for notice in document.notices):
        return replace(document, source=OCR_SOURCE)
    return document


def detect_kind(data: bytes) -> str:
    """ "pdf" or "docx" (or "unknown", for the PDF reader to name); raises UnsupportedDocument."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_OLE_MAGIC):
        raise errors.UnsupportedDocument(
            "This file is an old-style Word document (.doc), or an Office file protected by a password; "
            "neither can be read here. " + _SAVE_AS.replace("save it as", "save it, without a password, as"))
    if data.startswith(_ZIP_MAGIC):
        return _zip_kind(data)
    return "unknown"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_NAMES:
                return "unknown"
            names = {info.filename for info in infos}
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names and _small(archive, "mimetype") else b""
            content_types = (archive.read("[Content_Types].xml")
                             if "[Content_Types].xml" in names and _small(archive, "[Content_Types].xml") else b"")
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, RuntimeError, EOFError):
        if is_word_zip_head(data):
            raise errors.CorruptDocx(
                "This Word document is damaged or cut short and cannot be read. Open it in Word or "
                "LibreOffice and save it again as .docx, or export it as PDF.") from None
        return "unknown"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        what = "an OpenDocument text (.odt)" if mimetype.startswith(_ODF_TEXT) else "an OpenDocument file"
        raise errors.UnsupportedDocument(f"This file is {what}, which is not read here. " + _SAVE_AS)
    if "word/document.xml" not in names and b"wordprocessingml" not in content_types:
        return "unknown"
    if b"macroEnabled" in content_types or "word/vbaProject.bin" in names:
        raise errors.UnsupportedDocument(
            "This Word file contains macros (a .docm, perhaps renamed), which are not opened here. "
            "Save it as a plain Word document (.docx, without macros) or export it as PDF, then upload that file.")
    if b"wordprocessingml.template" in content_types:
        raise errors.UnsupportedDocument("This file is a Word template (.dotx), not a document. " + _SAVE_AS)
    return "docx"


def is_word_zip_head(data: bytes) -> bool:
    """The first ZIP entries name a Word part (what Word and LibreOffice write first)."""
    head = data[:4096]
    return b"[Content_Types].xml" in head[:200] and b"word/" in head


def _small(archive: zipfile.ZipFile, member: str) -> bool:
    """A member small enough to read for a look at the format (a bomb hidden in it is not)."""
    return archive.getinfo(member).file_size <= 1_000_000
